import { rm } from 'node:fs/promises';
import { AzureDevOpsOidc, type ServiceConnection } from './azure-devops-oidc.js';
import { ArmRouter, type RequestFaults } from './arm-router.js';
import { handleAdmin } from './admin.js';
import { Entra, type AppRegistration } from './entra.js';
import { FaultPlan, type FaultSpec } from './faults.js';
import { GitHubOidc, type GitHubContext } from './github-oidc.js';
import { LroTracker } from './lro.js';
import { ManagedIdentity } from './managed-identity.js';
import { RateLimiter, type RateLimits } from './rate-limit.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { armRoutes } from './resources/index.js';
import { seedDefaultGlobalPolicy } from './resources/policies.js';
import { applySeed } from './seed.js';
import { startServer, type ServerHooks } from './server.js';
import type { ApimService } from './service.js';
import { SigningKey } from './signing.js';
import { EntityStore } from './store.js';
import { createTempTls, type TlsFiles } from './tls.js';
import { ThirdParty, type ThirdPartyEdit } from './third-party.js';
import { TokenLog, type IssuedToken } from './token-log.js';

export type { FaultSpec, FaultKind } from './faults.js';
export type { RequestLogEntry } from './request-log.js';
export type { BucketSpec, RateLimits } from './rate-limit.js';
export type { ThirdPartyEdit } from './third-party.js';
export type { IssuedToken, IssuedTokenKind } from './token-log.js';
export type { AppRegistration, FederatedCredential } from './entra.js';
export type { GitHubContext } from './github-oidc.js';
export type { Seed, PolicySeed } from './seed.js';
export type { ServiceConnection } from './azure-devops-oidc.js';
export {
  createCa,
  createServerCert,
  createTempTls,
  ensureTlsDir,
  tlsPaths,
  loopbackNames,
  type PemPair,
  type TlsFiles,
} from './tls.js';

export interface EmulatorOptions {
  /** Certificate files to serve with; a fresh CA + server certificate in a temp dir when absent. */
  tls?: TlsFiles;
  /** Latency added to every request (benchmarks). */
  latencyMs?: number;
  /** Initial content: a seed object (see seed.ts), a path to a seed JSON file, or an APIOps folder. */
  seed?: unknown;
  /** Fixed port (default: a free one). */
  port?: number;
  tenantId?: string;
  subscriptionId?: string;
  resourceGroup?: string;
  serviceName?: string;
  /** Lifetime of access tokens (default 3600 s). */
  tokenLifetimeSeconds?: number;
  /** How many status polls a long-running operation stays InProgress (default 1). */
  lroPolls?: number;
  /** ARM's token buckets per principal (default ARM's: reads 250 at 25/s, writes 200 at 10/s); see rate-limit.ts. */
  rateLimits?: RateLimits;
}

export interface Emulator {
  /** https://127.0.0.1:port — the ARM endpoint (`endpoint` of ApiManagementClient). */
  armEndpoint: string;
  /** Entra authority host (`authorityHost` of @azure/identity credentials). */
  authorityHost: string;
  /** The CA to trust (NODE_EXTRA_CA_CERTS). */
  caFile: string;
  tenantId: string;
  subscriptionId: string;
  resourceGroup: string;
  serviceName: string;
  /** Full ARM id of the service. */
  serviceId: string;
  github: {
    requestUrl: string;
    requestToken: string;
    issuer: string;
    /** The `sub` tokens currently carry. */
    readonly subject: string;
    setContext(ctx: Partial<GitHubContext>): void;
  };
  azureDevOps: {
    oidcRequestUri: string;
    accessToken: string;
    issuer: string;
    /** The default service connection's id and the `sub` its tokens carry. */
    serviceConnectionId: string;
    subject: string;
    addServiceConnection(connection: ServiceConnection): string;
  };
  managedIdentity: { endpoint: string; header: string; clientId: string; objectId: string };
  registerApp(app: AppRegistration): { clientId: string; objectId: string };
  addFault(fault: FaultSpec): void;
  clearFaults(): void;
  loadFaultPlan(file: string): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Requests being handled now, including slow ones whose client has given up waiting. */
  inFlight(): number;
  /**
   * Every token issued (OIDC ID tokens, access tokens) or presented (client assertions) so far, oldest
   * first: the values a secrets scan looks for in what a run left.
   */
  issuedTokens(): IssuedToken[];
  /** Replaces the throttling model (buckets start full). */
  setRateLimits(limits: RateLimits): void;
  /** Changes an entity's content as someone else would (a portal edit); undefined when it does not exist. */
  editAsThirdParty(path: string): ThirdPartyEdit | undefined;
  /** Every third-party edit so far (thirdPartyEdit faults and editAsThirdParty), oldest first. */
  thirdPartyEdits(): ThirdPartyEdit[];
  setLatency(ms: number): void;
  /** The environment variables a pipeline step needs to run against this emulator. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const defaults = {
  tenantId: '72f988bf-0000-4000-8000-00000000e1a0',
  subscriptionId: '00000000-0000-4000-8000-0000000a9b1c',
  resourceGroup: 'rg-apim-gogs',
  serviceName: 'apim-gogs-emulated',
};

/** Starts every emulated service on one HTTPS port on 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  // Certificates made for this run only are removed again on close.
  const tempTls = options.tls ? undefined : await createTempTls();
  const tls = options.tls ?? (tempTls as TlsFiles);
  const tenantId = options.tenantId ?? defaults.tenantId;
  const subscriptionId = options.subscriptionId ?? defaults.subscriptionId;
  const resourceGroup = options.resourceGroup ?? defaults.resourceGroup;
  const serviceName = options.serviceName ?? defaults.serviceName;
  const servicePath = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${serviceName}`;

  const log = new RequestLog();
  const faults = new FaultPlan();
  let latencyMs = options.latencyMs ?? 0;
  // The admin endpoints drive the same object the caller gets, created once the server is up.
  const self: { emulator?: Emulator } = {};
  const hooks: ServerHooks = {
    mounts: [],
    admin: async (req) => (self.emulator ? handleAdmin(self.emulator, req) : undefined),
    faults: (method, path) => faults.next(method, path),
    latencyMs: () => latencyMs,
    log,
  };
  const server = await startServer(tls, hooks, options.port);
  const base = server.base;

  const tokens = new TokenLog();
  const entra = await Entra.create(tenantId, base, options.tokenLifetimeSeconds, tokens);
  const github = new GitHubOidc(await SigningKey.create(), base, tokens);
  const ado = new AzureDevOpsOidc(await SigningKey.create(), base, tokens);
  entra.trustIssuer(github.issuer, github.verifier());
  entra.trustIssuer(ado.issuer, ado.verifier());
  const mi = new ManagedIdentity(entra, `${base}/msi/token`);
  const lro = new LroTracker(base, servicePath);
  if (options.lroPolls !== undefined) lro.pollsBeforeDone = Math.max(1, options.lroPolls);
  const svc: ApimService = { store: new EntityStore(), lro, serviceId: servicePath };
  svc.thirdParty = new ThirdParty(svc);
  const thirdParty = svc.thirdParty;
  seedDefaultGlobalPolicy(svc);
  const limiter = new RateLimiter(options.rateLimits);
  const arm = new ArmRouter({ subscriptionId, resourceGroup, serviceName }, svc, entra, limiter, armRoutes);

  hooks.mounts.push(
    {
      name: 'arm',
      owns: (p) => p.startsWith('/subscriptions/'),
      handle: (req, fault) => arm.handle(req, fault as RequestFaults),
    },
    { name: 'managedIdentity', owns: (p) => p === '/msi/token', handle: (req) => mi.handle(req) },
    { name: 'github', owns: (p) => p.startsWith('/github/'), handle: (req) => github.handle(req) },
    { name: 'azureDevOps', owns: (p) => p.startsWith('/azure-devops/'), handle: (req) => ado.handle(req) },
    {
      name: 'entra',
      owns: (p) => /^\/[^/]+\/(v2\.0|oauth2|discovery)\//.test(p),
      handle: (req) => entra.handle(req),
    },
  );

  const shutdown = async (): Promise<void> => {
    await server.close();
    if (tempTls) await rm(tempTls.dir, { recursive: true, force: true });
  };
  if (options.seed !== undefined) {
    try {
      applySeed(svc, options.seed);
    } catch (err) {
      // A refused seed must not leave a listening server behind.
      await shutdown();
      throw err;
    }
  }

  const emulator: Emulator = {
    armEndpoint: base,
    authorityHost: base,
    caFile: tls.caFile,
    tenantId,
    subscriptionId,
    resourceGroup,
    serviceName,
    serviceId: servicePath,
    github: {
      requestUrl: github.requestUrl,
      requestToken: github.requestToken,
      issuer: github.issuer,
      get subject() {
        return github.subject;
      },
      setContext: (ctx) => {
        github.context = { ...github.context, ...ctx };
      },
    },
    azureDevOps: {
      oidcRequestUri: ado.oidcRequestUri,
      accessToken: ado.accessToken,
      issuer: ado.issuer,
      serviceConnectionId: ado.defaultConnection.id,
      subject: ado.subjectFor(ado.defaultConnection),
      addServiceConnection: (connection) => {
        ado.addServiceConnection(connection);
        return ado.subjectFor(connection);
      },
    },
    managedIdentity: {
      endpoint: mi.endpoint,
      header: mi.header,
      clientId: mi.app.clientId,
      objectId: mi.app.objectId,
    },
    registerApp: (app) => {
      const registered = entra.registerApp(app);
      return { clientId: registered.clientId, objectId: registered.objectId };
    },
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    loadFaultPlan: (file) => faults.load(file),
    requests: () => log.all(),
    inFlight: () => server.inFlight(),
    clearRequests: () => log.clear(),
    issuedTokens: () => tokens.all(),
    setRateLimits: (limits) => limiter.configure(limits),
    editAsThirdParty: (path) => thirdParty.edit(path),
    thirdPartyEdits: () => thirdParty.all(),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    env: () => ({
      NODE_EXTRA_CA_CERTS: tls.caFile,
      AZURE_TENANT_ID: tenantId,
      AZURE_SUBSCRIPTION_ID: subscriptionId,
      AZURE_AUTHORITY_HOST: base,
      // The action inputs, as `apim-gogs run` reads them from APIM_GOGS_<INPUT>.
      APIM_GOGS_TENANT_ID: tenantId,
      APIM_GOGS_SUBSCRIPTION_ID: subscriptionId,
      APIM_GOGS_RESOURCE_GROUP: resourceGroup,
      APIM_GOGS_SERVICE_NAME: serviceName,
      APIM_GOGS_ARM_ENDPOINT: base,
      APIM_GOGS_AUTHORITY_HOST: base,
      ACTIONS_ID_TOKEN_REQUEST_URL: github.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.requestToken,
      SYSTEM_OIDCREQUESTURI: ado.oidcRequestUri,
      SYSTEM_ACCESSTOKEN: ado.accessToken,
      IDENTITY_ENDPOINT: mi.endpoint,
      IDENTITY_HEADER: mi.header,
    }),
    close: shutdown,
  };
  self.emulator = emulator;
  return emulator;
}
