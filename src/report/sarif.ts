import type { Diagnostic } from '../shared/diagnostic.js';
import type { RuleMeta } from '../validate/rule.js';
import { ALL_RULES } from '../validate/registry.js';
import { ruleDocUrl } from '../validate/rule.js';
import { version as packageVersion } from '../shared/version.js';
import type { ReportInput } from './types.js';

const LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules as tool.driver.rules (so alerts link to
 * their docs), results with repository-relative artifact locations under %SRCROOT%.
 */
export function formatSarif(r: ReportInput, version = packageVersion): string {
  const used = new Set(r.diagnostics.map((d) => d.ruleId));
  const rules: RuleMeta[] = ALL_RULES.filter((m) => used.has(m.id));
  const index = new Map(rules.map((m, i) => [m.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apim-gogs',
            version,
            informationUri: 'https://github.com/apim-gogs/apim-gogs',
            rules: rules.map((m) => ({
              id: m.id,
              name: m.id,
              shortDescription: { text: m.summary },
              fullDescription: { text: m.docs },
              helpUri: m.url ?? ruleDocUrl(m.id),
              defaultConfiguration: { level: LEVEL[m.severity] },
              properties: { category: m.category, tags: [m.category] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: r.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId),
          level: LEVEL[d.severity],
          message: { text: `${d.message}${d.help ? ` ${d.help}` : ''}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  ...(d.endLine ? { endLine: d.endLine } : {}),
                  ...(d.endColumn ? { endColumn: d.endColumn } : {}),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
