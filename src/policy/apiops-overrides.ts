import { ConfigurationError } from '../shared/errors.js';
import {
  isObject,
  mergeOverride,
  resolveOverride,
  type ApiopsConfiguration,
  type Override,
} from './apiops-config.js';
import { backend, fragment, namedValue } from './layout.js';
import type { PolicyFile, PolicyRepository } from './repository.js';
import { renderTemplate } from './template.js';

/**
 * Applies APIOps overrides (apiops-config.ts) to a loaded repository, giving the repository as that
 * environment will have it: named values, backends and fragment descriptions merged as the publisher
 * merges them, a policy's `value` replacing its policy.xml. Validation and deployment then read the
 * result like any repository.
 *
 * Both ways of varying an environment may be used together. A value set by both, differently, is an
 * error: a property (or policy) whose file holds a `#{name}#` placeholder that environments/<env>.yaml
 * resolves, and that configuration.<env>.yaml also overrides with something else. Which one should
 * win is the user's call, not ours.
 */

export interface OverrideResult {
  repository: PolicyRepository;
  /** Overrides applied, as `kind name` (for the log). */
  applied: string[];
  /** Said once: unmanaged keys ignored, overrides naming resources the repository does not have. */
  warnings: string[];
}

export function applyApiopsConfiguration(
  repo: PolicyRepository,
  config: ApiopsConfiguration,
  values: Record<string, string>,
): OverrideResult {
  const applied: string[] = [];
  const used = new Set<Override>();
  const conflicts: string[] = [];
  const at = (o: Override) => `${config.file}:${o.line}`;
  const linkFormats: string[] = [];

  const mergeInfo = <T extends { id: string; file: string; properties: Record<string, unknown> }>(
    kind: string,
    list: T[],
    overrides: Map<string, Override>,
    rebuild: (id: string, file: string, json: Record<string, unknown>) => T,
  ): T[] =>
    list.map((item) => {
      const o = overrides.get(item.id.toLowerCase());
      if (!o) return item;
      used.add(o);
      const resolved = resolveOverride(o, config, values);
      const props = kind === 'fragment' ? withoutPolicyKeys(resolved) : resolved;
      conflicts.push(...conflictsOf(item.properties, props, values, item.file, at(o), kind, item.id));
      applied.push(`${kind} ${item.id}`);
      return {
        ...rebuild(item.id, item.file, { properties: mergeOverride(item.properties, props) }),
        file: item.file,
      };
    });

  const namedValues = mergeInfo('named value', repo.namedValues, config.namedValues, namedValue);
  const backends = mergeInfo('backend', repo.backends, config.backends, backend);
  const fragments = mergeInfo('fragment', repo.fragments, config.policyFragments, fragment);

  const policies = repo.policies.map((p): PolicyFile => {
    const o = policyOverride(config, p);
    if (!o) return p;
    used.add(o);
    const { value, format } = resolveOverride(o, config, values);
    if (format !== undefined && format !== 'rawxml' && format !== 'xml')
      linkFormats.push(`${p.file} (${String(format)})`);
    if (typeof value !== 'string') return p;
    const rendered = renderTemplate(p.text, values, p.file);
    if (rendered.used.some((n) => n in values) && rendered.text !== value) {
      conflicts.push(
        `${p.file} takes environment placeholders (${rendered.used.join(', ')}) from environments/<environment>.yaml, and ${at(o)} replaces the whole policy with a different value`,
      );
    }
    applied.push(`policy ${p.file}`);
    return { ...p, text: value };
  });

  if (conflicts.length) {
    throw new ConfigurationError(
      `environments/<environment>.yaml and ${config.file} set the same value differently: ${conflicts.join('; ')}.`,
      'Set each value in one place: drop the placeholder from the file, or the override from the configuration file (or make them equal).',
    );
  }
  const warnings: string[] = [];
  if (config.ignored.size) {
    const list = [...config.ignored].map(([k, n]) => (n > 1 ? `${k} (${n})` : k)).join(', ');
    warnings.push(
      `${config.file}: apim-gogs manages named values, backends, policy fragments and policies; these keys are ignored: ${list}.`,
    );
  }
  if (linkFormats.length) {
    warnings.push(
      `${config.file}: a policy format other than rawxml or xml is ignored (apim-gogs deploys the text it validated, never a link): ${linkFormats.join(', ')}.`,
    );
  }
  const unmatched = allOverrides(config).filter((x) => !used.has(x.o) && !x.container);
  if (unmatched.length) {
    warnings.push(
      `${config.file}: no such resource in the repository, so these overrides do nothing (as in APIOps): ${unmatched
        .map((x) => `${x.kind} '${x.o.name}' (line ${x.o.line})`)
        .join(', ')}.`,
    );
  }
  return { repository: { ...repo, namedValues, backends, fragments, policies }, applied, warnings };
}

/** A fragment's policy text is policy.xml; its `value`/`format` override is applied to the policy. */
function withoutPolicyKeys(p: Record<string, unknown>): Record<string, unknown> {
  const { value: _v, format: _f, ...rest } = p;
  return rest;
}

const rootName = (apiId: string) => apiId.replace(/;rev=.*$/i, '').toLowerCase();

function policyOverride(config: ApiopsConfiguration, p: PolicyFile): Override | undefined {
  switch (p.scope) {
    case 'global':
      return config.servicePolicies.get('policy');
    case 'api':
      return config.apis.get(rootName(p.apiId!))?.policies.get('policy');
    case 'operation':
      return config.apis
        .get(rootName(p.apiId!))
        ?.operations.get(p.operationId!.toLowerCase())
        ?.policies.get('policy');
    case 'product':
      return config.products.get(p.productId!.toLowerCase())?.policies.get('policy');
    case 'fragment': {
      const o = config.policyFragments.get(p.fragmentId!.toLowerCase());
      return o && typeof o.properties.value === 'string' ? o : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Leaves of `override` whose current value (in the file) holds a `#{name}#` placeholder resolved by
 * the environment values, and that the override sets to something else.
 */
function conflictsOf(
  current: Record<string, unknown>,
  override: Record<string, unknown>,
  values: Record<string, string>,
  file: string,
  where: string,
  kind: string,
  id: string,
  prefix = '',
): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(override)) {
    const here = current[k];
    const key = prefix ? `${prefix}.${k}` : k;
    if (isObject(v) && isObject(here)) {
      out.push(...conflictsOf(here, v, values, file, where, kind, id, key));
      continue;
    }
    if (typeof here !== 'string' || !here.includes('#{')) continue;
    const rendered = renderTemplate(here, values, file);
    if (!rendered.used.some((n) => n in values)) continue;
    if (rendered.text !== (typeof v === 'string' ? v : JSON.stringify(v))) {
      out.push(
        `${kind} '${id}' ${key}: ${file} gives '${rendered.text}' through ${rendered.used.map((n) => `#{${n}}#`).join(', ')}, ${where} gives '${String(v)}'`,
      );
    }
  }
  return out;
}

function allOverrides(config: ApiopsConfiguration): { kind: string; o: Override; container?: boolean }[] {
  const out: { kind: string; o: Override; container?: boolean }[] = [];
  for (const o of config.namedValues.values()) out.push({ kind: 'namedValues', o });
  for (const o of config.backends.values()) out.push({ kind: 'backends', o });
  for (const o of config.policyFragments.values()) out.push({ kind: 'policyFragments', o });
  for (const o of config.servicePolicies.values()) out.push({ kind: 'servicePolicies', o });
  for (const [section, map] of [
    ['apis', config.apis],
    ['products', config.products],
  ] as const) {
    for (const n of map.values()) {
      for (const o of n.policies.values()) out.push({ kind: `${section}[${n.entry.name}].policies`, o });
      for (const op of n.operations.values())
        for (const o of op.policies.values())
          out.push({ kind: `${section}[${n.entry.name}].operations[${op.entry.name}].policies`, o });
    }
  }
  return out;
}
