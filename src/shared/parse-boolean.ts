import { ConfigurationError } from './errors.js';

/** A true/false input (also yes/no, 1/0); anything else is an error that names it (`label`, e.g. "Input prune"). */
export function parseBoolean(value: string, label: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new ConfigurationError(`${label} is "${value}", not true or false.`);
}
