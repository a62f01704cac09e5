import { readFile } from 'node:fs/promises';
import { startBed, type Bed } from '../bed/bed.js';
import { doorRuntime } from '../bed/paths.js';
import { SimulatedRunner, type ActionRun } from '../support/github-actions-env.js';
import { editApiPolicyInPortal } from '../support/portal-edit.js';
import { filesContaining, visibleLog } from '../support/secret-scan.js';

// The bundled action (dist/index.js) under a runner simulated by our own code. The workflows (pull
// request check, deployment, outputs between steps, post step, masking, summary, job status, release
// gate, templates) run under a real engine in test/act/workflows.test.ts. What stays here is what act
// cannot show: the step's exact exit code (act reports only success or failure; the exit codes are a
// contract, see DESIGN.md) and the files a run leaves on the runner (act deletes its workspace and
// RUNNER_TEMP when the job ends).
let bed: Bed;
beforeAll(async () => {
  bed = await startBed();
});
afterAll(() => bed?.stop());

const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;

async function runAction(mode: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  const runner = await SimulatedRunner.create();
  // node24 is what GitHub starts the action with (in CI its absence fails the test).
  return runner.run('dist/index.js', { ...bed.inputs(), mode, ...extra }, bed.runnerEnv(), doorRuntime());
}

test('deploy exits 0 and leaves no token in the checkout, the plan or the record; drift exits 1', async () => {
  const sha = await bed.gogs.commit({ 'README.md': 'APIM policies\n' }, 'Describe the repository');
  const deploy = await runAction('deploy');
  expect(deploy.stderr).toBe('');
  expect(deploy.exitCode).toBe(0);
  expect(visibleLog(deploy.stdout).includes(bed.gogs.bot.token)).toBe(false);
  expect(await filesContaining(deploy.workspace, [bed.gogs.bot.token])).toEqual([]);
  const record = await readFile(deploy.outputs.record, 'utf8');
  expect(record).toContain(sha);
  // The plan and the deployment record (in the runner's temp folder) hold no token of any kind.
  for (const text of [record, await readFile(deploy.outputs.plan, 'utf8')]) {
    expect(text.includes(bed.gogs.bot.token)).toBe(false);
    expect(text).not.toMatch(JWT);
  }

  const verify = await runAction('verify');
  expect(verify.exitCode).toBe(0);

  await editApiPolicyInPortal(
    bed,
    'orders-api',
    '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
  );
  const drift = await runAction('verify');
  expect(drift.exitCode).toBe(1);
  expect(await readFile(drift.outputs['drift-report'], 'utf8')).toContain('orders-api');
});

test('a policy validation error exits 1 (findings), not 2 (configuration) or 5 (bug)', async () => {
  const broken = '<policies><inbound><base /><frobnicate /></inbound></policies>';
  await bed.gogs.commit({ 'apis/orders-api/policy.xml': broken }, 'Unknown policy', 'broken');
  const run = await runAction('deploy', { ref: 'broken' });
  expect(run.exitCode).toBe(1);
});
