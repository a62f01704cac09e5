import type { Diagnostic, Severity } from '../shared/diagnostic.js';
import type { ReadResult } from '../policy/ast.js';
import { readPolicy, POLICY_MAX_BYTES } from '../policy/reader.js';
import type { NamedValueDefinition, PolicyScope } from '../policy/repository.js';
import {
  checkExpressions,
  EXPRESSION_COMPILE,
  EXPRESSION_TYPE,
  namedValueResolver,
} from './checks/expressions.js';
import { EXPRESSION, SYNTAX } from './checks/meta.js';
import { checkReferences, type ReferenceIndex } from './checks/references.js';
import { checkSchema } from './checks/schema.js';
import { ruleSetting, type Ruleset } from './config.js';
import { isLintRule, ruleMeta } from './registry.js';
import type { Finding, Located, RuleMeta } from './rule.js';
import { ruleDocUrl } from './rule.js';
import { LINT_RULES } from './rules/index.js';
import { isSuppressed, suppressions, type Suppression } from './suppress.js';

/** Fragments may be larger than policies (APIM: 512 KB). */
const FRAGMENT_MAX_BYTES = 512 * 1024;

export interface RunSettings {
  ruleset: Ruleset;
  environment?: string;
  /** Present when the repository is known; reference checks run only then. */
  index?: ReferenceIndex;
  namedValues: Map<string, NamedValueDefinition>;
  /**
   * Files that deploy: their syntax and schema findings stay errors whatever the ruleset or an inline
   * comment says (APIM would refuse the file, or worse, accept what the author did not mean).
   */
  deployable?: (file: string) => boolean;
  /** Measurement only: skip the expression checks (see ValidateOptions.skipExpressions). */
  skipExpressions?: boolean;
}

/** A finding with the default severity its rule (or the check) gives it. */
export interface RawFinding extends Finding {
  defaultSeverity: Severity;
}

export function finding(
  file: string,
  rule: RuleMeta,
  at: Located,
  message: string,
  help?: string,
): RawFinding {
  const { line, column, endLine, endColumn } = at;
  return {
    ruleId: rule.id,
    file,
    line,
    column,
    endLine,
    endColumn,
    message,
    help,
    defaultSeverity: rule.severity,
  };
}

/** Reads and checks one policy document: syntax, schema, references (when known) and lint rules. */
export function checkPolicyText(
  file: string,
  scope: PolicyScope,
  text: string,
  settings: RunSettings,
): { read: ReadResult; findings: RawFinding[] } {
  const read = readPolicy(text, { maxBytes: scope === 'fragment' ? FRAGMENT_MAX_BYTES : POLICY_MAX_BYTES });
  const findings: RawFinding[] = read.errors.map((e) =>
    finding(
      file,
      e.code === 'expression' ? EXPRESSION : SYNTAX,
      e,
      e.code === 'expression' ? e.message : e.message,
    ),
  );
  const root = read.root;
  if (!root) return { read, findings };
  if (scope === 'unknown' && root.name !== 'policies' && root.name !== 'fragment') {
    findings.push(
      finding(
        file,
        { ...SYNTAX, severity: 'info' },
        root,
        `<${root.name}> is not a policy document; the file is skipped.`,
        'Only <policies> and <fragment> documents are validated.',
      ),
    );
    return { read, findings };
  }
  const emit = (rule: RuleMeta, at: Located, message: string, help?: string): void => {
    findings.push(finding(file, rule, at, message, help));
  };
  checkSchema(root, scope, emit);
  // Compiling expressions is the costliest check; a ruleset that turns both rules off skips it, except
  // for a file that deploys, whose syntax and schema findings no ruleset turns off (finalize).
  const off = (id: string): boolean =>
    ruleSetting(settings.ruleset, id, file, settings.environment).severity === 'off';
  const wanted =
    !off(EXPRESSION_COMPILE.id) || !off(EXPRESSION_TYPE.id) || settings.deployable?.(file) === true;
  if (wanted && !settings.skipExpressions)
    checkExpressions(file, root, text, emit, namedValueResolver(settings.namedValues));
  if (settings.index) checkReferences(root, settings.index, emit);
  const env = settings.environment ? settings.ruleset.environments.get(settings.environment) : undefined;
  for (const rule of LINT_RULES) {
    if (!rule.checkDocument) continue;
    const setting = ruleSetting(settings.ruleset, rule.meta.id, file, settings.environment);
    if (setting.severity === 'off') continue;
    rule.checkDocument(
      {
        file,
        scope,
        root,
        environment: settings.environment,
        protectedEnvironment: env?.protected ?? false,
        options: setting.options,
        namedValues: settings.namedValues,
      },
      (at, message, help) => emit(rule.meta, at, message, help),
    );
  }
  return { read, findings };
}

/** Applies the ruleset (severity, off, extends: none) and inline suppressions; gives contract diagnostics. */
export function finalize(
  findings: RawFinding[],
  settings: RunSettings,
  suppressionsByFile: Map<string, Suppression[]>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const meta = ruleMeta(f.ruleId);
    if (!meta) continue;
    const setting = ruleSetting(settings.ruleset, f.ruleId, f.file, settings.environment);
    const locked =
      (meta.category === 'syntax' || meta.category === 'schema') && settings.deployable?.(f.file) === true;
    if (!locked) {
      if (setting.severity === 'off') continue;
      if (!setting.severity && settings.ruleset.extends === 'none' && isLintRule(f.ruleId)) continue;
      if (isSuppressed(suppressionsByFile.get(f.file) ?? [], f.ruleId, f.line)) continue;
    }
    const d: Diagnostic = {
      ruleId: f.ruleId,
      // Locked: the check's own severity, which no setting lowers or raises.
      severity: locked
        ? f.defaultSeverity
        : ((setting.severity as Severity | undefined) ?? f.defaultSeverity),
      category: meta.category,
      file: f.file,
      line: f.line,
      column: f.column,
      message: f.message,
      help: f.help ?? meta.url ?? ruleDocUrl(meta.id),
    };
    if (f.endLine !== undefined) d.endLine = f.endLine;
    if (f.endColumn !== undefined) d.endColumn = f.endColumn;
    out.push(d);
  }
  return out;
}

export { suppressions };
