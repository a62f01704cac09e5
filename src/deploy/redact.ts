import { createHmac, randomBytes } from 'node:crypto';

/**
 * Redaction for what people read (plan diffs, PR comments, drift reports, records): live content is
 * untrusted and a repository file chosen by a pull-request author decides which live fields a plan
 * shows (`{"credentials":{}}` on a backend), so credentials-like fields never appear as values.
 * A redacted value shows as `<redacted 1a2b3c4d>`: a keyed digest, random per process, so one plan
 * still shows whether a secret changed, but nothing that can be guessed or linked across runs.
 */

/** Keys whose whole subtree is secret (backend credentials, authorization, certificates, passwords). */
const SECRET_KEY =
  /^(credentials|authorization|parameter|password|secret|clientSecret|certificate|certificates|certificateIds|certificatePassword|token|apiKey|subscriptionKey|sharedAccessKey|connectionString)$/i;

const KEY = randomBytes(32);

export function redactedMarker(value: unknown): string {
  const digest = createHmac('sha256', KEY)
    .update(JSON.stringify(value) ?? '')
    .digest('hex');
  return `<redacted ${digest.slice(0, 8)}>`;
}

/** A copy of `value` with every leaf under a secret key replaced by its marker (object keys stay). */
export function redactSecrets(value: unknown, secret = false): unknown {
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, secret));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactSecrets(v, secret || SECRET_KEY.test(k))]),
    );
  }
  return secret && value !== undefined && value !== null ? redactedMarker(value) : value;
}
