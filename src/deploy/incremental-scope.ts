import { git } from '../gogs/git.js';
import type { Logger } from '../shared/logger.js';
import { findApiopsConfiguration } from '../policy/apiops-config.js';
import type { PolicyRepository } from '../policy/repository.js';
import {
  ENVIRONMENT_FILE_EXTENSIONS,
  environmentFile,
  loadEnvironmentValues,
  parseEnvironmentValues,
} from '../policy/template.js';
import type { ApimConnection } from './client.js';
import type { DesiredResource, Filters } from './desired.js';
import { desiredState } from './desired.js';
import { parseRecord, recordName } from './provenance.js';
import { readDeploymentRecord, type RecordAtPlan } from './deployment-record.js';
import type { RecordState } from './record-state.js';
import { recordStateFor, stateMismatch } from './record-state.js';
import { CONFIG_NAMES } from '../validate/config.js';
import type { ArmRetryOptions } from './retry.js';

/**
 * Which resources a plan reads. A full plan reads every resource of the repository. An incremental
 * plan starts from the deployment record (the commit last deployed to the environment, which APIM
 * already holds) and reads only the resources whose rendered desired state can differ from that
 * commit's: those whose files changed since, and those whose rendering uses an environment value that
 * changed. A policy's rendering does not contain the fragments it includes or the named values it
 * references (APIM resolves those at run time), so a changed fragment or named value is itself one of
 * the changed resources and pulls in nothing else.
 *
 * The shortcut trusts that APIM still holds what the recorded deployment wrote. Whenever that or the
 * comparison could be wrong, the plan is full and says why.
 */

export type ScopeRequest = 'auto' | 'full';

export interface PlanScope {
  kind: 'full' | 'incremental';
  /** Why this scope ran, in words for the plan summary. */
  reason: string;
  /** The commit the deployment record names: the base the incremental plan compared with. */
  base?: string;
  /** Resources read from APIM. */
  read: number;
  /** Resources not read because their desired state cannot differ from the base commit's. */
  skipped: number;
}

export type ScopeDecision =
  | { kind: 'full'; reason: string; base?: string }
  | { kind: 'incremental'; reason: string; base: string; keys: Set<string> };

export interface ScopeOptions {
  request: ScopeRequest;
  prune: boolean;
  environment?: string;
  connection: ApimConnection;
  retry?: ArmRetryOptions;
  repository: PolicyRepository;
  /** The desired state of this plan. */
  desired: DesiredResource[];
  filters?: Filters;
  state: RecordState;
  /** The environment's deployment record as the plan read it (deployment-record.ts). */
  record?: RecordAtPlan;
  /** localChanges(root), when the caller started it early. */
  local?: Promise<string[] | undefined>;
}

/**
 * The resources a plan reads, the scope it ran in, and the state its deployment will record. `desired`
 * is the plan's desired state, in plan order; `values` what it was rendered with.
 */
export async function scopeResources(
  o: Omit<ScopeOptions, 'request' | 'state'> & {
    request?: ScopeRequest;
    values: Record<string, string>;
    configFile?: string;
    logger?: Logger;
  },
): Promise<{ resources: DesiredResource[]; scope: PlanScope; recordState: RecordState }> {
  const root = o.repository.root;
  const fileValues = o.environment ? await loadEnvironmentValues(root, o.environment) : {};
  const recordState = await recordStateFor({
    root,
    configFile: o.configFile,
    filters: o.filters,
    overrides: Object.entries(o.values).some(([k, v]) => fileValues[k] !== v),
  });
  const decision = await decideScope({ ...o, request: o.request ?? 'auto', state: recordState });
  const resources =
    decision.kind === 'incremental' ? o.desired.filter((d) => decision.keys.has(d.ref.key)) : o.desired;
  const scope: PlanScope = {
    kind: decision.kind,
    reason: decision.reason,
    base: decision.base,
    read: resources.length,
    skipped: o.desired.length - resources.length,
  };
  o.logger?.info(
    scope.kind === 'incremental'
      ? `Incremental plan: ${scope.read} of ${o.desired.length} resource(s) can differ from ${short(scope.base!)}; reading only those.`
      : `Full plan: reading all ${scope.read} resource(s): ${scope.reason}.`,
  );
  return { resources, scope, recordState };
}

const full = (reason: string, base?: string): ScopeDecision => ({ kind: 'full', reason, base });
const short = (sha: string): string => sha.slice(0, 12);

/** Decides the plan's scope; one ARM read (the record) and a few local git calls. */
export async function decideScope(o: ScopeOptions): Promise<ScopeDecision> {
  if (o.request === 'full') return full('plan-scope: full was asked');
  if (o.prune) return full('prune is set, and finding what to delete needs every live resource');
  if (!o.environment) return full('no environment is set, so APIM holds no deployment record to start from');
  const name = recordName(o.environment);
  const local = o.local ?? localChanges(o.repository.root);
  const live = o.record ?? (await readDeploymentRecord(o.connection, o.environment, o.retry));
  if (!live.exists)
    return full(`APIM holds no deployment record for '${o.environment}' (named value ${name})`);
  const record = parseRecord(live.value);
  if (!record) return full(`the deployment record ${name} cannot be read`);
  const base = record.last.commit;
  const mismatch = stateMismatch((record as { state?: RecordState }).state, o.state);
  if (mismatch) return full(mismatch, base);

  const changed = await changedSince(o.repository.root, base, local);
  if (typeof changed === 'string') return full(changed, base);
  const unexplained = [...changed].find((f) => !explained(f, o.repository.artifactsPath));
  if (unexplained !== undefined)
    return full(
      `'${unexplained}' changed since ${short(base)}, and it may change how any resource renders`,
      base,
    );

  const valuesAtBase = await environmentValuesAt(o, base, changed);
  if (valuesAtBase === 'configuration')
    return full(
      `environment values changed and configuration.${o.environment}.yaml may use them anywhere`,
      base,
    );
  const renderedAtBase = valuesAtBase
    ? new Map(
        desiredState(o.repository, valuesAtBase, o.filters ?? {}).resources.map((d) => [
          d.ref.key,
          JSON.stringify(d.properties),
        ]),
      )
    : undefined;
  const keys = new Set<string>();
  for (const d of o.desired) {
    const fileChanged = sourcesOf(d).some((f) => changed.has(f));
    const valueChanged = renderedAtBase && renderedAtBase.get(d.ref.key) !== JSON.stringify(d.properties);
    if (fileChanged || valueChanged) keys.add(d.ref.key);
  }
  return {
    kind: 'incremental',
    base,
    keys,
    reason: `APIM holds commit ${short(base)} (the deployment record), an ancestor of this commit: only resources whose files or environment values changed since are read`,
  };
}

/** Every repository file a resource's rendering reads (a fragment also reads its information JSON). */
function sourcesOf(d: DesiredResource): string[] {
  return d.ref.kind === 'fragment'
    ? [d.file, d.file.replace(/[^/]*$/, 'policyFragmentInformation.json')]
    : [d.file];
}

const LAYOUT_TOPS = ['apis', 'products', 'policy fragments', 'named values', 'backends', 'workspaces'];
const INERT =
  /(^|\/)(README|CHANGELOG|LICENSE|CODEOWNERS)(\.[^/]*)?$|\.(md|txt|png|svg|jpe?g|gitignore|gitattributes)$/i;

/**
 * Whether a changed file's effect on the desired state is accounted for: a file of the layout (the
 * resource it belongs to is compared), the environment's values file (compared value by value), a
 * file no rendering reads (documentation, another environment's values, CI folders, files inside the
 * layout that are not policy.xml or an information JSON, loose policies, which are never deployed).
 * Anything else (an APIOps configuration.<env>.yaml, a file a later version may read) makes the plan full.
 */
function explained(file: string, artifactsPath: string | undefined): boolean {
  if (INERT.test(file) || /^\.(github|azure-pipelines|vscode)\//.test(file)) return true;
  if (/^environments\/[^/]+\.(ya?ml|json)$/.test(file)) return true;
  if (CONFIG_NAMES.includes(file)) return true; // the ruleset: compared by hash (record-state.ts)
  const prefix = artifactsPath ? `${artifactsPath}/` : '';
  if (!file.startsWith(prefix)) return false;
  const rel = file.slice(prefix.length);
  return LAYOUT_TOPS.includes(rel.split('/')[0]) || /\.xml$/i.test(rel);
}

/**
 * Repository-relative files that differ between `base` and what is on disk (tracked changes and
 * files git does not track), or why that cannot be known.
 */
async function changedSince(
  root: string,
  base: string,
  local: Promise<string[] | undefined>,
): Promise<Set<string> | string> {
  const run = (args: string[]) => git(args, { cwd: root, allowFailure: true });
  // Paths relative to the repository root even when it is a subfolder of the git work tree.
  const [ancestor, diff, onDisk] = await Promise.all([
    run(['merge-base', '--is-ancestor', base, 'HEAD']),
    run(['diff', '--name-only', '--no-renames', '--relative', '-z', base, 'HEAD', '--']),
    local,
  ]);
  if (!onDisk)
    return `${root} is not a git checkout, so what changed since the recorded commit cannot be known`;
  // 1: not an ancestor; anything else: the commit is not here (a shallow checkout, another history).
  if (ancestor.exitCode === 1)
    return `the recorded commit ${short(base)} is not an ancestor of this commit (a force push, or an older commit deployed)`;
  if (ancestor.exitCode !== 0 || diff.exitCode !== 0) {
    const shallow = await run(['rev-parse', '--is-shallow-repository']);
    return shallow.stdout.trim() === 'true'
      ? `the recorded commit ${short(base)} is not in this shallow checkout; set fetch-depth: 0 (or deep enough to reach it) for incremental plans`
      : `the recorded commit ${short(base)} is not in the checkout`;
  }
  return new Set([...diff.stdout.split('\0'), ...onDisk].filter(Boolean));
}

/**
 * What differs on disk from HEAD: changed tracked files and files git does not track (undefined
 * outside a git work tree). Needs no record, so it can start before the plan renders anything: these
 * walk the whole work tree, the slow part of an incremental plan's set-up.
 */
export function localChanges(root: string): Promise<string[] | undefined> {
  const run = (args: string[]) => git(args, { cwd: root, allowFailure: true });
  const result = Promise.all([
    run(['diff', '--name-only', '--no-renames', '--relative', '-z', 'HEAD', '--']),
    run(['ls-files', '--others', '-z', '--', '.']),
  ]).then(([tracked, untracked]) =>
    tracked.exitCode === 0 && untracked.exitCode === 0
      ? [...tracked.stdout.split('\0'), ...untracked.stdout.split('\0')]
      : undefined,
  );
  result.catch(() => undefined); // a plan that turns full never awaits it
  return result;
}

/**
 * The template values the base commit rendered with, when its environment file differs from the
 * checkout's (undefined when it does not, so the values are the same). Values from outside the
 * repository make the plan full before this is asked (record-state.ts).
 */
async function environmentValuesAt(
  o: ScopeOptions,
  base: string,
  changed: Set<string>,
): Promise<Record<string, string> | 'configuration' | undefined> {
  const env = o.environment!;
  const files = ENVIRONMENT_FILE_EXTENSIONS.map((ext) => environmentFile(env, ext));
  if (!files.some((f) => changed.has(f))) return undefined;
  // Values also reach resources through APIOps overrides ({#token#}), rendered when the repository
  // was loaded: a changed value could change any resource the configuration names.
  if (await findApiopsConfiguration(o.repository.root, env, o.repository.artifactsPath))
    return 'configuration';
  for (const file of files) {
    const shown = await git(['show', `${base}:./${file}`], { cwd: o.repository.root, allowFailure: true });
    if (shown.exitCode === 0) return parseEnvironmentValues(shown.stdout, file);
  }
  return {};
}
