import { rm } from 'node:fs/promises';
import { validateRepository } from '../../../src/validate/index.js';
import { inbound, makeRepo } from '../helpers.js';

const BAD = '<set-header name="x-tier" exists-action="override"><value>@(\'gold\')</value></set-header>';

describe('turning the expression rules off', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('skips expressions of files that do not deploy, but never of a policy that deploys', async () => {
    root = await makeRepo({
      '.apim-gogs.yaml': 'rules:\n  expression-compile: off\n  expression-type: off\n',
      'apis/orders/policy.xml': inbound(BAD),
      'drafts/orders.xml': inbound(BAD),
    });
    const found = (await validateRepository({ root })).diagnostics
      .filter((d) => d.ruleId.startsWith('expression-'))
      .map((d) => `${d.file} ${d.line}:${d.column} ${d.severity} ${d.message}`);
    expect(found).toEqual(['apis/orders/policy.xml 4:61 error Too many characters in character literal']);
  });
});
