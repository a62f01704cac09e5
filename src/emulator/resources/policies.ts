import { ArmError, entityNotFound, invalidField } from '../arm-errors.js';
import { isRecord } from '../http.js';
import type { Scope } from '../policy/catalog.js';
import { formatPolicy, type PolicyFormat } from '../policy/format.js';
import type { PolicyDocument } from '../policy/parse.js';
import { validatePolicy, type PolicyContext } from '../policy/validate.js';
import {
  deleteEntity,
  entityBody,
  etagHeader,
  listBody,
  precondition,
  propertiesOf,
  requireEntity,
  type ArmCall,
  type ApimService,
} from '../service.js';
import type { StoredEntity } from '../store.js';
import type { ArmRoute } from './routes.js';

/**
 * Policies at the four scopes (global, product, API, operation): GET with `format`, PUT (synchronous,
 * 201 on create and 200 on update), HEAD for the ETag, DELETE with If-Match, and list. A PUT is
 * validated as APIM does and stored reformatted, so reading it back never returns the text sent.
 */

const defaultGlobalPolicy =
  '<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>';

interface ScopeSpec {
  scope: Exclude<Scope, 'fragment'>;
  collection: string;
  type: string;
  /** Entities that must exist first, as [path pattern, entity name for 404]. */
  parents: [string, string][];
}

const scopes: ScopeSpec[] = [
  { scope: 'global', collection: 'policies', type: 'Microsoft.ApiManagement/service/policies', parents: [] },
  {
    scope: 'product',
    collection: 'products/{productId}/policies',
    type: 'Microsoft.ApiManagement/service/products/policies',
    parents: [['products/{productId}', 'Product']],
  },
  {
    scope: 'api',
    collection: 'apis/{apiId}/policies',
    type: 'Microsoft.ApiManagement/service/apis/policies',
    parents: [['apis/{apiId}', 'Api']],
  },
  {
    scope: 'operation',
    collection: 'apis/{apiId}/operations/{operationId}/policies',
    type: 'Microsoft.ApiManagement/service/apis/operations/policies',
    parents: [
      ['apis/{apiId}', 'Api'],
      ['apis/{apiId}/operations/{operationId}', 'Operation'],
    ],
  },
];

function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
}

/**
 * What a policy may reference: named values by display name, fragments by id. Inside a workspace
 * (resources/workspaces.ts) the workspace's own come first, then the service's, as the validator
 * resolves them (policy/effective.ts).
 */
export function policyContext(svc: ApimService, scope: Scope): PolicyContext {
  const parent = (svc as { parent?: ApimService }).parent;
  const levels = parent ? [svc, parent] : [svc];
  return {
    // A workspace's "global" policy (workspaces/{ws}/policies/policy) sits below the service's.
    scope: parent && scope === 'global' ? 'workspace' : scope,
    namedValueExists: (name) =>
      levels.some((l) =>
        l.store
          .list('namedValues')
          .some((nv) => String(nv.properties.displayName).toLowerCase() === name.toLowerCase()),
      ),
    fragmentExists: (id) => levels.some((l) => l.store.get(`policyFragments/${id}`) !== undefined),
  };
}

/** Reads `properties.format` and `properties.value` as APIM accepts them. */
export function policyInput(
  props: Record<string, unknown>,
  defaultFormat: PolicyFormat,
): { value: string; format: PolicyFormat } {
  const format = props.format ?? defaultFormat;
  if (format === 'xml-link' || format === 'rawxml-link')
    throw invalidField(
      'format',
      `Format '${format}' needs the service to download the policy; the emulator does not fetch URLs.`,
    );
  if (format !== 'xml' && format !== 'rawxml')
    throw invalidField(
      'format',
      `Format '${String(format)}' is not supported. Supported: xml, xml-link, rawxml, rawxml-link.`,
    );
  if (typeof props.value !== 'string' || props.value.trim() === '')
    throw invalidField('value', 'Policy content is required.');
  return { value: props.value, format };
}

/** The `format` query parameter of a GET (xml when absent). */
export function requestedFormat(call: ArmCall): { format: PolicyFormat; explicit: boolean } {
  const q = call.req.url.searchParams.get('format');
  if (q === null) return { format: 'xml', explicit: false };
  if (q === 'xml' || q === 'rawxml') return { format: q, explicit: true };
  throw new ArmError(
    400,
    'ValidationError',
    `Format '${q}' is not supported for reading a policy; use xml or rawxml.`,
  );
}

function documentOf(e: StoredEntity): PolicyDocument {
  return e.properties.document as PolicyDocument;
}

function present(
  call: ArmCall,
  e: StoredEntity,
  format: PolicyFormat,
  withFormat: boolean,
): Record<string, unknown> {
  const value = formatPolicy(documentOf(e), format);
  return entityBody(call.svc, e, withFormat ? { format, value } : { value });
}

function checkParents(call: ArmCall, spec: ScopeSpec): void {
  for (const [pattern, name] of spec.parents)
    if (!call.svc.store.get(fill(pattern, call.params))) throw entityNotFound(name);
  if (call.params.policyId !== undefined && call.params.policyId !== 'policy')
    throw new ArmError(
      400,
      'BadRequest',
      `Policy identifier '${call.params.policyId}' is not valid; the only policy id is 'policy'.`,
    );
}

function routesFor(spec: ScopeSpec): ArmRoute[] {
  const item = `${spec.collection}/{policyId}`;
  const action = spec.collection.replace(/\/\{\w+\}/g, '');
  const get = (call: ArmCall) => {
    checkParents(call, spec);
    const e = requireEntity(call, 'Policy');
    const { format, explicit } = requestedFormat(call);
    return { status: 200, headers: etagHeader(e), body: present(call, e, format, explicit) };
  };
  return [
    {
      pattern: spec.collection,
      action,
      methods: {
        GET: (call) => {
          checkParents(call, spec);
          const { format, explicit } = requestedFormat(call);
          const items = call.svc.store
            .list(fill(spec.collection, call.params))
            .map((e) => present(call, e, format, explicit));
          return { status: 200, body: listBody(call, items) };
        },
      },
    },
    {
      pattern: item,
      action,
      methods: {
        GET: get,
        HEAD: (call) => {
          checkParents(call, spec);
          return { status: 200, headers: etagHeader(requireEntity(call, 'Policy')) };
        },
        PUT: (call) => {
          checkParents(call, spec);
          const props = propertiesOf(call);
          if (!isRecord(props)) throw invalidField('properties', 'Properties are required.');
          const existing = call.svc.store.get(call.path);
          precondition(call, existing, false);
          const { value, format } = policyInput(props, 'xml');
          const document = validatePolicy(value, format, policyContext(call.svc, spec.scope));
          const e = call.svc.store.put({
            path: call.path,
            name: call.params.policyId,
            type: spec.type,
            properties: { document },
          });
          return {
            status: existing ? 200 : 201,
            headers: etagHeader(e),
            body: present(call, e, 'xml', false),
          };
        },
        DELETE: (call) => {
          checkParents(call, spec);
          return deleteEntity(call);
        },
      },
    },
  ];
}

export const policyRoutes: ArmRoute[] = scopes.flatMap(routesFor);

/** A fresh service has the default global policy, as a new APIM instance does. */
export function seedDefaultGlobalPolicy(svc: ApimService): void {
  const document = validatePolicy(defaultGlobalPolicy, 'xml', policyContext(svc, 'global'));
  svc.store.put({ path: 'policies/policy', name: 'policy', type: scopes[0].type, properties: { document } });
}

/** Stores a policy without going through HTTP (seeding); validates it like a PUT. */
export function storePolicy(svc: ApimService, path: string, value: string, format: PolicyFormat): void {
  const spec = scopes.find((s) =>
    new RegExp(`^${s.collection.replace(/\{\w+\}/g, '[^/]+')}/policy$`, 'i').test(path),
  );
  if (!spec) throw new Error(`Not a policy path: ${path}`);
  const document = validatePolicy(value, format, policyContext(svc, spec.scope));
  svc.store.put({ path, name: 'policy', type: spec.type, properties: { document } });
}
