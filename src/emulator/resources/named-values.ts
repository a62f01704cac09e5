import { ArmError, invalidField } from '../arm-errors.js';
import { isRecord } from '../http.js';
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
  type ArmCall,
  type ApimService,
} from '../service.js';
import type { StoredEntity } from '../store.js';
import type { ArmRoute } from './routes.js';

/**
 * Named values: long-running PUT and PATCH, a secret's value never returned by GET (only by
 * listValue), Key Vault references kept as references (the emulator reaches no Key Vault).
 */

const type = 'Microsoft.ApiManagement/service/namedValues';

/** Checks and normalises named value properties as APIM does; `current` is the entity being updated. */
export function namedValueProperties(
  svc: ApimService,
  name: string,
  props: Record<string, unknown>,
  current?: StoredEntity,
): Record<string, unknown> {
  const displayName = props.displayName;
  if (typeof displayName !== 'string' || !displayName)
    throw invalidField('displayName', 'Display name is required.');
  if (!/^[A-Za-z0-9-._]+$/.test(displayName) || displayName.length > 256)
    throw invalidField(
      'displayName',
      'Display name may contain only letters, digits, periods, dashes and underscores (at most 256).',
    );
  const clash = svc.store
    .list('namedValues')
    .find(
      (nv) =>
        nv.name.toLowerCase() !== name.toLowerCase() &&
        String(nv.properties.displayName).toLowerCase() === displayName.toLowerCase(),
    );
  if (clash)
    throw new ArmError(409, 'Conflict', `Named value with display name '${displayName}' already exists.`);
  const keyVault = props.keyVault;
  if (keyVault !== undefined && keyVault !== null) {
    if (!isRecord(keyVault) || typeof keyVault.secretIdentifier !== 'string')
      throw invalidField('keyVault', 'keyVault.secretIdentifier is required for a Key Vault named value.');
  }
  const value = props.value;
  if (!keyVault && (typeof value !== 'string' || value.trim() === ''))
    throw invalidField('value', 'Value is required and cannot be empty or whitespace.');
  if (typeof value === 'string' && value.length > 4096)
    throw invalidField('value', 'Value may be at most 4096 characters.');
  const tags = props.tags ?? current?.properties.tags;
  if (tags !== undefined && (!Array.isArray(tags) || tags.length > 32))
    throw invalidField('tags', 'At most 32 tags.');
  return {
    displayName,
    ...(keyVault
      ? {
          keyVault: {
            secretIdentifier: (keyVault as Record<string, unknown>).secretIdentifier,
            identityClientId: (keyVault as Record<string, unknown>).identityClientId ?? null,
            lastStatus: { code: 'Success', timeStampUtc: new Date().toISOString() },
          },
        }
      : { value }),
    ...(tags !== undefined ? { tags } : {}),
    secret: Boolean(props.secret ?? keyVault ?? false),
  };
}

/** A named value as GET shows it: no value for secrets. */
function present(e: StoredEntity): Record<string, unknown> {
  const { value, ...rest } = e.properties;
  return e.properties.secret ? rest : { ...rest, value };
}

function write(
  call: ArmCall,
  properties: Record<string, unknown>,
  status: number,
): ReturnType<typeof longRunning> {
  return longRunning(call, status, () => {
    const e = call.svc.store.put({ path: call.path, name: call.params.namedValueId, type, properties });
    return inProgress(entityBody(call.svc, e, present(e)));
  });
}

export const namedValueRoutes: ArmRoute[] = [
  {
    pattern: 'namedValues',
    methods: {
      GET: (call) => ({
        status: 200,
        body: listBody(
          call,
          call.svc.store.list('namedValues').map((e) => entityBody(call.svc, e, present(e))),
        ),
      }),
    },
  },
  {
    pattern: 'namedValues/{namedValueId}',
    methods: {
      GET: (call) => {
        const e = requireEntity(call, 'NamedValue');
        return { status: 200, headers: etagHeader(e), body: entityBody(call.svc, e, present(e)) };
      },
      HEAD: (call) => ({ status: 200, headers: etagHeader(requireEntity(call, 'NamedValue')) }),
      PUT: (call) => {
        const existing = call.svc.store.get(call.path);
        precondition(call, existing, false);
        const properties = namedValueProperties(call.svc, call.params.namedValueId, propertiesOf(call));
        return write(call, properties, existing ? 200 : 201);
      },
      PATCH: (call) => {
        const existing = requireEntity(call, 'NamedValue');
        precondition(call, existing, true);
        const patch = propertiesOf(call);
        const merged = { ...existing.properties, ...patch };
        if (patch.keyVault) delete merged.value;
        if (patch.value !== undefined) delete merged.keyVault;
        return write(call, namedValueProperties(call.svc, call.params.namedValueId, merged, existing), 202);
      },
      DELETE: (call) => deleteEntity(call),
    },
  },
  {
    pattern: 'namedValues/{namedValueId}/listValue',
    methods: {
      POST: (call) => {
        const e = requireEntity(call, 'NamedValue', `namedValues/${call.params.namedValueId}`);
        if (e.properties.keyVault)
          throw new ArmError(
            400,
            'ValidationError',
            'The emulator cannot reach Key Vault, so a Key Vault named value has no value to list.',
          );
        return { status: 200, body: { value: e.properties.value } };
      },
    },
  },
];
