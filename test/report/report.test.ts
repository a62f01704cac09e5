import type { Diagnostic } from '../../src/shared/diagnostic.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import { formatReport } from '../../src/report/index.js';
import type { ReportInput } from '../../src/report/types.js';
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  ruleId: 'cors-wildcard',
  severity: 'warning',
  category: 'security',
  file: 'apis/echo api/policy.xml',
  line: 4,
  column: 7,
  message: 'cors allows every origin (*).',
  help: 'List the allowed origins explicitly.',
  ...over,
});

const result: ReportInput = {
  diagnostics: [
    d({}),
    d({
      ruleId: 'unknown-policy',
      severity: 'error',
      category: 'schema',
      line: 9,
      column: 3,
      message: "Error in element 'x' on line 9, column 3: bad; really, 100% | bad\nsecond line",
    }),
    d({
      ruleId: 'syntax',
      severity: 'info',
      category: 'syntax',
      file: 'loose.xml',
      line: 1,
      column: 1,
      message: 'skipped',
    }),
  ],
  summary: { files: 2, errors: 1, warnings: 1, infos: 1 },
};

describe('report formats', () => {
  it('json is the contract: diagnostics and summary, nothing else', () => {
    expect(JSON.parse(formatReport(result, 'json'))).toEqual({
      diagnostics: result.diagnostics,
      summary: result.summary,
    });
  });

  it('stylish groups by file with position, severity, message and rule, then the total', () => {
    const text = formatReport(result, 'stylish');
    expect(text).toContain(
      'apis/echo api/policy.xml\n  4:7      warning  cors allows every origin (*).  cors-wildcard',
    );
    expect(text.trim().split('\n').pop()).toBe('2 files checked: 1 error, 1 warning, 1 info');
  });

  it('stylish shows the fix under the message, not a bare documentation link', () => {
    const text = formatReport(
      {
        diagnostics: [
          d({
            ruleId: 'unknown-policy',
            message: "'rate-limt' is not a known policy.",
            help: "Did you mean 'rate-limit'?",
          }),
          d({ line: 5, help: 'https://learn.microsoft.com/azure/api-management/api-management-policies' }),
        ],
        summary: { files: 1, errors: 0, warnings: 2, infos: 0 },
      },
      'stylish',
    );
    expect(text.split('\n').slice(1, 4)).toEqual([
      "  4:7      warning  'rate-limt' is not a known policy.  unknown-policy",
      "                    help: Did you mean 'rate-limit'?",
      '  5:7      warning  cors allows every origin (*).  cors-wildcard',
    ]);
  });

  it('markdown summary sections sit under the run title: level 3', () => {
    expect(formatReport(result, 'markdown').split('\n')[0]).toBe('### apim-gogs validate');
  });

  it('SARIF 2.1.0 has the rules, levels and repository-relative locations code scanning needs', () => {
    const sarif = JSON.parse(formatReport(result, 'sarif'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.version).toBe(packageJson.version);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual([
      'cors-wildcard',
      'syntax',
      'unknown-policy',
    ]);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['warning', 'error', 'note']);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'apis/echo%20api/policy.xml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 7 },
    });
    expect(run.tool.driver.rules[run.results[1].ruleIndex].id).toBe('unknown-policy');
  });

  it('GitHub annotations carry file, line, col and title, escaped as workflow commands', () => {
    const lines = formatReport(result, 'github').split('\n');
    expect(lines[0]).toBe(
      '::warning file=apis/echo api/policy.xml,line=4,col=7,title=apim-gogs cors-wildcard::cors allows every origin (*). (List the allowed origins explicitly.)',
    );
    expect(lines[1]).toMatch(
      /^::error file=.*,title=apim-gogs unknown-policy::.*100%25 \| bad%0Asecond line/,
    );
    expect(lines[2]).toMatch(/^::notice file=loose.xml,line=1,col=1/);
  });

  it('Azure DevOps logissue lines with source path, line, column and code', () => {
    const lines = formatReport(result, 'azure-pipelines').split('\n');
    expect(lines[0]).toBe(
      '##vso[task.logissue type=warning;sourcepath=apis/echo api/policy.xml;linenumber=4;columnnumber=7;code=cors-wildcard]cors allows every origin (*).',
    );
    expect(lines[1]).toContain('bad; really, 100%AZP25 | bad%0Asecond line');
    expect(lines[2]).not.toMatch(/^##vso/);
  });

  it('markdown summary is a table with escaped cells', () => {
    const md = formatReport(result, 'markdown');
    expect(md).toContain('**2 files checked: 1 error, 1 warning, 1 info**');
    expect(md).toContain('| 🛑 error | <code>apis/echo api/policy.xml</code> | 9:3 | unknown-policy |');
    expect(md).toContain('100% \\| bad second line');
    expect(
      formatReport({ diagnostics: [], summary: { files: 1, errors: 0, warnings: 0, infos: 0 } }, 'markdown'),
    ).toContain('No findings.');
  });

  it('an unknown format is a usage error', () => {
    expect(() => formatReport(result, 'xml')).toThrow(ConfigurationError);
  });
});
