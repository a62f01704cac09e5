import { randomUUID } from 'node:crypto';
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ArmError } from './arm-errors.js';
import { formBody, json, type EmuRequest, type EmuResponse } from './http.js';
import { SigningKey } from './signing.js';
import type { TokenLog } from './token-log.js';

/**
 * Entra ID as the Azure SDK meets it: OpenID discovery, JWKS, and a v2.0 token endpoint for
 * client_credentials with a federated client assertion. An assertion is accepted only when its
 * signature verifies against its issuer's keys and an app's federated credential matches exactly:
 * same iss, same sub, and aud listed, as Entra does.
 */

export interface FederatedCredential {
  issuer: string;
  subject: string;
  audiences: string[];
}

export interface AppRegistration {
  clientId: string;
  objectId?: string;
  federatedCredentials: FederatedCredential[];
  /** Whether the service principal holds a role on the APIM service (default true). */
  roleOnService?: boolean;
}

/** The identity an access token stands for. */
export interface Principal {
  objectId: string;
  appId: string;
  tenantId: string;
}

const assertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Resources whose tokens ARM accepts (`aud` as Entra writes it for each). */
export const armAudiences = [
  'https://management.azure.com',
  'https://management.azure.com/',
  'https://management.core.windows.net/',
];

export class Entra {
  private readonly apps = new Map<string, Required<AppRegistration>>();
  private readonly issuers = new Map<string, JWTVerifyGetKey>();

  private constructor(
    readonly tenantId: string,
    readonly authorityHost: string,
    private readonly key: SigningKey,
    private readonly tokenLifetimeSeconds: number,
    private readonly tokens?: TokenLog,
  ) {}

  static async create(
    tenantId: string,
    authorityHost: string,
    tokenLifetimeSeconds = 3600,
    tokens?: TokenLog,
  ): Promise<Entra> {
    return new Entra(tenantId, authorityHost, await SigningKey.create(), tokenLifetimeSeconds, tokens);
  }

  /** The `iss` of access tokens (v1 tokens, which ARM is given). */
  get accessTokenIssuer(): string {
    return `https://sts.windows.net/${this.tenantId}/`;
  }

  /** Lets federated credentials name `issuer`; its tokens are verified with `keys`. */
  trustIssuer(issuer: string, keys: JWTVerifyGetKey): void {
    this.issuers.set(issuer, keys);
  }

  registerApp(app: AppRegistration): Required<AppRegistration> {
    // Registering a client id again updates it; its service principal keeps its object id.
    const objectId = this.apps.get(app.clientId.toLowerCase())?.objectId ?? randomUUID();
    const full = { objectId, roleOnService: true, ...app };
    this.apps.set(app.clientId.toLowerCase(), full);
    return full;
  }

  /** Whether a principal (by object id) holds a role assignment on the APIM service. */
  hasRole(objectId: string): boolean {
    return [...this.apps.values()].some((a) => a.objectId === objectId && a.roleOnService);
  }

  app(clientId: string): Required<AppRegistration> | undefined {
    return this.apps.get(clientId.toLowerCase());
  }

  /** An access token for `resource` with the claims ARM reads (tid, oid, appid, exp). */
  async issueAccessToken(
    app: Required<AppRegistration>,
    resource: string,
  ): Promise<{ token: string; expiresIn: number }> {
    const token = await this.key.sign(
      {
        aud: resource,
        iss: this.accessTokenIssuer,
        tid: this.tenantId,
        oid: app.objectId,
        sub: app.objectId,
        appid: app.clientId,
        appidacr: '2',
        idtyp: 'app',
        ver: '1.0',
      },
      this.tokenLifetimeSeconds,
    );
    this.tokens?.add('access-token', 'entra', token);
    return { token, expiresIn: this.tokenLifetimeSeconds };
  }

  /** Checks a bearer token given to ARM; throws ARM's 401 errors. */
  async verifyAccessToken(authorization: string | undefined): Promise<Principal> {
    const challenge = (desc: string): Record<string, string> => ({
      'WWW-Authenticate': `Bearer authorization_uri="${this.authorityHost}/${this.tenantId}", error="invalid_token", error_description="${desc}"`,
    });
    if (!authorization) {
      const desc = "The authentication failed because of missing 'Authorization' header.";
      throw new ArmError(
        401,
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is missing.",
        undefined,
        challenge(desc),
      );
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) {
      const msg = "Authentication failed. The 'Authorization' header is provided in an invalid format.";
      throw new ArmError(401, 'AuthenticationFailed', msg, undefined, challenge(msg));
    }
    try {
      const { payload } = await jwtVerify(match[1], this.key.verifier(), { issuer: this.accessTokenIssuer });
      if (!armAudiences.includes(String(payload.aud))) {
        const msg = `The access token has been obtained for wrong audience or resource '${String(payload.aud)}'. It should exactly match with one of the allowed audiences '${armAudiences.join("','")}'.`;
        throw new ArmError(401, 'InvalidAuthenticationTokenAudience', msg, undefined, challenge(msg));
      }
      return { objectId: String(payload.oid), appId: String(payload.appid), tenantId: String(payload.tid) };
    } catch (err) {
      if (err instanceof ArmError) throw err;
      if (err instanceof joseErrors.JWTExpired) {
        const msg = 'The access token expiry UTC time is earlier than current UTC time.';
        throw new ArmError(401, 'ExpiredAuthenticationToken', msg, undefined, challenge(msg));
      }
      const msg = 'The access token is invalid.';
      throw new ArmError(401, 'InvalidAuthenticationToken', msg, undefined, challenge(msg));
    }
  }

  /** Routes `/{tenant}/...`; undefined when the path is not Entra's. */
  async handle(req: EmuRequest): Promise<EmuResponse | undefined> {
    const m =
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys|oauth2\/v2\.0\/token)$/.exec(
        req.url.pathname,
      );
    if (!m) return undefined;
    const [, tenant, what] = m;
    if (tenant !== this.tenantId && tenant !== 'organizations')
      return this.oauthError(
        400,
        'invalid_tenant',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    const base = `${this.authorityHost}/${this.tenantId}`;
    if (what.endsWith('openid-configuration')) {
      return json(200, {
        issuer: `${base}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        tenant_region_scope: 'NA',
        cloud_instance_name: 'microsoftonline.com',
      });
    }
    if (what.endsWith('keys')) return json(200, this.key.jwks);
    if (req.method !== 'POST')
      return this.oauthError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
    return this.token(formBody(req));
  }

  private async token(form: URLSearchParams): Promise<EmuResponse> {
    const grant = form.get('grant_type');
    if (grant !== 'client_credentials')
      return this.oauthError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grant ?? ''}'.`,
      );
    const scope = form.get('scope') ?? '';
    const resource = scope.split(' ').find((s) => s.endsWith('/.default'));
    if (!resource)
      return this.oauthError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    const clientId = form.get('client_id') ?? '';
    const app = this.app(clientId);
    if (!app)
      return this.oauthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${this.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    if (form.get('client_secret'))
      return this.oauthError(
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. This emulator accepts federated client assertions only.',
      );
    if (form.get('client_assertion_type') !== assertionType || !form.get('client_assertion'))
      return this.oauthError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    // Recorded whether or not it is accepted: a refused assertion is as secret as a good one.
    this.tokens?.add('client-assertion', 'entra', form.get('client_assertion') as string);
    const failure = await this.checkAssertion(app, form.get('client_assertion') as string);
    if (failure) return failure;
    const { token, expiresIn } = await this.issueAccessToken(app, resource.slice(0, -'/.default'.length));
    return json(200, {
      token_type: 'Bearer',
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: token,
    });
  }

  /** Verifies a client assertion against the app's federated credentials; an error response or undefined. */
  private async checkAssertion(
    app: Required<AppRegistration>,
    assertion: string,
  ): Promise<EmuResponse | undefined> {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(assertion);
    } catch {
      return this.oauthError(400, 'invalid_client', 50027, 'JWT token is invalid or malformed.');
    }
    const iss = String(claims.iss ?? '');
    const sub = String(claims.sub ?? '');
    const auds = Array.isArray(claims.aud) ? claims.aud : [String(claims.aud ?? '')];
    const byIssuer = app.federatedCredentials.filter((f) => f.issuer === iss);
    if (byIssuer.length === 0) {
      const expected = app.federatedCredentials.map((f) => `'${f.issuer}'`).join(', ') || 'none';
      return this.oauthError(
        400,
        'invalid_client',
        700211,
        `No matching federated identity record found for presented assertion issuer '${iss}'. The issuer (iss) did not match; the application's federated credentials expect: ${expected}.`,
      );
    }
    const keys = this.issuers.get(iss);
    if (!keys)
      return this.oauthError(
        400,
        'invalid_client',
        700211,
        `The issuer '${iss}' publishes no keys this emulator can reach.`,
      );
    try {
      await jwtVerify(assertion, keys, { issuer: iss });
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired || err instanceof joseErrors.JWTClaimValidationFailed)
        return this.oauthError(
          400,
          'invalid_client',
          700024,
          `Client assertion is not within its valid time range. Current time: ${new Date().toISOString()}, expiry time of assertion ${new Date(Number(claims.exp) * 1000).toISOString()}.`,
        );
      return this.oauthError(
        400,
        'invalid_client',
        700027,
        `Client assertion failed signature validation (${(err as Error).message}).`,
      );
    }
    const bySubject = byIssuer.filter((f) => f.subject === sub);
    if (bySubject.length === 0) {
      const expected = byIssuer.map((f) => `'${f.subject}'`).join(', ');
      return this.oauthError(
        400,
        'invalid_client',
        700213,
        `No matching federated identity record found for presented assertion subject '${sub}'. The subject (sub) did not match; the application's federated credentials for issuer '${iss}' expect: ${expected}. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
      );
    }
    if (!bySubject.some((f) => auds.some((a) => f.audiences.includes(a)))) {
      const expected = bySubject
        .flatMap((f) => f.audiences)
        .map((a) => `'${a}'`)
        .join(', ');
      return this.oauthError(
        400,
        'invalid_client',
        700212,
        `No matching federated identity record found for presented assertion audience '${auds.join(', ')}'. The audience (aud) did not match; the federated credential lists: ${expected}.`,
      );
    }
    return undefined;
  }

  private oauthError(status: number, error: string, code: number, description: string): EmuResponse {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z');
    return json(status, {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${this.authorityHost}/error?code=${code}`,
    });
  }
}
