import type { ApimConnection } from './client.js';
import { explainArmError } from './client.js';
import type { Provenance } from './provenance.js';
import { parseRecord, readProvenance, recordName } from './provenance.js';
import type { ResourceRef } from './resources.js';
import { parseResourceKey, readResource, refFor } from './resources.js';
import { withArmRetry } from './retry.js';
import { ConfigurationError } from '../shared/errors.js';

export interface AuthorInfo {
  name?: string;
  email?: string;
  date?: string;
  message?: string;
}

export interface BlameOptions {
  connection: ApimConnection;
  /** A resource key (`apis/echo/policies/policy`) or APIOps path (`apis/echo/policy.xml`). */
  resource: string;
  /** The environment whose deployment record fills in run/identity for named values. */
  environment?: string;
  /** Looks the commit's author up in Gogs (the lead's Gogs client); optional. */
  lookupAuthor?: (sha: string) => Promise<AuthorInfo | undefined>;
}

export interface BlameResult {
  key: string;
  exists: boolean;
  /** false when the live resource carries no apim-gogs provenance (changed by hand or never deployed). */
  managed: boolean;
  provenance?: Provenance;
  author?: AuthorInfo;
  /** Where run/identity came from: the resource itself, or the service-level deployment record. */
  source?: 'resource' | 'deployment-record';
}

/** Answers "which commit, run and identity put this live resource there" from APIM alone. */
export async function blame(options: BlameOptions): Promise<BlameResult> {
  const ref: ResourceRef | undefined = parseResourceKey(options.resource);
  if (!ref) {
    throw new ConfigurationError(
      `'${options.resource}' is not a resource apim-gogs manages.`,
      'Use a key like policies/policy, apis/{api}/policies/policy, apis/{api}/operations/{op}/policies/policy, products/{p}/policies/policy, policyFragments/{id}, namedValues/{id}, backends/{id}, or an APIOps path.',
    );
  }
  const conn = options.connection;
  const live = await withArmRetry(() => readResource(conn, ref)).catch((err: unknown) => {
    throw explainArmError(err, conn.target);
  });
  if (!live.exists) return { key: ref.key, exists: false, managed: false };
  let provenance = readProvenance(ref.kind, live.properties);
  if (!provenance) return { key: ref.key, exists: true, managed: false };
  let source: BlameResult['source'] = 'resource';
  if (ref.kind === 'namedValue' && options.environment) {
    // Named values carry only the commit; the record of that deployment has the rest.
    const rec = await withArmRetry(() =>
      readResource(conn, refFor('namedValue', { name: recordName(options.environment!) })),
    );
    const record = parseRecord(rec.properties?.value);
    const match = record?.history.find((h) => h.commit === provenance!.commit);
    if (match) {
      provenance = { ...match };
      source = 'deployment-record';
    }
  }
  const author = options.lookupAuthor
    ? await options.lookupAuthor(provenance.commit).catch(() => undefined)
    : undefined;
  return { key: ref.key, exists: true, managed: true, provenance, author, source };
}

export function renderBlameText(r: BlameResult): string {
  if (!r.exists) return `${r.key}: does not exist in APIM.`;
  if (!r.managed || !r.provenance)
    return `${r.key}: no apim-gogs provenance (not deployed by apim-gogs, or changed by hand since).`;
  const p = r.provenance;
  const lines = [`${r.key}`, `  commit:     ${p.commit}${p.ref ? ` (${p.ref})` : ''}`];
  if (r.author)
    lines.push(
      `  author:     ${r.author.name ?? '?'}${r.author.email ? ` <${r.author.email}>` : ''}${r.author.date ? ` ${r.author.date}` : ''}`,
    );
  if (r.author?.message) lines.push(`  message:    ${r.author.message.split('\n')[0]}`);
  if (p.repository) lines.push(`  repository: ${p.repository}`);
  if (p.run) lines.push(`  run:        ${p.run}`);
  if (p.oid || p.appid)
    lines.push(`  identity:   oid=${p.oid ?? '?'} appid=${p.appid ?? '?'}${p.tid ? ` tid=${p.tid}` : ''}`);
  if (p.at) lines.push(`  deployed:   ${p.at}${p.environment ? ` to ${p.environment}` : ''}`);
  if (r.source === 'deployment-record')
    lines.push('  (run and identity from the service-level deployment record)');
  return lines.join('\n');
}
