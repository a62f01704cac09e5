import type { Host } from '../shared/host.js';
import { ConfigurationError } from '../shared/errors.js';
import { parseBoolean } from '../shared/parse-boolean.js';
import { ApimConnection, type ServiceTarget } from '../deploy/client.js';
import { createCredential, parseAuthKind, type FederatedCredential } from '../deploy/credentials.js';
import { AZURE_INPUTS } from './azure-inputs.js';

export { AZURE_INPUTS };

export type AzureInputName = keyof typeof AZURE_INPUTS;
export type InputGetter = (name: AzureInputName | string) => string | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readTarget(get: InputGetter): ServiceTarget {
  const need = (name: AzureInputName): string => {
    const v = get(name);
    if (!v)
      throw new ConfigurationError(
        `Input ${name} is required.`,
        `Set ${name}: ${AZURE_INPUTS[name].description}.`,
      );
    return v;
  };
  const subscriptionId = need('subscription-id');
  if (!UUID.test(subscriptionId))
    throw new ConfigurationError(
      `Input subscription-id "${subscriptionId}" is not a subscription id (a UUID).`,
    );
  const endpoint = get('arm-endpoint');
  if (endpoint && !/^https:\/\//i.test(endpoint)) {
    throw new ConfigurationError(
      `Input arm-endpoint "${endpoint}" is not https.`,
      'The Azure SDK sends bearer tokens over https only.',
    );
  }
  return {
    subscriptionId,
    resourceGroup: need('resource-group'),
    serviceName: need('service-name'),
    endpoint: endpoint || undefined,
  };
}

/** The host's own way to sign in when the auth input is not given. */
const defaultAuth: Record<Host['name'], string> = {
  github: 'github-oidc',
  'azure-pipelines': 'azure-devops',
  cli: 'azure-cli',
};

export function readCredential(get: InputGetter, host: Host): FederatedCredential {
  const authorityHost = get('authority-host');
  // In Azure Pipelines the service connection names the tenant and the app registration.
  const connection = host.azureServiceConnection?.();
  if (authorityHost && !/^https:\/\//i.test(authorityHost)) {
    throw new ConfigurationError(`Input authority-host "${authorityHost}" is not https.`);
  }
  return createCredential({
    auth: parseAuthKind(get('auth') ?? defaultAuth[host.name]),
    tenantId: get('tenant-id') ?? connection?.tenantId,
    clientId: get('client-id') ?? connection?.clientId,
    authorityHost: authorityHost || undefined,
    audience: get('audience') ?? AZURE_INPUTS.audience.default,
    getIdToken: (aud) => host.getIdToken(aud),
    serviceConnectionId: connection?.id,
  });
}

/** Signs in (lazily: the first ARM request gets the token) and points the SDK at the service. */
export function connectAzure(get: InputGetter, host: Host): ApimConnection {
  return new ApimConnection(readCredential(get, host), readTarget(get));
}

export function readConcurrency(get: InputGetter): number {
  const raw = get('concurrency') ?? AZURE_INPUTS.concurrency.default;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new ConfigurationError(`Input concurrency "${raw}" is not a whole number from 1 to 64.`);
  return n;
}

export function readList(get: InputGetter, name: 'apis' | 'products'): string[] | undefined {
  const v = get(name);
  const list = v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list?.length ? list : undefined;
}

export function readPrune(get: InputGetter): boolean {
  return parseBoolean(get('prune') ?? 'false', 'prune');
}
