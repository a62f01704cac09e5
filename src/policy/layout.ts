import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodePolicyBytes } from './decode.js';
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
 * Reads a repository in the APIOps layout (DESIGN.md "Repository layout"). The scope of a policy
 * comes from where it sits; any other `.xml` file is kept as a loose policy with an unknown scope,
 * so a folder of policies can be validated without the layout.
 */
export async function loadRepository(
  root: string,
  options: { artifactsPath?: string } = {},
): Promise<PolicyRepository> {
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
  const files = (await walk(absArtifacts, '')).sort();
  // Read every file first, many at a time (a 10,000-policy repository is I/O bound), then place
  // them in sorted order so the result does not depend on timing.
  const contents = await readAll(
    absArtifacts,
    files.filter((inner) => wanted(inner.split('/'))),
  );
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
      if (!bytes || placed === 'ignored' || placed === 'misplaced') continue;
      const decoded = decodePolicyBytes(bytes);
      if (!decoded.ok) {
        repo.problems.push({
          file: rel,
          line: decoded.line,
          column: decoded.column,
          message: decoded.message,
        });
      }
      repo.policies.push({ file: rel, ...placed, text: decoded.text });
      continue;
    }
    const json = bytes && readJson(bytes, rel, repo.problems);
    if (!json) continue;
    if (base === 'namedValueInformation.json') repo.namedValues.push(namedValue(parts[1], rel, json));
    else if (base === 'backendInformation.json') repo.backends.push(backend(parts[1], rel, json));
    else repo.fragments.push(fragment(parts[1], rel, json));
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
  return parts.length === 3 && INFO_FILES[parts[0]] === base;
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
  // Workspaces and GraphQL resolvers are APIOps places this tool does not deploy: still validated,
  // with an unknown scope, never reported as misplaced.
  if (top === 'workspaces') return { scope: 'unknown' };
  if (top === 'apis' && parts.length === 5 && parts[2] === 'resolvers') return { scope: 'unknown' };
  return 'misplaced';
}

/** Every file below `rel`; sibling folders are read concurrently (a large repository has thousands). */
async function walk(absRoot: string, rel: string): Promise<string[]> {
  const entries = await readdir(path.join(absRoot, rel), { withFileTypes: true });
  const out: string[] = [];
  const folders: Promise<string[]>[] = [];
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) folders.push(walk(absRoot, child));
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
    const m = /position (\d+)/.exec(String(err));
    const at = m ? lineColumn(text, Number(m[1])) : { line: 1, column: 1 };
    problems.push({ file: rel, ...at, message: `'${rel}' is not valid JSON: ${(err as Error).message}` });
  }
  return undefined;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
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
