import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractInstance } from '../../src/deploy/extract/index.js';
import { checkout } from '../../src/gogs/checkout.js';
import { assertCanPush, pushBranch } from '../../src/gogs/push-branch.js';
import { loadArtifacts } from '../../src/policy/artifacts.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import { MemoryLogger } from '../../src/shared/logger.js';
import { startGogsBed, type GogsBed } from '../bed/gogs-bed.js';
import { globalPolicy, startApimBed, type ApimBed } from '../deploy/support.js';

let gogs: GogsBed;
let apim: ApimBed;
let work: string;

beforeAll(async () => {
  [gogs, apim] = await Promise.all([
    startGogsBed(),
    startApimBed({
      seed: {
        policy: {
          value: globalPolicy(
            '<set-header name="x-from" exists-action="override"><value>live</value></set-header>',
          ),
          format: 'rawxml',
        },
        namedValues: { 'env-name': { displayName: 'env-name', value: 'prod', secret: false } },
        apis: { echo: { displayName: 'Echo', path: 'echo', protocols: ['https'] } },
      },
    }),
  ]);
  work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-extract-push-'));
});
afterAll(async () => {
  await Promise.all([gogs?.stop(), apim?.close()]);
  if (work) await rm(work, { recursive: true, force: true });
});

const content = async (branch: string, file: string): Promise<string> => {
  const r = (await gogs.api(
    'GET',
    `repos/${gogs.repository}/contents/${encodeURI(file)}?ref=${encodeURIComponent(branch)}`,
  )) as {
    content: string;
  };
  return Buffer.from(r.content, 'base64').toString('utf8');
};

/** pushBranch as the extract stage calls it: the admin token (write access), the apimartifacts folder. */
const push = (cwd: string, branch: string, message: string, logger?: MemoryLogger) =>
  pushBranch({
    gogsUrl: gogs.url,
    repository: gogs.repository,
    token: gogs.admin.token,
    caFile: gogs.caFile,
    cwd,
    base: 'main',
    branch,
    message,
    paths: ['apimartifacts'],
    author: { name: 'apim-gogs extract', email: 'apim-gogs@localhost' },
    logger,
  });

test('extract with gogs-push: a new branch with the APIOps layout, a message naming the instance, and a pull request opened from it', async () => {
  const logger = new MemoryLogger();
  const base = await assertCanPush({
    gogsUrl: gogs.url,
    repository: gogs.repository,
    token: gogs.admin.token,
    caFile: gogs.caFile,
  });
  expect(base).toBe('main');
  const co = await checkout({
    gogsUrl: gogs.url,
    repository: gogs.repository,
    token: gogs.admin.token,
    path: path.join(work, 'co'),
    fetchDepth: 1,
    caFile: gogs.caFile,
    logger,
    maskSecret: () => undefined,
  });
  const result = await extractInstance({
    connection: apim.connect(),
    root: co.path,
    artifactsPath: 'apimartifacts',
    logger,
  });
  const branch = 'apim-gogs/extract-test';
  const pushed = await push(
    co.path,
    branch,
    `Extract APIM ${apim.emu.serviceName} at 2026-11-29T19:00:00Z\n\nIdentity: oid ${apim.objectId}`,
    logger,
  );
  expect(pushed?.changed).toBe(result.files.length);
  expect(pushed?.compareUrl).toBe(
    `${gogs.url.replace(/\/$/, '')}/${gogs.repository}/compare/main...apim-gogs%2Fextract-test`,
  );

  const onServer = (await gogs.api(
    'GET',
    `repos/${gogs.repository}/branches/${encodeURIComponent(branch)}`,
  )) as {
    commit: { id: string; message: string };
  };
  expect(onServer.commit.id).toBe(pushed!.commit);
  expect(onServer.commit.message).toContain(`Extract APIM ${apim.emu.serviceName}`);
  expect(await content(branch, 'apimartifacts/policy.xml')).toContain('<value>live</value>');
  expect(
    JSON.parse(await content(branch, 'apimartifacts/named values/env-name/namedValueInformation.json')),
  ).toEqual({
    properties: { displayName: 'env-name', secret: false, value: 'prod' },
  });
  // What was pushed is a repository apim-gogs reads (main keeps its own layout at the root).
  expect((await loadArtifacts(co.path, 'apimartifacts')).namedValues.map((n) => n.id)).toEqual(['env-name']);
  // The compare link is where the pull request is opened: Gogs' web form, as a reviewer would.
  expect(await gogs.openPullRequest(branch, 'main', `Onboard ${apim.emu.serviceName}`)).toBeGreaterThan(0);
  expect(logger.lines.join('\n')).not.toContain(gogs.admin.token);

  // Nothing changed since: no branch, no empty commit.
  const again = await push(co.path, 'apim-gogs/extract-again', 'again');
  expect(again).toBeUndefined();
});

test('a read-only token is refused before anything is extracted, and the message says write access is needed', async () => {
  const err = await assertCanPush({
    gogsUrl: gogs.url,
    repository: gogs.repository,
    token: gogs.bot.token,
    caFile: gogs.caFile,
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigurationError);
  expect((err as Error).message).toMatch(/cannot push to platform\/apim-policies: .*needs write access/);
});
