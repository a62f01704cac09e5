import type { ArmHandler } from '../service.js';

/** One ARM route below the service: a path pattern (`apis/{apiId}/policies`) and its handlers by method. */
export interface ArmRoute {
  pattern: string;
  methods: Partial<Record<'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'DELETE' | 'POST', ArmHandler>>;
  /** For role checks and 403 messages: the ARM resource type segments, e.g. `apis/policies`. */
  action?: string;
}
