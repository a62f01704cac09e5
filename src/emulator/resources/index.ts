import { apiRoutes } from './apis.js';
import { backendRoutes } from './backends.js';
import { fragmentRoutes } from './fragments.js';
import { namedValueRoutes } from './named-values.js';
import { policyRoutes } from './policies.js';
import { productRoutes } from './products.js';
import type { ArmRoute } from './routes.js';
import { tagRoutes } from './tags.js';
import { workspaceRoutes } from './workspaces.js';

/** Every ARM route the emulator serves below the service. */
export const armRoutes: ArmRoute[] = [
  ...policyRoutes,
  ...namedValueRoutes,
  ...fragmentRoutes,
  ...backendRoutes,
  ...productRoutes,
  ...apiRoutes,
  ...tagRoutes,
  ...workspaceRoutes,
];
