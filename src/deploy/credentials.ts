import {
  type AccessToken,
  type TokenCredential,
  AzureCliCredential,
  AzurePipelinesCredential,
  ClientAssertionCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from '@azure/identity';
import { ConfigurationError, errorMessage } from '../shared/errors.js';
import { decodeJwtClaims } from './jwt.js';

/**
 * Federated sign-in to Azure: no client secret exists anywhere. One credential per `auth` choice:
 *
 * - `github-oidc`: the host's OIDC ID token (GitHub: core.getIDToken) is the client assertion of a
 *   ClientAssertionCredential. Needs `permissions: id-token: write` in the workflow.
 * - `azure-devops`: AzurePipelinesCredential with the service connection and System.AccessToken.
 * - `managed-identity`: ManagedIdentityCredential (IDENTITY_ENDPOINT/IDENTITY_HEADER or IMDS).
 * - `workload-identity`: WorkloadIdentityCredential reading a token file (AZURE_FEDERATED_TOKEN_FILE).
 * - `azure-cli`: the signed-in Azure CLI.
 *
 * Errors from the token exchange are turned into ConfigurationErrors that say what to fix; for a
 * federated-credential mismatch they print the ID token's iss/sub/aud (decoded, never the token).
 */

export type AuthKind =
  'github-oidc' | 'azure-devops' | 'managed-identity' | 'workload-identity' | 'azure-cli';
export const AUTH_KINDS: AuthKind[] = [
  'github-oidc',
  'azure-devops',
  'managed-identity',
  'workload-identity',
  'azure-cli',
];
export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';
export const ARM_SCOPE = 'https://management.azure.com/.default';

export interface CredentialOptions {
  auth: AuthKind;
  tenantId?: string;
  clientId?: string;
  /** Entra's authority host (https); the emulator's in tests. */
  authorityHost?: string;
  /** github-oidc: where the ID token comes from (Host.getIdToken). */
  getIdToken?: (audience: string) => Promise<string>;
  /** github-oidc: the audience asked for; default api://AzureADTokenExchange. */
  audience?: string;
  /** azure-devops */
  serviceConnectionId?: string;
  systemAccessToken?: string;
  /** workload-identity: the token file; default $AZURE_FEDERATED_TOKEN_FILE. */
  tokenFilePath?: string;
}

/** A credential plus what we learned about the ID token used (for error messages). */
export interface FederatedCredential extends TokenCredential {
  readonly auth: AuthKind;
}

function need(value: string | undefined, name: string, auth: AuthKind): string {
  if (!value) throw new ConfigurationError(`auth '${auth}' needs ${name}.`, `Set the ${name} input.`);
  return value;
}

export function createCredential(options: CredentialOptions): FederatedCredential {
  const { auth } = options;
  const common = options.authorityHost
    ? { authorityHost: options.authorityHost, disableInstanceDiscovery: true }
    : {};
  let inner: TokenCredential;
  let lastAssertion: string | undefined;
  let idTokenFailure: Error | undefined;
  switch (auth) {
    case 'github-oidc': {
      const tenantId = need(options.tenantId, 'tenant-id', auth);
      const clientId = need(options.clientId, 'client-id', auth);
      const getIdToken = options.getIdToken;
      if (!getIdToken) throw new ConfigurationError("auth 'github-oidc' needs the host's ID-token service.");
      const audience = options.audience ?? DEFAULT_AUDIENCE;
      inner = new ClientAssertionCredential(
        tenantId,
        clientId,
        async () => {
          try {
            idTokenFailure = undefined;
            lastAssertion = await getIdToken(audience);
          } catch (err) {
            throw (idTokenFailure = idTokenError(err));
          }
          return lastAssertion;
        },
        common,
      );
      break;
    }
    case 'azure-devops': {
      inner = new AzurePipelinesCredential(
        need(options.tenantId, 'tenant-id', auth),
        need(options.clientId, 'client-id', auth),
        need(options.serviceConnectionId, 'azureServiceConnection', auth),
        need(options.systemAccessToken ?? process.env.SYSTEM_ACCESSTOKEN, 'System.AccessToken', auth),
        common,
      );
      break;
    }
    case 'managed-identity':
      inner = options.clientId
        ? new ManagedIdentityCredential({ clientId: options.clientId })
        : new ManagedIdentityCredential();
      break;
    case 'workload-identity': {
      const tokenFilePath = options.tokenFilePath ?? process.env.AZURE_FEDERATED_TOKEN_FILE;
      inner = new WorkloadIdentityCredential({
        ...common,
        tenantId: need(options.tenantId ?? process.env.AZURE_TENANT_ID, 'tenant-id', auth),
        clientId: need(options.clientId ?? process.env.AZURE_CLIENT_ID, 'client-id', auth),
        tokenFilePath: need(tokenFilePath, 'a token file (AZURE_FEDERATED_TOKEN_FILE)', auth),
      });
      break;
    }
    case 'azure-cli':
      inner = new AzureCliCredential(options.tenantId ? { tenantId: options.tenantId } : {});
      break;
    default:
      throw new ConfigurationError(
        `Unknown auth '${String(auth)}'.`,
        `Use one of: ${AUTH_KINDS.join(', ')}.`,
      );
  }
  return {
    auth,
    async getToken(scopes, opts): Promise<AccessToken | null> {
      try {
        return await inner.getToken(scopes, opts);
      } catch (err) {
        // The identity library wraps our getAssertion error; throw ours, with its hint.
        throw idTokenFailure ?? signInError(err, auth, lastAssertion, options);
      }
    },
  };
}

export function parseAuthKind(value: string | undefined): AuthKind {
  const v = (value ?? 'github-oidc') as AuthKind;
  if (!AUTH_KINDS.includes(v)) {
    throw new ConfigurationError(`Unknown auth '${value}'.`, `Use one of: ${AUTH_KINDS.join(', ')}.`);
  }
  return v;
}

function idTokenError(err: unknown): Error {
  if (err instanceof ConfigurationError) return err;
  const msg = errorMessage(err);
  if (
    /ACTIONS_ID_TOKEN_REQUEST|id-token|permission/i.test(msg) ||
    !process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  ) {
    return new ConfigurationError(
      `Could not get an OIDC ID token from the CI host: ${msg}`,
      "Give the job 'permissions: id-token: write' (GitHub Actions), so ACTIONS_ID_TOKEN_REQUEST_URL is set.",
    );
  }
  return new ConfigurationError(`Could not get an OIDC ID token from the CI host: ${msg}`);
}

/** Turns a token-exchange failure into a message that says what to fix. */
export function signInError(
  err: unknown,
  auth: AuthKind,
  assertion: string | undefined,
  options: CredentialOptions,
): Error {
  if (err instanceof ConfigurationError) return err;
  const msg = errorMessage(err);
  if (
    /AADSTS700213|AADSTS70021|AADSTS700211|AADSTS700212|federated|No matching federated identity/i.test(msg)
  ) {
    const claims = assertion ? decodeJwtClaims(assertion) : undefined;
    const shown = claims
      ? `iss=${String(claims.iss)}, sub=${String(claims.sub)}, aud=${JSON.stringify(claims.aud)}`
      : '(the ID token could not be read)';
    return new ConfigurationError(
      `Azure rejected the federated sign-in for app ${options.clientId ?? '?'} in tenant ${options.tenantId ?? '?'}: ` +
        `the CI token does not match any federated credential. Token claims: ${shown}. Azure said: ${firstLine(msg)}`,
      claims
        ? `Add a federated credential to the app registration with issuer '${String(claims.iss)}', subject '${String(claims.sub)}' and audience '${options.audience ?? DEFAULT_AUDIENCE}'.`
        : 'Check the federated credentials of the app registration (issuer, subject, audience).',
    );
  }
  return new ConfigurationError(`Sign-in to Azure with auth '${auth}' failed: ${firstLine(msg)}`);
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim() !== '') ?? s;
  return line.length > 600 ? `${line.slice(0, 600)}...` : line;
}

/** The identity an access token represents (claims only; the token is never kept or logged). */
export interface Identity {
  oid?: string;
  appid?: string;
  tid?: string;
}

export function identityOf(accessToken: string): Identity {
  const c = decodeJwtClaims(accessToken);
  if (!c) return {};
  const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return { oid: s(c.oid), appid: s(c.appid) ?? s(c.azp), tid: s(c.tid) };
}

/** Gets an ARM token once and reads the identity from it. */
export async function resolveIdentity(credential: TokenCredential): Promise<Identity> {
  const token = await credential.getToken(ARM_SCOPE);
  return token ? identityOf(token.token) : {};
}
