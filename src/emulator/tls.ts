import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate as NodeX509Certificate, webcrypto } from 'node:crypto';
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

/**
 * Certificates made in JavaScript (no openssl binary needed): a CA and a loopback server certificate.
 * The Azure SDK refuses bearer tokens over plain http, so every local stand-in for Azure speaks TLS;
 * tests trust the CA through NODE_EXTRA_CA_CERTS. The Gogs test bed reuses these functions.
 */

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
const crypto = webcrypto;
x509.cryptoProvider.set(crypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

const keyAlgorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const signingAlgorithm = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** PEM texts of a certificate and its private key (PKCS#8). */
export interface PemPair {
  cert: string;
  key: string;
}

/** The files a TLS server and its clients need. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
  caFile: string;
}

/** The names every loopback server certificate carries. */
export const loopbackNames = ['127.0.0.1', 'localhost', '::1'];

function validity(days: number): { notBefore: Date; notAfter: Date } {
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000); // tolerate clock skew
  return { notBefore, notAfter: new Date(notBefore.getTime() + days * 24 * 3600 * 1000) };
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = await crypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decode(pem)[0];
  return crypto.subtle.importKey('pkcs8', der, keyAlgorithm, true, ['sign']);
}

/** A new self-signed CA, valid for `days` (default ten years). */
export async function createCa(commonName = 'apim-gogs test CA', days = 3650): Promise<PemPair> {
  const keys = (await crypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${commonName}`,
    keys,
    signingAlgorithm,
    ...validity(days),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await privateKeyPem(keys.privateKey) };
}

/** A server certificate signed by `ca` for the given DNS names and IP addresses. */
export async function createServerCert(
  ca: PemPair,
  names: string[] = loopbackNames,
  days = 3650,
): Promise<PemPair> {
  const caCert = new x509.X509Certificate(ca.cert);
  const caKey = await importPrivateKey(ca.key);
  const keys = (await crypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const isIp = (n: string): boolean => /^[\d.]+$/.test(n) || n.includes(':');
  const cert = await x509.X509CertificateGenerator.create({
    subject: `CN=${names[0] ?? 'localhost'}`,
    issuer: caCert.subject,
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm,
    ...validity(days),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((value) => ({ type: isIp(value) ? 'ip' : 'dns', value })),
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { cert: cert.toString('pem'), key: await privateKeyPem(keys.privateKey) };
}

/** File names inside a TLS directory (the layout scripts/make-test-certs.ts writes). */
export function tlsPaths(tlsDir: string): TlsFiles & { caKeyFile: string } {
  // Absolute, because these end up in NODE_EXTRA_CA_CERTS for processes started elsewhere.
  const dir = path.resolve(tlsDir);
  return {
    caFile: path.join(dir, 'ca.pem'),
    caKeyFile: path.join(dir, 'ca-key.pem'),
    certFile: path.join(dir, 'server.pem'),
    keyFile: path.join(dir, 'server-key.pem'),
  };
}

/** True when the file holds a certificate that is valid for at least `days` more days. */
function stillValid(certFile: string, days: number): boolean {
  if (!existsSync(certFile)) return false;
  try {
    const cert = new NodeX509Certificate(readFileSync(certFile));
    return new Date(cert.validTo).getTime() > Date.now() + days * 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/**
 * Writes ca.pem, ca-key.pem, server.pem and server-key.pem into `dir` unless valid ones are there.
 * Idempotent: a CA that tests already trust (NODE_EXTRA_CA_CERTS) is kept, so reruns never break them.
 */
export async function ensureTlsDir(dir: string): Promise<TlsFiles & { created: boolean }> {
  const files = tlsPaths(dir);
  const all = [files.caFile, files.caKeyFile, files.certFile, files.keyFile];
  if (all.every((f) => existsSync(f)) && stillValid(files.caFile, 30) && stillValid(files.certFile, 30)) {
    return { ...files, created: false };
  }
  mkdirSync(dir, { recursive: true });
  let ca: PemPair;
  if (existsSync(files.caFile) && existsSync(files.caKeyFile) && stillValid(files.caFile, 30)) {
    ca = { cert: readFileSync(files.caFile, 'utf8'), key: readFileSync(files.caKeyFile, 'utf8') };
  } else {
    ca = await createCa();
    writeFileSync(files.caFile, ca.cert);
    writeFileSync(files.caKeyFile, ca.key, { mode: 0o600 });
  }
  const server = await createServerCert(ca);
  writeFileSync(files.certFile, server.cert);
  writeFileSync(files.keyFile, server.key, { mode: 0o600 });
  return { ...files, created: true };
}

/** A fresh CA and server certificate in a new temporary directory. */
export async function createTempTls(): Promise<TlsFiles & { dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-tls-'));
  return { dir, ...(await ensureTlsDir(dir)) };
}
