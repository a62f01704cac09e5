import { readPolicy } from '../../src/policy/reader.js';
import { expressionSites } from '../../src/validate/checks/expressions.js';
import { analyzeExpression } from '../../src/validate/expressions/analyze.js';
import { corpusPolicies } from '../policy/corpus-files.js';
import { describeIfShared } from '../support/shared.js';

/**
 * Every expression of the real policies in ../shared/corpus goes through the C# parser and the
 * semantic checks. The only findings allowed are the three expressions that are broken upstream
 * (APIM could not compile them either); anything else is a false alarm.
 */
const BROKEN_UPSTREAM: Record<string, RegExp> = {
  // Two string literals side by side inside GetValueOrDefault(...).
  'policy-snippets/Loopback request for service at same API Management service.xml': /',' expected/,
  // MatchedParameters("name"): a dictionary property called like a method.
  'policy-snippets/DELETE a from to blobStorage account.xml': /Non-invocable member/,
  'policy-snippets/PUT a file to blobStorage account.xml': /Non-invocable member/,
};

describeIfShared('policy expressions of ../shared/corpus', () => {
  const found = corpusPolicies().flatMap(({ file, text }) => {
    const root = readPolicy(text).root;
    return root
      ? expressionSites(root).map((s) => ({ file, analysis: analyzeExpression(s.expression) }))
      : [];
  });

  it('has the expressions the measurement is about (attributes and text, single and multi-statement)', () => {
    expect(found.length).toBeGreaterThanOrEqual(130);
  });

  it('parses and checks every expression with no finding, except the ones broken upstream', () => {
    const unexpected = found
      .filter(({ file }) => !BROKEN_UPSTREAM[file])
      .flatMap(({ file, analysis }) =>
        [...analysis.syntax, ...analysis.problems].map((e) => `${file}: ${e.message}`),
      );
    expect(unexpected).toEqual([]);
  });

  it('reports each expression broken upstream with its expected message', () => {
    for (const [file, message] of Object.entries(BROKEN_UPSTREAM)) {
      const messages = found
        .filter((f) => f.file === file)
        .flatMap(({ analysis }) => [...analysis.syntax, ...analysis.problems].map((e) => e.message));
      expect(messages.length).toBeGreaterThanOrEqual(1);
      expect(messages.every((m) => message.test(m))).toBe(true);
    }
  });
});
