import type { Diagnostic } from '../shared/diagnostic.js';
import { ConfigurationError } from '../shared/errors.js';
import { parseJsonText, parseYamlText, readRepoText } from './repo-file.js';

/**
 * Environment templates: per-environment values substituted into policies, named values and backends
 * at deploy time.
 *
 * Placeholder syntax: `#{name}#` — e.g. `<set-backend-service base-url="#{backendUrl}#" />`.
 * - It cannot be confused with a named-value reference `{{name}}` (which APIM resolves at run time and
 *   apim-gogs leaves alone) nor with a policy expression `@(...)` / `@{...}`: `#` is not an operator in
 *   C# and never starts a policy expression, and the closing `}#` is required.
 * - `name` is letters, digits, `_`, `-` and `.`, starting with a letter or `_`.
 * - `##{` writes a literal `#{` (the escape, for a C# string that really contains `#{`).
 * - A placeholder without a value, or a `#{` that does not form a placeholder, is an error with the file,
 *   line and column; nothing is deployed.
 *
 * Values come from `environments/<environment>.yaml` (or `.json`) at the repository root, a flat map
 * `name: value` (optionally under a top-level `values:` key), and from the caller (inputs / `--var`),
 * which win.
 */

export const PLACEHOLDER_RULE = 'template/unresolved-placeholder';
const PLACEHOLDER = /#\{([A-Za-z_][A-Za-z0-9_.-]*)\}#/y;

export interface RenderResult {
  text: string;
  diagnostics: Diagnostic[];
  /** Placeholder names used. */
  used: string[];
}

function placeholderDiagnostic(
  at: Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>,
  message: string,
  help: string,
): Diagnostic {
  return { ruleId: PLACEHOLDER_RULE, severity: 'error', category: 'reference', ...at, message, help };
}

/** Substitutes `#{name}#` placeholders in `text` (from repository file `file`). */
export function renderTemplate(text: string, values: Record<string, string>, file: string): RenderResult {
  const diagnostics: Diagnostic[] = [];
  const used: string[] = [];
  let out = '';
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    }
    if (c === '#' && text[i + 1] === '#' && text[i + 2] === '{') {
      out += '#{';
      i += 3;
      continue;
    }
    if (c === '#' && text[i + 1] === '{') {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(text);
      const column = i - lineStart + 1;
      if (!m) {
        diagnostics.push(
          placeholderDiagnostic(
            { file, line, column },
            `'#{' does not start a valid environment placeholder '#{name}#'.`,
            "Write the placeholder as #{name}# (letters, digits, _ - .), or write '##{' for a literal '#{'.",
          ),
        );
        out += c;
        i++;
        continue;
      }
      const name = m[1];
      used.push(name);
      const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
      if (value === undefined) {
        diagnostics.push(
          placeholderDiagnostic(
            { file, line, column, endLine: line, endColumn: column + m[0].length },
            `Environment placeholder '#{${name}}#' has no value for this environment.`,
            `Add '${name}' to environments/<environment>.yaml or pass it as a variable.`,
          ),
        );
        out += m[0];
      } else {
        out += value;
      }
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return { text: out, diagnostics, used };
}

/**
 * Renders every string inside a JSON value (named value / backend properties). Lines are reported as
 * 1, since the JSON was parsed; the message names the property path.
 */
export function renderJson(
  value: unknown,
  values: Record<string, string>,
  file: string,
  diagnostics: Diagnostic[],
  at = '',
): unknown {
  if (typeof value === 'string') {
    const r = renderTemplate(value, values, file);
    for (const d of r.diagnostics) {
      diagnostics.push({ ...d, line: 1, column: 1, message: `${d.message}${at ? ` (in ${at})` : ''}` });
    }
    return r.text;
  }
  if (Array.isArray(value))
    return value.map((v, i) => renderJson(v, values, file, diagnostics, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        renderJson(v, values, file, diagnostics, at ? `${at}.${k}` : k),
      ]),
    );
  }
  return value;
}

/** Where an environment's values live, in the order they are looked for. */
export const ENVIRONMENT_FILE_EXTENSIONS = ['yaml', 'yml', 'json'] as const;

export function environmentFile(environment: string, ext: string): string {
  return `environments/${environment}.${ext}`;
}

/** Reads `environments/<env>.yaml|.yml|.json` under `root`; {} when there is none. */
export async function loadEnvironmentValues(
  root: string,
  environment: string,
): Promise<Record<string, string>> {
  if (!/^[A-Za-z0-9_.-]+$/.test(environment)) {
    throw new ConfigurationError(
      `Environment name '${environment}' is not valid.`,
      'Use letters, digits, _ - and .',
    );
  }
  for (const ext of ENVIRONMENT_FILE_EXTENSIONS) {
    // A link or an oversized file is refused (it could be the runner's credentials), never read.
    const text = await readRepoText(root, environmentFile(environment, ext));
    if (text === undefined) continue;
    return parseEnvironmentValues(text, environmentFile(environment, ext));
  }
  return {};
}

/** Parses the text of an environment file (`file` names it in errors; its extension picks the parser). */
export function parseEnvironmentValues(text: string, file: string): Record<string, string> {
  // Parse errors give the position, never the text (it is echoed to logs and PR comments).
  let parsed = file.endsWith('.json') ? parseJsonText(text, file) : parseYamlText(text, file);
  if (parsed && typeof parsed === 'object' && 'values' in parsed)
    parsed = (parsed as { values: unknown }).values;
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigurationError(`${file} must be a map of name: value.`);
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (v !== null && typeof v === 'object') {
      throw new ConfigurationError(`${file}: value of '${k}' must be a string or number.`);
    }
    out[k] = String(v);
  }
  return out;
}
