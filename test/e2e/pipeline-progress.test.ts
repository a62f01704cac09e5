import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPipeline } from '../../src/pipeline/run.js';
import { readSettings } from '../../src/pipeline/settings.js';
import { startBed, type Bed } from '../bed/bed.js';
import { FakeHost } from '../support/fake-host.js';

// THE pipeline in-process (a FakeHost standing for the GitHub runner) against the real Gogs bed and
// the emulated APIM: what a user reads in the log of a deployment (progress per resource, retry
// notices, the closing line) and in the run summary (headings in order).
let bed: Bed;
let workspace: string;
beforeAll(async () => {
  bed = await startBed();
  workspace = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-progress-'));
});
afterAll(async () => {
  await bed?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

async function githubIdToken(audience: string): Promise<string> {
  const env = bed.runnerEnv();
  const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`, {
    headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
  });
  return ((await res.json()) as { value: string }).value;
}

async function run(mode: string, pathInput: string): Promise<{ code: number; host: FakeHost }> {
  const host = new FakeHost({ inputs: { ...bed.inputs(), mode, path: pathInput }, idToken: githubIdToken });
  const code = await runPipeline(host, () =>
    readSettings(host.reader, { door: 'ci', defaultAuth: 'github-oidc', workspace }),
  );
  return { code, host };
}

/** The lines of the log group named `name` (MemoryLogger marks groups). */
function group(lines: string[], name: RegExp): string[] {
  const start = lines.findIndex((l) => l.startsWith('[group] ') && name.test(l));
  if (start < 0) return [];
  const end = lines.indexOf('[endgroup]', start);
  return lines.slice(start + 1, end);
}

test('a deploy logs each resource as it finishes, a 429 retry with its Retry-After, and closing counts; the summary reads title, validate, plan, deploy', async () => {
  await bed.gogs.commit(
    {
      'apis/orders-api/policy.xml':
        '<policies><inbound><base /><set-header name="x-progress" exists-action="override"><value>1</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
    },
    'Orders: progress header',
  );
  // ARM throttles the first policy write once, with Retry-After: 1.
  bed.azure.addFault({ kind: 'throttle', method: 'PUT', path: '/policies/', retryAfterSeconds: 1 });
  const { code, host } = await run('deploy', 'progress-1');
  expect(code).toBe(0);
  const lines = host.logger.lines;

  const plan = group(lines, /^\[group\] Plan$/);
  const planned = plan.filter((l) => /^\[\d+\/\d+\] /.test(l));
  expect(planned.length).toBeGreaterThan(0);
  expect(planned).toContainEqual(
    expect.stringMatching(/^\[\d+\/\d+\] apiPolicy \S*orders-api\S*: (update|create) \(\d+ ms\)$/),
  );
  expect(plan).toContainEqual(
    expect.stringMatching(
      new RegExp(`^Planned ${planned.length} resources in \\d+\\.\\d s: .*\\d+ (update|create)`),
    ),
  );

  const deploy = group(lines, /^\[group\] Deploy to APIM /);
  expect(deploy).toContain('Retrying in 1.0 s (attempt 2): 429 TooManyRequests, Retry-After 1 s.');
  expect(deploy).toContainEqual(
    expect.stringMatching(/^\[\d+\/\d+\] apiPolicy \S*orders-api\S*: (update|create) \(\d+ ms\)$/),
  );
  expect(deploy.at(-1)).toMatch(/^Deployed \d+ resources? in \d+\.\d s: .*, 1 retry\.$/);

  const headings = host.summary.join('\n').match(/^#+ .*$/gm) ?? [];
  expect(headings.map((h) => h.split(/:| — /)[0])).toEqual([
    '## apim-gogs',
    '### apim-gogs validate',
    '### apim-gogs plan',
    '### apim-gogs deploy',
  ]);
});

test('a deploy with nothing to change shows no Deploy group', async () => {
  const { code, host } = await run('deploy', 'progress-2');
  expect(code).toBe(0);
  expect(host.logger.lines.filter((l) => l.startsWith('[group] Deploy'))).toEqual([]);
  expect(group(host.logger.lines, /^\[group\] Plan$/)).toContainEqual(
    expect.stringMatching(/^Planned \d+ resources in/),
  );
});
