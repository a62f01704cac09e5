import { planDeployment } from '../../src/deploy/index.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import type { PolicyRepository } from '../../src/policy/repository.js';
import { commitA, fastRetry, makeRepo, repoA, startApimBed, type ApimBed } from './support.js';

/**
 * Throttling or an outage of ARM that outlasts every retry while reading is Azure's trouble, not a
 * bug of apim-gogs: a configuration-kind error (exit 2) that says so and that nothing changed, never
 * a raw error (exit 5, "a bug").
 */
let A: PolicyRepository;
let bed: ApimBed;
beforeAll(async () => {
  A = await makeRepo(repoA);
  bed = await startApimBed();
});
afterAll(() => bed.close());
afterEach(() => bed.emu.clearFaults());

it.each([
  ['429 on every attempt', { kind: 'throttle' as const, retryAfterSeconds: 0 }, /kept answering 429/],
  ['503 on every attempt', { kind: 'error' as const, status: 503 }, /kept answering 503/],
])('a plan meeting %s fails clearly, naming the service', async (_name, fault, message) => {
  bed.emu.addFault({ ...fault, method: 'GET', path: '/backends/orders', times: 0 });
  const err = await planDeployment({
    repository: A,
    connection: bed.connect(),
    source: { commit: commitA },
    retry: fastRetry,
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigurationError);
  expect((err as Error).message).toMatch(message);
  expect((err as Error).message).toContain(bed.emu.serviceName);
  expect((err as ConfigurationError).hint).toMatch(/nothing was changed in APIM: run the step again later/);
});
