import { randomUUID } from 'node:crypto';
import { ApiManagementClient } from '@azure/arm-apimanagement';
import type { TokenCredential } from '@azure/identity';
import type {
  PipelinePolicy,
  PipelineRequest,
  PipelineResponse,
  SendRequest,
} from '@azure/core-rest-pipeline';
import { ConfigurationError } from '../shared/errors.js';
import { ARM_SCOPE } from './credentials.js';
import { ArmBudget } from './throttle.js';

/** The APIM service a deployment targets. */
export interface ServiceTarget {
  subscriptionId: string;
  resourceGroup: string;
  serviceName: string;
  /** ARM endpoint; default https://management.azure.com (the emulator's in tests). */
  endpoint?: string;
}

/** One ARM request as sent on the wire, for the deployment record. */
export interface ArmRequestRecord {
  method: string;
  /** Resource path relative to the service, e.g. `apis/echo/policies/policy`. */
  resource: string;
  status: number;
  durationMs: number;
  requestId?: string;
  correlationId?: string;
  at: string;
}

export interface ApimConnectionOptions {
  /** Sent as x-ms-correlation-request-id on every request (one per run). */
  correlationId?: string;
  /** Poll interval for long-running operations; default 500 ms. */
  pollIntervalMs?: number;
  /** Each ARM request is abandoned (and retried) after this long; default 120 s. */
  requestTimeoutMs?: number;
}

/** An ARM request that got no answer in time: it may or may not have been applied. */
export class ArmTimeoutError extends Error {
  readonly code = 'REQUEST_TIMEOUT';
  constructor(method: string, resource: string, ms: number) {
    super(`ARM did not answer ${method} ${resource} within ${ms} ms.`);
  }
}

/**
 * The real @azure/arm-apimanagement client pointed at one service, with every request recorded.
 * The SDK's own retries are off (maxRetries 0): apim-gogs retries itself (retry.ts) so that every
 * attempt is counted and a write whose outcome is unknown is checked before it is repeated.
 */
export class ApimConnection {
  readonly client: ApiManagementClient;
  readonly records: ArmRequestRecord[] = [];
  /** ARM's remaining-request budget as seen from here; every request waits on it (throttle.ts). */
  readonly budget = new ArmBudget();
  readonly correlationId: string;
  readonly pollIntervalMs: number;
  readonly requestTimeoutMs: number;
  private readonly servicePrefix: string;

  constructor(
    readonly credential: TokenCredential,
    readonly target: ServiceTarget,
    options: ApimConnectionOptions = {},
  ) {
    this.correlationId = options.correlationId ?? randomUUID();
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 120_000;
    this.client = new ApiManagementClient(credential, target.subscriptionId, {
      endpoint: target.endpoint ?? 'https://management.azure.com',
      credentialScopes: [ARM_SCOPE],
      retryOptions: { maxRetries: 0 },
      userAgentOptions: { userAgentPrefix: 'apim-gogs' },
    });
    this.servicePrefix = (
      `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}` +
      `/providers/Microsoft.ApiManagement/service/${target.serviceName}`
    ).toLowerCase();
    // Outermost of the two, so a request waiting for ARM's budget is not yet timed or timing out.
    this.client.pipeline.addPolicy(this.budget.policy(), { afterPhase: 'Retry' });
    this.client.pipeline.addPolicy(this.recorder(), { afterPhase: 'Retry' });
  }

  get resourceGroup(): string {
    return this.target.resourceGroup;
  }
  get serviceName(): string {
    return this.target.serviceName;
  }

  private recorder(): PipelinePolicy {
    return {
      name: 'apimGogsRecorder',
      sendRequest: async (request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> => {
        if (!request.headers.has('x-ms-correlation-request-id')) {
          request.headers.set('x-ms-correlation-request-id', this.correlationId);
        }
        // Our own timer, not the SDK's `request.timeout`: the SDK clears its timer only when an answer
        // arrives, so after a dropped connection it stayed armed and kept the process alive for the
        // whole timeout. This one is cleared however the request ends.
        const timeoutMs = request.timeout || this.requestTimeoutMs;
        request.timeout = 0;
        const outer = request.abortSignal;
        const abort = new AbortController();
        let timedOut = false;
        const handle = setTimeout(() => {
          timedOut = true;
          abort.abort();
        }, timeoutMs);
        const onOuterAbort = (): void => abort.abort();
        if (outer?.aborted) abort.abort();
        else outer?.addEventListener('abort', onOuterAbort);
        request.abortSignal = abort.signal;
        const started = Date.now();
        const at = new Date(started).toISOString();
        const resource = this.resourceOf(request.url);
        try {
          const response = await next(request);
          this.records.push({
            method: request.method,
            resource,
            status: response.status,
            durationMs: Date.now() - started,
            requestId: response.headers.get('x-ms-request-id') ?? undefined,
            correlationId: response.headers.get('x-ms-correlation-request-id') ?? this.correlationId,
            at,
          });
          return response;
        } catch (err) {
          this.records.push({
            method: request.method,
            resource,
            status: 0,
            durationMs: Date.now() - started,
            correlationId: this.correlationId,
            at,
          });
          if ((err as Error)?.name === 'AbortError' && timedOut && !outer?.aborted) {
            throw new ArmTimeoutError(request.method, resource, timeoutMs);
          }
          throw err;
        } finally {
          clearTimeout(handle);
          outer?.removeEventListener('abort', onOuterAbort);
          request.abortSignal = outer;
        }
      },
    };
  }

  private resourceOf(url: string): string {
    let p: string;
    try {
      p = new URL(url).pathname;
    } catch {
      return url;
    }
    const lower = p.toLowerCase();
    const at = lower.indexOf(this.servicePrefix);
    return at === -1 ? p : p.slice(at + this.servicePrefix.length).replace(/^\//, '') || '.';
  }
}

export function isWrite(r: Pick<ArmRequestRecord, 'method' | 'resource'>): boolean {
  if (r.method === 'GET' || r.method === 'HEAD') return false;
  if (r.method === 'POST' && /\/(listValue|listSecrets)$/i.test(r.resource)) return false;
  return true;
}

/** The parts of a RestError we use (duck-typed: the class lives in a transitive package). */
export interface ArmErrorInfo {
  status?: number;
  code?: string;
  message: string;
  retryAfterMs?: number;
  requestId?: string;
}

export function armErrorInfo(err: unknown): ArmErrorInfo {
  const e = err as {
    statusCode?: number;
    code?: string;
    message?: string;
    response?: { headers?: { get(n: string): string | undefined }; bodyAsText?: string | null };
  };
  const info: ArmErrorInfo = { status: e?.statusCode, code: e?.code, message: e?.message ?? String(err) };
  const body = e?.response?.bodyAsText;
  if (body) {
    try {
      const parsed = JSON.parse(body) as {
        error?: { code?: string; message?: string; details?: { message?: string }[] };
      };
      if (parsed.error?.code) info.code = parsed.error.code;
      if (parsed.error?.message) {
        const details = (parsed.error.details ?? []).map((d) => d.message).filter(Boolean);
        info.message = parsed.error.message + (details.length ? ` ${details.join(' ')}` : '');
      }
    } catch {
      // not JSON: keep the SDK's message
    }
  }
  const headers = e?.response?.headers;
  const ra = headers?.get('retry-after');
  if (ra) {
    const secs = Number(ra);
    if (Number.isFinite(secs)) info.retryAfterMs = secs * 1000;
    else {
      const date = Date.parse(ra);
      if (!Number.isNaN(date)) info.retryAfterMs = Math.max(0, date - Date.now());
    }
  }
  info.requestId = headers?.get('x-ms-request-id') ?? undefined;
  return info;
}

/**
 * The user's mistakes among ARM errors, as ConfigurationErrors that say what to do: no role on the
 * service (403 AuthorizationFailed), a token ARM refuses (401), a service that does not exist.
 */
const CONNECTION_FAILED =
  /REQUEST_TIMEOUT|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|other side closed|UND_ERR|terminated/i;

/** A request that got no answer: the connection failed, was dropped, or timed out. */
export function connectionFailed(err: unknown): boolean {
  return CONNECTION_FAILED.test(`${(err as { code?: string })?.code ?? ''} ${armErrorInfo(err).message}`);
}

export function explainArmError(err: unknown, target: ServiceTarget): unknown {
  if (err instanceof ConfigurationError) return err;
  const info = armErrorInfo(err);
  const where = `APIM service '${target.serviceName}' (resource group '${target.resourceGroup}', subscription ${target.subscriptionId})`;
  if (info.status === 403) {
    return new ConfigurationError(
      `The signed-in identity has no role on ${where}: ${info.message}`,
      "Assign the 'API Management Service Contributor' role (or a custom role with policy, named value, fragment and backend write) on the APIM service to the app's service principal.",
    );
  }
  if (info.status === 401) {
    return new ConfigurationError(
      `ARM refused the access token for ${where}: ${info.message}`,
      'Check tenant-id and the Azure endpoint.',
    );
  }
  if (
    info.status === 404 &&
    /ResourceNotFound|ResourceGroupNotFound|SubscriptionNotFound/.test(info.code ?? '') &&
    /service|resource group|subscription/i.test(info.message)
  ) {
    return new ConfigurationError(
      `${where} was not found: ${info.message}`,
      'Check subscription-id, resource-group and service-name.',
    );
  }
  // Throttling or an outage that outlasted every retry is Azure's, not a bug: say so, and that
  // nothing was written by this call.
  if (info.status === 429 || (info.status ?? 0) >= 500 || (!info.status && connectionFailed(err))) {
    const what = info.status
      ? `kept answering ${info.status}${info.code ? ` ${info.code}` : ''}`
      : 'kept failing';
    return new ConfigurationError(
      `ARM ${what} for ${where} after every retry: ${info.message}`,
      'This is on Azure’s side (throttling or an outage) and nothing was changed in APIM: run the step again later.',
    );
  }
  return err;
}
