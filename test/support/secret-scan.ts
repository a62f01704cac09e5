import { execFile } from 'node:child_process';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The secrets scan (issue 9, "Secrets"): given the secret values a run held, it derives every form a
 * secret is written in by mistake and looks for them in everything the run left: log text, output
 * files, whole folders (the checkout's .git included, its objects decompressed). A finding names where,
 * which secret and which encoding, never the value, so a failing scan does not leak in its turn.
 *
 * Encodings: plain; base64 standard and url-safe, found also inside a longer base64 blob (every byte
 * alignment; a secret base64-encoded together with other text, like the Basic-auth form
 * base64("<token>:"), is still found); URL-encoded (encodeURIComponent, and every non-alphanumeric
 * percent-encoded, either hex case), also of the base64 forms; and Basic auth base64("<secret>:").
 */

const run = promisify(execFile);

export type Encoding =
  'plain' | 'basic-auth' | 'base64' | 'base64url' | 'url-encoded' | 'base64, url-encoded';

export interface Finding {
  /** `stdout`, `stderr`, a file path, or `<dir>/.git objects` for decompressed git objects. */
  where: string;
  /** The secret's name as given to the scanner (never its value). */
  secret: string;
  encoding: Encoding;
  /** 1-based line of the first occurrence in `where`. */
  line: number;
}

interface Needle {
  secret: string;
  encoding: Encoding;
  value: string;
}

/**
 * A base64 text of `value` as it appears inside a longer base64 blob: the value preceded by 0, 1 or 2
 * other bytes changes every character, so each alignment gives its own needle, trimmed of the
 * characters that also depend on the neighbouring bytes.
 */
function base64Cores(value: string, alphabet: 'base64' | 'base64url'): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const cores: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const text = Buffer.concat([Buffer.alloc(pad), bytes])
      .toString(alphabet)
      .replace(/=+$/, '');
    // Whole 3-byte groups only: the group holding padding bytes and a partial last group depend on
    // what surrounds the value.
    const first = pad === 0 ? 0 : 4;
    const whole = Math.floor((pad + bytes.length) / 3) * 4;
    const core = text.slice(first, whole);
    if (core.length >= 16) cores.push(core);
  }
  return cores;
}

/** Every non-alphanumeric as %XX: what strict encoders (and some loggers) write. */
function percentAll(value: string, lower: boolean): string {
  const hex = (c: string) => {
    const h = [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    return lower ? h : h.toUpperCase();
  };
  return value.replace(/[^A-Za-z0-9]/g, hex);
}

function urlForms(value: string): string[] {
  return [encodeURIComponent(value), percentAll(value, false), percentAll(value, true)];
}

/** Secrets shorter than this are refused: a short value would match by chance and prove nothing. */
export const MIN_SECRET_LENGTH = 16;

export class SecretScanner {
  private readonly needles: Needle[] = [];

  /** `secrets`: name -> value (or values, e.g. every ID token a run was issued). */
  constructor(secrets: Record<string, string | string[]>) {
    for (const [secret, values] of Object.entries(secrets)) {
      for (const value of [values].flat()) {
        if (value.length < MIN_SECRET_LENGTH)
          throw new Error(`Secret ${secret} is ${value.length} characters: too short to scan for reliably.`);
        this.add(secret, 'plain', [value]);
        this.add(secret, 'basic-auth', [Buffer.from(`${value}:`).toString('base64')]);
        const b64 = base64Cores(value, 'base64');
        const b64url = base64Cores(value, 'base64url');
        this.add(secret, 'base64', b64);
        this.add(secret, 'base64url', b64url);
        this.add(secret, 'url-encoded', urlForms(value));
        this.add(secret, 'base64, url-encoded', [...b64, ...b64url].flatMap(urlForms));
      }
    }
  }

  /** A form identical to one already listed (a JWT URL-encodes to itself) keeps the first name. */
  private add(secret: string, encoding: Encoding, values: string[]): void {
    for (const value of values)
      if (!this.needles.some((n) => n.value === value)) this.needles.push({ secret, encoding, value });
  }

  /**
   * Findings in one text: at most one per secret and encoding. An occurrence inside one already found
   * for the same secret is the same leak (base64("<token>:") holds the token's base64), not another.
   */
  scanText(where: string, text: string): Finding[] {
    const found: Finding[] = [];
    const spans: { secret: string; from: number; to: number }[] = [];
    const within = (secret: string, from: number, to: number) =>
      spans.some((s) => s.secret === secret && s.from <= from && to <= s.to);
    for (const n of this.needles) {
      let first: number | undefined;
      for (let at = text.indexOf(n.value); at !== -1; at = text.indexOf(n.value, at + 1)) {
        if (within(n.secret, at, at + n.value.length)) continue;
        spans.push({ secret: n.secret, from: at, to: at + n.value.length });
        first ??= at;
      }
      if (first === undefined || found.some((f) => f.secret === n.secret && f.encoding === n.encoding))
        continue;
      found.push({
        where,
        secret: n.secret,
        encoding: n.encoding,
        line: text.slice(0, first).split('\n').length,
      });
    }
    return found;
  }

  async scanFile(file: string): Promise<Finding[]> {
    // latin1 maps every byte to one character: any text the secret forms are made of matches byte for byte.
    return this.scanText(file, await readFile(file, 'latin1'));
  }

  /**
   * Every file under `dir`, hidden ones included; symbolic links are not followed (the run must not
   * have made any that matter; what they point to is scanned where it lives). A `.git` folder's objects
   * are compressed, so they are also read through git itself.
   */
  async scanDir(dir: string): Promise<Finding[]> {
    const found: Finding[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        found.push(...(await this.scanDir(p)));
        if (entry.name === '.git') found.push(...(await this.scanGitObjects(p)));
      } else if (entry.isFile()) found.push(...(await this.scanFile(p)));
    }
    return found;
  }

  /** The content of every object in a git folder (loose and packed), decompressed. */
  private async scanGitObjects(gitDir: string): Promise<Finding[]> {
    const { stdout } = await run(
      'git',
      ['--git-dir', gitDir, 'cat-file', '--batch-all-objects', '--batch', '--unordered'],
      { encoding: 'latin1', maxBuffer: 512 * 1024 * 1024 },
    );
    return this.scanText(`${gitDir} objects`, stdout);
  }

  /** Texts (name -> content) and paths (files or folders; missing ones are skipped) in one call. */
  async scan(targets: { texts?: Record<string, string>; paths?: string[] }): Promise<Finding[]> {
    const found: Finding[] = [];
    for (const [where, text] of Object.entries(targets.texts ?? {}))
      found.push(...this.scanText(where, text));
    for (const p of targets.paths ?? []) {
      const stat = await lstat(p).catch(() => undefined);
      if (stat?.isDirectory()) found.push(...(await this.scanDir(p)));
      else if (stat?.isFile()) found.push(...(await this.scanFile(p)));
    }
    return found;
  }
}

/** One line per finding, safe to print: where, line, which secret, which encoding. */
export function describeFinding(f: Finding): string {
  return `${f.where}:${f.line}: the ${f.secret} (${f.encoding})`;
}

/** Files under `dir` (recursively) whose bytes contain any of `secrets`. */
export async function filesContaining(dir: string, secrets: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) hits.push(...(await filesContaining(p, secrets)));
    else if (entry.isFile()) {
      const text = await readFile(p, 'latin1');
      if (secrets.some((s) => text.includes(s))) hits.push(p);
    }
  }
  return hits;
}

/**
 * Log text with the host's own mask commands removed: `::add-mask::<value>` (GitHub) and
 * `##vso[task.setsecret]<value>` (Azure DevOps) are how a step tells the runner or agent what to
 * hide; they consume those lines and never show them.
 */
export function visibleLog(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('##vso[task.setsecret]'))
    .join('\n');
}
