import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import {
  escapeCommandData as escapeData,
  escapeCommandProperty as escapeProperty,
} from '../../shared/workflow-text.js';

/**
 * The GitHub runner's protocol, as @actions/core writes it (toolkit packages/core/src/command.ts and
 * file-command.ts), without loading @actions/core at start-up: it pulls in an HTTP client the main
 * step needs only for the OIDC token. Command data and properties are escaped here; free text goes
 * through src/shared/workflow-text.ts before it reaches `line`.
 */

export function command(
  name: string,
  properties: Record<string, string | number | undefined>,
  data: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(data)}`;
}

export function writeLine(text: string): void {
  process.stdout.write(`${text}${EOL}`);
}

/** name<<delimiter / value / delimiter into GITHUB_OUTPUT or GITHUB_STATE; false when the file is not set. */
export function fileCommand(
  variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE',
  name: string,
  value: string,
): boolean {
  const file = process.env[variable];
  if (!file) return false;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`);
  return true;
}

/** An action input as the runner passes it (INPUT_<NAME>, spaces as underscores, upper case). */
export function getInput(name: string): string | undefined {
  return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim() || undefined;
}
