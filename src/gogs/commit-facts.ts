import { createHash } from 'node:crypto';
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { git } from './git.js';

/** The checked-out commit as the summary and the result show it. */
export interface CommitFacts {
  sha: string;
  author: string;
  email: string;
  /** Strict ISO 8601 in the author's own offset, `+00:00` for UTC whatever the git version. */
  date: string;
  /** Trimmed. */
  message: string;
}

/**
 * The commit at `rev`, by git. The date comes raw and is formatted here: git 2.45 began writing UTC
 * as `Z` in `%aI`, and both ways of reading a commit must show the same date.
 */
export async function logCommit(cwd: string, rev: string): Promise<CommitFacts> {
  const log = await git(['log', '-1', '--date=raw', '--format=%H%x00%an%x00%ae%x00%ad%x00%B', rev], { cwd });
  const [sha, author, email, raw, message] = log.stdout.split('\0');
  const [seconds, tz] = raw.split(' ');
  return { sha, author, email, date: isoDate(Number(seconds), tz) ?? raw, message: message.trim() };
}

/**
 * The commit HEAD names, read from the repository's files without starting git: from node every
 * process start costs ~20 ms of CPU (fork of a large process), as much as a tenth of a small clone.
 * Reads what a fresh clone writes: HEAD, a loose or packed ref, the commit loose or whole in a
 * version 2 pack, and checks the object's SHA-1. Anything else (a delta-compressed commit, another
 * encoding, SHA-256, reftable) gives undefined, and the caller asks git.
 */
export async function readHeadCommit(cwd: string): Promise<CommitFacts | undefined> {
  const gitDir = path.join(cwd, '.git');
  try {
    const sha = await resolveHead(gitDir);
    if (!sha) return undefined;
    const body = (await readLoose(gitDir, sha)) ?? (await readPacked(gitDir, sha));
    if (!body) return undefined;
    // The object read is the one named: whatever went wrong in reading, it cannot be another commit.
    const hash = createHash('sha1').update(`commit ${body.length}\0`).update(body).digest('hex');
    return hash === sha ? parseCommit(sha, body) : undefined;
  } catch {
    return undefined; // a file of a form not read here (a truncated index, zlib data cut short)
  }
}

const SHA1 = /^[0-9a-f]{40}$/;

async function resolveHead(gitDir: string): Promise<string | undefined> {
  const head = (await readFile(path.join(gitDir, 'HEAD'), 'utf8').catch(() => '')).trim();
  if (SHA1.test(head)) return head;
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  if (!ref) return undefined;
  const loose = (await readFile(path.join(gitDir, ref), 'utf8').catch(() => '')).trim();
  if (SHA1.test(loose)) return loose;
  const packed = await readFile(path.join(gitDir, 'packed-refs'), 'utf8').catch(() => '');
  for (const line of packed.split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && SHA1.test(sha)) return sha;
  }
  return undefined;
}

/** The object's content after its `commit <size>\0` header, if it is a loose commit. */
async function readLoose(gitDir: string, sha: string): Promise<Buffer | undefined> {
  const file = path.join(gitDir, 'objects', sha.slice(0, 2), sha.slice(2));
  const data = await readFile(file).catch(() => undefined);
  if (!data) return undefined;
  const raw = inflateSync(data);
  const nul = raw.indexOf(0);
  const header = raw.subarray(0, nul).toString('latin1');
  return header === `commit ${raw.length - nul - 1}` ? raw.subarray(nul + 1) : undefined;
}

/** The commit's content from a pack, found through the pack's version 2 index. */
async function readPacked(gitDir: string, sha: string): Promise<Buffer | undefined> {
  const packDir = path.join(gitDir, 'objects', 'pack');
  const indexes = (await readdir(packDir).catch(() => [])).filter((f) => f.endsWith('.idx'));
  for (const idx of indexes) {
    const offset = await offsetInIndex(path.join(packDir, idx), sha);
    if (offset !== undefined) return readPackEntry(path.join(packDir, `${idx.slice(0, -4)}.pack`), offset);
  }
  return undefined;
}

/**
 * Looks the SHA up in a version 2 pack index: magic and version, 256 cumulative counts by first byte,
 * the sorted names, their CRCs, 4-byte offsets (high bit: an index into the 8-byte offsets after).
 */
async function offsetInIndex(file: string, sha: string): Promise<number | undefined> {
  const idx = await readFile(file);
  if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) return undefined;
  const fanout = (i: number) => (i < 0 ? 0 : idx.readUInt32BE(8 + i * 4));
  const count = fanout(255);
  const names = 8 + 256 * 4;
  const want = Buffer.from(sha, 'hex');
  let lo = fanout(want[0] - 1);
  let hi = fanout(want[0]);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const cmp = idx.compare(want, 0, 20, names + mid * 20, names + mid * 20 + 20);
    if (cmp === 0) {
      const offsets = names + count * 24;
      const small = idx.readUInt32BE(offsets + mid * 4);
      if (!(small & 0x80000000)) return small;
      const large = offsets + count * 4 + (small & 0x7fffffff) * 8;
      return Number(idx.readBigUInt64BE(large));
    }
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}

/** A whole (not delta-compressed) commit in a pack: a type-and-size header, then zlib data. */
async function readPackEntry(file: string, offset: number): Promise<Buffer | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, head.length, offset);
    let byte = head[0];
    if (((byte >> 4) & 7) !== 1) return undefined; // 1 is a commit; 6 and 7 are deltas
    let size = byte & 0x0f;
    let at = 1;
    for (let shift = 4; byte & 0x80; shift += 7) {
      if (at >= bytesRead || shift > 28) return undefined;
      byte = head[at++];
      size += (byte & 0x7f) * 2 ** shift;
    }
    // Deflate never grows data by more than 5 bytes per 16 KiB block plus its own 6 bytes of framing.
    const room = size + 5 * Math.ceil(size / 16384) + 64;
    const packed = Buffer.alloc(room);
    const read = await handle.read(packed, 0, room, offset + at);
    const body = inflateSync(packed.subarray(0, read.bytesRead));
    return body.length === size ? body : undefined;
  } finally {
    await handle.close();
  }
}

/** The author and message of a commit object, as `git log` shows them (`%an`, `%ae`, `%aI`, `%B`). */
function parseCommit(sha: string, body: Buffer): CommitFacts | undefined {
  const text = body.toString('utf8');
  const end = text.indexOf('\n\n');
  const headers = (end < 0 ? text : text.slice(0, end)).split('\n');
  // A message in another encoding is one git would re-encode: leave it to git.
  if (headers.some((h) => h.startsWith('encoding ') && !/^encoding utf-?8$/i.test(h))) return undefined;
  const author = headers.find((h) => h.startsWith('author '));
  const m = author && /^author (.*?) ?<([^<>]*)> (\d+) ([+-]\d{4})$/.exec(author);
  if (!m) return undefined;
  const date = isoDate(Number(m[3]), m[4]);
  if (!date) return undefined;
  const message = end < 0 ? '' : text.slice(end + 2).trim();
  return { sha, author: m[1].trim(), email: m[2], date, message };
}

/** `1700000000 +0130` as 2023-11-14T23:43:20+01:30: the author's wall clock and offset. */
export function isoDate(seconds: number, tz: string): string | undefined {
  const m = /^([+-])(\d\d)(\d\d)$/.exec(tz);
  if (!m || !Number.isSafeInteger(seconds)) return undefined;
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60;
  const local = new Date((seconds + offset) * 1000);
  const year = local.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  const sign = m[1] === '-' && offset !== 0 ? '-' : '+';
  return `${local.toISOString().slice(0, 19)}${sign}${m[2]}:${m[3]}`;
}
