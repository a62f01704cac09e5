import { apiRoutes } from './apis.js';
import { backendRoutes } from './backends.js';
import { fragmentRoutes } from './fragments.js';
import { namedValueRoutes } from './named-values.js';
import { policyRoutes } from './policies.js';
import { productRoutes } from './products.js';
import type { ArmRoute } from './routes.js';

/** The resource families APIM serves both below the service and again below each workspace. */
export const serviceFamilyRoutes: ArmRoute[] = [
  ...policyRoutes,
  ...namedValueRoutes,
  ...fragmentRoutes,
  ...backendRoutes,
  ...productRoutes,
  ...apiRoutes,
];
