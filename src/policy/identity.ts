import type { PolicyRepository } from './repository.js';

/**
 * Which APIM resource a repository file stands for. APIM ids are case-insensitive (`echo-api` and
 * `ECHO-API` are one API), so identity is compared lower-cased everywhere: two files for one resource
 * would let the plan show one while the other is deployed.
 */

/** The service-level deployment record is the named value `apim-gogs-deployment-<environment>`. */
export const RECORD_PREFIX = 'apim-gogs-deployment-';

/** True for an id apim-gogs keeps for itself, in any case. */
export const isReservedId = (id: string): boolean => id.toLowerCase().startsWith(RECORD_PREFIX);

export interface IdentityProblem {
  file: string;
  message: string;
}

/** A workspace's resources are other resources than the service's of the same id. */
const ws = (x: { workspaceId?: string }) => (x.workspaceId ? `workspaces/${x.workspaceId}/` : '');

/** Case-insensitive identity of each deployable file of the repository, with the file it comes from. */
function identities(repo: PolicyRepository): { id: string; file: string; names: string[] }[] {
  const out: { id: string; file: string; names: string[] }[] = [];
  for (const p of repo.policies) {
    if (p.scope === 'unknown') continue;
    const names = [p.apiId, p.operationId, p.productId, p.fragmentId].filter((x): x is string => !!x);
    out.push({ id: `${ws(p)}${p.scope}:${names.join('/')}`.toLowerCase(), file: p.file, names });
  }
  for (const n of repo.namedValues)
    out.push({ id: `${ws(n)}namedValue:${n.id}`.toLowerCase(), file: n.file, names: [n.id] });
  for (const b of repo.backends)
    out.push({ id: `${ws(b)}backend:${b.id}`.toLowerCase(), file: b.file, names: [b.id] });
  for (const f of repo.fragments)
    out.push({ id: `${ws(f)}fragmentInfo:${f.id}`.toLowerCase(), file: f.file, names: [f.id] });
  return out;
}

/**
 * Two files for one resource (ids that differ only in case) and ids reserved for apim-gogs' own
 * records. Each problem names every file involved and what to do.
 */
export function identityProblems(repo: PolicyRepository): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const byId = new Map<string, string[]>();
  for (const x of identities(repo)) {
    const files = byId.get(x.id);
    if (files) files.push(x.file);
    else byId.set(x.id, [x.file]);
    const reserved = x.names.find(isReservedId);
    if (reserved) {
      problems.push({
        file: x.file,
        message: `'${reserved}' (${x.file}) uses a name reserved for apim-gogs deployment records (${RECORD_PREFIX}<environment>, in any case); rename it.`,
      });
    }
  }
  for (const files of byId.values()) {
    if (files.length < 2) continue;
    const list = files.map((f) => `'${f}'`).join(' and ');
    for (const file of files) {
      problems.push({
        file,
        message: `Two files for one resource: ${list} differ only in case, and APIM ids are case-insensitive; keep one.`,
      });
    }
  }
  return problems;
}
