import { jest } from '@jest/globals';

// Jest applies only the top-level testTimeout; each project (jest.config.js) names its own in `globals`.
const timeout = (globalThis as { projectTestTimeout?: number }).projectTestTimeout;
if (timeout) jest.setTimeout(timeout);
