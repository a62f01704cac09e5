import { invalidField } from '../arm-errors.js';
import {
  deleteEntity,
  entityBody,
  etagHeader,
  listBody,
  precondition,
  propertiesOf,
  requireEntity,
  type ArmCall,
} from '../service.js';
import type { ArmRoute } from './routes.js';

/** Backends: synchronous PUT (201/200) and PATCH, GET, HEAD, DELETE, list. */

const type = 'Microsoft.ApiManagement/service/backends';

/** A backend needs a url and a protocol (http or soap); pools (type Pool) need no url. */
export function backendProperties(props: Record<string, unknown>): Record<string, unknown> {
  const isPool = props.type === 'Pool';
  if (!isPool && (typeof props.url !== 'string' || !props.url))
    throw invalidField('url', 'Backend url is required.');
  if (!isPool && props.protocol !== 'http' && props.protocol !== 'soap')
    throw invalidField('protocol', "Protocol must be 'http' or 'soap'.");
  return props;
}

function write(call: ArmCall, properties: Record<string, unknown>, created: boolean) {
  const e = call.svc.store.put({ path: call.path, name: call.params.backendId, type, properties });
  return { status: created ? 201 : 200, headers: etagHeader(e), body: entityBody(call.svc, e) };
}

export const backendRoutes: ArmRoute[] = [
  {
    pattern: 'backends',
    methods: {
      GET: (call) => ({
        status: 200,
        body: listBody(
          call,
          call.svc.store.list('backends').map((e) => entityBody(call.svc, e)),
        ),
      }),
    },
  },
  {
    pattern: 'backends/{backendId}',
    methods: {
      GET: (call) => {
        const e = requireEntity(call, 'Backend');
        return { status: 200, headers: etagHeader(e), body: entityBody(call.svc, e) };
      },
      HEAD: (call) => ({ status: 200, headers: etagHeader(requireEntity(call, 'Backend')) }),
      PUT: (call) => {
        const existing = call.svc.store.get(call.path);
        precondition(call, existing, false);
        return write(call, backendProperties(propertiesOf(call)), !existing);
      },
      PATCH: (call) => {
        const existing = requireEntity(call, 'Backend');
        precondition(call, existing, true);
        const merged = backendProperties({ ...existing.properties, ...propertiesOf(call) });
        const e = call.svc.store.put({ ...existing, properties: merged });
        return { status: 200, headers: etagHeader(e), body: entityBody(call.svc, e) };
      },
      DELETE: (call) => deleteEntity(call),
    },
  },
];
