import { randomUUID, type webcrypto } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

/** One RS256 signing key with its published JWKS; every token service here owns one (made with jose). */
export class SigningKey {
  private constructor(
    private readonly privateKey: webcrypto.CryptoKey,
    readonly jwks: JSONWebKeySet,
    readonly kid: string,
  ) {}

  static async create(): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID().replace(/-/g, '');
    const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    return new SigningKey(privateKey, { keys: [jwk] }, kid);
  }

  /** A key resolver for jose's jwtVerify. */
  verifier(): JWTVerifyGetKey {
    return createLocalJWKSet(this.jwks);
  }

  /** Signs `claims`; iat/nbf default to now and exp to `lifetimeSeconds` later. */
  sign(claims: JWTPayload, lifetimeSeconds: number, typ = 'JWT'): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iat: now, nbf: now, exp: now + lifetimeSeconds, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ })
      .sign(this.privateKey);
  }
}
