import { ConfigurationError } from '../../shared/errors.js';

export interface ParsedArgs {
  /** `--name value` and `--name=value` options, by name without dashes; flags map to 'true'. */
  options: Map<string, string>;
  positionals: string[];
}

/**
 * A small, strict argument parser: unknown options are a usage error that names the option,
 * so a typo never silently changes what runs.
 */
export function parseArgs(args: string[], known: { values: string[]; flags?: string[] }): ParsedArgs {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const flags = new Set(known.flags ?? []);
  const values = new Set(known.values);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (flags.has(name)) {
      options.set(name, eq === -1 ? 'true' : arg.slice(eq + 1));
    } else if (values.has(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new ConfigurationError(`Option --${name} needs a value.`);
      options.set(name, value);
    } else {
      const all = [...values, ...flags].map((n) => `--${n}`).join(', ');
      throw new ConfigurationError(`Unknown option --${name}.`, `Known options: ${all || 'none'}.`);
    }
  }
  return { options, positionals };
}
