import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NamedValueDefinition } from '../../src/policy/repository.js';
import { validatePolicyText } from '../../src/validate/index.js';
import { projectRoot } from '../support/shared.js';

/**
 * Expression errors users reported publicly, one policy per file in test/fixtures/expressions (each
 * file's comment names the report and says what happened). For each: the finding apim-gogs must give,
 * at the line and column of the offending code, and what APIM itself answered where the report
 * quotes it (APIM names the policy element; apim-gogs points inside the expression).
 */
interface Reported {
  file: string;
  ruleId: string;
  message: RegExp;
  line: number;
  column: number;
  /** APIM's answer as the report quotes it, when it does. */
  apim?: string;
}

const REPORTED: Reported[] = [
  {
    file: 'char-literal-in-condition.xml',
    ruleId: 'expression-compile',
    message: /^Too many characters in character literal$/,
    line: 11,
    column: 87,
    apim: "Error in element 'choose' on line 21, column 10: Too many characters in character literal",
  },
  {
    file: 'single-quoted-reason.xml',
    ruleId: 'expression-compile',
    message: /^Too many characters in character literal$/,
    line: 10,
    column: 146,
  },
  {
    file: 'backslash-escaped-quotes.xml',
    ruleId: 'expression-syntax',
    message: /Unbalanced '\('/,
    line: 11,
    column: 40,
    apim: "Error in element 'choose' on line 15, column 4: Unterminated string literal.",
  },
  {
    file: 'missing-closing-parenthesis.xml',
    ruleId: 'expression-syntax',
    message: /Unterminated string literal/,
    line: 10,
    column: 89,
  },
  {
    file: 'adjacent-string-literals-variable.xml',
    ruleId: 'expression-compile',
    message: /^Syntax error, ',' expected$/,
    line: 10,
    column: 67,
  },
  {
    file: 'adjacent-string-literals-product.xml',
    ruleId: 'expression-compile',
    message: /^Syntax error, ',' expected$/,
    line: 11,
    column: 102,
  },
  {
    file: 'dynamic-keyword.xml',
    ruleId: 'expression-type',
    message: /^Usage of type 'dynamic' is not supported within expressions$/,
    line: 11,
    column: 9,
  },
  {
    file: 'json-merge-settings.xml',
    ruleId: 'expression-type',
    message: /'Newtonsoft\.Json\.Linq\.JsonMergeSettings' is not supported/,
    line: 11,
    column: 68,
  },
  {
    file: 'named-value-json-in-code.xml',
    ruleId: 'expression-compile',
    message: /expected/,
    line: 12,
    column: 24,
    apim: "Error in element 'set-query-parameter' on line 92, column 4: ; expected",
  },
  {
    file: 'datetime-tryparse.xml',
    ruleId: 'expression-type',
    message: /member 'TryParse' of type 'System\.DateTime'/,
    line: 13,
    column: 20,
  },
  {
    file: 'datetime-parseexact-cultureinfo.xml',
    ruleId: 'expression-type',
    message: /member 'ParseExact' of type 'System\.DateTime'/,
    line: 11,
    column: 25,
  },
  {
    file: 'datetime-parseexact-cultureinfo.xml',
    ruleId: 'expression-type',
    message: /'System\.Globalization\.CultureInfo' is not supported/,
    line: 11,
    column: 105,
  },
  {
    file: 'datetime-touniversaltime.xml',
    ruleId: 'expression-type',
    message: /member 'ToUniversalTime' of type 'System\.DateTime'/,
    line: 10,
    column: 29,
  },
  {
    file: 'datetime-specifykind.xml',
    ruleId: 'expression-type',
    message: /member 'SpecifyKind' of type 'System\.DateTime'/,
    line: 9,
    column: 50,
  },
  {
    file: 'datetimestyles.xml',
    ruleId: 'expression-type',
    message: /'System\.Globalization\.DateTimeStyles' is not supported/,
    line: 12,
    column: 109,
  },
  {
    file: 'enum-getvalues.xml',
    ruleId: 'expression-type',
    message: /member 'GetValues' of type 'System\.Enum'/,
    line: 10,
    column: 38,
  },
  {
    file: 'system-text-json.xml',
    ruleId: 'expression-type',
    message: /'System\.Text\.Json' is not supported/,
    line: 9,
    column: 17,
  },
  {
    file: 'regex-cachesize.xml',
    ruleId: 'expression-type',
    message: /member 'CacheSize' of type 'System\.Text\.RegularExpressions\.Regex'/,
    line: 11,
    column: 13,
  },
  {
    file: 'system-net-http.xml',
    ruleId: 'expression-type',
    message: /'System\.Net\.Http\.HttpClient' is not supported/,
    line: 10,
    column: 24,
  },
  {
    file: 'retry-condition-brace.xml',
    ruleId: 'expression-compile',
    message:
      /^Only assignment, call, increment, decrement, await, and new object expressions can be used as a statement$/,
    line: 9,
    column: 25,
  },
  {
    file: 'capital-context.xml',
    ruleId: 'expression-type',
    message: /^The name 'Context' does not exist in the current context$/,
    line: 9,
    column: 44,
  },
  {
    file: 'javascript-split.xml',
    ruleId: 'expression-type',
    message: /^'string' does not contain a definition for 'split'/,
    line: 9,
    column: 105,
  },
  {
    file: 'rsacng.xml',
    ruleId: 'expression-type',
    message: /^Usage of type 'System\.Security\.Cryptography\.RSACng' is not supported within expressions$/,
    line: 10,
    column: 21,
    apim: "Usage of type 'System.Security.Cryptography.RSACng' is not supported within expressions",
  },
  {
    file: 'symmetricalgorithm-create.xml',
    ruleId: 'expression-type',
    message: /member 'Create' of type 'System\.Security\.Cryptography\.SymmetricAlgorithm'/,
    line: 10,
    column: 43,
  },
  {
    file: 'replaced-double-quotes.xml',
    ruleId: 'expression-compile',
    message: /^Too many characters in character literal$/,
    line: 8,
    column: 80,
  },
  {
    file: 'fragment-id-expression.xml',
    ruleId: 'policy-attribute',
    message: /'fragment-id' attribute does not accept policy expressions/,
    line: 9,
    column: 36,
  },
  {
    file: 'mock-response-expression.xml',
    ruleId: 'policy-attribute',
    message: /'status-code' attribute does not accept policy expressions/,
    line: 9,
    column: 33,
  },
];

/** The named value of named-value-json-in-code.xml: a JSON object, as in the report. */
const NAMED_VALUES: NamedValueDefinition[] = [
  {
    id: 'region-settings',
    file: 'named values/region-settings/namedValueInformation.json',
    displayName: 'region-settings',
    value: '{ "region": "westeurope" }',
    secret: false,
    properties: {},
  },
];

const dir = path.join(projectRoot, 'test/fixtures/expressions');

describe('expression errors users reported publicly', () => {
  it('has a fixture for every table row and a row for every fixture', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(new Set(REPORTED.map((r) => r.file))).toEqual(new Set(files));
  });

  it.each(REPORTED)('$file: $ruleId at $line:$column', (r) => {
    const text = readFileSync(path.join(dir, r.file), 'utf8');
    expect(text).toMatch(/Source: https?:\/\//);
    const found = validatePolicyText(text, {
      file: r.file,
      scope: 'api',
      namedValues: NAMED_VALUES,
    }).diagnostics;
    const at = found.filter((d) => d.line === r.line && d.column === r.column && d.ruleId === r.ruleId);
    expect(at.map((d) => d.message)).toEqual([expect.stringMatching(r.message)]);
    expect(at[0].severity).toBe('error');
    expect(at[0].help.length).toBeGreaterThan(10);
  });
});
