import { ApimConnection, createCredential } from '../deploy/index.js';
import type { Host } from '../shared/host.js';
import type { AzureSettings } from './settings.js';

/** Signs in the way the settings say (lazily: the first ARM request gets the token) and points the SDK at the service. */
export function connectApim(host: Host, azure: AzureSettings): ApimConnection {
  const credential = createCredential({
    auth: azure.auth,
    tenantId: azure.tenantId,
    clientId: azure.clientId,
    authorityHost: azure.authorityHost,
    audience: azure.audience,
    getIdToken: (aud) => host.getIdToken(aud),
    serviceConnectionId: host.azureServiceConnection?.()?.id,
  });
  return new ApimConnection(credential, azure.target);
}
