import { rm } from 'node:fs/promises';
import { validateRepository } from '../../src/validate/index.js';
import { makeRepo } from './helpers.js';

/** A policy document whose inbound section holds `xml` after `<base />`. */
const policy = (xml: string): string =>
  `<policies>\n  <inbound>\n    <base />\n${xml}\n  </inbound>\n  <backend><base /></backend>\n  <outbound><base /></outbound>\n  <on-error><base /></on-error>\n</policies>\n`;

describe('expression-variable-unset: a variable read that nothing in the effective chain sets', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  const unset = async (files: Record<string, string>): Promise<string[]> => {
    root = await makeRepo(files);
    const result = await validateRepository({ root });
    return result.diagnostics
      .filter((d) => d.ruleId === 'expression-variable-unset')
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`);
  };

  it('reports a misspelt variable at the read, in the operation file, as a warning', async () => {
    const found = await unset({
      'apis/orders/policy.xml': policy(
        '    <set-variable name="tenant" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-tenant&quot;, &quot;&quot;))" />',
      ),
      'apis/orders/operations/get/policy.xml': policy(
        '    <set-header name="x-tenant" exists-action="override">\n      <value>@((string)context.Variables["tennant"])</value>\n    </set-header>',
      ),
    });
    expect(found).toEqual([
      "apis/orders/operations/get/policy.xml:5:42 warning The variable 'tennant' is read here, but no policy of the effective chain sets it.",
    ]);
  });

  it('accepts variables set by the API level, by send-request, by an included fragment, or tested with ContainsKey', async () => {
    const found = await unset({
      'apis/orders/policy.xml': policy(
        [
          '    <set-variable name="tenant" value="acme" />',
          '    <include-fragment fragment-id="auth" />',
          '    <send-request mode="new" response-variable-name="profile" timeout="10"><set-url>https://profile.example.com</set-url></send-request>',
        ].join('\n'),
      ),
      'policy fragments/auth/policy.xml':
        '<fragment>\n  <set-variable name="caller" value="@(context.Request.IpAddress)" />\n</fragment>\n',
      'policy fragments/auth/policyFragmentInformation.json': '{"properties":{"description":"auth"}}',
      'apis/orders/operations/get/policy.xml': policy(
        [
          '    <set-header name="x-tenant" exists-action="override"><value>@((string)context.Variables["tenant"])</value></set-header>',
          '    <set-header name="x-caller" exists-action="override"><value>@((string)context.Variables["caller"])</value></set-header>',
          '    <set-header name="x-status" exists-action="override"><value>@(((IResponse)context.Variables["profile"]).StatusCode.ToString())</value></set-header>',
          '    <set-header name="x-opt" exists-action="override"><value>@(context.Variables.ContainsKey("trace") ? (string)context.Variables["trace"] : "none")</value></set-header>',
        ].join('\n'),
      ),
    });
    expect(found).toEqual([]);
  });

  it('does not judge a loose policy file: who includes it is unknown', async () => {
    const found = await unset({
      'snippets/read.xml': policy(
        '    <set-header name="a" exists-action="override"><value>@((string)context.Variables["nowhere"])</value></set-header>',
      ),
    });
    expect(found).toEqual([]);
  });
});
