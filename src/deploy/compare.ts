import { createHash } from 'node:crypto';
import { isProvenanceTag, stripDescriptionProvenance } from './provenance.js';
import { redactedMarker, redactSecrets } from './redact.js';
import type { Properties, ResourceKind } from './resources.js';
import { isXmlKind } from './resources.js';
import { canonicalOrRaw } from './xml-canonical.js';

/**
 * The comparable text of a resource's content: equal texts mean nothing to deploy. Provenance is never
 * part of it. With `redact`, credentials-like values are replaced by markers (redact.ts): that text is
 * for people (diffs), never for deciding equality. `desired` decides which fields count (a backend field the repository does not set is
 * APIM's business, e.g. defaults it fills in).
 */
export function comparableText(
  kind: ResourceKind,
  props: Properties | undefined,
  desired: Properties,
  options: { redact?: boolean } = {},
): string {
  const redact = options.redact === true;
  if (!props) return '';
  if (isXmlKind(kind)) {
    let text = canonicalOrRaw(String(props.value ?? ''));
    if (kind === 'fragment' && desired.description !== undefined) {
      text += `\n<!-- description: ${String(props.description ?? '')} -->`;
    }
    return text;
  }
  if (kind === 'namedValue') {
    const kv = props.keyVault as { secretIdentifier?: string; identityClientId?: string } | undefined;
    const secret = props.secret === true;
    const view: Record<string, unknown> = { displayName: props.displayName, secret };
    if (!secret || desired.value !== undefined)
      view.value = secret && redact ? redactedMarker(props.value) : props.value;
    if (desired.keyVault !== undefined || kv) {
      view.keyVault = {
        secretIdentifier: kv?.secretIdentifier,
        identityClientId: kv?.identityClientId ?? undefined,
      };
    }
    view.tags = ((props.tags as string[] | undefined) ?? []).filter((t) => !isProvenanceTag(t)).sort();
    return stableJson(view);
  }
  // backend: the fields the repository sets
  const view: Record<string, unknown> = {};
  for (const k of Object.keys(desired).sort()) {
    if (k === 'provisioningState') continue;
    view[k] = k === 'description' ? stripDescriptionProvenance(props[k]) : props[k];
  }
  return stableJson(redact ? redactSecrets(view) : view);
}

/** JSON with sorted keys, two-space indented, undefined dropped: a stable line-diffable text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortDeep(value), null, 2) ?? '';
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
