import type { ArmRoute } from './routes.js';
import { serviceFamilyRoutes } from './service-families.js';
import { tagRoutes } from './tags.js';
import { workspaceRoutes } from './workspaces.js';

/** Every ARM route the emulator serves below the service. */
export const armRoutes: ArmRoute[] = [...serviceFamilyRoutes, ...tagRoutes, ...workspaceRoutes];
