// Checkout from Gogs against a plain `git clone --depth 1` of the same repository from the same
// server, and the action's start-up against bare node. Ratios from one run, rounds interleaved.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MemoryLogger } from '../src/shared/logger.js';
import { checkout } from '../src/gogs/checkout.js';
import { gitCredentials } from '../src/gogs/credentials.js';
import { startGogsBed } from '../test/bed/gogs-bed.js';
import { projectRoot } from '../test/bed/paths.js';
import { sideBySide } from './_measure.js';

const run = promisify(execFile);
const ROUNDS = 15;

export async function run_(): Promise<void> {
  const bed = await startGogsBed();
  const work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-bench-'));
  try {
    // A repository of realistic size: 300 APIs with an API and an operation policy each.
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      const body = `<policies><inbound><base /><rate-limit calls="${i + 1}" renewal-period="60" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>\n`;
      files[`apis/api-${i}/policy.xml`] = body;
      files[`apis/api-${i}/operations/get/policy.xml`] = body.replace('rate-limit', 'quota');
    }
    await bed.commit(files, 'Bench: 600 policies');
    let n = 0;
    const creds = gitCredentials(bed.url, bed.bot.token, bed.caFile);
    const remote = `${bed.url}${bed.repository}.git`;
    const ours = () =>
      checkout({
        gogsUrl: bed.url,
        repository: bed.repository,
        token: bed.bot.token,
        path: path.join(work, `ours-${++n}`),
        fetchDepth: 1,
        caFile: bed.caFile,
        logger: new MemoryLogger(),
        maskSecret: () => {},
      });
    const plain = () =>
      run('git', ['clone', '-q', '--depth', '1', remote, path.join(work, `plain-${++n}`)], {
        env: { ...process.env, ...creds.env },
      });
    await ours();
    await plain();
    const t = await sideBySide(ours, plain, ROUNDS);
    console.log(`checkout (apim-gogs)      median ${t.a.toFixed(0)} ms over ${ROUNDS} rounds`);
    console.log(`git clone --depth 1       median ${t.b.toFixed(0)} ms`);
    console.log(`ratio checkout/clone      ${(t.a / t.b).toFixed(2)}  (goal <= 1.2)`);

    const node = () => run(process.execPath, ['-e', '']);
    const action = () =>
      run(process.execPath, [path.join(projectRoot, 'dist/index.js')], {
        env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true' },
      }).catch(() => undefined); // no inputs: loads the whole bundle, then stops at the first input check
    const s = await sideBySide(action, node, ROUNDS);
    console.log(`action start-up (no-op)   median ${s.a.toFixed(0)} ms`);
    console.log(`node -e ''                median ${s.b.toFixed(0)} ms`);
    console.log(`ratio start-up/node       ${(s.a / s.b).toFixed(2)}`);
  } finally {
    await rm(work, { recursive: true, force: true });
    await bed.stop();
  }
}
export { run_ as run };
