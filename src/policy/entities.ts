/**
 * The only entities a policy may use: XML's five predefined ones and character references.
 * Anything else would need a DTD, which policies never have, so it is an error, never an expansion.
 */
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REF = /^&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/;

/** The entity at `s[i]` (which is '&'): its character and length, or undefined when it is not one. */
export function entityAt(s: string, i: number): { char: string; length: number } | undefined {
  const m = REF.exec(s.slice(i, i + 12));
  if (!m) return undefined;
  const code = m[2] ? Number(m[2]) : m[3] ? parseInt(m[3], 16) : -1;
  if (code !== -1 && (code > 0x10ffff || code === 0)) return undefined;
  return { char: m[1] ? NAMED[m[1]] : String.fromCodePoint(code), length: m[0].length };
}

/**
 * Decodes entities in `raw`; returns the offset (within raw) of the first bad '&' instead of throwing.
 * `lenient` keeps a bare '&' as is: raw policy expressions hold unescaped `&&`.
 */
export function decodeEntities(raw: string, lenient = false): { value: string } | { badOffset: number } {
  if (!raw.includes('&')) return { value: raw };
  let out = '';
  let last = 0;
  for (let i = raw.indexOf('&'); i !== -1; i = raw.indexOf('&', i)) {
    const e = entityAt(raw, i);
    if (!e && !lenient) return { badOffset: i };
    out += raw.slice(last, i) + (e ? e.char : '&');
    i += e ? e.length : 1;
    last = i;
  }
  return { value: out + raw.slice(last) };
}
