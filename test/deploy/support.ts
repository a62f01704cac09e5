import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import { ApimConnection } from '../../src/deploy/client.js';
import {
  createCredential,
  resolveIdentity,
  type FederatedCredential,
  type Identity,
} from '../../src/deploy/credentials.js';
import { loadRepository } from '../../src/policy/layout.js';
import type { PolicyRepository } from '../../src/policy/repository.js';
import { fileURLToPath } from 'node:url';
import { requestGitHubIdToken } from '../support/github-id-token.js';

/** The Azure-only bed (no Gogs): a running emulator with an app registration trusting the emulated GitHub issuer. The whole bed, Gogs included, is test/bed/bed.ts. */
export interface ApimBed {
  emu: Emulator;
  clientId: string;
  objectId: string;
  connect(options?: { pollIntervalMs?: number; requestTimeoutMs?: number }): ApimConnection;
  identity(): Promise<Identity>;
  close(): Promise<void>;
}

// Not ../support/shared.js: that one needs jest globals, and bench/deploy.ts uses this file too.
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tlsDir = path.join(projectRoot, '.tools', 'tls');
const tls = {
  certFile: path.join(tlsDir, 'server.pem'),
  keyFile: path.join(tlsDir, 'server-key.pem'),
  caFile: path.join(tlsDir, 'ca.pem'),
};

/** The emulator's federated sign-in as a GitHub Actions job does it: the job's ID token as the assertion. */
export function githubCredential(
  emu: { tenantId: string; authorityHost: string },
  clientId: string,
): FederatedCredential {
  return createCredential({
    auth: 'github-oidc',
    tenantId: emu.tenantId,
    clientId,
    authorityHost: emu.authorityHost,
    getIdToken: requestGitHubIdToken,
  });
}

/** The GitHub Actions environment variables the ID-token request reads, pointed at the emulator. */
export function useGitHubEnv(emu: Emulator): void {
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = emu.github.requestUrl;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = emu.github.requestToken;
}

export async function startApimBed(
  options: { latencyMs?: number; seed?: unknown; rateLimits?: EmulatorOptions['rateLimits'] } = {},
): Promise<ApimBed> {
  const emu = await startEmulator({
    tls,
    latencyMs: options.latencyMs,
    seed: options.seed,
    lroPolls: 1,
    rateLimits: options.rateLimits,
  });
  useGitHubEnv(emu);
  const { clientId, objectId } = emu.registerApp({
    clientId: '11111111-2222-4333-8444-555555555555',
    federatedCredentials: [
      { issuer: emu.github.issuer, subject: emu.github.subject, audiences: ['api://AzureADTokenExchange'] },
    ],
  });
  const credential = githubCredential(emu, clientId);
  const target = {
    subscriptionId: emu.subscriptionId,
    resourceGroup: emu.resourceGroup,
    serviceName: emu.serviceName,
    endpoint: emu.armEndpoint,
  };
  return {
    emu,
    clientId,
    objectId,
    connect: (o = {}) =>
      new ApimConnection(credential, target, {
        pollIntervalMs: o.pollIntervalMs ?? 20,
        requestTimeoutMs: o.requestTimeoutMs,
      }),
    identity: () => resolveIdentity(credential),
    close: () => emu.close(),
  };
}

/** Writes an APIOps-layout repository from `files` (path → content) and loads it. */
export async function makeRepo(files: Record<string, string>): Promise<PolicyRepository> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-repo-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  }
  return loadRepository(root);
}

export const policy = (inbound: string): string =>
  `<policies>\n  <inbound>\n    <base />\n    ${inbound}\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n`;

export const globalPolicy = (inbound: string): string =>
  `<policies>\n  <inbound>\n    ${inbound}\n  </inbound>\n  <backend>\n    <forward-request />\n  </backend>\n  <outbound />\n  <on-error />\n</policies>\n`;

/** Commit A: what is live before a deployment. */
export const repoA: Record<string, string> = {
  'policy.xml': globalPolicy(
    '<set-header name="x-env" exists-action="override"><value>{{env-name}}</value></set-header>',
  ),
  'named values/env-name/namedValueInformation.json': JSON.stringify({
    properties: { displayName: 'env-name', value: 'old', secret: false },
  }),
  'backends/orders/backendInformation.json': JSON.stringify({
    properties: { url: 'https://orders-old.example', protocol: 'http' },
  }),
  'policy fragments/cors/policy.xml':
    '<fragment>\n  <cors allow-credentials="false">\n    <allowed-origins><origin>https://old.example</origin></allowed-origins>\n    <allowed-methods><method>GET</method></allowed-methods>\n  </cors>\n</fragment>\n',
  'policy fragments/cors/policyFragmentInformation.json': JSON.stringify({
    properties: { description: 'CORS' },
  }),
};

/** Commit B: every kind changed, and one of each created; the global policy uses the new fragment and named value. */
export const repoB: Record<string, string> = {
  'policy.xml': globalPolicy(
    '<set-header name="x-env" exists-action="override"><value>{{env-name}}-{{region}}</value></set-header>\n    <include-fragment fragment-id="tracing" />',
  ),
  'named values/env-name/namedValueInformation.json': JSON.stringify({
    properties: { displayName: 'env-name', value: 'new', secret: false },
  }),
  'named values/region/namedValueInformation.json': JSON.stringify({
    properties: { displayName: 'region', value: 'westeurope', secret: false },
  }),
  'backends/orders/backendInformation.json': JSON.stringify({
    properties: { url: 'https://orders-new.example', protocol: 'http' },
  }),
  'backends/billing/backendInformation.json': JSON.stringify({
    properties: { url: 'https://billing.example', protocol: 'http' },
  }),
  'policy fragments/cors/policy.xml':
    '<fragment>\n  <cors allow-credentials="false">\n    <allowed-origins><origin>https://new.example</origin></allowed-origins>\n    <allowed-methods><method>GET</method></allowed-methods>\n  </cors>\n</fragment>\n',
  'policy fragments/cors/policyFragmentInformation.json': JSON.stringify({
    properties: { description: 'CORS' },
  }),
  'policy fragments/tracing/policy.xml':
    '<fragment>\n  <set-header name="x-trace" exists-action="skip"><value>@(context.RequestId.ToString())</value></set-header>\n</fragment>\n',
};

export const commitA = 'a'.repeat(40);
export const commitB = 'b'.repeat(40);
export const fastRetry = { attempts: 3, baseDelayMs: 5 };
