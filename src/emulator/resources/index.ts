import { backendRoutes } from './backends.js';
import { fragmentRoutes } from './fragments.js';
import { namedValueRoutes } from './named-values.js';
import { policyRoutes } from './policies.js';
import type { ArmRoute } from './routes.js';

/** Every ARM route the emulator serves below the service. */
export const armRoutes: ArmRoute[] = [
  ...policyRoutes,
  ...namedValueRoutes,
  ...fragmentRoutes,
  ...backendRoutes,
];
