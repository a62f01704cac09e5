import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stableJson } from '../compare.js';
import type { InstanceSnapshot, LevelSnapshot } from './read-instance.js';

/**
 * Writes a snapshot in the APIOps layout, file names as APIOps' extractor writes them:
 *   policy.xml
 *   named values/{n}/namedValueInformation.json
 *   backends/{b}/backendInformation.json
 *   policy fragments/{f}/policy.xml + policyFragmentInformation.json
 *   apis/{a}/apiInformation.json, apis/{a}/policy.xml, apis/{a}/operations/{o}/policy.xml
 *   products/{p}/productInformation.json, products/{p}/policy.xml, products/{p}/apis/{a}/productApiInformation.json
 *   workspaces/{ws}/workspaceInformation.json, and the same layout again below workspaces/{ws}/
 * Information files are `{ "properties": {...} }` with keys sorted, so two extracts of one instance
 * are byte for byte the same whatever order ARM answered in.
 */

/** Folders a full extract looks in for files of its own that APIM no longer has. */
const OWNED_FOLDERS = ['named values', 'backends', 'policy fragments', 'apis', 'products', 'workspaces'];
/** The files extract writes; nothing else in the repository is ever removed (specifications, diagnostics, ...). */
const OWNED_FILES = new Set([
  'policy.xml',
  'namedValueInformation.json',
  'backendInformation.json',
  'policyFragmentInformation.json',
  'apiInformation.json',
  'productInformation.json',
  'productApiInformation.json',
  'workspaceInformation.json',
]);

export async function writeLayout(
  dir: string,
  snapshot: InstanceSnapshot,
  options: { replace: boolean },
): Promise<string[]> {
  const files: string[] = [];
  const put = async (rel: string, text: string) => {
    assertSafeSegments(rel);
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
    files.push(rel);
  };
  const info = (properties: Record<string, unknown>) => `${stableJson({ properties })}
`;

  /** One level: the service at '', a workspace at 'workspaces/{ws}/'. */
  const writeLevel = async (base: string, level: LevelSnapshot) => {
    if (level.globalPolicy !== undefined) await put(`${base}policy.xml`, level.globalPolicy);
    for (const nv of level.namedValues)
      await put(`${base}named values/${nv.id}/namedValueInformation.json`, info(nv.properties));
    for (const b of level.backends)
      await put(`${base}backends/${b.id}/backendInformation.json`, info(b.properties));
    for (const f of level.fragments) {
      await put(`${base}policy fragments/${f.id}/policy.xml`, f.value);
      await put(
        `${base}policy fragments/${f.id}/policyFragmentInformation.json`,
        info(f.description !== undefined ? { description: f.description } : {}),
      );
    }
    for (const a of level.apis) {
      await put(`${base}apis/${a.id}/apiInformation.json`, info(a.properties));
      if (a.policy !== undefined) await put(`${base}apis/${a.id}/policy.xml`, a.policy);
      for (const o of a.operations) await put(`${base}apis/${a.id}/operations/${o.id}/policy.xml`, o.policy);
    }
    for (const p of level.products) {
      await put(`${base}products/${p.id}/productInformation.json`, info(p.properties));
      if (p.policy !== undefined) await put(`${base}products/${p.id}/policy.xml`, p.policy);
      for (const api of p.apis)
        await put(`${base}products/${p.id}/apis/${api}/productApiInformation.json`, info({}));
    }
  };
  await writeLevel('', snapshot);
  for (const w of snapshot.workspaces ?? []) {
    await put(`workspaces/${w.id}/workspaceInformation.json`, info(w.properties));
    await writeLevel(`workspaces/${w.id}/`, w.content);
  }
  // A full extract removes its own files of resources APIM no longer has, and only those.
  if (options.replace) await removeStale(dir, new Set(files));
  return files;
}

async function removeStale(dir: string, written: Set<string>): Promise<void> {
  const visit = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) await visit(child);
      else if (e.isFile() && OWNED_FILES.has(e.name) && !written.has(child)) await rm(path.join(dir, child));
    }
    // Folders left empty go too (git does not keep them anyway).
    await rmdir(path.join(dir, rel)).catch(() => undefined);
  };
  for (const f of OWNED_FOLDERS) await visit(f);
  if (!written.has('policy.xml')) await rm(path.join(dir, 'policy.xml'), { force: true });
}

/** Names come from APIM (untrusted): never let one climb out of the folder. */
function assertSafeSegments(rel: string): void {
  for (const s of rel.split('/')) {
    if (s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0')) {
      throw new Error(`Refusing to write '${rel}': a resource name from APIM is not a safe folder name.`);
    }
  }
}
