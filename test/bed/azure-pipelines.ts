import { camelCase } from '../../src/pipeline/inputs.js';
import type { Bed } from './bed.js';

/**
 * The Azure DevOps side of the bed: an app registration whose federated credential trusts the
 * emulated Azure DevOps issuer for the default service connection, and the environment the agent
 * gives the task bundle.
 */
export function registerPipelinesApp(bed: Bed, clientId = '7a1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d'): string {
  return bed.azure.registerApp({
    clientId,
    federatedCredentials: [
      {
        issuer: bed.azure.azureDevOps.issuer,
        subject: bed.azure.azureDevOps.subject,
        audiences: ['api://AzureADTokenExchange'],
      },
    ],
    roleOnService: true,
  }).clientId;
}

/**
 * What the agent starts the task with: inputs as INPUT_* (task.json's camelCase names), the service
 * connection's auth parameters as ENDPOINT_AUTH_PARAMETER_* (the task takes tenant and client from
 * there, not from inputs), the job's OIDC endpoint and System.AccessToken, and the agent's folders.
 */
export function pipelinesTaskEnv(
  bed: Bed,
  appClientId: string,
  inputs: Record<string, string>,
  dirs: { temp: string; sources: string },
): Record<string, string> {
  const connection = bed.azure.azureDevOps.serviceConnectionId;
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME!,
    NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS!,
    AGENT_TEMPDIRECTORY: dirs.temp,
    BUILD_SOURCESDIRECTORY: dirs.sources,
    SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/',
    SYSTEM_TEAMPROJECT: 'apim',
    BUILD_BUILDID: '77',
    SYSTEM_OIDCREQUESTURI: bed.azure.azureDevOps.oidcRequestUri,
    SYSTEM_ACCESSTOKEN: bed.azure.azureDevOps.accessToken,
    INPUT_AZURESERVICECONNECTION: connection,
    [`ENDPOINT_AUTH_PARAMETER_${connection}_TENANTID`]: inputs['tenant-id'],
    [`ENDPOINT_AUTH_PARAMETER_${connection}_SERVICEPRINCIPALID`]: appClientId,
  };
  for (const [k, v] of Object.entries(inputs))
    if (k !== 'tenant-id' && k !== 'client-id') env[`INPUT_${camelCase(k).toUpperCase()}`] = v;
  return env;
}
