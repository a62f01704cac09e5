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
  return ref;
}

/** Parses a resource key (as printed by plan and accepted by blame); also accepts APIOps file paths. */
export function parseResourceKey(input: string): ResourceRef | undefined {
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
  try {
    switch (ref.kind) {
      case 'globalPolicy':
        await client.policy.get(rg, svc, 'policy', x);
        break;
      case 'productPolicy':
        await client.productPolicy.get(rg, svc, ref.productId!, 'policy', x);
        break;
      case 'apiPolicy':
        await client.apiPolicy.get(rg, svc, ref.apiId!, 'policy', x);
        break;
      case 'operationPolicy':
        await client.apiOperationPolicy.get(rg, svc, ref.apiId!, ref.operationId!, 'policy', x);
        break;
      case 'fragment':
        await client.policyFragment.get(rg, svc, ref.name!, x);
        break;
      case 'namedValue':
        await client.namedValue.get(rg, svc, ref.name!, o);
        break;
      case 'backend':
        await client.backend.get(rg, svc, ref.name!, o);
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
export async function readSecretValue(conn: ApimConnection, name: string): Promise<string | undefined> {
  const r = await conn.client.namedValue.listValue(conn.resourceGroup, conn.serviceName, name);
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
  let etag: string | undefined;
  switch (ref.kind) {
    case 'globalPolicy':
      etag = (await client.policy.createOrUpdate(rg, svc, 'policy', policy, o)).eTag;
      break;
    case 'productPolicy':
      etag = (await client.productPolicy.createOrUpdate(rg, svc, ref.productId!, 'policy', policy, o)).eTag;
      break;
    case 'apiPolicy':
      etag = (await client.apiPolicy.createOrUpdate(rg, svc, ref.apiId!, 'policy', policy, o)).eTag;
      break;
    case 'operationPolicy':
      etag = (
        await client.apiOperationPolicy.createOrUpdate(
          rg,
          svc,
          ref.apiId!,
          ref.operationId!,
          'policy',
          policy,
          o,
        )
      ).eTag;
      break;
    case 'fragment': {
      const body = { ...policy, description: properties.description as string | undefined };
      etag = (await client.policyFragment.beginCreateOrUpdateAndWait(rg, svc, ref.name!, body, lro)).eTag;
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
      etag = (await client.namedValue.beginCreateOrUpdateAndWait(rg, svc, ref.name!, body, lro)).eTag;
      break;
    }
    case 'backend': {
      const { type, provisioningState: _p, ...rest } = properties;
      const body = { ...rest, ...(type !== undefined ? { typePropertiesType: type } : {}) };
      etag = (await client.backend.createOrUpdate(rg, svc, ref.name!, body as never, o)).eTag;
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
  try {
    switch (ref.kind) {
      case 'globalPolicy':
        await client.policy.delete(rg, svc, 'policy', ifMatch);
        break;
      case 'productPolicy':
        await client.productPolicy.delete(rg, svc, ref.productId!, 'policy', ifMatch);
        break;
      case 'apiPolicy':
        await client.apiPolicy.delete(rg, svc, ref.apiId!, 'policy', ifMatch);
        break;
      case 'operationPolicy':
        await client.apiOperationPolicy.delete(rg, svc, ref.apiId!, ref.operationId!, 'policy', ifMatch);
        break;
      case 'fragment':
        await client.policyFragment.delete(rg, svc, ref.name!, ifMatch);
        break;
      case 'namedValue':
        await client.namedValue.delete(rg, svc, ref.name!, ifMatch);
        break;
      case 'backend':
        await client.backend.delete(rg, svc, ref.name!, ifMatch);
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
