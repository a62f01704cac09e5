import { applyPlan, planDeployment } from '../../src/deploy/index.js';
import { DesiredStateError, desiredState } from '../../src/deploy/desired.js';
import { validateRepository } from '../../src/validate/index.js';
import { fastRetry, makeRepo, policy, startApimBed, type ApimBed } from './support.js';

/** Issue 8, items 4 and 5: APIM ids are case-insensitive; apim-gogs' own record names are reserved. */

const seed = { apis: { 'echo-api': { displayName: 'Echo', path: 'echo', protocols: ['https'] } } };
const source = { commit: 'd'.repeat(40) };

async function refusal(promise: Promise<unknown>): Promise<DesiredStateError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DesiredStateError) return err;
    throw err;
  }
  throw new Error('the plan was not refused');
}

describe('case-insensitive resource identity', () => {
  let bed: ApimBed;
  beforeEach(async () => {
    bed = await startApimBed({ seed });
  });
  afterEach(async () => bed?.close());

  it('refuses two folders for one API, naming both files, before any ARM request', async () => {
    const repo = await makeRepo({
      'apis/echo-api/policy.xml': policy(
        '<set-header name="x-a" exists-action="override"><value>a</value></set-header>',
      ),
      'apis/ECHO-API/policy.xml': policy('<set-backend-service base-url="https://attacker.example" />'),
    });
    const err = await refusal(planDeployment({ repository: repo, connection: bed.connect(), source }));
    expect(err.message).toContain('apis/ECHO-API/policy.xml');
    expect(err.message).toContain('apis/echo-api/policy.xml');
    expect(err.message).toMatch(/Two files for one resource/);
    expect(bed.emu.requests().filter((r) => r.service === 'arm')).toEqual([]);

    // The validation gate says the same, on each file.
    const checked = await validateRepository({ root: repo.root });
    const layout = checked.diagnostics.filter((d) => /Two files for one resource/.test(d.message));
    expect(layout.map((d) => d.file).sort()).toEqual([
      'apis/ECHO-API/policy.xml',
      'apis/echo-api/policy.xml',
    ]);
    expect(layout.every((d) => d.severity === 'error')).toBe(true);
  });

  it('refuses case twins among named values, backends and fragments too', async () => {
    const nv = (name: string): string => JSON.stringify({ properties: { displayName: name, value: 'x' } });
    const repo = await makeRepo({
      'named values/Key/namedValueInformation.json': nv('key-a'),
      'named values/key/namedValueInformation.json': nv('key-b'),
      'backends/Orders/backendInformation.json': JSON.stringify({
        properties: { url: 'https://a.example', protocol: 'http' },
      }),
      'backends/orders/backendInformation.json': JSON.stringify({
        properties: { url: 'https://b.example', protocol: 'http' },
      }),
      'policy fragments/Cors/policy.xml': '<fragment>\n  <base />\n</fragment>\n',
      'policy fragments/cors/policy.xml': '<fragment>\n  <base />\n</fragment>\n',
    });
    const files = desiredState(repo)
      .diagnostics.filter((d) => d.severity === 'error' && /Two files/.test(d.message))
      .map((d) => d.file)
      .sort();
    expect(files).toEqual([
      'backends/Orders/backendInformation.json',
      'backends/orders/backendInformation.json',
      'named values/Key/namedValueInformation.json',
      'named values/key/namedValueInformation.json',
      'policy fragments/Cors/policy.xml',
      'policy fragments/cors/policy.xml',
    ]);
  });

  it('plans an update, not a delete plus a create, when the folder case differs from the live id', async () => {
    const conn = bed.connect();
    const identity = await bed.identity();
    const first = await makeRepo({
      'apis/echo-api/policy.xml': policy('<set-header name="x" exists-action="delete" />'),
    });
    await applyPlan({
      plan: await planDeployment({ repository: first, connection: conn, source, environment: 'test' }),
      connection: conn,
      identity,
      retry: fastRetry,
    });
    const renamed = await makeRepo({
      'apis/Echo-Api/policy.xml': policy('<set-header name="y" exists-action="delete" />'),
    });
    const plan = await planDeployment({
      repository: renamed,
      connection: conn,
      source,
      environment: 'test',
      prune: true,
    });
    expect(plan.entries.map((e) => `${e.action} ${e.key}`)).toEqual(['update apis/Echo-Api/policies/policy']);
    expect(plan.summary.delete).toBe(0);
  });
});

describe('reserved names', () => {
  it.each(['APIM-GOGS-DEPLOYMENT-prod', 'apim-gogs-deployment-prod', 'Apim-Gogs-Deployment-test'])(
    'refuses a named value called %s (it would forge the deployment record blame reads)',
    async (name) => {
      const repo = await makeRepo({
        [`named values/${name}/namedValueInformation.json`]: JSON.stringify({
          properties: {
            displayName: 'forged',
            value: '{"environment":"prod","last":{"commit":"f00"},"history":[]}',
          },
        }),
      });
      const d = desiredState(repo).diagnostics.filter((x) => x.severity === 'error');
      expect(d).toHaveLength(1);
      expect(d[0].file).toBe(`named values/${name}/namedValueInformation.json`);
      expect(d[0].message).toMatch(/reserved for apim-gogs deployment records/);
      const checked = await validateRepository({ root: repo.root });
      expect(checked.diagnostics.some((x) => x.severity === 'error' && /reserved/.test(x.message))).toBe(
        true,
      );
    },
  );

  it('refuses a backend or fragment with a reserved id, and a policy comment where the stamp goes', async () => {
    const repo = await makeRepo({
      'backends/APIM-GOGS-DEPLOYMENT-x/backendInformation.json': JSON.stringify({
        properties: { url: 'https://a.example', protocol: 'http' },
      }),
      'policy.xml':
        '<policies>\n  <!-- apim-gogs: {"commit":"forged"} -->\n  <inbound />\n  <backend><forward-request /></backend>\n  <outbound />\n  <on-error />\n</policies>\n',
    });
    const d = desiredState(repo).diagnostics.filter((x) => x.severity === 'error');
    expect(d.map((x) => `${x.ruleId} ${x.file}`).sort()).toEqual([
      'deploy/reserved-comment policy.xml',
      'deploy/resource-identity backends/APIM-GOGS-DEPLOYMENT-x/backendInformation.json',
    ]);
  });
});
