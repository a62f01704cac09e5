import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ArmError } from '../../src/emulator/arm-errors.js';
import { formatPolicy } from '../../src/emulator/policy/format.js';
import { parsePolicy } from '../../src/emulator/policy/parse.js';
import { validatePolicy } from '../../src/emulator/policy/validate.js';
import { hasShared, sharedDir } from '../support/shared.js';

/**
 * The emulated service must accept the real policies in ../shared/corpus (as APIM does), so that a
 * deployment test never fails on the emulator's account, and its reformatting must be stable.
 */

const corpus = path.join(sharedDir, 'corpus');

/** Files whose root elements are not APIM policies (decompiler test data with misspelt names). */
const notPolicies: Record<string, string> = {
  'toolkit-testdata/invoke-darp-binding.xml':
    "'invoke-darp-binding' is not a policy (invoke-dapr-binding is)",
  'toolkit-testdata/publish-to-darp.xml': "'publish-to-darp' is not a policy (publish-to-dapr is)",
  'toolkit-testdata/cache-value.xml':
    "'cache-value' is not an APIM policy (cache-lookup-value / cache-store-value are)",
};

function files(): string[] {
  if (!hasShared) return [];
  return readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xml'))
    .sort();
}

const all = files();
const context = { namedValueExists: () => true, fragmentExists: () => true };

// Without ../shared (a user's fresh clone) there is no corpus: one skipped test says so.
if (!hasShared || all.length === 0) it.skip('accepts ../shared/corpus (absent here)', () => undefined);
else
  describe('the reference corpus through the emulated service', () => {
    it.each(all.filter((f) => !notPolicies[f]))('accepts %s and formats it stably', (file) => {
      const text = readFileSync(path.join(corpus, file), 'utf8');
      const scope = /^\s*<fragment/.test(text.replace(/<!--[\s\S]*?-->/g, '')) ? 'fragment' : 'operation';
      const doc = validatePolicy(text, 'rawxml', { scope, ...context });
      const stored = formatPolicy(doc, 'rawxml');
      expect(formatPolicy(parsePolicy(stored, 'rawxml'), 'rawxml')).toBe(stored);
      // The xml format says the same thing, escaped (its text line ends become CRLF, as XmlWriter writes them).
      const lf = (t: string): string => t.replace(/\r\n/g, '\n');
      expect(lf(formatPolicy(parsePolicy(formatPolicy(doc, 'xml'), 'xml'), 'rawxml'))).toBe(lf(stored));
    });

    it.each(Object.entries(notPolicies))('refuses %s: %s', (file) => {
      const text = readFileSync(path.join(corpus, file), 'utf8');
      expect(() => validatePolicy(text, 'rawxml', { scope: 'operation', ...context })).toThrow(ArmError);
    });
  });
