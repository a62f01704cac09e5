import { rm } from 'node:fs/promises';
import { ALL_RULES, validateRepository } from '../../../src/validate/index.js';
import { inbound, makeRepo } from '../helpers.js';

/**
 * Table-driven rule tests, the way Spectral tests its rules: each rule gets a table of repositories it
 * must leave alone and repositories it must report, with the exact positions (`file line:column`) of
 * its findings. Every case runs the whole validator on a real folder, and only the rule under test is
 * read from the result, so a case needs to be clean for that rule only.
 */
export interface ValidCase {
  /** What the case shows (the test name). */
  name: string;
  /** The repository, path -> content (`api()` for one API policy). */
  files: Record<string, string>;
  /** The ruleset environment to validate for (`.apim-gogs.yaml` environments). */
  environment?: string;
}

export interface InvalidCase extends ValidCase {
  /** Where the rule reports, `file line:column`, in report order. */
  findings: string[];
  /** Every finding's message matches this. */
  message: RegExp;
}

export const lines = (...l: string[]): string => l.join('\n');

/** A policy document: `<base />` then `xml` in inbound (from line 4), `<base />` in backend. */
export const basePlus = (xml = ''): string =>
  lines(
    '<policies>',
    '<inbound>',
    '<base />',
    ...(xml ? [xml] : []),
    '</inbound>',
    '<backend><base /></backend>',
    '</policies>',
  );

/** A ruleset whose `prod` environment is protected and `dev` is not. */
export const PROTECTED_PROD = { '.apim-gogs.yaml': 'environments:\n  prod:\n    protected: true\n  dev: {}' };

/** An API policy (apis/a/policy.xml) with this inbound content from line 4, `<base />` everywhere. */
export const api = (xml: string, name = 'a'): Record<string, string> => ({
  [`apis/${name}/policy.xml`]: inbound(xml),
});

export function testRule(ruleId: string, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const meta = ALL_RULES.find((r) => r.id === ruleId);
  if (!meta) throw new Error(`${ruleId} is not a rule id`);

  async function run(c: ValidCase): Promise<{ at: string; message: string; severity: string }[]> {
    const root = await makeRepo(c.files);
    try {
      const r = await validateRepository({ root, environment: c.environment });
      return r.diagnostics
        .filter((d) => d.ruleId === ruleId)
        .map((d) => ({ at: `${d.file} ${d.line}:${d.column}`, message: d.message, severity: d.severity }));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  describe(ruleId, () => {
    it('has valid and invalid cases', () => {
      expect(table.valid.length).toBeGreaterThan(0);
      expect(table.invalid.length).toBeGreaterThan(0);
      for (const c of table.invalid) expect(c.findings.length).toBeGreaterThan(0);
    });

    it.each(table.valid.map((c) => [c.name, c] as const))('leaves alone: %s', async (_name, c) => {
      expect(await run(c)).toEqual([]);
    });

    it.each(table.invalid.map((c) => [c.name, c] as const))('reports: %s', async (_name, c) => {
      const found = await run(c);
      expect(found.map((f) => f.at)).toEqual(c.findings);
      for (const f of found) {
        expect(f.message).toMatch(c.message);
        expect(f.severity).toBe(meta.severity);
      }
    });
  });
}
