import { decodeEntities } from '../policy/entities.js';
import { RECORD_PREFIX } from '../policy/identity.js';
import type { Identity } from './credentials.js';
import { PROVENANCE_MARKER, provenanceComment, readForCompare } from './xml-canonical.js';
import type { Properties, ResourceKind } from './resources.js';
import { isXmlKind } from './resources.js';

/**
 * Provenance: every resource apim-gogs writes says which commit, ref, repository, CI run and Azure
 * identity put it there, readable from APIM alone:
 *
 * - policies and fragments: an XML comment right after the root start tag,
 *   `<policies><!-- apim-gogs: {"commit":"…","ref":"…","repository":"…","run":"…","oid":"…","appid":"…","at":"…"} -->`
 *   (APIM keeps comments in stored policies). The canonical comparison ignores a comment that starts
 *   with `apim-gogs:`, so plan and drift never see it.
 * - backends: a last line `apim-gogs: {…same JSON…}` appended to `description` (stripped before comparing).
 * - named values (no free-text field): the tags `apim-gogs` and `apim-gogs-commit-<sha>`; the run and
 *   identity of that commit are in the service-level record (below).
 *
 * Service-level record: a named value `apim-gogs-deployment-<environment>` whose value is JSON
 * `{ environment, last: Provenance, history: Provenance[] (latest 10) }`, written after every deployment
 * that changed something. It is reserved: plans and prune never touch it.
 */

export interface Provenance {
  commit: string;
  ref?: string;
  repository?: string;
  run?: string;
  oid?: string;
  appid?: string;
  tid?: string;
  /** ISO time of the deployment. */
  at?: string;
  environment?: string;
}

export const MANAGED_TAG = 'apim-gogs';
export const COMMIT_TAG_PREFIX = 'apim-gogs-commit-';
export { RECORD_PREFIX };
const DESCRIPTION_MARKER = `\n${PROVENANCE_MARKER} `;

export function provenanceFor(
  source: { commit: string; ref?: string; repository?: string; runUrl?: string },
  identity: Identity,
  environment?: string,
): Provenance {
  const p: Provenance = { commit: source.commit };
  if (source.ref) p.ref = source.ref;
  if (source.repository) p.repository = source.repository;
  if (source.runUrl) p.run = source.runUrl;
  if (identity.oid) p.oid = identity.oid;
  if (identity.appid) p.appid = identity.appid;
  if (identity.tid) p.tid = identity.tid;
  if (environment) p.environment = environment;
  p.at = new Date().toISOString();
  return p;
}

/** JSON safe inside an XML comment (no `--`, which JSON can escape as `-\u002d`). */
function commentJson(p: Provenance): string {
  return JSON.stringify(p).replace(/--/g, '-\\u002d');
}

/**
 * Adds the provenance comment at its one position: right after the root start tag, or right before a
 * self-closing root (which has no content). Nothing else of the text changes, so removing the comment
 * (stripXmlProvenance) gives back exactly the validated text.
 */
export function stampXml(value: string, p: Provenance): string {
  const comment = `<!-- ${PROVENANCE_MARKER} ${commentJson(p)} -->`;
  const tag = readForCompare(value).rootTag;
  if (!tag) return `${comment}\n${value}`;
  if (tag.selfClosing) return `${value.slice(0, tag.start)}${comment}\n${value.slice(tag.start)}`;
  return `${value.slice(0, tag.end)}\n${comment}${value.slice(tag.end)}`;
}

/** The text without apim-gogs' provenance comment (and the line break stampXml put with it). */
export function stripXmlProvenance(value: string): string {
  const read = readForCompare(value);
  const c = provenanceComment(read);
  const tag = read.rootTag;
  if (!c || !tag) return value;
  // Only whitespace lies between the comment and the root tag (the reader keeps any other text).
  if (c.offset >= tag.end) return value.slice(0, tag.end) + value.slice(c.end);
  return value.slice(0, c.offset) + value.slice(tag.start);
}

export function readXmlProvenance(value: string): Provenance | undefined {
  const c = provenanceComment(readForCompare(value));
  if (!c) return undefined;
  const json = c.value.trimStart().slice(PROVENANCE_MARKER.length).trim();
  // Entities as a writer may have escaped them, through the product's one decoder.
  const decoded = decodeEntities(json, true);
  return parseProvenance('value' in decoded ? decoded.value : json);
}

function parseProvenance(text: string): Provenance | undefined {
  try {
    const p = JSON.parse(text) as Provenance;
    return typeof p.commit === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}

export function stripDescriptionProvenance(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const at = description.indexOf(DESCRIPTION_MARKER);
  const d =
    at === -1
      ? description.startsWith(`${PROVENANCE_MARKER} `)
        ? ''
        : description
      : description.slice(0, at);
  return d === '' ? undefined : d;
}

function readDescriptionProvenance(description: unknown): Provenance | undefined {
  if (typeof description !== 'string') return undefined;
  const at = description.lastIndexOf(`${PROVENANCE_MARKER} `);
  return at === -1 ? undefined : parseProvenance(description.slice(at + PROVENANCE_MARKER.length + 1).trim());
}

export function isProvenanceTag(tag: string): boolean {
  return tag === MANAGED_TAG || tag.startsWith(COMMIT_TAG_PREFIX);
}

/** Desired properties with provenance added (what is PUT). */
export function stamp(kind: ResourceKind, props: Properties, p: Provenance): Properties {
  if (isXmlKind(kind)) return { ...props, value: stampXml(String(props.value ?? ''), p) };
  if (kind === 'backend') {
    const user = stripDescriptionProvenance(props.description);
    return {
      ...props,
      description: `${user ?? ''}${user ? '\n' : ''}${PROVENANCE_MARKER} ${JSON.stringify(p)}`,
    };
  }
  if (kind === 'namedValue') {
    const tags = ((props.tags as string[] | undefined) ?? []).filter((t) => !isProvenanceTag(t));
    return { ...props, tags: [...tags, MANAGED_TAG, `${COMMIT_TAG_PREFIX}${p.commit}`] };
  }
  return props;
}

/** Provenance as stored on a live resource, when apim-gogs deployed it. */
export function readProvenance(kind: ResourceKind, props: Properties | undefined): Provenance | undefined {
  if (!props) return undefined;
  if (isXmlKind(kind)) return readXmlProvenance(String(props.value ?? ''));
  if (kind === 'backend') return readDescriptionProvenance(props.description);
  if (kind === 'namedValue') {
    const tag = ((props.tags as string[] | undefined) ?? []).find((t) => t.startsWith(COMMIT_TAG_PREFIX));
    return tag ? { commit: tag.slice(COMMIT_TAG_PREFIX.length) } : undefined;
  }
  return undefined;
}

/** True when apim-gogs deployed the live resource (prune only ever deletes these). */
export function isManaged(kind: ResourceKind, props: Properties | undefined): boolean {
  if (kind === 'namedValue') return ((props?.tags as string[] | undefined) ?? []).includes(MANAGED_TAG);
  return readProvenance(kind, props) !== undefined;
}

export interface DeploymentRecordValue {
  environment: string;
  last: Provenance;
  history: Provenance[];
}

export function recordName(environment: string): string {
  return `${RECORD_PREFIX}${environment}`;
}

export function parseRecord(value: unknown): DeploymentRecordValue | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const r = JSON.parse(value) as DeploymentRecordValue;
    return r && r.last && typeof r.last.commit === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** The next record value: `p` first, then up to 9 earlier ones, within APIM's 4096-character limit. */
export function nextRecord(
  environment: string,
  previous: DeploymentRecordValue | undefined,
  p: Provenance,
): string {
  const history = [
    p,
    ...(previous?.history ?? []).filter((h) => h.commit !== p.commit || h.at !== p.at),
  ].slice(0, 10);
  for (let n = history.length; n >= 1; n--) {
    const text = JSON.stringify({ environment, last: p, history: history.slice(0, n) });
    if (text.length <= 4096) return text;
  }
  return JSON.stringify({ environment, last: p, history: [] });
}
