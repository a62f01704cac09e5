import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validatePolicyText } from '../../src/validate/index.js';
import type { PolicyScope } from '../../src/policy/repository.js';

/** Diagnostics of one policy text, as `ruleId line:column` plus the message, for readable assertions. */
export function findings(
  text: string,
  scope: PolicyScope = 'api',
): { id: string; at: string; message: string }[] {
  return validatePolicyText(text, { scope }).diagnostics.map((d) => ({
    id: d.ruleId,
    at: `${d.line}:${d.column}`,
    message: d.message,
  }));
}

export const ids = (text: string, scope: PolicyScope = 'api'): string[] =>
  findings(text, scope).map((f) => f.id);

/** A policy document with the given inbound content and `<base />` everywhere else. */
export const inbound = (xml: string): string =>
  `<policies>\n<inbound>\n<base />\n${xml}\n</inbound>\n<backend><base /></backend>\n<outbound><base /></outbound>\n<on-error><base /></on-error>\n</policies>`;

export async function makeRepo(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'apim-validate-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  }
  return root;
}
