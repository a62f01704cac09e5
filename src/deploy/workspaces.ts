import type { ApimConnection } from './client.js';
import { mapLimit } from './concurrency.js';
import { refFor, type ResourceRef } from './resources.js';
import { withArmRetry, type ArmRetryOptions } from './retry.js';

/**
 * The APIM workspaces of a service and what apim-gogs manages in each (policy, named values, backends,
 * fragments, API, operation and product policies), as refs for prune, verify's extra check and extract.
 * A service without workspaces (or a tier that has none) answers an empty list, or 400/404 on the
 * workspace list: both mean "no workspaces", never a failed plan.
 */

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

const named = <T extends { name?: string }>(xs: T[]): string[] =>
  xs.map((x) => x.name).filter((n): n is string => !!n);

/** Workspace ids of the service, sorted; empty when the service has none or no workspace support. */
export async function listWorkspaceIds(conn: ApimConnection, retry?: ArmRetryOptions): Promise<string[]> {
  const { client, resourceGroup: rg, serviceName: svc } = conn;
  try {
    return named(await withArmRetry(() => collect(client.workspace.listByService(rg, svc)), retry)).sort();
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 400 || status === 404) return [];
    throw err;
  }
}

/** One workspace's content as lists: ids of named values, backends, fragments, products and APIs (with operations). */
export interface WorkspaceListing {
  workspaceId: string;
  namedValues: string[];
  backends: string[];
  fragments: string[];
  products: string[];
  /** Current APIs (revisions `;rev=n` left out, as at the service level) with their operation ids. */
  apis: { id: string; operations: string[] }[];
}

export async function listWorkspace(
  conn: ApimConnection,
  workspaceId: string,
  concurrency: number,
  retry?: ArmRetryOptions,
): Promise<WorkspaceListing> {
  const { client, resourceGroup: rg, serviceName: svc } = conn;
  const ws = workspaceId;
  const arm = <T>(fn: () => Promise<T>) => withArmRetry(fn, retry);
  const [namedValues, backends, fragments, products, apis] = await Promise.all([
    arm(() => collect(client.workspaceNamedValue.listByService(rg, svc, ws))),
    arm(() => collect(client.workspaceBackend.listByWorkspace(rg, svc, ws))),
    arm(() => collect(client.workspacePolicyFragment.listByService(rg, svc, ws))),
    arm(() => collect(client.workspaceProduct.listByService(rg, svc, ws))),
    arm(() => collect(client.workspaceApi.listByService(rg, svc, ws))),
  ]);
  const apiIds = named(apis)
    .filter((a) => !a.includes(';rev='))
    .sort();
  const operations = await mapLimit(apiIds, concurrency, async (a) =>
    named(await arm(() => collect(client.workspaceApiOperation.listByApi(rg, svc, ws, a)))).sort(),
  );
  return {
    workspaceId,
    namedValues: named(namedValues).sort(),
    backends: named(backends).sort(),
    fragments: named(fragments).sort(),
    products: named(products).sort(),
    apis: apiIds.map((id, i) => ({ id, operations: operations[i] })),
  };
}

/** Every resource of the managed kinds in every workspace (each may or may not exist: read to know). */
export async function workspaceRefs(
  conn: ApimConnection,
  concurrency: number,
  retry?: ArmRetryOptions,
): Promise<ResourceRef[]> {
  const ids = await listWorkspaceIds(conn, retry);
  const listings = await mapLimit(ids, concurrency, (ws) => listWorkspace(conn, ws, concurrency, retry));
  return listings.flatMap((l) => {
    const workspaceId = l.workspaceId;
    return [
      refFor('globalPolicy', { workspaceId }),
      ...l.namedValues.map((name) => refFor('namedValue', { name, workspaceId })),
      ...l.backends.map((name) => refFor('backend', { name, workspaceId })),
      ...l.fragments.map((name) => refFor('fragment', { name, workspaceId })),
      ...l.products.map((productId) => refFor('productPolicy', { productId, workspaceId })),
      ...l.apis.flatMap((a) => [
        refFor('apiPolicy', { apiId: a.id, workspaceId }),
        ...a.operations.map((operationId) =>
          refFor('operationPolicy', { apiId: a.id, operationId, workspaceId }),
        ),
      ]),
    ];
  });
}
