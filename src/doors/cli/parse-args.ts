import { parseArgs as nodeParseArgs } from 'node:util';
import { ConfigurationError } from '../../shared/errors.js';

export interface ParsedArgs {
  /** Options by name without dashes; a flag maps to 'true' (or the value given with `--flag=value`). */
  options: Map<string, string>;
  /** Every value of each repeatable option. */
  repeated: Map<string, string[]>;
  positionals: string[];
}

export interface KnownOptions {
  values: readonly string[];
  flags?: readonly string[];
  repeatable?: readonly string[];
}

/**
 * Node's own strict parser (util.parseArgs). Unknown options are a usage error that lists the known
 * ones, so a typo never silently changes what runs. A flag also takes `--flag=true|false`, the way
 * the action's boolean inputs are written.
 */
export function parseArgs(args: readonly string[], known: KnownOptions): ParsedArgs {
  const flags = new Set(known.flags ?? []);
  const explicit = new Map<string, string>();
  const rest = args.filter((a) => {
    const m = /^--([^=]+)=(.*)$/s.exec(a);
    if (m && flags.has(m[1])) {
      explicit.set(m[1], m[2]);
      return false;
    }
    return true;
  });
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const v of known.values)
    options[v] = { type: 'string', multiple: known.repeatable?.includes(v) ?? false };
  for (const f of flags) options[f] = { type: 'boolean' };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (err) {
    const all = [...known.values, ...flags].map((n) => `--${n}`).join(', ');
    const message = (err as Error).message.split('. To specify')[0].replace(/'/g, '');
    throw new ConfigurationError(`${message}.`, `Known options: ${all || 'none'}.`);
  }
  const out = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (Array.isArray(value)) {
      repeated.set(name, value.map(String));
      if (value.length) out.set(name, String(value[value.length - 1]));
    } else if (value !== undefined) out.set(name, String(value));
  }
  for (const [name, value] of explicit) out.set(name, value);
  return { options: out, repeated, positionals: parsed.positionals };
}
