import { ConfigurationError, errorMessage } from '../shared/errors.js';
import { withRetry, type RetryOptions } from '../shared/retry.js';
import { httpRequest, type HttpResponse } from './http.js';

export interface GogsRepository {
  fullName: string;
  defaultBranch: string;
  private: boolean;
  mirror: boolean;
  cloneUrl: string;
  permissions: { admin: boolean; push: boolean; pull: boolean };
}

export interface GogsCommit {
  sha: string;
  author: { name: string; email: string; date: string };
  message: string;
}

export interface GogsComment {
  id: number;
  body: string;
  user: string;
}

export interface GogsClientOptions {
  /** Base URL of the Gogs server, e.g. https://gogs.example.com (a sub-path is kept). */
  url: string;
  token: string;
  ca?: string;
  retry?: Partial<RetryOptions>;
}

/** A transport failure: Gogs could not be reached at all (worth retrying). */
class UnreachableError extends Error {}

/** Gogs (or a gateway before it) answered with a server error: worth retrying a read. */
class ServerFailure extends UnreachableError {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/**
 * Statuses a read is tried again on: a gateway's, and Gogs' own 500 (a restart, a locked database).
 * Only for reads that mean the same when repeated; getCommit takes a 500 as "no such commit".
 */
const GATEWAY_STATUSES = [502, 503, 504];
const READ_RETRY_STATUSES = [500, ...GATEWAY_STATUSES];

/**
 * The Gogs REST API (v1). Gogs accepts only `Authorization: token <t>`; it has no pull-request or
 * commit-status API, so pull requests are addressed as issues.
 */
export class GogsClient {
  private readonly base: URL;
  private readonly retry: RetryOptions;

  constructor(private readonly options: GogsClientOptions) {
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.retry = { attempts: 4, baseDelayMs: 1000, ...options.retry };
  }

  /** The token's user; a rejected token is a ConfigurationError. */
  async getUser(): Promise<{ login: string }> {
    const u = await this.json<unknown>('GET', 'user');
    const user = this.shaped<{ login?: unknown; username?: unknown }>(u, 'GET user', {});
    const login = typeof user.login === 'string' ? user.login : user.username;
    if (typeof login !== 'string') throw this.unexpected('GET user', 'names no user');
    return { login };
  }

  async getRepository(owner: string, name: string): Promise<GogsRepository> {
    // Gogs answers 404, not 401, for a private repository asked for with a token it does not know,
    // so a missing repository is told apart from a bad token by asking who the token belongs to.
    const missing = () =>
      new ConfigurationError(
        `Repository ${owner}/${name} was not found on ${this.base.origin}, or the token's user cannot see it.`,
        'Check the repository input (owner/name) and that the token belongs to a user with at least read access (add it as a collaborator).',
      );
    const res = await this.send('GET', `repos/${enc(owner)}/${enc(name)}`, undefined, READ_RETRY_STATUSES);
    if (res.status === 404) {
      await this.getUser();
      throw missing();
    }
    const r = this.shaped<{
      full_name: string;
      default_branch: string;
      private: boolean;
      mirror: boolean;
      clone_url: string;
      permissions?: { admin: boolean; push: boolean; pull: boolean };
    }>(this.parse(res, `GET repos/${owner}/${name}`), `GET repos/${owner}/${name}`, { full_name: 'string' });
    const perms = r.permissions && typeof r.permissions === 'object' ? r.permissions : undefined;
    return {
      fullName: r.full_name,
      defaultBranch: r.default_branch || 'master',
      private: r.private,
      mirror: r.mirror,
      cloneUrl: r.clone_url,
      permissions: {
        admin: perms?.admin === true,
        push: perms?.push === true,
        pull: perms ? perms.pull !== false : true,
      },
    };
  }

  /** A commit by SHA, branch or tag name; undefined when there is none. */
  async getCommit(owner: string, name: string, ref: string): Promise<GogsCommit | undefined> {
    const res = await this.send('GET', `repos/${enc(owner)}/${enc(name)}/commits/${enc(ref)}`);
    if (res.status === 404 || res.status === 422 || res.status === 500) return undefined;
    const c = this.shaped<{
      sha: string;
      commit: { author: { name: string; email: string; date: string }; message: string };
    }>(this.parse(res, 'GET commits'), 'GET commits', {
      sha: 'string',
      'commit.author.name': 'string',
      'commit.message': 'string',
    });
    return { sha: c.sha, author: c.commit.author, message: c.commit.message };
  }

  /** Asks a pull mirror to fetch from its upstream now (needs admin on the repository). */
  async syncMirror(owner: string, name: string): Promise<void> {
    await this.json('POST', `repos/${enc(owner)}/${enc(name)}/mirror-sync`, undefined, {
      403: () =>
        new ConfigurationError(
          `The token may not sync the mirror ${owner}/${name}.`,
          'Mirror sync needs admin rights on the repository; give the token that right or drop sync-mirror.',
        ),
      404: () =>
        new ConfigurationError(
          `${owner}/${name} is not a pull mirror, or the token cannot see it.`,
          'Drop sync-mirror for a repository that is not a mirror.',
        ),
    });
  }

  async listIssueComments(owner: string, name: string, issue: number): Promise<GogsComment[]> {
    const what = `GET issues/${issue}/comments`;
    const list = await this.json<unknown>('GET', `repos/${enc(owner)}/${enc(name)}/issues/${issue}/comments`);
    if (!Array.isArray(list)) throw this.unexpected(what, 'is not a list');
    return list.map((item) => {
      const c = this.shaped<{ id: number; body: string; user: { username: string } }>(item, what, {
        id: 'number',
        body: 'string',
        'user.username': 'string',
      });
      return { id: c.id, body: c.body, user: c.user.username };
    });
  }

  async createIssueComment(owner: string, name: string, issue: number, body: string): Promise<GogsComment> {
    const answer = await this.json<unknown>(
      'POST',
      `repos/${enc(owner)}/${enc(name)}/issues/${issue}/comments`,
      { body },
      { 404: () => new ConfigurationError(`Pull request #${issue} was not found in ${owner}/${name}.`) },
    );
    const c = this.shaped<{ id: number; body: string; user: { username: string } }>(answer, 'POST comment', {
      id: 'number',
      'user.username': 'string',
    });
    return { id: c.id, body: typeof c.body === 'string' ? c.body : body, user: c.user.username };
  }

  async editIssueComment(owner: string, name: string, commentId: number, body: string): Promise<void> {
    await this.json('PATCH', `repos/${enc(owner)}/${enc(name)}/issues/comments/${commentId}`, { body });
  }

  private async json<T>(
    method: string,
    path: string,
    body?: unknown,
    onStatus: Record<number, () => Error> = {},
  ): Promise<T> {
    const res = await this.send(method, path, body);
    const special = onStatus[res.status];
    if (special) throw special();
    return this.parse<T>(res, `${method} ${path}`);
  }

  private parse<T>(res: HttpResponse, what: string): T {
    if (res.status === 401 || res.status === 403) {
      throw new ConfigurationError(
        `Gogs at ${this.base.origin} rejected the token (HTTP ${res.status}).`,
        'Check that the token input holds a current Gogs access token (Your settings > Applications) of a user who can read the repository.',
      );
    }
    if (res.status >= 500) {
      throw new ConfigurationError(
        `Gogs at ${this.base.origin} answered ${what} with HTTP ${res.status}.`,
        'Gogs itself is failing (its log says why): check that it is up and healthy, then run the step again.',
      );
    }
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`Gogs answered ${what} with HTTP ${res.status}: ${res.body.slice(0, 200)}`);
    }
    let value: unknown;
    try {
      value = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      throw this.unexpected(what, 'is not JSON');
    }
    return value as T;
  }

  /**
   * An answer that is not what the Gogs API gives (a proxy's login page, another server): the user's
   * gogs-url or network is wrong, not apim-gogs.
   */
  private unexpected(what: string, why: string): ConfigurationError {
    return new ConfigurationError(
      `${this.base.origin} answered ${what} with something that is not a Gogs API answer (it ${why}).`,
      'Check that gogs-url is the Gogs server itself, not a proxy or login page in front of it.',
    );
  }

  /** The answer as an object whose `fields` are strings (or the given types); otherwise unexpected(). */
  private shaped<T>(value: unknown, what: string, fields: Record<string, 'string' | 'number' | 'object'>): T {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw this.unexpected(what, 'is not an object');
    for (const [field, type] of Object.entries(fields)) {
      const v = field
        .split('.')
        .reduce<unknown>(
          (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
          value,
        );
      if (typeof v !== type || v === null) throw this.unexpected(what, `has no ${type} ${field}`);
    }
    return value as T;
  }

  private send(
    method: string,
    path: string,
    body?: unknown,
    retryStatuses = GATEWAY_STATUSES,
  ): Promise<HttpResponse> {
    const url = new URL(`api/v1/${path}`, this.base);
    return withRetry(
      async () => {
        try {
          const res = await httpRequest(url, {
            method,
            ca: this.options.ca,
            headers: {
              authorization: `token ${this.options.token}`,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          if (retryStatuses.includes(res.status)) throw new ServerFailure(res.status);
          return res;
        } catch (err) {
          if (err instanceof UnreachableError) throw err;
          // A certificate the runner does not trust will not become trusted by retrying.
          if (isCertificateError(err)) {
            throw new ConfigurationError(
              `The TLS certificate of ${this.base.origin} is not trusted: ${errorMessage(err)}.`,
              'If Gogs uses a private CA, give its PEM file in the gogs-ca-file input; otherwise check the gogs-url input.',
            );
          }
          throw new UnreachableError(errorMessage(err));
        }
      },
      (err) => err instanceof UnreachableError,
      this.retry,
    ).catch((err: unknown) => {
      if (err instanceof ServerFailure) {
        throw new ConfigurationError(
          `Gogs at ${this.base.origin} answered ${method} ${path} with HTTP ${err.status} on all ${this.retry.attempts} attempts.`,
          'Gogs itself is failing (its log says why): check that it is up and healthy, then run the step again.',
        );
      }
      if (err instanceof UnreachableError) {
        throw new ConfigurationError(
          `Gogs at ${this.base.origin} could not be reached after ${this.retry.attempts} attempts: ${err.message}.`,
          'Check the gogs-url input and that the runner can reach that host and port.',
        );
      }
      throw err;
    });
  }
}

const enc = encodeURIComponent;

const CERTIFICATE_ERRORS = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function isCertificateError(err: unknown): boolean {
  return CERTIFICATE_ERRORS.has((err as NodeJS.ErrnoException)?.code ?? '');
}
