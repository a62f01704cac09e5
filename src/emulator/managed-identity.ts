import { randomBytes, randomUUID } from 'node:crypto';
import type { Entra, AppRegistration } from './entra.js';
import { header, json, type EmuRequest, type EmuResponse } from './http.js';

/**
 * The managed-identity endpoint in App Service's shape (IDENTITY_ENDPOINT + IDENTITY_HEADER,
 * api-version 2019-08-01): what ManagedIdentityCredential picks when both variables are set.
 */
export class ManagedIdentity {
  readonly header = randomBytes(16).toString('hex');
  readonly app: Required<AppRegistration>;

  constructor(
    private readonly entra: Entra,
    readonly endpoint: string,
  ) {
    // A system-assigned identity with a role on the service, as a typical self-hosted agent has.
    this.app = entra.registerApp({ clientId: randomUUID(), federatedCredentials: [], roleOnService: true });
  }

  async handle(req: EmuRequest): Promise<EmuResponse | undefined> {
    if (req.url.pathname !== new URL(this.endpoint).pathname) return undefined;
    const q = req.url.searchParams;
    if (header(req, 'x-identity-header') !== this.header)
      return json(401, { statusCode: 401, message: 'The X-IDENTITY-HEADER header is missing or invalid.' });
    const resource = q.get('resource');
    if (!resource)
      return json(400, { statusCode: 400, message: "The 'resource' query parameter is required." });
    const clientId = q.get('client_id');
    if (clientId && clientId !== this.app.clientId)
      return json(400, {
        statusCode: 400,
        message: `No user-assigned identity with client_id '${clientId}' is assigned to this resource.`,
      });
    if (q.get('mi_res_id') || q.get('principal_id') || q.get('object_id'))
      return json(400, {
        statusCode: 400,
        message: 'Only the system-assigned identity (or its client_id) is emulated.',
      });
    const { token, expiresIn } = await this.entra.issueAccessToken(
      this.app,
      resource.replace(/\/\.default$/, ''),
    );
    return json(200, {
      access_token: token,
      expires_on: String(Math.floor(Date.now() / 1000) + expiresIn),
      resource,
      token_type: 'Bearer',
      client_id: this.app.clientId,
    });
  }
}
