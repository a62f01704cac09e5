import {
  runCheckoutFault,
  startCheckoutFaultBed,
  type CheckoutFault,
  type CheckoutFaultBed,
} from '../../soak/checkout-faults.js';

/**
 * One of each checkout fault against the real Gogs (the soak runs them at random: `npm run soak --
 * --checkout N`). Every verdict also checks, for every run: no token in the message or log, nothing
 * left at or beside the checkout path after a failure, and a rerun into the same path that works.
 */
let bed: CheckoutFaultBed;
beforeAll(async () => {
  bed = await startCheckoutFaultBed();
});
afterAll(() => bed?.stop());

let index = 0;
const run = (fault: CheckoutFault, via: 'in process' | 'cli' = 'in process', ref = '') =>
  runCheckoutFault(bed, fault, index++, via, ref);

test('Gogs stopped mid-fetch on every connection: a clear failure after the retries, the path left empty, the rerun works', async () => {
  // 2500 bytes: past the API's answer, inside the git fetch's (the handshake and refs pass, the pack does not).
  const v = await run({ kind: 'stopped', afterBytes: 2500, connections: Infinity });
  expect(v.problems).toEqual([]);
  expect(v.outcome).toBe('clear failure');
  expect(v.message).toMatch(
    /^Fetching platform\/apim-policies from Gogs at https:\/\/127\.0\.0\.1:\d+ failed on all 4 attempts: .*Check that Gogs is running/,
  );
});

test('a commit SHA (init + fetch, not a clone) cut mid-fetch on every connection: the same clear failure, the path left empty', async () => {
  const v = await run({ kind: 'stopped', afterBytes: 2500, connections: Infinity }, 'in process', bed.sha);
  expect(v.problems).toEqual([]);
  expect(v.outcome).toBe('clear failure');
  expect(v.message).toMatch(/^Fetching platform\/apim-policies from Gogs at .* failed on all 4 attempts/);
});

test('Gogs stopped before the TLS handshake ends: "could not be reached", nothing left behind', async () => {
  const v = await run({ kind: 'stopped', afterBytes: 100, connections: Infinity });
  expect(v.problems).toEqual([]);
  expect(v.message).toMatch(/could not be reached after 4 attempts/);
});

test('the first connections cut (Gogs restarted): the fetch is retried and the checkout succeeds', async () => {
  const v = await run({ kind: 'stopped', afterBytes: 2500, connections: 3 });
  expect(v.problems).toEqual([]);
  expect(v.outcome).toBe('success');
  expect(v.retried).toBe(true);
});

test('Gogs frozen mid-fetch (the connection open, nothing comes): git gives up on the stall, retries, then fails clearly instead of hanging', async () => {
  // The suite sets git's stall limit to 2 s (30 s in production); before, git waited forever.
  const v = await run({ kind: 'stalled', afterBytes: 3000, connections: Infinity });
  expect(v.problems).toEqual([]);
  expect(v.outcome).toBe('clear failure');
  expect(v.message).toMatch(
    /^Fetching platform\/apim-policies .* failed on all 4 attempts: .*Operation too slow/,
  );
}, 150_000);

test('a slow Gogs (the answer in 64-byte pieces) still checks out', async () => {
  const v = await run({ kind: 'slow', chunk: 64, delayMs: 3 });
  expect(v.problems).toEqual([]);
  expect(v.outcome).toBe('success');
});

test('Gogs answering 500 to everything: a clear failure that names the request and says Gogs is failing', async () => {
  const v = await run({ kind: 'error500', failures: Infinity });
  expect(v.problems).toEqual([]);
  expect(v.outcome).toBe('clear failure');
  expect(v.message).toMatch(
    /answered GET repos\/platform\/apim-policies with HTTP 500 on all 4 attempts\. Gogs itself is failing/,
  );
});

test('Gogs answering 500 for a moment: retried, and the checkout succeeds', async () => {
  const v = await run({ kind: 'error500', failures: 3 });
  expect(v.problems).toEqual([]);
  expect(v.outcome).toBe('success');
  expect(v.retried).toBe(true);
});

test('the token revoked in the web UI between two runs: the second says the token was rejected, without it', async () => {
  const v = await run({ kind: 'revoked' });
  expect(v.problems).toEqual([]);
  expect(v.outcome).toBe('clear failure');
  expect(v.message).toMatch(/rejected the token \(HTTP 401\)\. Check that the token input holds a current/);
});

test('through the CLI door: Gogs stopped mid-fetch exits 2 with one error line, no stack, the path empty', async () => {
  const v = await run({ kind: 'stopped', afterBytes: 2500, connections: Infinity }, 'cli');
  expect(v.problems).toEqual([]);
  expect(v.exitCode).toBe(2);
  expect(v.message).toMatch(
    /^error: Fetching platform\/apim-policies from Gogs at .* then run the step again\.$/,
  );
});
