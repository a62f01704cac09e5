import { randomBytes, randomUUID } from 'node:crypto';
import { header, json, type EmuRequest, type EmuResponse } from './http.js';
import type { JWTVerifyGetKey } from 'jose';
import type { SigningKey } from './signing.js';
import type { TokenLog } from './token-log.js';

/**
 * GitHub Actions' OIDC token service: the endpoint behind ACTIONS_ID_TOKEN_REQUEST_URL (what
 * core.getIDToken calls, appending `&audience=`) and a JWKS. Tokens carry GitHub's claims and its
 * real issuer string, so federated credentials are written exactly as for github.com.
 */

export interface GitHubContext {
  repository: string;
  ref: string;
  sha: string;
  environment?: string;
  eventName: string;
  actor: string;
  runId: string;
  workflow: string;
}

export const githubIssuer = 'https://token.actions.githubusercontent.com';

/** GitHub's `sub`: environment wins, then pull_request, else the ref. */
export function githubSubject(ctx: GitHubContext): string {
  if (ctx.environment) return `repo:${ctx.repository}:environment:${ctx.environment}`;
  if (ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target')
    return `repo:${ctx.repository}:pull_request`;
  return `repo:${ctx.repository}:ref:${ctx.ref}`;
}

export class GitHubOidc {
  readonly issuer = githubIssuer;
  readonly requestToken = randomBytes(20).toString('hex');
  context: GitHubContext = {
    repository: 'contoso/apim-policies',
    ref: 'refs/heads/main',
    sha: 'a'.repeat(40),
    eventName: 'push',
    actor: 'octocat',
    runId: '1',
    workflow: 'deploy',
  };

  constructor(
    private readonly key: SigningKey,
    private readonly base: string,
    private readonly tokens?: TokenLog,
  ) {}

  /** ACTIONS_ID_TOKEN_REQUEST_URL, shaped like the runner's (it already has a query string). */
  get requestUrl(): string {
    return `${this.base}/github/_apis/distributedtask/hubs/Actions/plans/${'1'.repeat(8)}/jobs/${'2'.repeat(8)}/idtoken?api-version=2.0`;
  }

  /** Keys for verifying this service's tokens (what Entra fetches from the issuer's JWKS). */
  verifier(): JWTVerifyGetKey {
    return this.key.verifier();
  }

  get subject(): string {
    return githubSubject(this.context);
  }

  async handle(req: EmuRequest): Promise<EmuResponse | undefined> {
    const path = req.url.pathname;
    if (path === '/github/.well-known/openid-configuration')
      return json(200, {
        issuer: this.issuer,
        jwks_uri: `${this.base}/github/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (path === '/github/.well-known/jwks') return json(200, this.key.jwks);
    if (!path.startsWith('/github/_apis/') || !path.endsWith('/idtoken')) return undefined;
    if (header(req, 'authorization') !== `Bearer ${this.requestToken}`)
      return json(401, { message: 'Bad credentials: ACTIONS_ID_TOKEN_REQUEST_TOKEN is wrong or missing.' });
    const ctx = this.context;
    const [owner] = ctx.repository.split('/');
    const aud = req.url.searchParams.get('audience') || `https://github.com/${owner}`;
    const token = await this.key.sign(
      {
        jti: randomUUID(),
        iss: this.issuer,
        aud,
        sub: this.subject,
        ref: ctx.ref,
        sha: ctx.sha,
        repository: ctx.repository,
        repository_owner: owner,
        repository_visibility: 'private',
        run_id: ctx.runId,
        run_number: ctx.runId,
        run_attempt: '1',
        actor: ctx.actor,
        workflow: ctx.workflow,
        event_name: ctx.eventName,
        ref_type: ctx.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
        job_workflow_ref: `${ctx.repository}/.github/workflows/${ctx.workflow}.yml@${ctx.ref}`,
        runner_environment: 'self-hosted',
        ...(ctx.environment ? { environment: ctx.environment } : {}),
      },
      300,
    );
    this.tokens?.add('id-token', 'github', token);
    return json(200, { count: 1, value: token });
  }
}
