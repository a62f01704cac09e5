import type { Diagnostic } from '../shared/diagnostic.js';
import { ConfigurationError } from '../shared/errors.js';
import type { ElementNode } from '../policy/ast.js';
import { effectivePolicies } from '../policy/effective.js';
import { identityProblems } from '../policy/identity.js';
import { artifactsRoot, loadArtifacts } from '../policy/artifacts.js';
import { loadEnvironmentValues, renderTemplate } from '../policy/template.js';
import { loadProductApis } from '../policy/products.js';
import type { NamedValueDefinition, PolicyRepository, PolicyScope } from '../policy/repository.js';
import { LAYOUT, SYNTAX } from './checks/meta.js';
import type { ReferenceIndex } from './checks/references.js';
import { emptyRuleset, loadRuleset, ruleSetting, type Ruleset } from './config.js';
import {
  checkPolicyText,
  finalize,
  finding,
  suppressions,
  type RawFinding,
  type RunSettings,
} from './engine.js';
import { ALL_RULES } from './registry.js';
import { LINT_RULES } from './rules/index.js';
import type { Suppression } from './suppress.js';

export interface ValidationResult {
  diagnostics: Diagnostic[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

export interface ValidateOptions {
  root: string;
  /** A ruleset file; default: .apim-gogs.yaml in root when present. */
  configFile?: string;
  /** Selects `environments.<name>` of the ruleset (protected environments, extra named values). */
  environment?: string;
  /** Named values defined outside the repository (for example by another pipeline). */
  externalNamedValues?: string[];
  /**
   * Values for `#{name}#` environment placeholders. Default: environments/<environment>.yaml when
   * an environment is named, else none. Policies are checked as they will be deployed (rendered);
   * a placeholder without a value is an error. A value is expected on one line, so line numbers
   * stay those of the file (columns after a placeholder shift by the length difference).
   */
  templateValues?: Record<string, string>;
  /**
   * Measurement only (`npm run bench -- validate` compares the cost): do not compile expressions. No
   * door sets it; users turn expression rules off in the ruleset, which files that deploy ignore.
   */
  skipExpressions?: boolean;
  /** The repository as already loaded from `root` (the main job shares it with the deploy stage). */
  repository?: PolicyRepository;
  /** Folder of `root` that holds the APIOps layout (artifacts-path); default the root. */
  artifactsPath?: string;
}

export { ALL_RULES } from './registry.js';
export type { Ruleset } from './config.js';

/** Validates a whole repository in the APIOps layout. A broken ruleset throws ConfigurationError. */
export async function validateRepository(options: ValidateOptions): Promise<ValidationResult> {
  const ruleset = await loadRuleset(
    options.root,
    options.configFile,
    ALL_RULES.map((r) => r.id),
  );
  const loaded = options.repository ?? (await loadArtifacts(options.root, options.artifactsPath));
  const values =
    options.templateValues ??
    (options.environment ? await loadEnvironmentValues(options.root, options.environment) : {});
  // Rendered into a copy: the loaded repository stays as the files are, for whoever deploys it.
  const placeholders: Diagnostic[] = [];
  const repo: PolicyRepository = {
    ...loaded,
    policies: loaded.policies.map((policy) => {
      if (!policy.text.includes('#{')) return policy;
      const rendered = renderTemplate(policy.text, values, policy.file);
      placeholders.push(...rendered.diagnostics);
      return { ...policy, text: rendered.text };
    }),
  };
  const productApis = await loadProductApis(artifactsRoot(repo));
  const checked = validateLoaded(repo, ruleset, options, (api) => productApis.get(api) ?? []);
  return placeholders.length
    ? result([...checked.diagnostics, ...placeholders], checked.summary.files)
    : checked;
}

/** Files whose content reaches APIM: policies at a known scope and the layout's information JSON. */
function deployableFiles(repo: PolicyRepository): Set<string> {
  return new Set([
    ...repo.policies.filter((p) => p.scope !== 'unknown').map((p) => p.file),
    ...repo.namedValues.map((n) => n.file),
    ...repo.backends.map((b) => b.file),
    ...repo.fragments.map((f) => f.file),
    ...repo.problems.filter((p) => p.unreadable).map((p) => p.file),
  ]);
}

export function validateLoaded(
  repo: PolicyRepository,
  ruleset: Ruleset,
  options: Omit<ValidateOptions, 'root' | 'configFile'>,
  productsOf: (apiId: string) => string[] = () => [],
): ValidationResult {
  const env = options.environment ? ruleset.environments.get(options.environment) : undefined;
  const lower = (xs: string[]): string[] => xs.map((x) => x.toLowerCase());
  const index: ReferenceIndex = {
    namedValues: new Set(
      lower([
        ...repo.namedValues.flatMap((n) => [n.displayName, n.id]),
        ...ruleset.externalNamedValues,
        ...(env?.namedValues ?? []),
        ...(options.externalNamedValues ?? []),
      ]),
    ),
    fragments: new Set(
      lower([
        ...repo.fragments.map((f) => f.id),
        ...repo.policies.flatMap((p) => (p.fragmentId ? [p.fragmentId] : [])),
        ...ruleset.externalFragments,
      ]),
    ),
    backends: new Set(lower([...repo.backends.map((b) => b.id), ...ruleset.externalBackends])),
  };
  const deployable = deployableFiles(repo);
  const settings: RunSettings = {
    ruleset,
    environment: options.environment,
    index,
    namedValues: new Map(repo.namedValues.map((n) => [n.displayName, n])),
    deployable: (file) => deployable.has(file),
    skipExpressions: options.skipExpressions,
  };
  // What is deployed is always validated: `ignore` may only skip files that never deploy.
  for (const file of deployable) {
    if (!ruleset.ignore(file)) continue;
    throw new ConfigurationError(
      `${ruleset.file ?? '.apim-gogs.yaml'}: ignore matches '${file}', a file apim-gogs deploys; every deployed file is validated.`,
      'Narrow the ignore patterns to files that do not deploy (loose .xml files, folders outside the APIOps layout), or turn single lint rules off with overrides.',
    );
  }
  const ignored = (file: string): boolean => ruleset.ignore(file);
  const findings: RawFinding[] = [];
  const suppressed = new Map<string, Suppression[]>();
  const undecodable = new Set<string>();
  for (const p of repo.problems) {
    if (ignored(p.file)) continue;
    const isPolicy = repo.policies.some((x) => x.file === p.file);
    if (isPolicy) undecodable.add(p.file);
    findings.push(finding(p.file, isPolicy ? SYNTAX : LAYOUT, p, p.message));
  }
  // Two files for one APIM resource, reserved names: the deploy stage refuses them too.
  for (const p of identityProblems(repo))
    findings.push(finding(p.file, LAYOUT, { line: 1, column: 1 }, p.message));
  const parsed: {
    file: string;
    scope: PolicyScope;
    apiId?: string;
    operationId?: string;
    productId?: string;
    fragmentId?: string;
    root?: ElementNode;
  }[] = [];
  let files = 0;
  for (const p of repo.policies) {
    if (ignored(p.file)) continue;
    files++;
    if (undecodable.has(p.file)) continue;
    const { read, findings: f } = checkPolicyText(p.file, p.scope, p.text, settings);
    findings.push(...f);
    suppressed.set(p.file, suppressions(read));
    parsed.push({ ...p, root: read.root });
  }
  const effective = effectivePolicies(parsed, productsOf);
  for (const rule of LINT_RULES) {
    if (!rule.checkRepository) continue;
    const setting = ruleSetting(ruleset, rule.meta.id, '', options.environment);
    // A rule that is off everywhere need not run (no per-path override turns it back on).
    if (setting.severity === 'off' && !ruleset.overrides.some((o) => o.rules.has(rule.meta.id))) continue;
    rule.checkRepository({
      repo,
      effective,
      options: setting.options,
      report: (file, at, message, help) => findings.push(finding(file, rule.meta, at, message, help)),
    });
  }
  return result(finalize(findings, settings, suppressed), files);
}

/**
 * Validates one policy text (for example a rendered policy before deployment). Reference checks run
 * only when `index` is given; scope 'unknown' skips scope checks.
 */
export function validatePolicyText(
  text: string,
  options: {
    file?: string;
    scope?: PolicyScope;
    ruleset?: Ruleset;
    environment?: string;
    index?: ReferenceIndex;
    /** Named values the policy may reference; plain values are put into expressions as APIM does. */
    namedValues?: NamedValueDefinition[];
  } = {},
): ValidationResult {
  const file = options.file ?? 'policy.xml';
  const settings: RunSettings = {
    ruleset: options.ruleset ?? emptyRuleset(),
    environment: options.environment,
    index: options.index,
    namedValues: new Map((options.namedValues ?? []).map((n) => [n.displayName, n])),
  };
  const { read, findings } = checkPolicyText(file, options.scope ?? 'unknown', text, settings);
  return result(finalize(findings, settings, new Map([[file, suppressions(read)]])), 1);
}

function result(diagnostics: Diagnostic[], files: number): ValidationResult {
  const count = (s: string): number => diagnostics.filter((d) => d.severity === s).length;
  return {
    diagnostics: sorted(diagnostics),
    summary: { files, errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}

/**
 * The order of compareDiagnostics (file, position, rule), computed faster: files are compared once
 * each through a shared collator (what localeCompare uses) instead of in every comparison.
 */
function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
  const collator = new Intl.Collator();
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: Diagnostic[] = [];
  for (const file of [...byFile.keys()].sort(collator.compare)) {
    const list = byFile.get(file) as Diagnostic[];
    list.sort((a, b) => a.line - b.line || a.column - b.column || collator.compare(a.ruleId, b.ruleId));
    for (const d of list) out.push(d);
  }
  return out;
}
