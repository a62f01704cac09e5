import path from 'node:path';
import { ConfigurationError } from '../shared/errors.js';
import { parseYamlText, readRepoText, statInside } from './repo-file.js';

/**
 * APIOps' per-environment overrides, `configuration.<env>.yaml`, read the way APIOps' publisher reads
 * them (Azure/apiops tools/code/publisher, OverrideDtoFactory):
 *
 * - every top-level key whose value is a list is a section; section names match case-insensitively;
 * - a section's entries are keyed by their `name`, case-insensitively; an API entry applies to the
 *   API and to all its revisions (`orders;rev=2` is found as `orders`);
 * - an entry is deep-merged into the resource's information JSON: objects merge key by key, any other
 *   value (string, number, list, null) replaces; keys the file lacks are added.
 *
 * apim-gogs manages named values, backends, policy fragments and policies, so it reads the sections
 * `namedValues`, `backends`, `policyFragments`, `servicePolicies` (and `policies`, the name APIOps'
 * sample file uses for it), and the `policies` lists nested in `apis`, `apis[].operations` and
 * `products`. Everything else is listed in `ignored`, reported once.
 */

export interface Override {
  name: string;
  /** The entry's `properties` as written; resolveOverride replaces its tokens. */
  properties: Record<string, unknown>;
  /** 1-based line of the entry's name in the file. */
  line: number;
}

export interface NestedPolicies {
  /** The entry of the API or product itself. */
  entry: Override;
  policies: Map<string, Override>;
  operations: Map<string, NestedPolicies>;
}

export interface ApiopsConfiguration {
  /** Repository-relative path. */
  file: string;
  namedValues: Map<string, Override>;
  backends: Map<string, Override>;
  policyFragments: Map<string, Override>;
  servicePolicies: Map<string, Override>;
  apis: Map<string, NestedPolicies>;
  products: Map<string, NestedPolicies>;
  /** The file's lines, for error positions. */
  lines: string[];
  /** Keys apim-gogs does not manage, e.g. `loggers`, `apis[].diagnostics`, with how many entries. */
  ignored: Map<string, number>;
}

const MANAGED_SECTIONS = ['namedvalues', 'backends', 'policyfragments', 'servicepolicies', 'policies'];

/** Finds `configuration.<env>.yaml|yml` at the repository root, then in the artifacts folder. */
export async function findApiopsConfiguration(
  root: string,
  environment: string,
  artifactsPath = '',
): Promise<string | undefined> {
  const folders = artifactsPath ? ['', artifactsPath] : [''];
  for (const folder of folders) {
    for (const ext of ['yaml', 'yml']) {
      const rel = path.posix.join(folder, `configuration.${environment}.${ext}`);
      // lstat only (a link on the way is refused, naming it): nothing is read to find the file.
      if (await statInside(root, rel)) return rel;
    }
  }
  return undefined;
}

/** Reads and indexes one configuration file. */
export async function readApiopsConfiguration(root: string, rel: string): Promise<ApiopsConfiguration> {
  // No link, size checked before reading; parse errors give a position, never the text.
  const text = await readRepoText(root, rel);
  if (text === undefined) throw new ConfigurationError(`${rel} cannot be read.`);
  const doc: unknown = parseYamlText(text, rel);
  const config: ApiopsConfiguration = {
    file: rel,
    lines: text.split('\n'),
    namedValues: new Map(),
    backends: new Map(),
    policyFragments: new Map(),
    servicePolicies: new Map(),
    apis: new Map(),
    products: new Map(),
    ignored: new Map(),
  };
  if (doc === null || doc === undefined) return config;
  if (!isObject(doc))
    throw new ConfigurationError(`${rel} must be a map of sections (namedValues:, backends:, ...).`);
  const lines = config.lines;
  const ignore = (key: string, n = 1) => config.ignored.set(key, (config.ignored.get(key) ?? 0) + n);
  for (const [key, value] of Object.entries(doc)) {
    const section = key.toLowerCase();
    if (!Array.isArray(value)) {
      ignore(key);
      continue;
    }
    const entries = value.filter(isObject).filter((e) => typeof e.name === 'string');
    const entry = (e: Record<string, unknown>, from = 0): Override => ({
      name: e.name as string,
      properties: isObject(e.properties) ? e.properties : {},
      line: lineOf(lines, e.name as string, from),
    });
    if (MANAGED_SECTIONS.includes(section)) {
      const target =
        section === 'namedvalues'
          ? config.namedValues
          : section === 'backends'
            ? config.backends
            : section === 'policyfragments'
              ? config.policyFragments
              : config.servicePolicies;
      for (const e of entries) target.set((e.name as string).toLowerCase(), entry(e));
      continue;
    }
    if (section === 'apis' || section === 'products') {
      const target = section === 'apis' ? config.apis : config.products;
      for (const e of entries) {
        target.set((e.name as string).toLowerCase(), nested(e, key, section === 'apis', entry, ignore));
      }
      continue;
    }
    ignore(key, entries.length || 1);
  }
  return config;
}

function nested(
  e: Record<string, unknown>,
  section: string,
  withOperations: boolean,
  entry: (e: Record<string, unknown>, from?: number) => Override,
  ignore: (key: string) => void,
  from = 0,
): NestedPolicies {
  const self = entry(e, from);
  const out: NestedPolicies = { entry: self, policies: new Map(), operations: new Map() };
  for (const [k, v] of Object.entries(e)) {
    if (k === 'name') continue;
    if (k === 'policies' && Array.isArray(v)) {
      for (const p of v.filter(isObject).filter((x) => typeof x.name === 'string'))
        out.policies.set((p.name as string).toLowerCase(), entry(p, self.line));
    } else if (k === 'operations' && withOperations && Array.isArray(v)) {
      for (const o of v.filter(isObject).filter((x) => typeof x.name === 'string'))
        out.operations.set(
          (o.name as string).toLowerCase(),
          nested(o, `${section}[].operations`, false, entry, ignore, self.line),
        );
    } else {
      // properties of the API or product itself, diagnostics, releases...: not managed here.
      ignore(`${section}[].${k}`);
    }
  }
  return out;
}

const TOKEN = /\{#([A-Za-z_][A-Za-z0-9_.-]*)#\}/g;

/**
 * An override's properties with its `{#name#}` tokens (which APIOps pipelines replace before the
 * publisher runs) replaced from `values`; a token without a value is an error naming its line. Only
 * overrides that apply are resolved: an ignored section may keep tokens of its own.
 */
export function resolveOverride(
  o: Override,
  config: ApiopsConfiguration,
  values: Record<string, string>,
): Record<string, unknown> {
  return resolveTokens(o.properties, values, config.file, config.lines) as Record<string, unknown>;
}

function resolveTokens(
  value: unknown,
  values: Record<string, string>,
  rel: string,
  lines: string[],
): unknown {
  if (typeof value === 'string') {
    return value.replace(TOKEN, (whole, name: string) => {
      if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
      const line = lines.findIndex((l) => l.includes(whole)) + 1 || 1;
      throw new ConfigurationError(
        `${rel}:${line}: the token ${whole} has no value.`,
        `APIOps pipelines replace {#name#} tokens before publishing; give '${name}' in environments/<environment>.yaml or as a variable (--var ${name}=...).`,
      );
    });
  }
  if (Array.isArray(value)) return value.map((v) => resolveTokens(v, values, rel, lines));
  if (isObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveTokens(v, values, rel, lines)]),
    );
  return value;
}

/** 1-based line of `name: <name>` at or after line `from` (the parent entry's line). */
function lineOf(lines: string[], name: string, from = 0): number {
  const re = new RegExp(`name:\\s*["']?${escapeRe(name)}["']?\\s*$`);
  const i = lines.findIndex((l, n) => n >= from && re.test(l));
  return i + 1 || 1;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * APIOps' merge: objects merge key by key, every other value replaces; keys only in `other` are added.
 */
export function mergeOverride(current: unknown, other: Record<string, unknown>): Record<string, unknown> {
  const base = isObject(current) ? current : {};
  const merged: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) {
    if (!(k in other)) merged[k] = v;
    else merged[k] = isObject(v) && isObject(other[k]) ? mergeOverride(v, other[k]) : other[k];
  }
  for (const [k, v] of Object.entries(other)) if (!(k in base)) merged[k] = v;
  return merged;
}
