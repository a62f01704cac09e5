import type { FullOperationResponse } from '@azure/core-client';
import type { ApimConnection } from '../client.js';
import { mapLimit } from '../concurrency.js';
import {
  isProvenanceTag,
  RECORD_PREFIX,
  stripDescriptionProvenance,
  stripXmlProvenance,
} from '../provenance.js';
import { readResource, refFor, type Properties, type ResourceRef } from '../resources.js';
import { withArmRetry, type ArmRetryOptions } from '../retry.js';
import { listWorkspaceIds } from '../workspaces.js';

/**
 * What `extract` reads from a live APIM instance: the kinds apim-gogs manages (policies at every
 * scope, fragments, named values, backends) and the APIs and products policies hang on. Policies come
 * as APIM returns them in rawxml, with apim-gogs' provenance stamp removed; a secret named value's
 * value is never read.
 */
export interface InstanceSnapshot {
  globalPolicy?: string;
  namedValues: { id: string; properties: Properties }[];
  backends: { id: string; properties: Properties }[];
  fragments: { id: string; value: string; description?: string }[];
  apis: {
    id: string;
    properties: Properties;
    policy?: string;
    operations: { id: string; policy: string }[];
  }[];
  products: { id: string; properties: Properties; policy?: string; apis: string[] }[];
  /** Secret named values without a Key Vault reference: their value is not in the snapshot. */
  secretsWithoutKeyVault: string[];
  /** Backend credential values written as #{placeholders}# (never as values). */
  credentialPlaceholders: string[];
  /**
   * APIM workspaces, each with the same content one level down (`globalPolicy` is the workspace
   * policy); absent when the service has none. Their secrets and placeholders are listed above,
   * prefixed `workspaces/{ws}/`.
   */
  workspaces?: { id: string; properties: Properties; content: LevelSnapshot }[];
}

/** One level of the layout: the service, or one workspace. */
export type LevelSnapshot = Omit<InstanceSnapshot, 'workspaces'>;

export interface ReadOptions {
  connection: ApimConnection;
  /** Only these APIs (and their revisions); default all. */
  apis?: string[];
  /** Only these products; default all. */
  products?: string[];
  /** Only these workspaces; default all. */
  workspaces?: string[];
  concurrency?: number;
  retry?: ArmRetryOptions;
}

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

/** Names, sorted, so that two extracts of one instance write the same files in the same order. */
const names = (items: { name?: string }[]): string[] =>
  items
    .map((i) => i.name)
    .filter((n): n is string => !!n)
    .sort();

const rootOf = (apiId: string) => apiId.replace(/;rev=\d+$/i, '').toLowerCase();

/**
 * The ARM calls that differ between the service and a workspace; everything else (the managed kinds)
 * goes through readResource with the ref's workspaceId.
 */
interface Level {
  workspaceId?: string;
  namedValues(): AsyncIterable<{ name?: string }>;
  backends(): AsyncIterable<{ name?: string }>;
  fragments(): AsyncIterable<{ name?: string }>;
  products(): AsyncIterable<{ name?: string }>;
  apis(): AsyncIterable<{ name?: string }>;
  revisions(apiId: string): AsyncIterable<{ isCurrent?: boolean; apiId?: string }>;
  operations(apiId: string): AsyncIterable<{ name?: string }>;
  getApi(id: string, o: RawOptions): Promise<unknown>;
  getProduct(id: string, o: RawOptions): Promise<unknown>;
  /** API ids linked to a product (a workspace keeps them as product-API links). */
  productApis(id: string): AsyncIterable<{ name?: string }>;
}
type RawOptions = { onResponse: (r: FullOperationResponse) => void };

function serviceLevel(conn: ApimConnection): Level {
  const { client: c, resourceGroup: rg, serviceName: svc } = conn;
  return {
    namedValues: () => c.namedValue.listByService(rg, svc),
    backends: () => c.backend.listByService(rg, svc),
    fragments: () => c.policyFragment.listByService(rg, svc),
    products: () => c.product.listByService(rg, svc),
    apis: () => c.api.listByService(rg, svc),
    revisions: (api) => c.apiRevision.listByService(rg, svc, api),
    operations: (api) => c.apiOperation.listByApi(rg, svc, api),
    getApi: (id, o) => c.api.get(rg, svc, id, o),
    getProduct: (id, o) => c.product.get(rg, svc, id, o),
    productApis: (id) => c.productApi.listByProduct(rg, svc, id),
  };
}

function workspaceLevel(conn: ApimConnection, ws: string): Level {
  const { client: c, resourceGroup: rg, serviceName: svc } = conn;
  return {
    workspaceId: ws,
    namedValues: () => c.workspaceNamedValue.listByService(rg, svc, ws),
    backends: () => c.workspaceBackend.listByWorkspace(rg, svc, ws),
    fragments: () => c.workspacePolicyFragment.listByService(rg, svc, ws),
    products: () => c.workspaceProduct.listByService(rg, svc, ws),
    apis: () => c.workspaceApi.listByService(rg, svc, ws),
    revisions: (api) => c.workspaceApiRevision.listByService(rg, svc, ws, api),
    operations: (api) => c.workspaceApiOperation.listByApi(rg, svc, ws, api),
    getApi: (id, o) => c.workspaceApi.get(rg, svc, ws, id, o),
    getProduct: (id, o) => c.workspaceProduct.get(rg, svc, ws, id, o),
    // A workspace product's APIs are links whose apiId is the API's full id; the layout names the API.
    productApis: (id) =>
      (async function* () {
        for await (const link of c.workspaceProductApiLink.listByProduct(rg, svc, ws, id))
          if (link.apiId) yield { name: link.apiId.split('/').pop() };
      })(),
  };
}

export async function readInstance(options: ReadOptions): Promise<InstanceSnapshot> {
  const { connection: conn, retry } = options;
  const snapshot: InstanceSnapshot = await readLevel(options, serviceLevel(conn));
  const want = options.workspaces?.length
    ? new Set(options.workspaces.map((w) => w.toLowerCase()))
    : undefined;
  const ids = (await listWorkspaceIds(conn, retry)).filter((id) => !want || want.has(id.toLowerCase()));
  if (!ids.length) return snapshot;
  snapshot.workspaces = [];
  for (const id of ids) {
    let body: string | undefined;
    await withArmRetry(
      () =>
        conn.client.workspace.get(conn.resourceGroup, conn.serviceName, id, {
          onResponse: (r) => void (body = r.bodyAsText ?? undefined),
        }),
      retry,
    );
    const properties = body ? ((JSON.parse(body) as { properties?: Properties }).properties ?? {}) : {};
    const content = await readLevel(options, workspaceLevel(conn, id));
    const prefixed = (xs: string[]) => xs.map((x) => `workspaces/${id}/${x}`);
    snapshot.secretsWithoutKeyVault.push(...prefixed(content.secretsWithoutKeyVault));
    snapshot.credentialPlaceholders.push(...content.credentialPlaceholders);
    snapshot.workspaces.push({ id, properties: withoutStatus(properties), content });
  }
  return snapshot;
}

async function readLevel(options: ReadOptions, level: Level): Promise<LevelSnapshot> {
  const { connection: conn, retry } = options;
  const limit = options.concurrency ?? 4;
  const ws = level.workspaceId ? { workspaceId: level.workspaceId } : {};
  const arm = <T>(fn: () => Promise<T>) => withArmRetry(fn, retry);
  const policyOf = async (ref: ResourceRef): Promise<string | undefined> => {
    const live = await arm(() => readResource(conn, ref));
    return live.exists && typeof live.properties?.value === 'string'
      ? stripXmlProvenance(live.properties.value)
      : undefined;
  };
  /** The ARM properties of an API or product as sent (the SDK's typed objects flatten them). */
  const rawProperties = async (get: (o: RawOptions) => Promise<unknown>) => {
    let body: string | undefined;
    await arm(() => get({ onResponse: (r) => void (body = r.bodyAsText ?? undefined) }));
    const parsed = body ? (JSON.parse(body) as { properties?: Properties }) : {};
    return parsed.properties ?? {};
  };

  const wantApis = options.apis?.length ? new Set(options.apis.map(rootOf)) : undefined;
  const wantProducts = options.products?.length
    ? new Set(options.products.map((p) => p.toLowerCase()))
    : undefined;
  const [nvList, backendList, fragmentList, productList, apiList] = await Promise.all([
    arm(() => collect(level.namedValues())),
    arm(() => collect(level.backends())),
    arm(() => collect(level.fragments())),
    arm(() => collect(level.products())),
    arm(() => collect(level.apis())),
  ]);

  const snapshot: LevelSnapshot = {
    globalPolicy: await policyOf(refFor('globalPolicy', ws)),
    namedValues: [],
    backends: [],
    fragments: [],
    apis: [],
    products: [],
    secretsWithoutKeyVault: [],
    credentialPlaceholders: [],
  };

  const nvIds = names(nvList).filter((n) => !n.startsWith(RECORD_PREFIX));
  snapshot.namedValues = await mapLimit(nvIds, limit, async (id) => {
    const live = await arm(() => readResource(conn, refFor('namedValue', { name: id, ...ws })));
    return { id, properties: namedValueProperties(live.properties ?? {}) };
  });
  for (const nv of snapshot.namedValues)
    if (nv.properties.secret === true && !nv.properties.keyVault) snapshot.secretsWithoutKeyVault.push(nv.id);

  snapshot.backends = await mapLimit(names(backendList), limit, async (id) => {
    const live = await arm(() => readResource(conn, refFor('backend', { name: id, ...ws })));
    // A workspace backend's placeholders carry the workspace: a service backend of the same id is another.
    const named = level.workspaceId ? `${level.workspaceId}-${id}` : id;
    return {
      id,
      properties: backendProperties(named, live.properties ?? {}, snapshot.credentialPlaceholders),
    };
  });

  snapshot.fragments = (
    await mapLimit(names(fragmentList), limit, async (id) => {
      const live = await arm(() => readResource(conn, refFor('fragment', { name: id, ...ws })));
      const p = live.properties ?? {};
      if (typeof p.value !== 'string') return undefined;
      return {
        id,
        value: stripXmlProvenance(p.value),
        ...(typeof p.description === 'string' && p.description ? { description: p.description } : {}),
      };
    })
  ).filter((f): f is LevelSnapshot['fragments'][number] => !!f);

  // Revisions that are not current are APIs of their own in the layout (`orders;rev=2`).
  const currentIds = names(apiList).filter((id) => !wantApis || wantApis.has(rootOf(id)));
  const revisions = await mapLimit(currentIds, limit, (id) => arm(() => collect(level.revisions(id))));
  // A set: should a list ever include revisions as well, each is still read once.
  const apiIds = [
    ...new Set([
      ...currentIds,
      ...revisions.flatMap((list) =>
        list.filter((r) => !r.isCurrent && r.apiId).map((r) => r.apiId!.split('/').pop()!),
      ),
    ]),
  ].sort();
  snapshot.apis = await mapLimit(apiIds, limit, async (id) => {
    const [properties, policy, operations] = await Promise.all([
      rawProperties((o) => level.getApi(id, o)),
      policyOf(refFor('apiPolicy', { apiId: id, ...ws })),
      arm(() => collect(level.operations(id))),
    ]);
    const ops = await mapLimit(names(operations), limit, async (op) => ({
      id: op,
      policy: await policyOf(refFor('operationPolicy', { apiId: id, operationId: op, ...ws })),
    }));
    return {
      id,
      properties: withoutStatus(properties),
      ...(policy !== undefined ? { policy } : {}),
      operations: ops.filter((o): o is { id: string; policy: string } => o.policy !== undefined),
    };
  });

  const productIds = names(productList).filter((id) => !wantProducts || wantProducts.has(id.toLowerCase()));
  snapshot.products = await mapLimit(productIds, limit, async (id) => {
    const [properties, policy, apis] = await Promise.all([
      rawProperties((o) => level.getProduct(id, o)),
      policyOf(refFor('productPolicy', { productId: id, ...ws })),
      arm(() => collect(level.productApis(id))),
    ]);
    return {
      id,
      properties: withoutStatus(properties),
      ...(policy !== undefined ? { policy } : {}),
      apis: names(apis),
    };
  });
  return snapshot;
}

/** Without what the service sets on its own (status, times): it is not configuration. */
function withoutStatus(p: Properties): Properties {
  const { provisioningState: _p, createdDateTime: _c, updatedDateTime: _u, ...rest } = p;
  return rest;
}

/** What a namedValueInformation.json holds: never a secret's value, never apim-gogs' provenance tags. */
function namedValueProperties(p: Properties): Properties {
  const out: Properties = { displayName: p.displayName, secret: p.secret === true };
  const tags = Array.isArray(p.tags)
    ? (p.tags as unknown[]).filter((t) => typeof t === 'string' && !isProvenanceTag(t))
    : [];
  if (tags.length) out.tags = tags;
  const kv = p.keyVault as { secretIdentifier?: string; identityClientId?: string } | undefined;
  if (kv?.secretIdentifier) {
    out.keyVault = {
      secretIdentifier: kv.secretIdentifier,
      ...(kv.identityClientId ? { identityClientId: kv.identityClientId } : {}),
    };
  } else if (p.secret !== true && typeof p.value === 'string') {
    out.value = p.value;
  }
  return out;
}

/**
 * A backend as backendInformation.json holds it. Credentials are never written as values: a header or
 * query value, or an authorization parameter, that is not a `{{named value}}` reference becomes a
 * `#{placeholder}#` the user fills (environments/<env>.yaml, or better a secret named value), and is
 * listed in `placeholders`.
 */
function backendProperties(id: string, p: Properties, placeholders: string[]): Properties {
  const rest = withoutStatus(p);
  const credentials = rest.credentials as
    | {
        header?: Record<string, string[]>;
        query?: Record<string, string[]>;
        authorization?: { scheme?: string; parameter?: string };
      }
    | undefined;
  if (credentials) {
    const hold = (value: string, name: string): string => {
      if (/^\{\{[^{}]+\}\}$/.test(value.trim())) return value;
      const placeholder = `backend-${id}-${name}`.replace(/[^A-Za-z0-9_.-]/g, '-');
      placeholders.push(placeholder);
      return `#{${placeholder}}#`;
    };
    const copy = structuredClone(credentials);
    for (const where of ['header', 'query'] as const)
      for (const [k, values] of Object.entries(copy[where] ?? {}))
        copy[where]![k] = values.map((v, i) =>
          hold(v, `${where}-${k}${values.length > 1 ? `-${i + 1}` : ''}`),
        );
    if (copy.authorization?.parameter)
      copy.authorization.parameter = hold(copy.authorization.parameter, 'authorization');
    rest.credentials = copy;
  }
  const description = stripDescriptionProvenance(rest.description);
  if (description === undefined) delete rest.description;
  else rest.description = description;
  return rest;
}
