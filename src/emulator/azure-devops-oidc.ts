import { randomBytes, randomUUID } from 'node:crypto';
import { header, json, type EmuRequest, type EmuResponse } from './http.js';
import type { JWTVerifyGetKey } from 'jose';
import type { SigningKey } from './signing.js';
import type { TokenLog } from './token-log.js';

/**
 * Azure DevOps' OIDC token service: the `oidctoken` endpoint behind SYSTEM_OIDCREQUESTURI, which
 * AzurePipelinesCredential POSTs to with `?api-version=7.1&serviceConnectionId=` and reads
 * `{oidcToken}` from. Issuer `https://vstoken.dev.azure.com/{organizationId}`, subject
 * `sc://{organization}/{project}/{serviceConnectionName}`, audience api://AzureADTokenExchange.
 */

/** Plan/job ids are fixed per process; the URI's shape matters, not their values. */
const randomUUIDStable = randomUUID();

export interface ServiceConnection {
  id: string;
  name: string;
}

export class AzureDevOpsOidc {
  readonly organization = 'contoso';
  readonly organizationId = randomUUID();
  readonly project = 'apim';
  readonly accessToken = randomBytes(26).toString('base64url');
  private readonly connections = new Map<string, ServiceConnection>();
  readonly defaultConnection: ServiceConnection = { id: randomUUID(), name: 'apim-gogs-deploy' };

  constructor(
    private readonly key: SigningKey,
    private readonly base: string,
    private readonly tokens?: TokenLog,
  ) {
    this.addServiceConnection(this.defaultConnection);
  }

  get issuer(): string {
    return `https://vstoken.dev.azure.com/${this.organizationId}`;
  }

  get oidcRequestUri(): string {
    return `${this.base}/azure-devops/${this.organization}/${randomUUIDStable}/_apis/distributedtask/hubs/build/plans/${randomUUIDStable}/jobs/${randomUUIDStable}/oidctoken`;
  }

  /** Keys for verifying this service's tokens (what Entra fetches from the issuer's JWKS). */
  verifier(): JWTVerifyGetKey {
    return this.key.verifier();
  }

  subjectFor(connection: ServiceConnection): string {
    return `sc://${this.organization}/${this.project}/${connection.name}`;
  }

  addServiceConnection(connection: ServiceConnection): void {
    this.connections.set(connection.id.toLowerCase(), connection);
  }

  async handle(req: EmuRequest): Promise<EmuResponse | undefined> {
    const path = req.url.pathname;
    if (path === '/azure-devops/.well-known/jwks') return json(200, this.key.jwks);
    if (!path.startsWith('/azure-devops/') || !path.endsWith('/oidctoken')) return undefined;
    if (req.method !== 'POST') return json(405, { message: 'The oidctoken endpoint accepts POST only.' });
    if (header(req, 'authorization') !== `Bearer ${this.accessToken}`)
      return json(401, {
        message:
          'TF400813: The user is not authorized to access this resource (System.AccessToken is wrong or missing).',
      });
    const apiVersion = req.url.searchParams.get('api-version');
    if (!apiVersion) return json(400, { message: 'No api-version was supplied for the POST request.' });
    const id = req.url.searchParams.get('serviceConnectionId') ?? '';
    const connection = this.connections.get(id.toLowerCase());
    if (!connection)
      return json(404, {
        $id: '1',
        message: `Service connection '${id}' was not found or this pipeline is not authorized to use it.`,
        typeKey: 'ServiceEndpointNotFoundException',
      });
    const oidcToken = await this.key.sign(
      {
        jti: randomUUID(),
        iss: this.issuer,
        aud: 'api://AzureADTokenExchange',
        sub: this.subjectFor(connection),
      },
      600,
    );
    this.tokens?.add('id-token', 'azureDevOps', oidcToken);
    return json(200, { oidcToken });
  }
}
