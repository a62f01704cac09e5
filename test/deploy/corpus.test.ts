import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { canonicalPolicy, detectPolicyFormat, policiesEqual } from '../../src/deploy/xml-canonical.js';
import { formatPolicy } from '../../src/emulator/policy/format.js';
import { parsePolicy } from '../../src/emulator/policy/parse.js';
import { describeIfShared, hasShared, sharedDir } from '../support/shared.js';

/**
 * Every real policy in ../shared/corpus: the comparison reads it, finds it equal to itself as APIM stores
 * it (the emulator's model of APIM's reformatting, in both formats), and finds any one attribute change.
 */
function corpus(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.xml')) out.push(p);
    }
  };
  walk(path.join(sharedDir, 'corpus'));
  return out.sort();
}

/**
 * The policy with one change a reviewer would care about: a literal attribute value gains an `x`, or,
 * in a policy whose attributes are all expressions, a header is set at the top of its first section.
 */
function oneChange(text: string): string {
  const attribute = text.replace(
    /(<[a-z-]+\s+[a-z-]+=")([^"@{]*)"/,
    (_m, a: string, v: string) => `${a}${v}x"`,
  );
  if (attribute !== text) return attribute;
  return text.replace(
    /<(inbound|fragment)>/,
    '<$1><set-header name="x-changed" exists-action="override"><value>1</value></set-header>',
  );
}

/**
 * Corpus files the comparison refuses to read, each with its reason: the validator reports them as
 * errors (test/validate/corpus.test.ts), so they never reach a deployment. Anything else that fails to
 * read is a failure.
 */
const UNREADABLE: Record<string, { message: RegExp; reason: string }> = {
  'corpus/policy-snippets/Call out to an HTTP endpoint and cache the response.policy.xml': {
    message: /Unterminated string literal/,
    reason: 'its rewrite-uri expression is cut off mid string upstream (validation: expression-syntax)',
  },
};

describeIfShared('semantic comparison over the real-policy corpus', () => {
  // Collected only when ../shared is there: describe bodies run even when the block is skipped.
  const files = hasShared ? corpus().map((f) => [path.relative(sharedDir, f), f] as const) : [];
  const readable = files.filter(([rel]) => !UNREADABLE[rel]);
  it('has policies to check', () => expect(readable.length).toBeGreaterThan(0));

  it.each(Object.entries(UNREADABLE).map(([rel, u]) => [rel, u.reason, u.message] as const))(
    'refuses %s: %s',
    (rel, _reason, message) => {
      const text = readFileSync(path.join(sharedDir, rel), 'utf8');
      expect(() => canonicalPolicy(text)).toThrow(message);
    },
  );

  it.each(readable)('%s', (_rel, file) => {
    const text = readFileSync(file, 'utf8');
    expect(() => canonicalPolicy(text)).not.toThrow();
    // Stored the way apim-gogs sends it (xml for the escaped form, rawxml for the raw form). The emulator
    // reads every corpus file (test/emulator/corpus.test.ts): a refusal here is a failure, not a skip.
    const doc = parsePolicy(text, detectPolicyFormat(text));
    for (const s of [formatPolicy(doc, 'rawxml'), formatPolicy(doc, 'xml')])
      expect(canonicalPolicy(s)).toBe(canonicalPolicy(text));
    const changed = oneChange(text);
    expect(changed).not.toBe(text);
    expect(policiesEqual(text, changed)).toBe(false);
  });
});
