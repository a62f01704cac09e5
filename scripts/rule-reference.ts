import { format, resolveConfig } from 'prettier';
import { ruleReference, spliceRuleReference } from '../src/validate/rule-docs.js';

/**
 * The doc with a fresh rule reference, formatted as the repository's Prettier config says. Here, not in
 * src/: formatting is a development step (scripts/gen-rule-docs.ts writes it, test/validate/docs.test.ts
 * checks it), and the bundles must not carry Prettier.
 */
export async function regenerate(doc: string, file: string): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(spliceRuleReference(doc, ruleReference()), { ...options, parser: 'markdown' });
}
