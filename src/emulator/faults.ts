import { readFileSync } from 'node:fs';
import { ArmError } from './arm-errors.js';

/**
 * Faults on demand. A fault matches requests by method and path and fires on the `nth` matching
 * request (1-based, default 1) and the `times - 1` after it (default once; 0 = for ever).
 */
export type FaultKind =
  /** 429 TooManyRequests, with Retry-After when `retryAfterSeconds` is set. */
  | 'throttle'
  /** `status` (500 by default, or 503) with ARM's error body; Retry-After when `retryAfterSeconds` is set. */
  | 'error'
  /** 409 PessimisticConcurrencyConflict. */
  | 'conflict'
  /** Answers normally after `delayMs`. */
  | 'slow'
  /** Closes the connection without answering. */
  | 'drop'
  /** The long-running operation this request starts ends Failed; nothing is changed. */
  | 'lroFailed'
  /** Someone else writes the entity just before this request is handled (its ETag changes). */
  | 'concurrentWrite'
  /**
   * Someone else changes the entity's content just before this request is handled (a portal edit):
   * the value differs afterwards and carries a `third-party-<n>` marker (see third-party.ts).
   */
  | 'thirdPartyEdit'
  /** The request is applied, then the connection is closed without an answer (the outcome is lost). */
  | 'dropAfterApply'
  /** The request is applied, then answered with `status` (500 by default) instead of its result. */
  | 'errorAfterApply';

export interface FaultSpec {
  kind: FaultKind;
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Path to match: a RegExp, or a string matched case-insensitively as a substring of the URL path. */
  path?: string | RegExp;
  nth?: number;
  times?: number;
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

interface ActiveFault {
  spec: FaultSpec;
  seen: number;
  fired: number;
}

/** What the server must do for one request. */
export interface FaultAction {
  respond?: ArmError;
  delayMs?: number;
  drop?: boolean;
  failLro?: boolean;
  concurrentWrite?: boolean;
  thirdPartyEdit?: boolean;
  /** Handle the request, then close the connection instead of answering. */
  dropAfterApply?: boolean;
  /** Handle the request, then answer this instead of its result. */
  respondAfterApply?: ArmError;
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  if (spec.path === undefined) return true;
  if (spec.path instanceof RegExp) return spec.path.test(path);
  return path.toLowerCase().includes(spec.path.toLowerCase());
}

function response(spec: FaultSpec): ArmError | undefined {
  const retry: Record<string, string> =
    spec.retryAfterSeconds !== undefined ? { 'retry-after': String(spec.retryAfterSeconds) } : {};
  switch (spec.kind) {
    case 'throttle':
      return new ArmError(
        429,
        'TooManyRequests',
        'The request is being throttled (emulator fault plan).',
        undefined,
        retry,
      );
    case 'error': {
      const status = spec.status ?? 500;
      const code =
        status === 503 ? 'ServiceUnavailable' : status === 502 ? 'BadGateway' : 'InternalServerError';
      return new ArmError(
        status,
        code,
        `The service answered ${status} (emulator fault plan).`,
        undefined,
        retry,
      );
    }
    case 'conflict':
      return new ArmError(
        409,
        'PessimisticConcurrencyConflict',
        'Conflicting concurrent write operation is in progress on the entity. Please try again later.',
      );
    default:
      return undefined;
  }
}

export class FaultPlan {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    if (
      spec.path &&
      typeof spec.path === 'string' &&
      spec.path.startsWith('/') &&
      spec.path.endsWith('/') &&
      spec.path.length > 2
    ) {
      // "/regex/" in a JSON plan file means a regular expression.
      spec = { ...spec, path: new RegExp(spec.path.slice(1, -1), 'i') };
    }
    this.faults.push({ spec, seen: 0, fired: 0 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Reads a JSON array of FaultSpec (a fault plan file). */
  load(file: string): void {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!Array.isArray(plan)) throw new Error(`${file}: a fault plan is a JSON array of faults.`);
    for (const spec of plan as FaultSpec[]) this.add(spec);
  }

  /** Counts the request against every matching fault and merges what the firing ones ask for. */
  next(method: string, path: string): FaultAction {
    const action: FaultAction = {};
    for (const f of this.faults) {
      if (!matches(f.spec, method, path)) continue;
      f.seen++;
      const times = f.spec.times ?? 1;
      if (f.seen < (f.spec.nth ?? 1) || (times > 0 && f.fired >= times)) continue;
      f.fired++;
      const kind = f.spec.kind;
      if (kind === 'slow') action.delayMs = (action.delayMs ?? 0) + (f.spec.delayMs ?? 1000);
      else if (kind === 'drop') action.drop = true;
      else if (kind === 'lroFailed') action.failLro = true;
      else if (kind === 'concurrentWrite') action.concurrentWrite = true;
      else if (kind === 'thirdPartyEdit') action.thirdPartyEdit = true;
      else if (kind === 'dropAfterApply') action.dropAfterApply = true;
      else if (kind === 'errorAfterApply')
        action.respondAfterApply ??= response({ ...f.spec, kind: 'error' });
      else action.respond ??= response(f.spec);
    }
    return action;
  }
}
