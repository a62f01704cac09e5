import { ConfigurationError } from './errors.js';

/** A true/false input (also yes/no, 1/0); anything else names the input. */
export function parseBoolean(value: string, name: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new ConfigurationError(`Input ${name} is "${value}", not true or false.`);
}
