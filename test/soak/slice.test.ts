import { runCheckoutFaults } from '../../soak/checkout-faults.js';
import { runCliSchedules } from '../../soak/cli-runs.js';
import { runConcurrency } from '../../soak/concurrent.js';
import { runSchedules } from '../../soak/fault-schedules.js';
import { runFuzz } from '../../soak/fuzz.js';
import { trackTimers } from '../../soak/timers.js';

/**
 * A small slice of each soak suite (`npm run soak` runs them with large counts and prints the
 * figures). Seeds differ from the soak's, so each run of the tests covers other plans too.
 */
beforeAll(() => trackTimers());

it('fault schedules: no mixed state, no wrong exit, no armed timer left, no lost update', async () => {
  const f = await runSchedules(6, 101);
  expect(f.failures).toEqual([]);
  expect({ mixed: f.mixed, wrongExit: f.wrongExit, lingering: f.lingering, lost: f.lostUpdates }).toEqual({
    mixed: 0,
    wrongExit: 0,
    lingering: 0,
    lost: 0,
  });
}, 300_000);

it('fault schedules through the CLI bundle: the process ends, no stack trace, no token left', async () => {
  const f = await runCliSchedules(2, 102);
  expect(f.failures).toEqual([]);
  expect(f.runs).toBe(2);
}, 300_000);

it('concurrent deployments and portal edits: no lost update', async () => {
  const f = await runConcurrency(2, 103);
  expect(f.lostUpdates).toBe(0);
}, 300_000);

it('fuzzing: no crash in the reader, ruleset loader, XML comparison, templates, Gogs or ARM answers', async () => {
  const f = await runFuzz(3000, 104);
  // A Gogs answer that is not what the API sends (not JSON, missing fields) is a clear configuration
  // error naming the server, never a TypeError.
  expect(f.crashesByTarget).toEqual({});
  expect(f.cases).toBeGreaterThanOrEqual(3000);
}, 120_000);

it('checkout faults against the real Gogs: clear failures, nothing left behind, reruns work, no hang', async () => {
  const f = await runCheckoutFaults(4, 105);
  expect(f.failures).toEqual([]);
  expect(f.runs).toBe(4);
}, 300_000);
