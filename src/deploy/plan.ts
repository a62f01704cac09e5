import type { Logger } from '../shared/logger.js';
import type { Progress } from '../shared/progress.js';
import type { PolicyRepository } from '../policy/repository.js';
import type { ApimConnection } from './client.js';
import { explainArmError } from './client.js';
import { comparableText, contentHash } from './compare.js';
import { mapLimit } from './concurrency.js';
import type { DesiredResource, Filters } from './desired.js';
import { DesiredStateError, desiredState } from './desired.js';
import { lineDiff } from './diff.js';
import { localChanges, scopeResources, type PlanScope, type ScopeRequest } from './incremental-scope.js';
import type { Provenance } from './provenance.js';
import type { RecordState } from './record-state.js';
import { activeLease, readDeploymentRecord, type RecordAtPlan } from './deployment-record.js';
import { isReservedId } from '../policy/identity.js';
import { isManaged, readProvenance } from './provenance.js';
import type { LiveResource, Properties, ResourceKind, ResourceRef } from './resources.js';
import { KIND_ORDER, readResource, refFor } from './resources.js';
import { withArmRetry, type ArmRetryOptions } from './retry.js';
import { workspaceRefs } from './workspaces.js';

export type PlanAction = 'create' | 'update' | 'delete' | 'unchanged';

export interface PlanEntry {
  key: string;
  kind: ResourceKind;
  ref: ResourceRef;
  action: PlanAction;
  /** Repository file (absent for deletes). */
  file?: string;
  /** The live ETag read at plan time; every write carries it in If-Match. */
  etag?: string;
  /** What will be deployed (without provenance); absent for deletes and unchanged entries. */
  desired?: Properties;
  /** The live content at plan time (the rollback snapshot); absent for creates and unchanged entries. */
  live?: Properties;
  /** Readable diff of the comparable texts ('-' live, '+' repository). */
  diff?: string;
  beforeHash?: string;
  afterHash?: string;
  /** Provenance on the live resource at plan time. */
  liveProvenance?: Provenance;
}

export interface SourceInfo {
  commit: string;
  ref?: string;
  /** e.g. `https://gogs.example/org/repo`. */
  repository?: string;
  runUrl?: string;
}

export interface Plan {
  version: 1;
  createdAt: string;
  environment?: string;
  source: SourceInfo;
  service: { subscriptionId: string; resourceGroup: string; serviceName: string };
  prune: boolean;
  entries: PlanEntry[];
  /** `unchanged` includes the resources an incremental plan did not read (scope.skipped). */
  summary: Record<PlanAction, number>;
  /** Warnings from building the desired state (errors throw DesiredStateError). */
  warnings: string[];
  /** Which resources were read (all, or those that can differ from the recorded commit) and why. */
  scope: PlanScope;
  /** What a deployment of this plan records next to its commit, so a later plan can start from it. */
  recordState: RecordState;
  /** The environment's deployment record as this plan read it: a deployment claims it (its lease). */
  record?: RecordAtPlan;
}

export interface PlanOptions {
  repository: PolicyRepository;
  connection: ApimConnection;
  source: SourceInfo;
  environment?: string;
  /** Template values for `#{name}#` placeholders (already merged: file + inputs). */
  values?: Record<string, string>;
  filters?: Filters;
  /** Also plan deletes of live resources apim-gogs deployed that the repository no longer has. */
  prune?: boolean;
  /** `auto` (default): incremental when the deployment record allows it (incremental-scope.ts); `full`. */
  scope?: ScopeRequest;
  /** Parallel reads; default 16 (the client also paces itself by ARM's remaining-request headers). */
  readConcurrency?: number;
  /** @deprecated Writes' concurrency belongs to applyPlan; plans read with readConcurrency. Ignored. */
  concurrency?: number;
  /** The ruleset file in use (default .apim-gogs.yaml in the checkout): a changed ruleset means a full plan. */
  configFile?: string;
  retry?: ArmRetryOptions;
  logger?: Logger;
  /** Told as each resource is read (src/shared/progress.ts). */
  progress?: Progress;
}

/**
 * Compares the repository (rendered for the environment) with live APIM and says, per resource, create,
 * update, delete (prune only) or unchanged. Reads only; throws DesiredStateError before any request
 * when the repository cannot be deployed (unresolved placeholder, secret value in the repository).
 */
export async function planDeployment(options: PlanOptions): Promise<Plan> {
  try {
    return await plan(options);
  } catch (err) {
    throw explainArmError(err, options.connection.target);
  }
}

/** Reads at a time unless the caller says: ARM's read budget is larger than its write budget. */
export const DEFAULT_READ_CONCURRENCY = 16;

async function plan(options: PlanOptions): Promise<Plan> {
  // git walks the work tree while the desired state renders (incremental-scope.ts).
  const local =
    options.scope !== 'full' && !options.prune && options.environment
      ? localChanges(options.repository.root)
      : undefined;
  const desired = desiredState(options.repository, options.values ?? {}, options.filters ?? {});
  const errors = desired.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new DesiredStateError(errors);
  const conn = options.connection;
  const concurrency = options.readConcurrency ?? DEFAULT_READ_CONCURRENCY;
  const retry = options.retry;
  const all = [...desired.resources].sort(byOrder);
  const record = options.environment
    ? await readDeploymentRecord(conn, options.environment, retry)
    : undefined;
  const running = activeLease(record);
  const { resources, scope, recordState } = await scopeResources({
    ...options,
    record,
    request: options.scope,
    prune: options.prune === true,
    desired: all,
    values: options.values ?? {},
    local,
  });
  options.progress?.start?.(resources.length);
  const entries = await mapLimit(resources, concurrency, async (d) => {
    const t0 = performance.now();
    const live = await withArmRetry(() => readResource(conn, d.ref), retry);
    const entry = entryFor(d, live);
    options.progress?.done(entry.kind, entry.key, entry.action, performance.now() - t0);
    return entry;
  });
  if (options.prune) {
    // APIM ids are case-insensitive: `apis/Echo` in the repository is the live `apis/echo`, not a delete.
    const wanted = new Set(all.map((r) => r.ref.key.toLowerCase()));
    const candidates = (await listLive(conn, concurrency, retry)).filter(
      (c) => !wanted.has(c.ref.key.toLowerCase()),
    );
    for (const c of candidates) {
      if (!isManaged(c.ref.kind, c.live.properties)) continue;
      if (!inFilters(c.ref, options.filters)) continue;
      entries.push({
        key: c.ref.key,
        kind: c.ref.kind,
        ref: c.ref,
        action: 'delete',
        etag: c.live.etag,
        live: c.live.properties,
        beforeHash: contentHash(comparableText(c.ref.kind, c.live.properties, c.live.properties ?? {})),
        liveProvenance: readProvenance(c.ref.kind, c.live.properties),
        diff: lineDiff(
          comparableText(c.ref.kind, c.live.properties, c.live.properties ?? {}, { redact: true }),
          '',
        ),
      });
    }
  }
  const summary: Record<PlanAction, number> = { create: 0, update: 0, delete: 0, unchanged: 0 };
  for (const e of entries) summary[e.action]++;
  summary.unchanged += scope.skipped;
  const t = conn.target;
  return {
    version: 1,
    createdAt: new Date().toISOString(),
    environment: options.environment,
    source: options.source,
    service: { subscriptionId: t.subscriptionId, resourceGroup: t.resourceGroup, serviceName: t.serviceName },
    prune: options.prune === true,
    entries,
    summary,
    warnings: [
      ...desired.diagnostics.filter((d) => d.severity !== 'error').map((d) => `${d.file}: ${d.message}`),
      ...(running
        ? [
            `A deployment of commit ${running.commit} to '${options.environment}' has been running since ${running.since}: this plan may be out of date when it ends, and a deployment of it now is refused.`,
          ]
        : []),
    ],
    scope,
    recordState,
    record,
  };
}

function byOrder(a: DesiredResource, b: DesiredResource): number {
  return (
    KIND_ORDER.indexOf(a.ref.kind) - KIND_ORDER.indexOf(b.ref.kind) ||
    (a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0)
  );
}

/** The plan entry for one desired resource against its live state. */
export function entryFor(d: DesiredResource, live: LiveResource): PlanEntry {
  const base = { key: d.ref.key, kind: d.ref.kind, ref: d.ref, file: d.file };
  const after = comparableText(d.ref.kind, d.properties, d.properties);
  if (!live.exists) {
    return {
      ...base,
      action: 'create',
      desired: d.properties,
      afterHash: contentHash(after),
      diff: lineDiff('', comparableText(d.ref.kind, d.properties, d.properties, { redact: true })),
    };
  }
  const before = comparableText(d.ref.kind, live.properties, d.properties);
  const liveProvenance = readProvenance(d.ref.kind, live.properties);
  if (before === after) {
    return {
      ...base,
      action: 'unchanged',
      etag: live.etag,
      beforeHash: contentHash(before),
      afterHash: contentHash(after),
      liveProvenance,
    };
  }
  return {
    ...base,
    action: 'update',
    etag: live.etag,
    desired: d.properties,
    live: live.properties,
    beforeHash: contentHash(before),
    afterHash: contentHash(after),
    // Shown to people: the same texts with credentials-like values redacted (compare.ts, redact.ts).
    diff: lineDiff(
      comparableText(d.ref.kind, live.properties, d.properties, { redact: true }),
      comparableText(d.ref.kind, d.properties, d.properties, { redact: true }),
    ),
    liveProvenance,
  };
}

function inFilters(ref: ResourceRef, filters: Filters | undefined): boolean {
  if (filters?.apis?.length && (ref.kind === 'apiPolicy' || ref.kind === 'operationPolicy')) {
    return filters.apis.some((a) => a.toLowerCase() === ref.apiId!.toLowerCase());
  }
  if (filters?.products?.length && ref.kind === 'productPolicy')
    return filters.products.some((p) => p.toLowerCase() === ref.productId!.toLowerCase());
  return true;
}

/** Every live resource of the managed kinds (for prune and drift): lists, then raw reads of policies. */
export async function listLive(
  conn: ApimConnection,
  concurrency: number,
  retry?: ArmRetryOptions,
): Promise<{ ref: ResourceRef; live: LiveResource }[]> {
  const { client, resourceGroup: rg, serviceName: svc } = conn;
  const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  };
  const [namedValues, backends, fragments, products, apis] = await Promise.all([
    withArmRetry(() => collect(client.namedValue.listByService(rg, svc)), retry),
    withArmRetry(() => collect(client.backend.listByService(rg, svc)), retry),
    withArmRetry(() => collect(client.policyFragment.listByService(rg, svc)), retry),
    withArmRetry(() => collect(client.product.listByService(rg, svc)), retry),
    withArmRetry(() => collect(client.api.listByService(rg, svc)), retry),
  ]);
  const refs: ResourceRef[] = [refFor('globalPolicy')];
  for (const nv of namedValues)
    if (nv.name && !isReservedId(nv.name)) refs.push(refFor('namedValue', { name: nv.name }));
  for (const b of backends) if (b.name) refs.push(refFor('backend', { name: b.name }));
  for (const f of fragments) if (f.name) refs.push(refFor('fragment', { name: f.name }));
  for (const p of products) if (p.name) refs.push(refFor('productPolicy', { productId: p.name }));
  const operations = await mapLimit(
    apis.filter((a) => a.name && !a.name.includes(';rev=')),
    concurrency,
    async (a) => withArmRetry(() => collect(client.apiOperation.listByApi(rg, svc, a.name!)), retry),
  );
  apis
    .filter((a) => a.name && !a.name.includes(';rev='))
    .forEach((a, i) => {
      refs.push(refFor('apiPolicy', { apiId: a.name }));
      for (const o of operations[i])
        if (o.name) refs.push(refFor('operationPolicy', { apiId: a.name, operationId: o.name }));
    });
  refs.push(...(await workspaceRefs(conn, concurrency, retry)));
  const lives = await mapLimit(refs, concurrency, (ref) =>
    withArmRetry(() => readResource(conn, ref), retry),
  );
  return refs.map((ref, i) => ({ ref, live: lives[i] })).filter((x) => x.live.exists);
}
