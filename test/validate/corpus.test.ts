import path from 'node:path';
import sax from 'sax';
import { compareDiagnostics } from '../../src/shared/diagnostic.js';
import { validateRepository } from '../../src/validate/index.js';
import { describeIfShared, sharedDir } from '../support/shared.js';
import { corpusPolicies } from '../policy/corpus-files.js';

/**
 * Files in the corpus that are not policies APIM accepts, and the one finding each must get. They are
 * test data of the policy toolkit's decompiler (misspelt names it round-trips) and one snippet whose
 * expression was truncated upstream; reporting them is correct, anything more would be a false alarm.
 */
const KNOWN_BAD: Record<string, { ruleId: string; message: RegExp; reason: string }> = {
  'policy-snippets/Call out to an HTTP endpoint and cache the response.policy.xml': {
    ruleId: 'expression-syntax',
    message: /Unterminated string literal/,
    reason: 'the rewrite-uri expression is cut off mid string upstream; APIM cannot compile it',
  },
  'policy-snippets/Loopback request for service at same API Management service.xml': {
    ruleId: 'expression-compile',
    message: /',' expected/,
    reason:
      'the first argument of GetValueOrDefault is two string literals side by side ("...=" then ""); C# cannot compile it',
  },
  'policy-snippets/DELETE a from to blobStorage account.xml': {
    ruleId: 'expression-type',
    message: /Non-invocable member 'context.Request.MatchedParameters'/,
    reason:
      'MatchedParameters("blobContainer") calls a dictionary property like a method; C# needs MatchedParameters["blobContainer"]',
  },
  'policy-snippets/PUT a file to blobStorage account.xml': {
    ruleId: 'expression-type',
    message: /Non-invocable member 'context.Request.MatchedParameters'/,
    reason: 'the same MatchedParameters("...") call as the DELETE snippet',
  },
  'toolkit-testdata/publish-to-darp.xml': {
    ruleId: 'unknown-policy',
    message: /publish-to-darp/,
    reason: 'misspelling of publish-to-dapr',
  },
  'toolkit-testdata/invoke-darp-binding.xml': {
    ruleId: 'unknown-policy',
    message: /invoke-darp-binding/,
    reason: 'misspelling of invoke-dapr-binding',
  },
  'toolkit-testdata/cache-value.xml': {
    ruleId: 'unknown-policy',
    message: /cache-value/,
    reason: 'no such policy in the APIM reference',
  },
  'toolkit-testdata/azure-openai-token-limit.xml': {
    ruleId: 'policy-attribute',
    message: /estimate-prompt-token/,
    reason: "'estimate-prompt-token' for the required 'estimate-prompt-tokens'",
  },
};

describeIfShared('the real policies in ../shared/corpus (scope unknown)', () => {
  it('get no syntax or schema error, except the known-bad files, which get exactly their finding', async () => {
    const result = await validateRepository({ root: path.join(sharedDir, 'corpus') });
    expect(result.summary.files).toBeGreaterThanOrEqual(60);
    const structural = result.diagnostics.filter((d) => d.category === 'syntax' || d.category === 'schema');
    const unexpected = structural.filter((d) => !KNOWN_BAD[d.file]);
    expect(unexpected).toEqual([]);
    for (const [file, bad] of Object.entries(KNOWN_BAD)) {
      const found = structural.filter((d) => d.file === file);
      expect(found.length).toBeGreaterThanOrEqual(1);
      expect(found.every((d) => d.ruleId === bad.ruleId && bad.message.test(d.message))).toBe(true);
    }
  });

  it('reads every corpus policy, including those a strict XML parser (sax, beneath xml2js) rejects', async () => {
    const strictRejects = corpusPolicies().filter(({ text }) => {
      const parser = sax.parser(true);
      try {
        parser.write(text).close();
        return false;
      } catch {
        return true;
      }
    });
    expect(strictRejects.length).toBeGreaterThan(10);
    const result = await validateRepository({ root: path.join(sharedDir, 'corpus') });
    expect(result.diagnostics.filter((d) => d.ruleId === 'syntax')).toEqual([]);
  });
});

describeIfShared('report order', () => {
  it('is the contract order of compareDiagnostics (file, position, rule)', async () => {
    const { diagnostics } = await validateRepository({ root: path.join(sharedDir, 'corpus') });
    expect(diagnostics.length).toBeGreaterThan(10);
    expect([...diagnostics].sort(compareDiagnostics)).toEqual(diagnostics);
  });
});
