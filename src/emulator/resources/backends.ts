import { invalidField } from '../arm-errors.js';
import { entityRoutes } from './crud.js';

/** Backends: synchronous PUT (201/200) and PATCH, GET, HEAD, DELETE, list. */

/** A backend needs a url and a protocol (http or soap); pools (type Pool) need no url. */
export function backendProperties(props: Record<string, unknown>): Record<string, unknown> {
  const isPool = props.type === 'Pool';
  if (!isPool && (typeof props.url !== 'string' || !props.url))
    throw invalidField('url', 'Backend url is required.');
  if (!isPool && props.protocol !== 'http' && props.protocol !== 'soap')
    throw invalidField('protocol', "Protocol must be 'http' or 'soap'.");
  return props;
}

export const backendRoutes = entityRoutes({
  collection: 'backends',
  param: 'backendId',
  type: 'Microsoft.ApiManagement/service/backends',
  entity: 'Backend',
  normalize: backendProperties,
});
