import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  applyPlan,
  planDeployment,
  renderPlanMarkdown,
  verifyDeployment,
  type Plan,
} from '../../src/deploy/index.js';
import type { ApimConnection } from '../../src/deploy/client.js';
import { loadRepository } from '../../src/policy/layout.js';
import { loadEnvironmentValues } from '../../src/policy/template.js';
import { fastRetry, policy, startApimBed, type ApimBed } from './support.js';

/**
 * The incremental plan must plan exactly what the full plan plans: same creates, updates and deletes,
 * on histories made of random commits (policies, environment values, fragments, named values,
 * backends, files added and removed), force pushes and deployments of older commits, each deployed to
 * the emulator in turn. The only thing it may miss is drift made outside apim-gogs on resources no
 * commit touched (last test).
 */

const exec = promisify(execFile);
const ENV = 'test';
const source = (commit: string) => ({ commit, ref: 'refs/heads/main', repository: 'https://gogs.test/o/r' });

/** A small deterministic PRNG, so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APIS = ['orders', 'billing', 'users'];
const OPS = ['get', 'list'];
const VALUES = ['host', 'region', 'tier', 'limit'];

/** The repository as a map of files, and the random edits a commit makes to it. */
class Model {
  files = new Map<string, string>();
  values: Record<string, string> = {};
  constructor(private readonly rand: () => number) {
    for (const v of VALUES) this.values[v] = `${v}-0`;
    for (const a of APIS) {
      this.files.set(`apis/${a}/policy.xml`, this.policyText());
      for (const o of OPS) this.files.set(`apis/${a}/operations/${o}/policy.xml`, this.policyText());
    }
    for (const f of ['cors', 'trace']) {
      this.files.set(`policy fragments/${f}/policy.xml`, this.fragmentText());
      this.files.set(`policy fragments/${f}/policyFragmentInformation.json`, this.fragmentInfo());
    }
    for (const n of ['nv-a', 'nv-b'])
      this.files.set(`named values/${n}/namedValueInformation.json`, this.nv(n));
    this.files.set('backends/be/backendInformation.json', this.backend());
    this.files.set('README.md', 'policies\n');
    this.files.set(`environments/${ENV}.yaml`, this.envText());
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)];
  }
  private n(): number {
    return Math.floor(this.rand() * 1000);
  }
  policyText(): string {
    const parts = [`<rate-limit calls="${this.n() + 1}" renewal-period="60" />`];
    if (this.rand() < 0.5)
      parts.push(
        `<set-header name="x-v" exists-action="override"><value>#{${this.pick(VALUES)}}#</value></set-header>`,
      );
    if (this.rand() < 0.3) parts.push(`<include-fragment fragment-id="${this.pick(['cors', 'trace'])}" />`);
    if (this.rand() < 0.3)
      parts.push(`<set-header name="x-n" exists-action="override"><value>{{nv-a}}</value></set-header>`);
    return policy(parts.join('\n    '));
  }
  fragmentText(): string {
    return `<fragment>\n  <set-header name="x-f" exists-action="override"><value>#{${this.pick(VALUES)}}#-${this.n()}</value></set-header>\n</fragment>\n`;
  }
  fragmentInfo(): string {
    return JSON.stringify({ properties: { description: `fragment ${this.n()}` } });
  }
  nv(name: string): string {
    return JSON.stringify({
      properties: { displayName: name, value: `#{${this.pick(VALUES)}}#/${this.n()}` },
    });
  }
  backend(): string {
    return JSON.stringify({ properties: { url: `https://#{host}#/${this.n()}`, protocol: 'http' } });
  }
  envText(): string {
    return Object.entries(this.values)
      .map(([k, v]) => `${k}: "${v}"`)
      .join('\n');
  }
  /** One random edit; returns what it did (for a failing test's message). */
  edit(): string {
    const r = this.rand();
    const policies = [...this.files.keys()].filter((f) => f.startsWith('apis/'));
    if (r < 0.3) {
      const f = this.pick(policies);
      this.files.set(f, this.policyText());
      return `policy ${f}`;
    }
    if (r < 0.5) {
      const v = this.pick(VALUES);
      this.values[v] = `${v}-${this.n()}`;
      this.files.set(`environments/${ENV}.yaml`, this.envText());
      return `value ${v}`;
    }
    if (r < 0.6) {
      const f = this.pick(['cors', 'trace']);
      const info = this.rand() < 0.5;
      this.files.set(
        `policy fragments/${f}/${info ? 'policyFragmentInformation.json' : 'policy.xml'}`,
        info ? this.fragmentInfo() : this.fragmentText(),
      );
      return `fragment ${f}${info ? ' description' : ''}`;
    }
    if (r < 0.7) {
      const n = this.pick(['nv-a', 'nv-b']);
      this.files.set(`named values/${n}/namedValueInformation.json`, this.nv(n));
      return `named value ${n}`;
    }
    if (r < 0.75) {
      this.files.set('backends/be/backendInformation.json', this.backend());
      return 'backend';
    }
    if (r < 0.85) {
      // Add a new operation, or remove one (without prune nothing is deleted: both plans agree).
      const f = `apis/${this.pick(APIS)}/operations/extra-${Math.floor(this.rand() * 3)}/policy.xml`;
      if (this.files.has(f)) {
        this.files.delete(f);
        return `remove ${f}`;
      }
      this.files.set(f, this.policyText());
      return `add ${f}`;
    }
    this.files.set('README.md', `policies ${this.n()}\n`);
    return 'readme';
  }
}

class History {
  private constructor(readonly dir: string) {}
  static async create(): Promise<History> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-incr-'));
    const h = new History(dir);
    await h.git('init', '-q', '-b', 'main');
    await h.git('config', 'user.email', 'dev@example.test');
    await h.git('config', 'user.name', 'Dev');
    return h;
  }
  async git(...args: string[]): Promise<string> {
    return (await exec('git', args, { cwd: this.dir })).stdout.trim();
  }
  /** Writes the model's files over the work tree and commits them on the checked-out branch. */
  async commit(model: Model, message: string): Promise<string> {
    const tracked = (await this.git('ls-files', '-z')).split('\0').filter(Boolean);
    for (const f of tracked) if (!model.files.has(f)) await unlink(path.join(this.dir, f));
    for (const [f, text] of model.files) {
      await mkdir(path.dirname(path.join(this.dir, f)), { recursive: true });
      await writeFile(path.join(this.dir, f), text);
    }
    await this.git('add', '-A');
    await this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }
}

/** What a plan would change: action, resource and the content it would write. */
const changes = (plan: Plan): string[] =>
  plan.entries
    .filter((e) => e.action !== 'unchanged')
    .map((e) => `${e.action} ${e.key} ${e.afterHash ?? ''}`)
    .sort();

let bed: ApimBed;
let conn: ApimConnection;
/** APIM's APIs and operations (apim-gogs deploys their policies, not the APIs themselves). */
const seed = {
  apis: Object.fromEntries(
    APIS.map((a) => [
      a,
      {
        displayName: a,
        path: a,
        protocols: ['https'],
        operations: Object.fromEntries(
          [...OPS, 'extra-0', 'extra-1', 'extra-2'].map((o) => [
            o,
            { displayName: o, method: 'GET', urlTemplate: `/${o}` },
          ]),
        ),
      },
    ]),
  ),
};

beforeAll(async () => {
  bed = await startApimBed({ seed });
  conn = bed.connect();
});
afterAll(async () => bed?.close());

async function planBoth(dir: string, commit: string): Promise<{ incremental: Plan; full: Plan }> {
  const repository = await loadRepository(dir);
  const values = await loadEnvironmentValues(dir, ENV);
  const common = {
    repository,
    connection: conn,
    source: source(commit),
    environment: ENV,
    values,
    retry: fastRetry,
  };
  const full = await planDeployment({ ...common, scope: 'full' });
  const incremental = await planDeployment({ ...common, scope: 'auto' });
  return { incremental, full };
}

describe('incremental plan equals the full plan', () => {
  for (const seed of [1, 2, 3]) {
    it(`on a random history (seed ${seed}): commits, force pushes, older commits deployed`, async () => {
      const rand = prng(seed);
      const model = new Model(rand);
      const h = await History.create();
      try {
        const commits: { sha: string; files: Map<string, string>; values: Record<string, string> }[] = [];
        const snapshot = (sha: string) =>
          commits.push({ sha, files: new Map(model.files), values: { ...model.values } });
        snapshot(await h.commit(model, 'initial'));
        const kinds: string[] = [];
        const log: string[] = [];
        for (let step = 0; step < 12; step++) {
          const r = rand();
          let target: string;
          if (r < 0.15 && commits.length > 2) {
            // Out of order: an older commit is deployed again (a rollback by redeploying).
            target = commits[Math.floor(rand() * (commits.length - 1))].sha;
            log.push(`deploy older ${target.slice(0, 7)}`);
          } else {
            if (r < 0.3 && commits.length > 2) {
              // Force push: the branch is reset to an older commit and grows from there.
              const back = commits[Math.floor(rand() * (commits.length - 1))];
              await h.git('checkout', '-q', '-B', 'main', back.sha);
              model.files = new Map(back.files);
              model.values = { ...back.values };
              log.push(`force push onto ${back.sha.slice(0, 7)}`);
            } else {
              await h.git('checkout', '-q', 'main');
            }
            const edits = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => model.edit());
            target = await h.commit(model, edits.join(', '));
            snapshot(target);
            log.push(`commit ${target.slice(0, 7)}: ${edits.join(', ')}`);
          }
          await h.git('checkout', '-q', '--detach', target);
          const { incremental, full } = await planBoth(h.dir, target);
          kinds.push(incremental.scope.kind);
          // The history so far names the step that broke, should this fail.
          expect({ step: log, changes: changes(incremental) }).toEqual({ step: log, changes: changes(full) });
          const result = await applyPlan({
            plan: incremental,
            connection: conn,
            identity: await bed.identity(),
            retry: fastRetry,
          });
          expect({ outcome: result.outcome, failure: result.failure }).toEqual({
            outcome: expect.stringMatching(/succeeded|no-changes/),
            failure: undefined,
          });
          // After each deployment live APIM matches the commit everywhere (verify reads everything).
          const repository = await loadRepository(h.dir);
          const values = await loadEnvironmentValues(h.dir, ENV);
          const v = await verifyDeployment({ repository, connection: conn, source: source(target), values });
          expect(v.entries).toEqual([]);
        }
        // Both scopes were exercised, so the comparison above was not vacuous.
        expect(kinds).toContain('incremental');
        expect(kinds).toContain('full');
      } finally {
        await rm(h.dir, { recursive: true, force: true });
      }
    }, 120_000);
  }
});

describe('the plan says which scope ran and why', () => {
  it('reads only what changed, falls back to full in a shallow clone without the recorded commit, and says so', async () => {
    const model = new Model(prng(7));
    const h = await History.create();
    const shallow = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-shallow-'));
    try {
      const first = await h.commit(model, 'first');
      const one = await planBoth(h.dir, first);
      await applyPlan({ plan: one.full, connection: conn, identity: await bed.identity(), retry: fastRetry });
      model.files.set('apis/orders/policy.xml', model.policyText());
      const second = await h.commit(model, 'second');
      const two = await planBoth(h.dir, second);
      expect(two.incremental.scope).toMatchObject({ kind: 'incremental', base: first, read: 1 });
      expect(changes(two.incremental)).toEqual(changes(two.full));
      expect(renderPlanMarkdown(two.incremental)).toContain('Scope: **incremental** since');
      // A CI checkout with fetch-depth 1 has the target only: the recorded commit is not there.
      await exec('git', ['clone', '-q', '--depth', '1', `file://${h.dir}`, shallow]);
      const three = await planBoth(shallow, second);
      expect(three.incremental.scope.kind).toBe('full');
      expect(three.incremental.scope.reason).toMatch(/not in this shallow checkout; set fetch-depth: 0/);
      expect(renderPlanMarkdown(three.incremental)).toContain('Scope: **full**');
      expect(changes(three.incremental)).toEqual(changes(two.full));
    } finally {
      await rm(h.dir, { recursive: true, force: true });
      await rm(shallow, { recursive: true, force: true });
    }
  }, 120_000);

  it('does not see drift made outside apim-gogs on a resource no commit touched; full plan and verify do', async () => {
    const model = new Model(prng(11));
    const h = await History.create();
    try {
      const first = await h.commit(model, 'first');
      const one = await planBoth(h.dir, first);
      await applyPlan({ plan: one.full, connection: conn, identity: await bed.identity(), retry: fastRetry });
      // A portal edit of the users API policy, which no later commit touches.
      await conn.client.apiPolicy.createOrUpdate(
        conn.resourceGroup,
        conn.serviceName,
        'users',
        'policy',
        { value: policy('<rate-limit calls="1" renewal-period="1" />'), format: 'rawxml' },
        { ifMatch: '*' },
      );
      model.files.set('apis/orders/policy.xml', model.policyText());
      const second = await h.commit(model, 'second');
      const two = await planBoth(h.dir, second);
      const drifted = 'apis/users/policies/policy';
      expect(two.incremental.scope.kind).toBe('incremental');
      expect(two.incremental.entries.map((e) => e.key)).not.toContain(drifted);
      expect(two.full.entries.find((e) => e.key === drifted)?.action).toBe('update');
      const repository = await loadRepository(h.dir);
      const values = await loadEnvironmentValues(h.dir, ENV);
      const v = await verifyDeployment({ repository, connection: conn, source: source(second), values });
      expect(v.entries.map((e) => e.key)).toContain(drifted);
    } finally {
      await rm(h.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
