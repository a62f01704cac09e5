import type { ApimService } from './service.js';

/** Placeholder replaced below. */
export function applySeed(_svc: ApimService, _seed: unknown): void {
  throw new Error('Seeding is not implemented yet.');
}
