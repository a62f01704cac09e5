import { planDeployment, verifyDeployment } from '../../src/deploy/index.js';
import { planForOutput, renderPlanMarkdown } from '../../src/deploy/render.js';
import { renderDriftText } from '../../src/deploy/verify.js';
import { makeRepo, startApimBed, type ApimBed } from './support.js';

/**
 * Issue 8, item 10: a pull-request author's `{"credentials":{}}` must not make the plan, the PR comment
 * or a drift report print the live backend's credentials.
 */

const HEADER_SECRET = 'live-header-secret-7f3a';
const AUTH_SECRET = 'bGl2ZS1hdXRoLXBhcmFtZXRlci05OQ==';
const seed = {
  backends: {
    orders: {
      url: 'https://orders.internal',
      protocol: 'http',
      credentials: {
        header: { 'x-api-key': [HEADER_SECRET] },
        query: { code: [HEADER_SECRET] },
        authorization: { scheme: 'Basic', parameter: AUTH_SECRET },
      },
    },
  },
};

let bed: ApimBed;
beforeAll(async () => {
  bed = await startApimBed({ seed });
});
afterAll(async () => bed?.close());

it('redacts live credentials in the plan diff, the PR comment and the drift report, and still sees the change', async () => {
  const repo = await makeRepo({
    'backends/orders/backendInformation.json': JSON.stringify({
      properties: { url: 'https://orders.internal', protocol: 'http', credentials: {} },
    }),
  });
  const source = { commit: 'e'.repeat(40) };
  const plan = await planDeployment({ repository: repo, connection: bed.connect(), source });
  expect(plan.entries.map((e) => `${e.action} ${e.key}`)).toEqual(['update backends/orders']);
  // The plan file (the `plan` output, `--format json`) too: the rollback snapshot in memory keeps the
  // real values, the file does not.
  const shown = [plan.entries[0].diff ?? '', renderPlanMarkdown(plan), JSON.stringify(planForOutput(plan))];
  expect(JSON.stringify(plan.entries[0].live)).toContain(HEADER_SECRET);
  const verify = await verifyDeployment({ repository: repo, connection: bed.connect(), source });
  shown.push(renderDriftText(verify), JSON.stringify(verify.entries));
  for (const text of shown) {
    expect(text).not.toContain(HEADER_SECRET);
    expect(text).not.toContain(AUTH_SECRET);
  }
  // What changed is still visible: header names and the scheme's place, values as markers.
  expect(plan.entries[0].diff).toMatch(/x-api-key/);
  expect(plan.entries[0].diff).toMatch(/<redacted [0-9a-f]{8}>/);
});
