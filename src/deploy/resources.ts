import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import type { ApimConnection } from './client.js';

/**
 * The resources apim-gogs manages, named by their path under the APIM service (the `key`):
 *
 *   policies/policy                                   global policy
 *   products/{productId}/policies/policy              product policy
 *   apis/{apiId}/policies/policy                      API policy
 *   apis/{apiId}/operations/{operationId}/policies/policy   operation policy
 *   policyFragments/{id}                              policy fragment
 *   namedValues/{id}                                  named value
 *   backends/{id}                                     backend
 *
 * The same kinds live in an APIM workspace, keyed `workspaces/{workspaceId}/<key>` (the workspace
 * policy is the `globalPolicy` kind with a `workspaceId`); they go through the SDK's workspace
 * operation groups (workspacePolicy, workspaceApiPolicy, ..., api-version 2024-05-01).
 *
 * Content is always the ARM `properties` object. Reads go through the SDK's typed `get` with an
 * `onResponse` hook that keeps the raw body and headers (the SDK's apiPolicy.get loses the policy text,
 * Azure/azure-sdk-for-js#31566); policies and fragments are read with `format=rawxml`.
 */

export type ResourceKind =
  'namedValue' | 'backend' | 'fragment' | 'globalPolicy' | 'productPolicy' | 'apiPolicy' | 'operationPolicy';

export interface ResourceRef {
  kind: ResourceKind;
  key: string;
  apiId?: string;
  operationId?: string;
  productId?: string;
  /** fragment, named value or backend id. */
  name?: string;
  /** The APIM workspace holding the resource; absent for the service level. */
  workspaceId?: string;
}

export type Properties = Record<string, unknown>;

export interface LiveResource {
  exists: boolean;
  etag?: string;
  properties?: Properties;
}

export const POLICY_KINDS: ResourceKind[] = ['globalPolicy', 'productPolicy', 'apiPolicy', 'operationPolicy'];
export const isPolicyKind = (k: ResourceKind): boolean => POLICY_KINDS.includes(k);
/** Whether the content is policy XML (policies and fragments). */
export const isXmlKind = (k: ResourceKind): boolean => isPolicyKind(k) || k === 'fragment';

/** Apply order: dependencies first (deletes run in the reverse order). */
export const KIND_ORDER: ResourceKind[] = [
  'namedValue',
  'backend',
  'fragment',
  'globalPolicy',
  'productPolicy',
  'apiPolicy',
  'operationPolicy',
];

const seg = (s: string): string => encodeURIComponent(s);

export function refFor(kind: ResourceKind, ids: Omit<ResourceRef, 'kind' | 'key'> = {}): ResourceRef {
  const ref: ResourceRef = { kind, key: '', ...ids };
  switch (kind) {
    case 'globalPolicy':
      ref.key = 'policies/policy';
      break;
    case 'productPolicy':
      ref.key = `products/${seg(ids.productId!)}/policies/policy`;
      break;
    case 'apiPolicy':
      ref.key = `apis/${seg(ids.apiId!)}/policies/policy`;
      break;
    case 'operationPolicy':
      ref.key = `apis/${seg(ids.apiId!)}/operations/${seg(ids.operationId!)}/policies/policy`;
      break;
    case 'fragment':
      ref.key = `policyFragments/${seg(ids.name!)}`;
      break;
    case 'namedValue':
      ref.key = `namedValues/${seg(ids.name!)}`;
      break;
    case 'backend':
      ref.key = `backends/${seg(ids.name!)}`;
      break;
  }
  if (ids.workspaceId) ref.key = `workspaces/${seg(ids.workspaceId)}/${ref.key}`;
  return ref;
}

/** Parses a resource key (as printed by plan and accepted by blame); also accepts APIOps file paths. */
export function parseResourceKey(input: string): ResourceRef | undefined {
  const ws = /^\/*workspaces[\\/]([^\\/]+)(?:[\\/](.*))?$/.exec(input);
  if (ws) {
    const inner = parseServiceKey(ws[2] ?? '');
    if (!inner) return undefined;
    const { kind, key: _key, ...ids } = inner;
    return refFor(kind, { ...ids, workspaceId: decodeURIComponent(ws[1]) });
  }
  return parseServiceKey(input);
}

function parseServiceKey(input: string): ResourceRef | undefined {
  const p = input
    .replace(/\\/g, '/')
    .replace(/^\/+|\/+$/g, '')
    .replace(/\/policy\.xml$/, '')
    .replace(/\/(policyFragmentInformation|namedValueInformation|backendInformation)\.json$/, '');
  const parts = p.split('/').map((x) => decodeURIComponent(x));
  const [a, b, c, d, e, f] = parts;
  if (p === 'policies/policy' || p === 'policy' || p === 'policy.xml' || p === '')
    return refFor('globalPolicy');
  if (a === 'products' && b && (parts.length === 2 || (c === 'policies' && parts.length === 4))) {
    return refFor('productPolicy', { productId: b });
  }
  if (a === 'apis' && b && (parts.length === 2 || (c === 'policies' && parts.length === 4))) {
    return refFor('apiPolicy', { apiId: b });
  }
  if (
    a === 'apis' &&
    b &&
    c === 'operations' &&
    d &&
    (parts.length === 4 || (e === 'policies' && f && parts.length === 6))
  ) {
    return refFor('operationPolicy', { apiId: b, operationId: d });
  }
  if ((a === 'policyFragments' || a === 'policy fragments') && b && parts.length === 2)
    return refFor('fragment', { name: b });
  if ((a === 'namedValues' || a === 'named values') && b && parts.length === 2)
    return refFor('namedValue', { name: b });
  if (a === 'backends' && b && parts.length === 2) return refFor('backend', { name: b });
  return undefined;
}

interface Raw {
  response?: FullOperationResponse;
}
const capture = (raw: Raw): OperationOptions => ({
  onResponse: (r: FullOperationResponse) => void (raw.response = r),
});

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number })?.statusCode;
}

function parseBody(response: FullOperationResponse): Properties | undefined {
  const text = response.bodyAsText;
  if (!text) return undefined;
  const json = JSON.parse(text) as { properties?: Properties };
  return json.properties ?? {};
}

/** Reads one resource raw: exists, ETag and ARM properties (policies with format=rawxml). */
export async function readResource(conn: ApimConnection, ref: ResourceRef): Promise<LiveResource> {
  const { client, resourceGroup: rg, serviceName: svc } = conn;
  const raw: Raw = {};
  const o = capture(raw);
  const x = { ...o, format: 'rawxml' as const };
  const ws = ref.workspaceId;
  try {
    switch (ref.kind) {
      case 'globalPolicy':
        await (ws
          ? client.workspacePolicy.get(rg, svc, ws, 'policy', x)
          : client.policy.get(rg, svc, 'policy', x));
        break;
      case 'productPolicy':
        await (ws
          ? client.workspaceProductPolicy.get(rg, svc, ws, ref.productId!, 'policy', x)
          : client.productPolicy.get(rg, svc, ref.productId!, 'policy', x));
        break;
      case 'apiPolicy':
        await (ws
          ? client.workspaceApiPolicy.get(rg, svc, ws, ref.apiId!, 'policy', x)
          : client.apiPolicy.get(rg, svc, ref.apiId!, 'policy', x));
        break;
      case 'operationPolicy':
        await (ws
          ? client.workspaceApiOperationPolicy.get(rg, svc, ws, ref.apiId!, ref.operationId!, 'policy', x)
          : client.apiOperationPolicy.get(rg, svc, ref.apiId!, ref.operationId!, 'policy', x));
        break;
      case 'fragment':
        await (ws
          ? client.workspacePolicyFragment.get(rg, svc, ws, ref.name!, x)
          : client.policyFragment.get(rg, svc, ref.name!, x));
        break;
      case 'namedValue':
        await (ws
          ? client.workspaceNamedValue.get(rg, svc, ws, ref.name!, o)
          : client.namedValue.get(rg, svc, ref.name!, o));
        break;
      case 'backend':
        await (ws
          ? client.workspaceBackend.get(rg, svc, ws, ref.name!, o)
          : client.backend.get(rg, svc, ref.name!, o));
        break;
    }
  } catch (err) {
    if (statusOf(err) === 404) return { exists: false };
    // The SDK may fail to deserialize a body it got (apiPolicy.get); the raw response is what we use.
    if (!(raw.response && raw.response.status === 200)) throw err;
  }
  const response = raw.response!;
  return { exists: true, etag: response.headers.get('etag') ?? undefined, properties: parseBody(response) };
}

/** The secret value of a named value (POST listValue); kept in memory only, for rollback. */
export async function readSecretValue(conn: ApimConnection, ref: ResourceRef): Promise<string | undefined> {
  const { client, resourceGroup: rg, serviceName: svc } = conn;
  const r = ref.workspaceId
    ? await client.workspaceNamedValue.listValue(rg, svc, ref.workspaceId, ref.name!)
    : await client.namedValue.listValue(rg, svc, ref.name!);
  return r.value;
}

export interface WriteResult {
  etag?: string;
  properties?: Properties;
}

/**
 * Creates or replaces one resource with `properties`. `ifMatch` is the ETag it must still have
 * (undefined for a create). Long-running operations are awaited; one that ends Failed throws.
 */
export async function writeResource(
  conn: ApimConnection,
  ref: ResourceRef,
  properties: Properties,
  ifMatch: string | undefined,
): Promise<WriteResult> {
  const { client, resourceGroup: rg, serviceName: svc } = conn;
  const raw: Raw = {};
  const o = { ...capture(raw), ...(ifMatch ? { ifMatch } : {}) };
  const lro = { ...o, updateIntervalInMs: conn.pollIntervalMs };
  const policy = {
    value: String(properties.value ?? ''),
    format: properties.format === 'xml' ? ('xml' as const) : ('rawxml' as const),
  };
  const ws = ref.workspaceId;
  let etag: string | undefined;
  switch (ref.kind) {
    case 'globalPolicy':
      etag = (
        await (ws
          ? client.workspacePolicy.createOrUpdate(rg, svc, ws, 'policy', policy, o)
          : client.policy.createOrUpdate(rg, svc, 'policy', policy, o))
      ).eTag;
      break;
    case 'productPolicy':
      etag = (
        await (ws
          ? client.workspaceProductPolicy.createOrUpdate(rg, svc, ws, ref.productId!, 'policy', policy, o)
          : client.productPolicy.createOrUpdate(rg, svc, ref.productId!, 'policy', policy, o))
      ).eTag;
      break;
    case 'apiPolicy':
      etag = (
        await (ws
          ? client.workspaceApiPolicy.createOrUpdate(rg, svc, ws, ref.apiId!, 'policy', policy, o)
          : client.apiPolicy.createOrUpdate(rg, svc, ref.apiId!, 'policy', policy, o))
      ).eTag;
      break;
    case 'operationPolicy': {
      const [api, op] = [ref.apiId!, ref.operationId!];
      etag = (
        await (ws
          ? client.workspaceApiOperationPolicy.createOrUpdate(rg, svc, ws, api, op, 'policy', policy, o)
          : client.apiOperationPolicy.createOrUpdate(rg, svc, api, op, 'policy', policy, o))
      ).eTag;
      break;
    }
    case 'fragment': {
      const body = { ...policy, description: properties.description as string | undefined };
      etag = (
        await (ws
          ? client.workspacePolicyFragment.beginCreateOrUpdateAndWait(rg, svc, ws, ref.name!, body, lro)
          : client.policyFragment.beginCreateOrUpdateAndWait(rg, svc, ref.name!, body, lro))
      ).eTag;
      break;
    }
    case 'namedValue': {
      const kv = properties.keyVault as { secretIdentifier?: string; identityClientId?: string } | undefined;
      const body = {
        displayName: properties.displayName as string,
        value: properties.value as string | undefined,
        secret: properties.secret === true,
        tags: properties.tags as string[] | undefined,
        keyVault: kv
          ? { secretIdentifier: kv.secretIdentifier, identityClientId: kv.identityClientId }
          : undefined,
      };
      etag = (
        await (ws
          ? client.workspaceNamedValue.beginCreateOrUpdateAndWait(rg, svc, ws, ref.name!, body, lro)
          : client.namedValue.beginCreateOrUpdateAndWait(rg, svc, ref.name!, body, lro))
      ).eTag;
      break;
    }
    case 'backend': {
      const { type, provisioningState: _p, ...rest } = properties;
      const body = { ...rest, ...(type !== undefined ? { typePropertiesType: type } : {}) } as never;
      etag = (
        await (ws
          ? client.workspaceBackend.createOrUpdate(rg, svc, ws, ref.name!, body, o)
          : client.backend.createOrUpdate(rg, svc, ref.name!, body, o))
      ).eTag;
      break;
    }
  }
  if (!etag) etag = raw.response?.headers.get('etag') ?? undefined;
  let props: Properties | undefined;
  try {
    props = raw.response ? parseBody(raw.response) : undefined;
  } catch {
    props = undefined;
  }
  return { etag, properties: props };
}

/** Deletes one resource; `ifMatch` is required by ARM (the ETag it must still have). 404 is success. */
export async function deleteResource(conn: ApimConnection, ref: ResourceRef, ifMatch: string): Promise<void> {
  const { client, resourceGroup: rg, serviceName: svc } = conn;
  const ws = ref.workspaceId;
  const m = ifMatch;
  try {
    switch (ref.kind) {
      case 'globalPolicy':
        await (ws
          ? client.workspacePolicy.delete(rg, svc, ws, 'policy', m)
          : client.policy.delete(rg, svc, 'policy', m));
        break;
      case 'productPolicy':
        await (ws
          ? client.workspaceProductPolicy.delete(rg, svc, ws, ref.productId!, 'policy', m)
          : client.productPolicy.delete(rg, svc, ref.productId!, 'policy', m));
        break;
      case 'apiPolicy':
        await (ws
          ? client.workspaceApiPolicy.delete(rg, svc, ws, ref.apiId!, 'policy', m)
          : client.apiPolicy.delete(rg, svc, ref.apiId!, 'policy', m));
        break;
      case 'operationPolicy':
        await (ws
          ? client.workspaceApiOperationPolicy.delete(rg, svc, ws, ref.apiId!, ref.operationId!, 'policy', m)
          : client.apiOperationPolicy.delete(rg, svc, ref.apiId!, ref.operationId!, 'policy', m));
        break;
      case 'fragment':
        await (ws
          ? client.workspacePolicyFragment.delete(rg, svc, ws, ref.name!, m)
          : client.policyFragment.delete(rg, svc, ref.name!, m));
        break;
      case 'namedValue':
        await (ws
          ? client.workspaceNamedValue.delete(rg, svc, ws, ref.name!, m)
          : client.namedValue.delete(rg, svc, ref.name!, m));
        break;
      case 'backend':
        await (ws
          ? client.workspaceBackend.delete(rg, svc, ws, ref.name!, m)
          : client.backend.delete(rg, svc, ref.name!, m));
        break;
    }
  } catch (err) {
    if (statusOf(err) === 404) return;
    throw err;
  }
}

/** Properties safe to PUT back (read-only and status fields removed). */
export function writableProperties(kind: ResourceKind, props: Properties): Properties {
  const { provisioningState: _p, ...rest } = props;
  if (isXmlKind(kind)) {
    const out: Properties = { value: rest.value, format: 'rawxml' };
    if (kind === 'fragment' && rest.description !== undefined) out.description = rest.description;
    return out;
  }
  if (kind === 'namedValue') {
    const kv = rest.keyVault as { secretIdentifier?: string; identityClientId?: string } | undefined;
    const out: Properties = { displayName: rest.displayName, secret: rest.secret === true };
    if (rest.value !== undefined) out.value = rest.value;
    if (rest.tags !== undefined) out.tags = rest.tags;
    if (kv) out.keyVault = { secretIdentifier: kv.secretIdentifier, identityClientId: kv.identityClientId };
    return out;
  }
  return rest;
}
