import type { Bed } from '../bed/bed.js';
import { requestGitHubIdToken } from './github-id-token.js';

/** An access token for a second, human-like principal, as a portal edit would carry. */
export async function adminToken(bed: Bed): Promise<string> {
  const { ClientAssertionCredential } = await import('@azure/identity');
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = bed.azure.github.requestUrl;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = bed.azure.github.requestToken;
  const idToken = () => requestGitHubIdToken('api://AzureADTokenExchange');
  const cred = new ClientAssertionCredential(bed.azure.tenantId, bed.clientId, idToken, {
    authorityHost: bed.azure.authorityHost,
    disableInstanceDiscovery: true,
  });
  return (await cred.getToken('https://management.azure.com/.default'))!.token;
}

const policyUrl = (bed: Bed, api: string, query = '') =>
  `${bed.azure.armEndpoint}${bed.azure.serviceId}/apis/${api}/policies/policy?api-version=2024-05-01${query}`;

/** Someone replaces an API's policy in the portal, behind the pipeline's back. */
export async function editApiPolicyInPortal(bed: Bed, api: string, xml: string): Promise<void> {
  const res = await fetch(policyUrl(bed, api), {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${await adminToken(bed)}`,
      'content-type': 'application/json',
      'if-match': '*',
    },
    body: JSON.stringify({ properties: { format: 'rawxml', value: xml } }),
  });
  if (res.status >= 300) throw new Error(`portal edit of ${api}: HTTP ${res.status}`);
}

/** The live policy of an API, as APIM returns it in raw XML. */
export async function liveApiPolicy(bed: Bed, api: string): Promise<string> {
  const res = await fetch(policyUrl(bed, api, '&format=rawxml'), {
    headers: { authorization: `Bearer ${await adminToken(bed)}` },
  });
  return ((await res.json()) as { properties: { value: string } }).properties.value;
}
