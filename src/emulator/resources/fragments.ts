import { ArmError } from '../arm-errors.js';
import { formatFragmentContent, formatPolicy, type PolicyFormat } from '../policy/format.js';
import type { PolicyDocument, PolicyElement, PolicyNode } from '../policy/parse.js';
import { validatePolicy } from '../policy/validate.js';
import { segmentsText } from '../policy/expression.js';
import {
  deleteEntity,
  entityBody,
  etagHeader,
  inProgress,
  listBody,
  longRunning,
  precondition,
  propertiesOf,
  requireEntity,
  type ApimService,
} from '../service.js';
import type { StoredEntity } from '../store.js';
import { policyContext, policyInput, requestedFormat } from './policies.js';
import type { ArmRoute } from './routes.js';

/** Policy fragments: long-running PUT, GET with `format`, HEAD, DELETE, list and listReferences. */

const type = 'Microsoft.ApiManagement/service/policyFragments';

function present(e: StoredEntity, format: PolicyFormat): Record<string, unknown> {
  const { document, ...rest } = e.properties;
  return { ...rest, format, value: formatPolicy(document as PolicyDocument, format) };
}

function includes(node: PolicyNode, id: string): boolean {
  if (node.kind !== 'element') return false;
  const el: PolicyElement = node;
  if (
    el.name === 'include-fragment' &&
    el.attributes.some(
      (a) => a.name === 'fragment-id' && segmentsText(a.value).toLowerCase() === id.toLowerCase(),
    )
  )
    return true;
  return el.children.some((c) => includes(c, id));
}

/**
 * Policies and fragments that include the fragment `id`. Seen from the service, a workspace policy
 * includes the service's fragment only when its workspace has no fragment of that id (the workspace's
 * own comes first, resources/workspaces.ts).
 */
export function fragmentReferences(svc: ApimService, id: string): StoredEntity[] {
  const ownFragment = (e: StoredEntity): boolean => {
    const ws = /^workspaces\/([^/]+)\//i.exec(e.path);
    return !!ws && svc.store.get(`workspaces/${ws[1]}/policyFragments/${id}`) !== undefined;
  };
  return svc.store
    .all()
    .filter(
      (e) =>
        e.properties.document &&
        e.path.toLowerCase() !== `policyfragments/${id.toLowerCase()}` &&
        includes((e.properties.document as PolicyDocument).root, id) &&
        !ownFragment(e),
    );
}

/** Validates and stores a fragment (used by PUT and by seeding). */
export function storeFragment(svc: ApimService, name: string, props: Record<string, unknown>): StoredEntity {
  const { value, format } = policyInput(props, 'xml');
  const document = validatePolicy(value, format, policyContext(svc, 'fragment'));
  const description = typeof props.description === 'string' ? props.description : undefined;
  return svc.store.put({
    path: `policyFragments/${name}`,
    name,
    type,
    properties: { ...(description !== undefined ? { description } : {}), document },
  });
}

export const fragmentRoutes: ArmRoute[] = [
  {
    pattern: 'policyFragments',
    methods: {
      GET: (call) => {
        const { format } = requestedFormat(call);
        return {
          status: 200,
          body: listBody(
            call,
            call.svc.store.list('policyFragments').map((e) => entityBody(call.svc, e, present(e, format))),
          ),
        };
      },
    },
  },
  {
    pattern: 'policyFragments/{id}',
    methods: {
      GET: (call) => {
        const e = requireEntity(call, 'PolicyFragment');
        return {
          status: 200,
          headers: etagHeader(e),
          body: entityBody(call.svc, e, present(e, requestedFormat(call).format)),
        };
      },
      HEAD: (call) => ({ status: 200, headers: etagHeader(requireEntity(call, 'PolicyFragment')) }),
      PUT: (call) => {
        const existing = call.svc.store.get(call.path);
        precondition(call, existing, false);
        const props = propertiesOf(call);
        // Validate before answering: an invalid fragment is a synchronous 400, not a failed operation.
        const { value, format } = policyInput(props, 'xml');
        validatePolicy(value, format, policyContext(call.svc, 'fragment'));
        return longRunning(call, existing ? 200 : 201, () => {
          const e = storeFragment(call.svc, call.params.id, props);
          const document = e.properties.document as PolicyDocument;
          return inProgress(
            entityBody(call.svc, e, { ...present(e, 'xml'), value: formatFragmentContent(document, 'xml') }),
          );
        });
      },
      DELETE: (call) => {
        const refs = fragmentReferences(call.svc, call.params.id);
        if (refs.length && call.svc.store.get(call.path))
          throw new ArmError(
            400,
            'ValidationError',
            `Policy fragment '${call.params.id}' is referenced by ${refs.length} policies: ${refs.map((r) => r.path).join(', ')}.`,
          );
        return deleteEntity(call);
      },
    },
  },
  {
    pattern: 'policyFragments/{id}/listReferences',
    methods: {
      POST: (call) => {
        requireEntity(call, 'PolicyFragment', `policyFragments/${call.params.id}`);
        const refs = fragmentReferences(call.svc, call.params.id).map((e) => ({
          id: `${call.svc.serviceId}/${e.path}`,
          type: e.type,
          name: e.name,
        }));
        return { status: 200, body: listBody(call, refs) };
      },
    },
  },
];
