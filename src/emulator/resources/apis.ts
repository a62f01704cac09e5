import { ArmError, entityNotFound, invalidField } from '../arm-errors.js';
import {
  entityBody,
  etagHeader,
  inProgress,
  listBody,
  longRunning,
  precondition,
  propertiesOf,
  requireEntity,
  type ArmCall,
  type ApimService,
} from '../service.js';
import type { StoredEntity } from '../store.js';
import { entityRoutes } from './crud.js';
import type { ArmRoute } from './routes.js';

/**
 * APIs (long-running PUT and DELETE, as APIM answers them), revisions (`{api};rev={n}` ids), their
 * operations (synchronous) and releases, which make a revision current.
 */

const apiType = 'Microsoft.ApiManagement/service/apis';

function splitRevision(apiId: string): { base: string; revision?: string } {
  const m = /^(.*);rev=(\d+)$/i.exec(apiId);
  return m ? { base: m[1], revision: m[2] } : { base: apiId };
}

/** Checks and completes API properties; a new revision copies the API it is made from. */
export function apiProperties(
  svc: ApimService,
  apiId: string,
  props: Record<string, unknown>,
  existing?: StoredEntity,
): Record<string, unknown> {
  if (props.value !== undefined || props.format !== undefined)
    throw invalidField(
      'format',
      'Importing an API definition (format/value) is not emulated; send the API properties instead.',
    );
  const { base, revision } = splitRevision(apiId);
  let merged = props;
  if (revision) {
    const source = svc.store.get(`apis/${base}`);
    if (!source) throw entityNotFound('Api');
    merged = {
      ...source.properties,
      ...existing?.properties,
      ...props,
      apiRevision: revision,
      isCurrent: existing?.properties.isCurrent ?? false,
    };
  } else {
    merged = { apiRevision: '1', isCurrent: true, ...existing?.properties, ...props };
  }
  if (typeof merged.displayName !== 'string' || !merged.displayName.trim())
    throw invalidField('displayName', 'Display name is required.');
  if (typeof merged.path !== 'string') throw invalidField('path', 'Path is required.');
  const clash = svc.store
    .list('apis')
    .find(
      (a) =>
        splitRevision(a.name).base.toLowerCase() !== base.toLowerCase() &&
        String(a.properties.path).toLowerCase() === String(merged.path).toLowerCase() &&
        !a.properties.apiVersion &&
        !merged.apiVersion,
    );
  if (clash)
    throw new ArmError(409, 'Conflict', `Another API already uses the path '${String(merged.path)}'.`);
  return {
    protocols: ['https'],
    subscriptionRequired: true,
    type: 'http',
    isOnline: true,
    ...merged,
    authenticationSettings: authenticationSettings(merged.authenticationSettings),
    sourceApiId: undefined,
  };
}

/** APIM mirrors the single oAuth2/openid settings into the newer list forms (see the CreateApi example). */
function authenticationSettings(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null) return settings;
  const s = settings as Record<string, unknown>;
  return {
    ...s,
    ...(s.oAuth2 && !s.oAuth2AuthenticationSettings ? { oAuth2AuthenticationSettings: [s.oAuth2] } : {}),
    ...(s.openid && !s.openidAuthenticationSettings ? { openidAuthenticationSettings: [s.openid] } : {}),
  };
}

function present(e: StoredEntity): Record<string, unknown> {
  const { sourceApiId: _omit, ...rest } = e.properties;
  return rest;
}

function revisionEntry(svc: ApimService, e: StoredEntity): Record<string, unknown> {
  const { base } = splitRevision(e.name);
  return {
    apiId: `${svc.serviceId}/apis/${base};rev=${String(e.properties.apiRevision)}`,
    apiRevision: e.properties.apiRevision,
    createdDateTime: e.properties.createdDateTime,
    updatedDateTime: e.properties.updatedDateTime,
    isOnline: true,
    isCurrent: Boolean(e.properties.isCurrent),
    ...(e.properties.apiRevisionDescription ? { description: e.properties.apiRevisionDescription } : {}),
  };
}

function stamp(props: Record<string, unknown>, existing?: StoredEntity): Record<string, unknown> {
  const now = new Date().toISOString();
  return { ...props, createdDateTime: existing?.properties.createdDateTime ?? now, updatedDateTime: now };
}

const apiItem: ArmRoute = {
  pattern: 'apis/{apiId}',
  methods: {
    GET: (call) => {
      const e = requireEntity(call, 'Api');
      return { status: 200, headers: etagHeader(e), body: entityBody(call.svc, e, present(e)) };
    },
    HEAD: (call) => ({ status: 200, headers: etagHeader(requireEntity(call, 'Api')) }),
    PUT: (call) => {
      const existing = call.svc.store.get(call.path);
      precondition(call, existing, false);
      const properties = stamp(
        apiProperties(call.svc, call.params.apiId, propertiesOf(call), existing),
        existing,
      );
      return longRunning(call, existing ? 200 : 201, () => {
        const e = call.svc.store.put({ path: call.path, name: call.params.apiId, type: apiType, properties });
        return inProgress(entityBody(call.svc, e, present(e)));
      });
    },
    PATCH: (call) => {
      const existing = requireEntity(call, 'Api');
      precondition(call, existing, true);
      const properties = stamp(
        apiProperties(call.svc, call.params.apiId, propertiesOf(call), existing),
        existing,
      );
      const e = call.svc.store.put({ ...existing, properties });
      return { status: 200, headers: etagHeader(e), body: entityBody(call.svc, e, present(e)) };
    },
    DELETE: (call) => {
      const existing = call.svc.store.get(call.path);
      precondition(call, existing, true);
      if (!existing) return { status: 204 };
      const deleteRevisions = call.req.url.searchParams.get('deleteRevisions') === 'true';
      return longRunning(call, 202, () => {
        call.svc.store.delete(call.path);
        if (deleteRevisions)
          for (const rev of call.svc.store.list('apis'))
            if (splitRevision(rev.name).base.toLowerCase() === call.params.apiId.toLowerCase())
              call.svc.store.delete(rev.path);
        return undefined;
      });
    },
  },
};

const releases = entityRoutes({
  collection: 'apis/{apiId}/releases',
  param: 'releaseId',
  type: 'Microsoft.ApiManagement/service/apis/releases',
  entity: 'ApiRelease',
  parents: [['apis/{apiId}', 'Api']],
  normalize: (props, call, existing) => {
    if (typeof props.apiId !== 'string')
      throw invalidField('apiId', 'The id of the API revision to release is required.');
    const target = props.apiId.replace(/^.*\/apis\//i, '');
    const revision = call.svc.store.get(`apis/${target}`);
    if (!revision) throw invalidField('apiId', `Api revision '${target}' not found.`);
    makeCurrent(call, revision);
    const now = new Date().toISOString();
    return {
      apiId: props.apiId,
      notes: props.notes,
      createdDateTime: existing?.properties.createdDateTime ?? now,
      updatedDateTime: now,
    };
  },
});

/** Releasing a revision makes it the current one: the API's own id then reads as that revision. */
function makeCurrent(call: ArmCall, revision: StoredEntity): void {
  const { base } = splitRevision(revision.name);
  const current = call.svc.store.get(`apis/${base}`);
  if (!current || current === revision) return;
  if (current.properties.apiRevision === revision.properties.apiRevision) return;
  call.svc.store.put({
    ...current,
    path: `apis/${base};rev=${String(current.properties.apiRevision)}`,
    name: `${base};rev=${String(current.properties.apiRevision)}`,
    properties: { ...current.properties, isCurrent: false },
  });
  call.svc.store.put({ ...current, properties: { ...revision.properties, isCurrent: true } });
  call.svc.store.put({ ...revision, properties: { ...revision.properties, isCurrent: true } });
}

const operations = entityRoutes({
  collection: 'apis/{apiId}/operations',
  param: 'operationId',
  type: 'Microsoft.ApiManagement/service/apis/operations',
  entity: 'Operation',
  parents: [['apis/{apiId}', 'Api']],
  normalize: (props) => {
    for (const field of ['displayName', 'method', 'urlTemplate'])
      if (typeof props[field] !== 'string' || !(props[field] as string).trim())
        throw invalidField(field, `'${field}' is required.`);
    return { templateParameters: [], responses: [], ...props };
  },
});

export const apiRoutes: ArmRoute[] = [
  {
    pattern: 'apis',
    methods: {
      GET: (call) => {
        const current = call.svc.store.list('apis').filter((a) => !splitRevision(a.name).revision);
        return {
          status: 200,
          body: listBody(
            call,
            current.map((e) => entityBody(call.svc, e, present(e))),
          ),
        };
      },
    },
  },
  apiItem,
  {
    pattern: 'apis/{apiId}/revisions',
    methods: {
      GET: (call) => {
        const { base } = splitRevision(call.params.apiId);
        requireEntity(call, 'Api', `apis/${base}`);
        const all = call.svc.store
          .list('apis')
          .filter((a) => splitRevision(a.name).base.toLowerCase() === base.toLowerCase());
        const byRevision = new Map(all.map((a) => [String(a.properties.apiRevision), a]));
        return {
          status: 200,
          body: listBody(
            call,
            [...byRevision.values()].map((e) => revisionEntry(call.svc, e)),
          ),
        };
      },
    },
  },
  ...operations,
  ...releases,
];
