import { ArmError, entityNotFound } from './arm-errors.js';
import { header, isRecord, jsonBody, type EmuRequest, type EmuResponse } from './http.js';
import type { LroTracker } from './lro.js';
import { checkIfMatch, type EntityStore, type StoredEntity } from './store.js';
import type { ThirdParty } from './third-party.js';

/** The emulated APIM service: where entities live and how they are written back in ARM's shape. */
export interface ApimService {
  store: EntityStore;
  lro: LroTracker;
  /** ARM id of the service: /subscriptions/../service/{name}. */
  serviceId: string;
  /** Content changes made by "someone else" (the thirdPartyEdit fault). */
  thirdParty?: ThirdParty;
}

/** One ARM call routed to a resource handler. */
export interface ArmCall {
  req: EmuRequest;
  svc: ApimService;
  /** Route parameters by name (`apiId`, `policyId`...), URL-decoded. */
  params: Record<string, string>;
  /** Entity path below the service for item routes (`apis/echo/policies/policy`). */
  path: string;
  apiVersion: string;
  /** Set by the fault plan: this long-running operation must end Failed. */
  failLro: boolean;
}

export type ArmHandler = (call: ArmCall) => EmuResponse | Promise<EmuResponse>;

/** The request body as an object (empty when absent); 400 like ARM when it is not JSON. */
export function bodyOf(call: ArmCall): Record<string, unknown> {
  let body: unknown;
  try {
    body = jsonBody(call.req);
  } catch (err) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${(err as Error).message}'.`,
    );
  }
  // Some PUTs carry no body at all (linking an API to a product, assigning a tag).
  if (body === undefined || body === null) return {};
  if (!isRecord(body))
    throw new ArmError(400, 'InvalidRequestContent', 'The request content must be a JSON object.');
  return body;
}

/** The `properties` object of the request body (empty when absent). */
export function propertiesOf(call: ArmCall): Record<string, unknown> {
  const props = bodyOf(call).properties;
  if (props === undefined) return {};
  if (!isRecord(props)) throw new ArmError(400, 'InvalidRequestContent', "'properties' must be an object.");
  return props;
}

export function entityBody(
  svc: ApimService,
  e: StoredEntity,
  properties: Record<string, unknown> = e.properties,
): Record<string, unknown> {
  return { id: `${svc.serviceId}/${e.path}`, type: e.type, name: e.name, properties };
}

export function etagHeader(e: StoredEntity): Record<string, string> {
  return { etag: e.etag };
}

export function requireEntity(call: ArmCall, entity: string, path = call.path): StoredEntity {
  const e = call.svc.store.get(path);
  if (!e) throw entityNotFound(entity);
  return e;
}

export function ifMatch(call: ArmCall): string | undefined {
  return header(call.req, 'if-match');
}

/** Checks If-Match against the current entity (required for DELETE and PATCH). */
export function precondition(call: ArmCall, current: StoredEntity | undefined, required: boolean): void {
  checkIfMatch(ifMatch(call), current, required);
}

/** `{value, count, nextLink}` with `$top`/`$skip` paging, so SDK pagers follow nextLink for real. */
export function listBody(call: ArmCall, items: Record<string, unknown>[]): Record<string, unknown> {
  const q = call.req.url.searchParams;
  const skip = Math.max(0, Number(q.get('$skip') ?? 0) || 0);
  const top = q.get('$top') ? Math.max(1, Number(q.get('$top')) || 1) : items.length || 1;
  const page = items.slice(skip, skip + top);
  const body: Record<string, unknown> = { value: page, count: items.length };
  if (skip + top < items.length) {
    const next = new URL(call.req.url.href);
    next.searchParams.set('$skip', String(skip + top));
    next.searchParams.set('$top', String(top));
    body.nextLink = next.href;
  }
  return body;
}

/** Deletes with If-Match required: 200 when it existed, 204 when it did not (as APIM answers). */
export function deleteEntity(call: ArmCall, path = call.path): EmuResponse {
  const current = call.svc.store.get(path);
  precondition(call, current, true);
  return { status: call.svc.store.delete(path) ? 200 : 204 };
}

/**
 * Answers a long-running write: the change is applied now unless the fault plan says this operation
 * fails (then nothing changes and the status resource ends Failed), and the response carries
 * Azure-AsyncOperation + Location like APIM's.
 */
export function longRunning(
  call: ArmCall,
  status: number,
  apply: () => Record<string, unknown> | undefined,
): EmuResponse {
  const failure = call.failLro
    ? { code: 'InternalServerError', message: 'The long-running operation failed (emulator fault plan).' }
    : undefined;
  const body = failure ? undefined : apply();
  const asyncCode = status === 202 ? 200 : status;
  const { headers } = call.svc.lro.start(call.req.url.pathname, asyncCode, call.apiVersion, failure);
  return { status, headers, body: status === 202 ? undefined : body };
}

/** Adds `provisioningState: InProgress` to an entity body, as the first answer of an LRO shows it. */
export function inProgress(body: Record<string, unknown>): Record<string, unknown> {
  return {
    ...body,
    properties: { ...(body.properties as Record<string, unknown>), provisioningState: 'InProgress' },
  };
}
