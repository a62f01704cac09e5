import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { version } from '../shared/version.js';
import { CONFIG_NAMES } from '../validate/config.js';
import type { Filters } from './desired.js';

/**
 * What an incremental plan must know about the deployment that wrote the record, besides its commit:
 * everything outside the repository's files that decides the rendered desired state. A later plan
 * starts from the recorded commit only when its own state is the same; otherwise it reads everything.
 * Stored as `state` in the record value (named value apim-gogs-deployment-<environment>).
 */
export interface RecordState {
  /** apim-gogs version that planned the deployment; another major version may render differently. */
  version: string;
  /** Canonical `apis=…;products=…` when the deployment was limited to some APIs or products. */
  filters?: string;
  /**
   * True when template values came from outside the repository (CLI --var): their values are not
   * recorded (they may be secret), so a later plan cannot know the recorded rendering.
   */
  overrides?: true;
  /** SHA-256 of the ruleset file the run used (a ruleset is not secret). */
  ruleset?: string;
}

/** The canonical filter text, undefined when nothing is filtered. */
export function filterKey(filters: Filters | undefined): string | undefined {
  const apis = [...new Set(filters?.apis ?? [])].sort();
  const products = [...new Set(filters?.products ?? [])].sort();
  if (!apis.length && !products.length) return undefined;
  return `apis=${apis.join(',')};products=${products.join(',')}`;
}

/** The ruleset file in effect: the configured one, else .apim-gogs.yaml/.yml in the checkout. */
export function rulesetFile(root: string, configFile: string | undefined): string | undefined {
  if (configFile) return path.resolve(root, configFile);
  return CONFIG_NAMES.map((n) => path.join(root, n)).find((f) => existsSync(f));
}

export async function recordStateFor(options: {
  root: string;
  configFile?: string;
  filters?: Filters;
  overrides: boolean;
}): Promise<RecordState> {
  const state: RecordState = { version };
  const filters = filterKey(options.filters);
  if (filters) state.filters = filters;
  if (options.overrides) state.overrides = true;
  const file = rulesetFile(options.root, options.configFile);
  if (file) {
    const text = await readFile(file).catch(() => undefined);
    if (text) state.ruleset = createHash('sha256').update(text).digest('hex');
  }
  return state;
}

const major = (v: string): string => v.split('.')[0];

/**
 * Why the recorded state does not allow an incremental plan (undefined when it does). A deployment
 * limited to some APIs or products left the others at an older commit, so only a plan with the same
 * filters may start from it; an unfiltered record serves any filter.
 */
export function stateMismatch(recorded: RecordState | undefined, now: RecordState): string | undefined {
  if (!recorded || typeof recorded.version !== 'string') {
    return 'the deployment record was written by an apim-gogs that does not record its plan state';
  }
  if (major(recorded.version) !== major(now.version)) {
    return `the deployment record was written by apim-gogs ${recorded.version}, another major version than ${now.version}`;
  }
  if (recorded.filters && recorded.filters !== now.filters) {
    return `the recorded deployment was limited to ${recorded.filters}; this plan's filters differ`;
  }
  if (recorded.overrides || now.overrides) {
    return 'template values were given outside the repository (--var), so the recorded rendering cannot be compared';
  }
  if ((recorded.ruleset ?? '') !== (now.ruleset ?? '')) {
    return 'the ruleset (.apim-gogs.yaml or config) changed since the recorded deployment';
  }
  return undefined;
}

/**
 * The record value with `state` added; history is shortened when needed to stay within APIM's 4096
 * characters for a named value (the last deployment and the state always stay).
 */
export function withRecordState(recordText: string, state: RecordState | undefined): string {
  if (!state) return recordText;
  const record = JSON.parse(recordText) as { history?: unknown[] } & Record<string, unknown>;
  const history = Array.isArray(record.history) ? record.history : [];
  for (let n = history.length; n >= 0; n--) {
    const text = JSON.stringify({ ...record, history: history.slice(0, n), state });
    if (text.length <= 4096 || n === 0) return text;
  }
  return recordText;
}
