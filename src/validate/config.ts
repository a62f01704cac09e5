import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseYamlText, readRepoText, SETTINGS_MAX_BYTES, tooLargeError } from '../policy/repo-file.js';
import { isSeverity, type Severity } from '../shared/diagnostic.js';
import { ConfigurationError } from '../shared/errors.js';
import { globList, type PathMatcher } from './glob.js';

/**
 * The ruleset file (.apim-gogs.yaml), Spectral-like: extend the recommended set, set severities or
 * `off`, per-path overrides, per-environment settings, external named values. Anything it does not
 * understand is a ConfigurationError (exit 2): a typo must never silently turn a rule off.
 */
export type RuleSetting = Severity | 'off';
export interface RuleConfig {
  severity?: RuleSetting;
  options: Record<string, unknown>;
}
type RuleMap = Map<string, RuleConfig>;

export interface Ruleset {
  file?: string;
  extends: 'recommended' | 'none';
  rules: RuleMap;
  overrides: { files: PathMatcher; rules: RuleMap }[];
  environments: Map<string, { protected: boolean; rules: RuleMap; namedValues: string[] }>;
  externalNamedValues: string[];
  externalFragments: string[];
  externalBackends: string[];
  ignore: PathMatcher;
}

export const CONFIG_NAMES = ['.apim-gogs.yaml', '.apim-gogs.yml'];

export function emptyRuleset(): Ruleset {
  return {
    extends: 'recommended',
    rules: new Map(),
    overrides: [],
    environments: new Map(),
    externalNamedValues: [],
    externalFragments: [],
    externalBackends: [],
    ignore: globList([]),
  };
}

/** Loads `configFile`, or the default file in `root` when there is one. `knownRules` validates rule ids. */
export async function loadRuleset(
  root: string,
  configFile: string | undefined,
  knownRules: string[],
): Promise<Ruleset> {
  if (!configFile) {
    // The repository's own ruleset: no link, no oversized file (repository content is untrusted).
    for (const name of CONFIG_NAMES) {
      const text = await readRepoText(root, name);
      if (text !== undefined) return parseRuleset(text, path.join(root, name), knownRules);
    }
    return emptyRuleset();
  }
  const rel = path.relative(path.resolve(root), path.resolve(configFile));
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    const text = await readRepoText(root, rel.split(path.sep).join('/'));
    if (text === undefined)
      throw new ConfigurationError(`Cannot read the ruleset file ${configFile}.`, 'Check the --config path.');
    return parseRuleset(text, configFile, knownRules);
  }
  // A file outside the checkout is the workflow author's choice (trusted); only its size is checked.
  let text: string;
  try {
    const size = (await stat(configFile)).size;
    if (size > SETTINGS_MAX_BYTES) throw tooLargeError(configFile, size, SETTINGS_MAX_BYTES);
    text = await readFile(configFile, 'utf8');
  } catch (err) {
    if (err instanceof ConfigurationError) throw err;
    throw new ConfigurationError(`Cannot read the ruleset file ${configFile}.`, 'Check the --config path.');
  }
  return parseRuleset(text, configFile, knownRules);
}

export function parseRuleset(text: string, file: string, knownRules: string[]): Ruleset {
  // Errors name file, line and column, never the text; an alias bomb is refused, not expanded.
  const raw: unknown = parseYamlText(text, file) ?? {};
  const where = (key: string): string => `${file}: ${key}`;
  const obj = asObject(raw, file);
  const known = [
    'extends',
    'rules',
    'overrides',
    'environments',
    'namedValues',
    'fragments',
    'backends',
    'ignore',
  ];
  for (const k of Object.keys(obj)) {
    if (!known.includes(k))
      throw new ConfigurationError(
        `${where(k)} is not a ruleset setting.`,
        `Known settings: ${known.join(', ')}.`,
      );
  }
  const rs = emptyRuleset();
  rs.file = file;
  if (obj.extends !== undefined) {
    const ext = Array.isArray(obj.extends) ? obj.extends : [obj.extends];
    for (const e of ext) {
      if (e !== 'recommended' && e !== 'none' && e !== 'apim-gogs:recommended') {
        throw new ConfigurationError(
          `${where('extends')}: unknown ruleset '${String(e)}'.`,
          "Use 'recommended' or 'none'.",
        );
      }
      rs.extends = e === 'none' ? 'none' : 'recommended';
    }
  }
  rs.rules = ruleMap(obj.rules, where('rules'), knownRules);
  for (const [i, o] of asArray(obj.overrides, where('overrides')).entries()) {
    const ov = asObject(o, where(`overrides[${i}]`));
    const files = stringList(ov.files, where(`overrides[${i}].files`));
    if (!files.length)
      throw new ConfigurationError(`${where(`overrides[${i}].files`)} needs at least one glob.`);
    rs.overrides.push({
      files: globList(files),
      rules: ruleMap(ov.rules, where(`overrides[${i}].rules`), knownRules),
    });
  }
  for (const [name, e] of Object.entries(asObject(obj.environments ?? {}, where('environments')))) {
    const env = asObject(e ?? {}, where(`environments.${name}`));
    rs.environments.set(name, {
      protected: env.protected === true,
      rules: ruleMap(env.rules, where(`environments.${name}.rules`), knownRules),
      namedValues: stringList(
        asObject(env.namedValues ?? {}, where(`environments.${name}.namedValues`)).external,
        where(`environments.${name}.namedValues.external`),
      ),
    });
  }
  rs.externalNamedValues = stringList(
    asObject(obj.namedValues ?? {}, where('namedValues')).external,
    where('namedValues.external'),
  );
  rs.externalFragments = stringList(
    asObject(obj.fragments ?? {}, where('fragments')).external,
    where('fragments.external'),
  );
  rs.externalBackends = stringList(
    asObject(obj.backends ?? {}, where('backends')).external,
    where('backends.external'),
  );
  rs.ignore = globList(stringList(obj.ignore, where('ignore')));
  return rs;
}

function ruleMap(value: unknown, where: string, knownRules: string[]): RuleMap {
  const map: RuleMap = new Map();
  for (const [id, setting] of Object.entries(asObject(value ?? {}, where))) {
    if (!knownRules.includes(id)) {
      const near = knownRules.find((k) => k.includes(id) || id.includes(k));
      throw new ConfigurationError(
        `${where}: unknown rule '${id}'.`,
        near ? `Did you mean '${near}'?` : `Known rules: ${knownRules.join(', ')}.`,
      );
    }
    const [sev, options] = Array.isArray(setting) ? setting : [setting, undefined];
    const severity = sev === undefined ? undefined : String(sev);
    if (severity !== undefined && severity !== 'off' && !isSeverity(severity)) {
      throw new ConfigurationError(
        `${where}.${id}: '${severity}' is not a severity.`,
        'Use error, warning, info or off.',
      );
    }
    map.set(id, {
      severity: severity as RuleSetting | undefined,
      options: options === undefined ? {} : asObject(options, `${where}.${id} options`),
    });
  }
  return map;
}

function asObject(v: unknown, where: string): Record<string, unknown> {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new ConfigurationError(`${where} must be a mapping.`);
}

function asArray(v: unknown, where: string): unknown[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  throw new ConfigurationError(`${where} must be a list.`);
}

function stringList(v: unknown, where: string): string[] {
  const list = asArray(v, where);
  if (list.every((x) => typeof x === 'string')) return list as string[];
  throw new ConfigurationError(`${where} must be a list of strings.`);
}

/** The setting for one rule in one file: base rules, then environment, then matching overrides (last wins). */
export function ruleSetting(rs: Ruleset, ruleId: string, file: string, environment?: string): RuleConfig {
  const maps = [rs.rules];
  const env = environment ? rs.environments.get(environment) : undefined;
  if (env) maps.push(env.rules);
  for (const o of rs.overrides) if (o.files(file)) maps.push(o.rules);
  let result = DEFAULT_SETTING;
  for (const m of maps) {
    const c = m.get(ruleId);
    if (c) result = { severity: c.severity ?? result.severity, options: { ...result.options, ...c.options } };
  }
  return result;
}

/** The setting of a rule the ruleset does not mention (shared, never mutated). */
const DEFAULT_SETTING: RuleConfig = Object.freeze({ options: Object.freeze({}) });
