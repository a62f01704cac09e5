// Validate throughput against bare sax parsing of the same bytes, on a generated 10,000-policy
// repository in the APIOps layout built from the corpus' shapes. Ratio from one run, rounds interleaved.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sax from 'sax';
import { loadRepository } from '../src/policy/layout.js';
import { validateRepository } from '../src/validate/index.js';
import { fileURLToPath } from 'node:url';
import { sideBySide } from './_measure.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POLICIES = 10_000;
const ROUNDS = 3;

/** `<policies>` documents from ../shared/corpus, or a few built-in shapes when it is absent. */
function shapes(): string[] {
  const corpus = path.resolve(projectRoot, '../shared/corpus');
  const out: string[] = [];
  if (existsSync(corpus)) {
    for (const dir of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(path.join(corpus, dir.name)).filter((n) => n.endsWith('.xml'))) {
        const text = readFileSync(path.join(corpus, dir.name, f), 'utf8');
        if (/^\s*(<\?xml[^>]*>\s*)?<policies/.test(text)) out.push(text);
      }
    }
  }
  if (!out.length) {
    out.push(
      '<policies><inbound><base /><set-header name="x" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("a", ""))</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
    );
  }
  return out;
}

/** 100 APIs, each with an API policy and 99 operation policies: 10,000 files. */
async function generate(dir: string, docs: string[]): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < POLICIES; i++) {
    const api = `api-${Math.floor(i / 100)}`;
    const op = i % 100;
    const rel = op === 0 ? `apis/${api}/policy.xml` : `apis/${api}/operations/op-${op}/policy.xml`;
    const text = docs[i % docs.length];
    bytes += Buffer.byteLength(text);
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return bytes;
}

/**
 * The baseline: read every file (32 at a time, as the loader does, so I/O is alike) and parse it with
 * sax (non-strict, so raw expressions do not stop it).
 */
async function bareSax(dir: string, files: string[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const text = await readFile(path.join(dir, files[next++]), 'utf8');
      const parser = sax.parser(false, { position: true });
      parser.onerror = () => {
        (parser as { error: Error | null }).error = null;
        parser.resume();
      };
      parser.write(text).close();
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-bench-validate-'));
  try {
    const bytes = await generate(dir, shapes());
    const files = (await loadRepository(dir)).policies.map((p) => p.file);
    let diagnostics = 0;
    const t = await sideBySide(
      async () => {
        diagnostics = (await validateRepository({ root: dir })).diagnostics.length;
      },
      () => bareSax(dir, files),
      ROUNDS,
    );
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const ratio = t.b / t.a;
    console.log(`policies: ${files.length} files, ${(bytes / 1048576).toFixed(1)} MiB (from corpus shapes)`);
    console.log(`validate: ${t.a.toFixed(0)} ms median of ${ROUNDS} (${diagnostics} diagnostics)`);
    console.log(
      `bare sax: ${t.b.toFixed(0)} ms median of ${ROUNDS} (same bytes, read from disk the same way)`,
    );
    console.log(
      `throughput ratio validate/sax: ${ratio.toFixed(2)} (goal >= 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW GOAL'}`,
    );
    console.log(`files/second: ${Math.round(files.length / (t.a / 1000))}`);
    console.log(
      `peak memory (max RSS): ${peakMb.toFixed(0)} MB (goal < 512 MB) ${peakMb < 512 ? 'OK' : 'ABOVE GOAL'}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
