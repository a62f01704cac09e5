import { existsSync, readFileSync, statSync } from 'node:fs';
import { ArmError } from './arm-errors.js';
import { isRecord } from './http.js';
import { apiProperties } from './resources/apis.js';
import { backendProperties } from './resources/backends.js';
import { storeFragment } from './resources/fragments.js';
import { namedValueProperties } from './resources/named-values.js';
import { storePolicy } from './resources/policies.js';
import { productProperties } from './resources/products.js';
import { workspaceProperties, workspaceService } from './resources/workspaces.js';
import { readApiOpsFolder } from './seed-apiops.js';
import type { ApimService } from './service.js';

/**
 * Initial content, validated exactly like the ARM writes it stands for (so a seed cannot hold what
 * APIM would refuse). Shape, every part optional:
 *   { policy, namedValues: {id: props}, policyFragments: {id: {value, format, description}},
 *     backends: {id: props}, tags: {id: {displayName}},
 *     products: {id: props + {policy?, apis?: [apiId]}},
 *     apis: {id: props + {policy?, operations?: {id: props + {policy?}}}},
 *     workspaces: {id: {displayName, description?} + the same shape again, for the workspace} }
 * A policy is a string (xml format) or {value, format}; a workspace's `policy` is the workspace policy.
 */
export interface Seed {
  policy?: PolicySeed;
  namedValues?: Record<string, Record<string, unknown>>;
  policyFragments?: Record<string, Record<string, unknown>>;
  backends?: Record<string, Record<string, unknown>>;
  tags?: Record<string, Record<string, unknown>>;
  products?: Record<string, Record<string, unknown> & { policy?: PolicySeed; apis?: string[] }>;
  apis?: Record<
    string,
    Record<string, unknown> & {
      policy?: PolicySeed;
      operations?: Record<string, Record<string, unknown> & { policy?: PolicySeed }>;
    }
  >;
  workspaces?: Record<string, Seed & { displayName?: string; description?: string }>;
}

export type PolicySeed = string | { value: string; format?: 'xml' | 'rawxml' };

function putPolicy(svc: ApimService, path: string, policy: PolicySeed | undefined): void {
  if (policy === undefined) return;
  const { value, format } =
    typeof policy === 'string'
      ? { value: policy, format: 'xml' as const }
      : { value: policy.value, format: policy.format ?? 'xml' };
  storePolicy(svc, path, value, format);
}

function entries<T>(record: Record<string, T> | undefined): [string, T][] {
  return Object.entries(record ?? {});
}

/** Strips the seed-only keys (policy, operations, apis) from entity properties. */
function props(value: Record<string, unknown>, ...drop: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !drop.includes(k)));
}

/** Fragments may include each other: store them in passes until none is left or none progresses. */
function seedFragments(svc: ApimService, fragments: [string, Record<string, unknown>][]): void {
  let pending = fragments;
  while (pending.length) {
    const failed: [string, Record<string, unknown>][] = [];
    let lastError: unknown;
    for (const [id, value] of pending) {
      try {
        storeFragment(svc, id, value);
      } catch (err) {
        failed.push([id, value]);
        lastError = err;
      }
    }
    if (failed.length === pending.length) throw lastError;
    pending = failed;
  }
}

function applySeedObject(svc: ApimService, seed: Seed): void {
  const type = (t: string): string => `Microsoft.ApiManagement/service/${t}`;
  for (const [id, value] of entries(seed.namedValues))
    svc.store.put({
      path: `namedValues/${id}`,
      name: id,
      type: type('namedValues'),
      properties: namedValueProperties(svc, id, value),
    });
  seedFragments(svc, entries(seed.policyFragments));
  for (const [id, value] of entries(seed.backends))
    svc.store.put({
      path: `backends/${id}`,
      name: id,
      type: type('backends'),
      properties: backendProperties(value),
    });
  for (const [id, value] of entries(seed.tags))
    svc.store.put({
      path: `tags/${id}`,
      name: id,
      type: type('tags'),
      properties: { displayName: value.displayName ?? id },
    });
  for (const [id, value] of entries(seed.apis)) {
    const now = new Date().toISOString();
    const properties = apiProperties(svc, id, props(value, 'policy', 'operations'));
    svc.store.put({
      path: `apis/${id}`,
      name: id,
      type: type('apis'),
      properties: { ...properties, createdDateTime: now, updatedDateTime: now },
    });
    for (const [opId, op] of entries(value.operations)) {
      svc.store.put({
        path: `apis/${id}/operations/${opId}`,
        name: opId,
        type: type('apis/operations'),
        properties: { templateParameters: [], responses: [], ...props(op, 'policy') },
      });
      putPolicy(svc, `apis/${id}/operations/${opId}/policies/policy`, op.policy);
    }
    putPolicy(svc, `apis/${id}/policies/policy`, value.policy);
  }
  for (const [id, value] of entries(seed.products)) {
    svc.store.put({
      path: `products/${id}`,
      name: id,
      type: type('products'),
      properties: productProperties(props(value, 'policy', 'apis')),
    });
    for (const apiId of value.apis ?? [])
      svc.store.put({
        path: `products/${id}/apis/${apiId}`,
        name: apiId,
        type: type('apis'),
        properties: {},
      });
    putPolicy(svc, `products/${id}/policies/policy`, value.policy);
  }
  putPolicy(svc, 'policies/policy', seed.policy);
  for (const [id, value] of entries(seed.workspaces)) {
    svc.store.put({
      path: `workspaces/${id}`,
      name: id,
      type: type('workspaces'),
      properties: workspaceProperties({
        displayName: id,
        ...props(value as Record<string, unknown>, ...SEED_KEYS),
      }),
    });
    // The workspace's content, seeded through the same view of the store its ARM routes use.
    applySeedObject(workspaceService(svc, id), value);
  }
}

/** The keys of a seed that are content, not a workspace's own properties. */
const SEED_KEYS = [
  'policy',
  'namedValues',
  'policyFragments',
  'backends',
  'tags',
  'products',
  'apis',
  'workspaces',
];

/** Seeds from an object, a JSON file path, or an APIOps-layout folder path. */
export function applySeed(svc: ApimService, seed: unknown): void {
  let value = seed;
  if (typeof seed === 'string') {
    if (!existsSync(seed)) throw new Error(`Seed '${seed}' does not exist.`);
    value = statSync(seed).isDirectory()
      ? readApiOpsFolder(seed)
      : (JSON.parse(readFileSync(seed, 'utf8')) as unknown);
  }
  if (!isRecord(value)) throw new Error('A seed is an object, a JSON file or an APIOps folder.');
  try {
    applySeedObject(svc, value as Seed);
  } catch (err) {
    if (err instanceof ArmError)
      throw new Error(
        `Seed refused like APIM would refuse it: ${err.code}: ${err.message} ${JSON.stringify(err.details ?? [])}`,
      );
    throw err;
  }
}
