/**
 * Turns a policy file's bytes into text, refusing what is not text: NUL bytes mean a binary file,
 * and invalid UTF-8 would silently become U+FFFD and change the policy APIM receives.
 */
export type DecodeResult =
  { ok: true; text: string } | { ok: false; text: string; line: number; column: number; message: string };

const fatal = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

export function decodePolicyBytes(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = positionOfByte(bytes, nul);
    return {
      ok: false,
      text: '',
      ...at,
      message: 'The file is binary (it contains NUL bytes), not a policy document.',
    };
  }
  try {
    return { ok: true, text: fatal.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = positionOfByte(bytes, bad);
    return {
      ok: false,
      text: lossy.decode(bytes),
      ...at,
      message: `The file is not valid UTF-8 (invalid byte 0x${bytes[bad].toString(16).padStart(2, '0')}); save it as UTF-8.`,
    };
  }
}

/** Line and column (1-based, in characters) of a byte offset, counting only the valid prefix. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const prefix = lossy.decode(bytes.subarray(0, offset));
  const lastNl = prefix.lastIndexOf('\n');
  let line = 1;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 10) line++;
  return { line, column: prefix.length - lastNl };
}

/** Offset of the first byte that breaks UTF-8 (structure, overlong forms and surrogates). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
