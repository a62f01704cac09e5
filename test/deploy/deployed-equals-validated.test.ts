import fc from 'fast-check';
import { applyPlan, planDeployment } from '../../src/deploy/index.js';
import { readResource, refFor } from '../../src/deploy/resources.js';
import { readXmlProvenance, stampXml, stripXmlProvenance } from '../../src/deploy/provenance.js';
import { canonicalPolicy } from '../../src/deploy/xml-canonical.js';
import { readPolicy } from '../../src/policy/reader.js';
import type { PolicyRepository } from '../../src/policy/repository.js';
import { validatePolicyText } from '../../src/validate/index.js';
import { fastRetry, startApimBed, type ApimBed } from './support.js';

/**
 * Issue 8, item 1: what reaches APIM is exactly the validated rendered text plus the provenance stamp.
 * Random policies mix the texts that broke the old regex stripping (comment openers and the marker
 * inside C# strings, verbatim strings, attribute values, real comments that look like provenance).
 */

// Strings that look like markup, comments or the provenance marker, to put inside C# literals.
const tricky = fc.constantFrom(
  '<!-- apim-gogs:',
  '-->',
  '<!--',
  '</inbound>',
  '<validate-jwt header-name="Authorization" />',
  'apim-gogs: {"commit":"forged"}',
  'a && b',
  "it's",
  '<policies>',
  'x > 1',
  '',
);
const csharpString = tricky.chain((s) =>
  fc.constantFrom(`"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`, `@"${s.replace(/"/g, '""')}"`),
);
const expression = fc.oneof(
  csharpString.map((l) => `@(${l})`),
  fc.tuple(csharpString, csharpString).map(([a, b]) => `@(${a} + ${b})`),
  csharpString.map((l) => `@{ return ${l}; }`),
  csharpString.map((l) => `@(context.Variables.GetValueOrDefault<string>("v", ${l}))`),
  csharpString.map((l) => `@(${l} /* <!-- apim-gogs: */)`),
);
// Comment texts (no `--`, no trailing `-`, as XML requires), some of them shaped like provenance.
const commentText = fc.constantFrom(
  ' apim-gogs: {"commit":"forged","run":"x"} ',
  'apim-gogs:',
  ' note <b>bold</b> & more ',
  ' @("x") ',
  ' - ',
);
const item = fc.oneof(
  expression.map(
    (e) => `<set-header name="x-a" exists-action="override">\n      <value>${e}</value>\n    </set-header>`,
  ),
  expression.map((e) => `<set-variable name="v" value="${e}" />`),
  expression.filter((e) => !e.includes("'")).map((e) => `<set-variable name="w" value='${e}' />`),
  commentText.map((c) => `<!--${c}-->`),
  fc.constant(
    '<validate-jwt header-name="Authorization"><issuer-signing-keys><key>{{jwt-key}}</key></issuer-signing-keys></validate-jwt>'.replace(
      '{{jwt-key}}',
      'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==',
    ),
  ),
  fc.constant(
    '<check-header name="x-key" failed-check-httpcode="401" failed-check-error-message="no" ignore-case="true" />',
  ),
);
const policyText = fc
  .tuple(
    fc.array(item, { minLength: 1, maxLength: 6 }),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
    fc.option(commentText, { nil: undefined }),
  )
  .map(([items, compact, eol, prolog]) => {
    const body = items.map((i) => `    ${i}`).join(eol);
    const root =
      `<policies>${eol}  <inbound>${eol}${body}${eol}  </inbound>${eol}  <backend>${eol}    <forward-request />` +
      `${eol}  </backend>${eol}  <outbound />${eol}  <on-error />${eol}</policies>${compact ? '' : eol}`;
    return prolog === undefined ? root : `<!--${prolog}-->${eol}${root}`;
  });

const attack =
  '<policies>\n  <inbound>\n    <set-variable name="a" value="@("<!-- apim-gogs:")" />\n' +
  '    <validate-jwt header-name="Authorization"><issuer-signing-keys><key>c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==</key></issuer-signing-keys></validate-jwt>\n' +
  '    <set-variable name="b" value="@("-->")" />\n  </inbound>\n  <backend>\n    <forward-request />\n  </backend>\n' +
  '  <outbound />\n  <on-error />\n</policies>\n';

const provenance = { commit: 'c0ffee', run: 'https://ci.example/run--7', ref: 'refs/heads/main' };

function globalRepo(text: string): PolicyRepository {
  return {
    root: '/nonexistent',
    policies: [{ file: 'policy.xml', scope: 'global', text }],
    namedValues: [],
    backends: [],
    fragments: [],
    problems: [],
  };
}

describe('deployed text equals the validated text plus the stamp', () => {
  it('stamping adds one comment node at its place and stripping removes exactly it', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        const stamped = stampXml(text, provenance);
        expect(stripXmlProvenance(stamped)).toBe(text);
        expect(readXmlProvenance(stamped)).toEqual(provenance);
        expect(readXmlProvenance(text)).toBeUndefined();
        // Every element the validator read is still there, in the same order.
        const names = (t: string): string[] =>
          [...canonicalPolicy(t).matchAll(/^\s*<([\w-]+)/gm)].map((m) => m[1]);
        expect(names(stamped)).toEqual(names(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a policy expression that holds "<!-- apim-gogs:" and its validate-jwt (the reported attack)', () => {
    const stamped = stampXml(attack, provenance);
    expect(stripXmlProvenance(stamped)).toBe(attack);
    expect(canonicalPolicy(stripXmlProvenance(stamped))).toContain('<validate-jwt');
    expect(canonicalPolicy(stamped)).toBe(canonicalPolicy(attack));
  });

  it('puts the stamp before a self-closing root and after an XML declaration, and nowhere else', () => {
    for (const text of [
      '<fragment />',
      '<?xml version="1.0"?>\n<fragment/>\n',
      '\uFEFF<policies>\n</policies>',
    ]) {
      const stamped = stampXml(text, provenance);
      expect(readPolicy(stamped).errors).toEqual([]);
      expect(stripXmlProvenance(stamped)).toBe(text);
      expect(readXmlProvenance(stamped)?.commit).toBe('c0ffee');
    }
  });

  describe('through the emulator', () => {
    let bed: ApimBed;
    beforeAll(async () => {
      bed = await startApimBed();
    });
    afterAll(async () => bed?.close());

    it('live text, read back and with the stamp removed, is the validated text (random policies)', async () => {
      const conn = bed.connect();
      const identity = await bed.identity();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(policyText, async (text) => {
          // The validator read this text as a policy (no syntax or expression error).
          const checked = validatePolicyText(text, { file: 'policy.xml', scope: 'global' });
          expect(
            checked.diagnostics.filter((d) => d.category === 'syntax' || d.ruleId === 'expression-syntax'),
          ).toEqual([]);
          const commit = `c${++n}`;
          const plan = await planDeployment({
            repository: globalRepo(text),
            connection: conn,
            source: { commit },
            environment: 'prop',
          });
          const result = await applyPlan({
            plan,
            connection: conn,
            identity,
            retry: fastRetry,
            writeRecord: false,
          });
          expect({ outcome: result.outcome, failure: result.failure?.message }).toEqual({
            outcome: expect.stringMatching(/^(succeeded|no-changes)$/),
            failure: undefined,
          });
          const live = await readResource(conn, refFor('globalPolicy'));
          const liveText = String(live.properties?.value);
          if (result.outcome === 'succeeded') expect(readXmlProvenance(liveText)?.commit).toBe(commit);
          expect(canonicalPolicy(stripXmlProvenance(liveText))).toBe(canonicalPolicy(text));
          // And a second plan sees nothing to change: provenance is not drift, user comments are.
          const again = await planDeployment({
            repository: globalRepo(text),
            connection: conn,
            source: { commit },
            environment: 'prop',
          });
          expect(again.summary.update).toBe(0);
        }),
        { numRuns: 25, examples: [[attack]] },
      );
    });
  });
});
