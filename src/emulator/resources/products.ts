import { invalidField } from '../arm-errors.js';
import type { ArmCall } from '../service.js';
import { entityRoutes } from './crud.js';
import type { ArmRoute } from './routes.js';

/** Products (synchronous writes) and the product–API links that put APIs into them. */

export function productProperties(props: Record<string, unknown>): Record<string, unknown> {
  if (typeof props.displayName !== 'string' || !props.displayName.trim())
    throw invalidField('displayName', 'Display name is required.');
  if (props.state !== undefined && props.state !== 'published' && props.state !== 'notPublished')
    throw invalidField('state', "State must be 'published' or 'notPublished'.");
  return { subscriptionRequired: true, approvalRequired: false, state: 'notPublished', ...props };
}

const productApis = entityRoutes({
  collection: 'products/{productId}/apis',
  param: 'apiId',
  type: 'Microsoft.ApiManagement/service/apis',
  entity: 'Api',
  parents: [['products/{productId}', 'Product']],
  // A link has no properties of its own: it reads as the API it points to.
  normalize: (_props, call: ArmCall) => {
    const api = call.svc.store.get(`apis/${call.params.apiId}`);
    if (!api) throw invalidField('apiId', `Api '${call.params.apiId}' not found.`);
    return {};
  },
  present: (e, call) => call.svc.store.get(`apis/${e.name}`)?.properties ?? {},
});

// ProductApi_CheckEntityExists answers 204, not 200 with an ETag (apimproducts.json).
const productApiItem = productApis[1];
const headLink = productApiItem.methods.HEAD;
productApiItem.methods.HEAD = async (call) => ({ ...(await headLink!(call)), status: 204, headers: {} });

export const productRoutes: ArmRoute[] = [
  ...entityRoutes({
    collection: 'products',
    param: 'productId',
    type: 'Microsoft.ApiManagement/service/products',
    entity: 'Product',
    normalize: productProperties,
  }),
  ...productApis,
];
