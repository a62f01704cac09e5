import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../shared/errors.js';
import { decodePolicyBytes } from './decode.js';
import { POLICY_MAX_BYTES } from './reader.js';
import {
  jsonErrorPosition,
  SETTINGS_MAX_BYTES,
  statInside,
  symlinkError,
  tooLargeError,
} from './repo-file.js';
import type {
  BackendDefinition,
  FragmentInformation,
  NamedValueDefinition,
  PolicyFile,
  PolicyRepository,
} from './repository.js';

/** Folders that never hold policies; skipping them keeps a walk of a real checkout fast. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.github', '.vscode', '.azure-pipelines']);

type Problem = PolicyRepository['problems'][number];

/**
 * Bounds on what one load may walk and read: a hostile repository cannot make the runner list millions
 * of entries or read gigabytes. Sizes are known from lstat before anything is read.
 */
export interface WalkLimits {
  /** Files and folders visited. */
  maxEntries: number;
  /** Total bytes of the files the loader reads (policies and information JSON). */
  maxReadBytes: number;
}
export const DEFAULT_WALK_LIMITS: WalkLimits = { maxEntries: 200_000, maxReadBytes: 512 * 1024 * 1024 };

/**
 * Reads a repository in the APIOps layout (DESIGN.md "Repository layout"). The scope of a policy
 * comes from where it sits; any other `.xml` file is kept as a loose policy with an unknown scope,
 * so a folder of policies can be validated without the layout.
 */
export async function loadRepository(
  root: string,
  options: { artifactsPath?: string; limits?: Partial<WalkLimits> } = {},
): Promise<PolicyRepository> {
  const limits = { ...DEFAULT_WALK_LIMITS, ...options.limits };
  const absRoot = path.resolve(root);
  // APIOps repositories keep the layout in a subfolder (artifacts-path); scopes come from the path
  // inside it, while file names stay repository-relative so annotations land on the right file.
  const artifacts = (options.artifactsPath ?? '').replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  const prefix = artifacts && artifacts !== '.' ? `${artifacts}/` : '';
  const absArtifacts = path.join(absRoot, prefix);
  const repo: PolicyRepository = {
    root: absRoot,
    ...(prefix ? { artifactsPath: prefix.slice(0, -1) } : {}),
    policies: [],
    namedValues: [],
    backends: [],
    fragments: [],
    problems: [],
  };
  // The artifacts folder is inside the untrusted checkout: it must not be (or pass through) a link.
  if (prefix) await statInside(absRoot, prefix);
  const state: WalkState = { entries: 0, links: [], limits };
  const files = (await walk(absArtifacts, '', state)).sort();
  if (state.links.length) {
    const links = state.links.sort().map((l) => prefix + l);
    const err = symlinkError(links[0]);
    throw new ConfigurationError(
      links.length === 1 ? err.message : `${err.message} Also: ${links.slice(1, 6).join(', ')}.`,
      err.hint,
    );
  }
  // Sizes before reads: an oversized file is reported from its lstat size and never loaded.
  const sizes = await statAll(
    absArtifacts,
    files.filter((inner) => wanted(inner.split('/'))),
  );
  let total = 0;
  const toRead: string[] = [];
  for (const [inner, size] of sizes) {
    const max = inner.toLowerCase().endsWith('.xml') ? POLICY_MAX_BYTES : SETTINGS_MAX_BYTES;
    if (size > max) {
      const file = prefix + inner;
      // Policies say what the reader would (APIM's own limit); settings files name their own limit.
      const message =
        max === POLICY_MAX_BYTES
          ? `The document is ${size} bytes; APIM accepts at most ${max}.`
          : tooLargeError(file, size, max).message;
      repo.problems.push({ file, line: 1, column: 1, message, unreadable: true });
      continue;
    }
    total += size;
    toRead.push(inner);
  }
  if (total > limits.maxReadBytes) {
    throw new ConfigurationError(
      `The repository's policies and information files hold ${total} bytes; apim-gogs reads at most ${limits.maxReadBytes} in one run.`,
      'Split the repository, or point artifacts-path at the folder that holds the APIOps layout.',
    );
  }
  // Read every file first, many at a time (a 10,000-policy repository is I/O bound), then place
  // them in sorted order so the result does not depend on timing.
  const contents = await readAll(absArtifacts, toRead);
  for (const inner of files) {
    const parts = inner.split('/');
    const rel = prefix + inner;
    const base = parts[parts.length - 1];
    const bytes = contents.get(inner);
    if (base.toLowerCase().endsWith('.xml')) {
      const placed = placePolicy(parts);
      if (placed === 'misplaced') {
        repo.problems.push({
          file: rel,
          line: 1,
          column: 1,
          message: `'${rel}' is a policy.xml outside the APIOps layout; it is not deployed.`,
        });
      }
      if (placed === 'ignored' || placed === 'misplaced') continue;
      if (!bytes) {
        // Too large to read: still a policy of the repository (never silently dropped, which with
        // prune would delete its live policy), with no text; the problem above stops the deployment.
        repo.policies.push({ file: rel, ...placed, text: '' });
        continue;
      }
      const decoded = decodePolicyBytes(bytes);
      if (!decoded.ok) {
        repo.problems.push({
          file: rel,
          line: decoded.line,
          column: decoded.column,
          message: decoded.message,
          unreadable: true,
        });
      }
      repo.policies.push({ file: rel, ...placed, text: decoded.text });
      continue;
    }
    const json = bytes && readJson(bytes, rel, repo.problems);
    if (!json) continue;
    // workspaces/{ws}/named values/{id}/... holds the same files as the service level, one level down.
    const ws = parts[0] === 'workspaces' ? { workspaceId: parts[1] } : {};
    const id = parts[parts.length - 2];
    if (base === 'namedValueInformation.json') repo.namedValues.push({ ...namedValue(id, rel, json), ...ws });
    else if (base === 'backendInformation.json') repo.backends.push({ ...backend(id, rel, json), ...ws });
    else repo.fragments.push({ ...fragment(id, rel, json), ...ws });
  }
  return repo;
}

const INFO_FILES: Record<string, string> = {
  'named values': 'namedValueInformation.json',
  backends: 'backendInformation.json',
  'policy fragments': 'policyFragmentInformation.json',
};

/** Files the loader reads: policy candidates and the information JSON of the layout. */
function wanted(parts: string[]): boolean {
  const base = parts[parts.length - 1];
  if (base.toLowerCase().endsWith('.xml')) {
    const placed = placePolicy(parts);
    return placed !== 'ignored' && placed !== 'misplaced';
  }
  if (parts.length === 5 && parts[0] === 'workspaces') return INFO_FILES[parts[2]] === base;
  return parts.length === 3 && INFO_FILES[parts[0]] === base;
}

/** lstat of each file, many at a time: the size decides before any byte is read. */
async function statAll(absRoot: string, files: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const rel = files[next++];
      out.set(rel, (await lstat(path.join(absRoot, rel))).size);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function readAll(absRoot: string, files: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const rel = files[next++];
      out.set(rel, await readFile(path.join(absRoot, rel)));
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return out;
}

type Placement = Omit<PolicyFile, 'file' | 'text'> | 'ignored' | 'misplaced';

/** What a workspace folder may hold (no nested workspaces, no global policy). */
const LAYOUT_IN_WORKSPACE = new Set(['apis', 'products', 'policy fragments', 'named values', 'backends']);

/** Decides a policy file's scope from its path segments. */
export function placePolicy(parts: string[]): Placement {
  const [top] = parts;
  const isPolicy = parts[parts.length - 1] === 'policy.xml';
  if (parts.length === 1) return isPolicy ? { scope: 'global' } : { scope: 'unknown' };
  const layoutTops = ['apis', 'products', 'policy fragments', 'named values', 'backends', 'workspaces'];
  if (!layoutTops.includes(top)) return { scope: 'unknown' };
  // Inside the layout only policy.xml files are policies; specifications and the like are not.
  if (!isPolicy) return 'ignored';
  if (top === 'apis' && parts.length === 3) return { scope: 'api', apiId: parts[1] };
  if (top === 'apis' && parts.length === 5 && parts[2] === 'operations') {
    return { scope: 'operation', apiId: parts[1], operationId: parts[3] };
  }
  if (top === 'products' && parts.length === 3) return { scope: 'product', productId: parts[1] };
  if (top === 'policy fragments' && parts.length === 3) return { scope: 'fragment', fragmentId: parts[1] };
  // An APIM workspace holds its own policy and the service-level layout one level down:
  // workspaces/{ws}/policy.xml, workspaces/{ws}/apis/{api}/policy.xml, ...
  if (top === 'workspaces' && parts.length >= 3) {
    const workspaceId = parts[1];
    if (parts.length === 3) return { scope: 'workspace', workspaceId };
    const inner = parts.slice(2);
    const placed = LAYOUT_IN_WORKSPACE.has(inner[0]) ? placePolicy(inner) : 'misplaced';
    if (placed === 'ignored' || placed === 'misplaced') return placed;
    return placed.scope === 'unknown' ? placed : { ...placed, workspaceId };
  }
  // GraphQL resolvers are APIOps places this tool does not deploy: still validated, with an unknown
  // scope, never reported as misplaced.
  if (top === 'apis' && parts.length === 5 && parts[2] === 'resolvers') return { scope: 'unknown' };
  return 'misplaced';
}

interface WalkState {
  entries: number;
  /** Symbolic links met where the loader would read through them. */
  links: string[];
  limits: WalkLimits;
}

const LAYOUT_TOPS = new Set([
  'apis',
  'products',
  'policy fragments',
  'named values',
  'backends',
  'workspaces',
]);
const READ_EXTENSIONS = /\.(xml|json|ya?ml)$/i;

/**
 * Every file below `rel`; sibling folders are read concurrently (a large repository has thousands).
 * Links are never followed: one inside the layout, named like a file apim-gogs reads, or standing for a
 * layout folder is collected (the caller refuses the repository, naming it), so a linked policy.xml is
 * neither read from outside the checkout nor silently skipped (which prune would turn into a delete).
 */
async function walk(absRoot: string, rel: string, state: WalkState): Promise<string[]> {
  const entries = await readdir(path.join(absRoot, rel), { withFileTypes: true });
  state.entries += entries.length;
  if (state.entries > state.limits.maxEntries) {
    throw new ConfigurationError(
      `The repository has more than ${state.limits.maxEntries} files and folders; apim-gogs stops walking it.`,
      'Point artifacts-path at the folder that holds the APIOps layout, or remove what does not belong.',
    );
  }
  const out: string[] = [];
  const folders: Promise<string[]>[] = [];
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isSymbolicLink()) {
      const top = child.split('/')[0];
      if (LAYOUT_TOPS.has(top) || READ_EXTENSIONS.test(e.name)) state.links.push(child);
    } else if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) folders.push(walk(absRoot, child, state));
    } else if (e.isFile()) {
      out.push(child);
    }
  }
  for (const files of await Promise.all(folders)) for (const f of files) out.push(f);
  return out;
}

function readJson(bytes: Buffer, rel: string, problems: Problem[]): Record<string, unknown> | undefined {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
    problems.push({ file: rel, line: 1, column: 1, message: `'${rel}' must hold a JSON object.` });
  } catch (err) {
    // The position only: the parser's message quotes the file, and problems reach logs and comments.
    const at = jsonErrorPosition(text, err) ?? { line: 1, column: 1 };
    problems.push({
      file: rel,
      ...at,
      message: `'${rel}' is not valid JSON (line ${at.line}, column ${at.column}).`,
      unreadable: true,
    });
  }
  return undefined;
}

/** APIOps writes `{ "properties": {...} }`; accept a bare properties object too. */
function propertiesOf(json: Record<string, unknown>): Record<string, unknown> {
  const p = json.properties;
  return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : json;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function namedValue(id: string, file: string, json: Record<string, unknown>): NamedValueDefinition {
  const p = propertiesOf(json);
  const kv = p.keyVault as Record<string, unknown> | undefined;
  const secretIdentifier = kv && str(kv.secretIdentifier);
  return {
    id,
    file,
    displayName: str(p.displayName) ?? id,
    value: str(p.value),
    secret: p.secret === true,
    keyVault: secretIdentifier
      ? { secretIdentifier, identityClientId: str(kv?.identityClientId) }
      : undefined,
    tags: Array.isArray(p.tags) ? p.tags.filter((t): t is string => typeof t === 'string') : undefined,
    properties: p,
  };
}

export function backend(id: string, file: string, json: Record<string, unknown>): BackendDefinition {
  const p = propertiesOf(json);
  return { id, file, url: str(p.url), protocol: str(p.protocol), properties: p };
}

export function fragment(id: string, file: string, json: Record<string, unknown>): FragmentInformation {
  const p = propertiesOf(json);
  return { id, file, description: str(p.description), properties: p };
}
