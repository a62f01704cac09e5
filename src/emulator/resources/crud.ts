import { entityNotFound } from '../arm-errors.js';
import type { EmuResponse } from '../http.js';
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
import type { StoredEntity } from '../store.js';
import type { ArmRoute } from './routes.js';

/** A family of plain entities with synchronous writes (products, backends, tags, operations, releases). */
export interface EntityFamily {
  /** Collection pattern, e.g. `apis/{apiId}/operations`. */
  collection: string;
  /** Parameter naming the item, e.g. `operationId`. */
  param: string;
  type: string;
  /** Entity name in 404 messages ("Operation not found."). */
  entity: string;
  /** Entities that must exist first: [path pattern, entity name]. */
  parents?: [string, string][];
  /** Checks and completes properties for a PUT (or a merged PATCH); `existing` is set on update. */
  normalize(props: Record<string, unknown>, call: ArmCall, existing?: StoredEntity): Record<string, unknown>;
  /** How an entity reads back (default: its stored properties). */
  present?(e: StoredEntity, call: ArmCall): Record<string, unknown>;
  /** Which entities the list shows (default: all in the collection). */
  listFilter?(e: StoredEntity): boolean;
  /** Called after a successful DELETE of an existing entity. */
  afterDelete?(call: ArmCall): void;
}

export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
}

export function checkParents(call: ArmCall, parents: [string, string][] = []): void {
  for (const [pattern, name] of parents)
    if (!call.svc.store.get(fillPattern(pattern, call.params))) throw entityNotFound(name);
}

/** List, GET, HEAD, PUT (201/200), PATCH (If-Match required) and DELETE for one family. */
export function entityRoutes(family: EntityFamily): ArmRoute[] {
  const body = (call: ArmCall, e: StoredEntity): Record<string, unknown> =>
    entityBody(call.svc, e, family.present ? family.present(e, call) : e.properties);
  const write = (call: ArmCall, properties: Record<string, unknown>, status: number): EmuResponse => {
    const e = call.svc.store.put({
      path: call.path,
      name: call.params[family.param],
      type: family.type,
      properties,
    });
    return { status, headers: etagHeader(e), body: body(call, e) };
  };
  return [
    {
      pattern: family.collection,
      methods: {
        GET: (call) => {
          checkParents(call, family.parents);
          const items = call.svc.store
            .list(fillPattern(family.collection, call.params))
            .filter((e) => family.listFilter?.(e) ?? true);
          return {
            status: 200,
            body: listBody(
              call,
              items.map((e) => body(call, e)),
            ),
          };
        },
      },
    },
    {
      pattern: `${family.collection}/{${family.param}}`,
      methods: {
        GET: (call) => {
          checkParents(call, family.parents);
          const e = requireEntity(call, family.entity);
          return { status: 200, headers: etagHeader(e), body: body(call, e) };
        },
        HEAD: (call) => {
          checkParents(call, family.parents);
          return { status: 200, headers: etagHeader(requireEntity(call, family.entity)) };
        },
        PUT: (call) => {
          checkParents(call, family.parents);
          const existing = call.svc.store.get(call.path);
          precondition(call, existing, false);
          return write(call, family.normalize(propertiesOf(call), call, existing), existing ? 200 : 201);
        },
        PATCH: (call) => {
          checkParents(call, family.parents);
          const existing = requireEntity(call, family.entity);
          precondition(call, existing, true);
          return write(
            call,
            family.normalize({ ...existing.properties, ...propertiesOf(call) }, call, existing),
            200,
          );
        },
        DELETE: (call) => {
          checkParents(call, family.parents);
          const response = deleteEntity(call);
          if (response.status === 200) family.afterDelete?.(call);
          return response;
        },
      },
    },
  ];
}
