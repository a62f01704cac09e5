// Validate throughput against bare sax parsing of the same bytes, on a generated 10,000-policy
// repository in the APIOps layout built from the corpus' shapes. Ratio from one run, rounds interleaved.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sax from 'sax';
import { loadRepository } from '../src/policy/layout.js';
import { emptyRuleset } from '../src/validate/config.js';
import { validateLoaded, validatePolicyText, validateRepository } from '../src/validate/index.js';
import { mutate, mutations } from '../test/policy/mutate.js';
import { fileURLToPath } from 'node:url';
import { interleaved, sideBySide } from './_measure.js';
import { readPolicy } from '../src/policy/reader.js';
import { expressionSites } from '../src/validate/checks/expressions.js';
import { analyzeCode, analyzeExpression } from '../src/validate/expressions/analyze.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POLICIES = 10_000;
const ROUNDS = 3;
const FUZZ_CASES = 30_000;
/** More rounds where the difference measured (expression checking) is a fraction of the whole. */
const EXPRESSION_ROUNDS = 5;

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

function saxParse(text: string): void {
  const parser = sax.parser(false, { position: true });
  parser.onerror = () => {
    (parser as { error: Error | null }).error = null;
    parser.resume();
  };
  parser.write(text).close();
}

/**
 * The baseline: read every file (32 at a time, as the loader does, so I/O is alike) and parse it with
 * sax (non-strict, so raw expressions do not stop it).
 */
async function bareSax(dir: string, files: string[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) saxParse(await readFile(path.join(dir, files[next++]), 'utf8'));
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-bench-validate-'));
  try {
    const bytes = await generate(dir, shapes());
    // One validate run first, alone, so max RSS measures what a validate run needs (plus generation).
    await validateRepository({ root: dir });
    const peakOneRunMb = process.resourceUsage().maxRSS / 1024;
    const repo = await loadRepository(dir);
    const files = repo.policies.map((p) => p.file);
    let diagnostics = 0;
    // End to end: validateRepository (walk, read, parse, check) against reading + sax-parsing the files.
    const disk = await sideBySide(
      async () => {
        diagnostics = (await validateRepository({ root: dir })).diagnostics.length;
      },
      () => bareSax(dir, files),
      ROUNDS,
    );
    // In memory: the same bytes already loaded, so only parsing and checking are compared; with and
    // without expression checking (both expression rules off skips the C# parse), rounds interleaved.
    const ruleset = emptyRuleset();
    // Without: the engine's measurement switch (a ruleset cannot turn checks of deployed files off),
    // and the unset-variable rule off.
    const noExpressions = emptyRuleset();
    noExpressions.rules.set('expression-variable-unset', { severity: 'off', options: {} });
    const [withExpr, withoutExpr, saxMs] = await interleaved(
      [
        async () => validateLoaded(repo, ruleset, {}),
        async () => validateLoaded(repo, noExpressions, { skipExpressions: true }),
        async () => {
          for (const p of repo.policies) saxParse(p.text);
        },
      ],
      EXPRESSION_ROUNDS,
    );
    const memory = { a: withExpr, b: saxMs };
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const verdict = (r: number): string => `${r.toFixed(2)} (goal >= 0.5) ${r >= 0.5 ? 'OK' : 'BELOW GOAL'}`;
    console.log(
      `policies: ${files.length} files, ${(bytes / 1048576).toFixed(1)} MiB (from corpus shapes), ${diagnostics} diagnostics`,
    );
    console.log(
      `end to end: validate ${disk.a.toFixed(0)} ms, read + bare sax ${disk.b.toFixed(0)} ms (medians of ${ROUNDS})`,
    );
    console.log(`  throughput ratio validate/sax: ${verdict(disk.b / disk.a)}`);
    console.log(`  files/second: ${Math.round(files.length / (disk.a / 1000))}`);
    console.log(
      `in memory: validate ${memory.a.toFixed(0)} ms, bare sax ${memory.b.toFixed(0)} ms (medians of ${EXPRESSION_ROUNDS})`,
    );
    console.log(`  throughput ratio validate/sax: ${verdict(memory.b / memory.a)}`);
    console.log(`  files/second: ${Math.round(files.length / (memory.a / 1000))}`);
    console.log(
      `expression checking, in memory: validate/sax ${(saxMs / withExpr).toFixed(2)} with, ${(saxMs / withoutExpr).toFixed(2)} without ` +
        `(validate ${withExpr.toFixed(0)} ms with, ${withoutExpr.toFixed(0)} ms without; +${(((withExpr - withoutExpr) / withoutExpr) * 100).toFixed(0)}%)`,
    );
    expressionCoverage();
    expressionCost(repo.policies.map((p) => p.text));
    const ok = peakOneRunMb < 512 ? 'OK' : 'ABOVE GOAL';
    console.log(
      `peak memory of one validate run (max RSS): ${peakOneRunMb.toFixed(0)} MB (goal < 512 MB) ${ok}`,
    );
    console.log(
      `  max RSS after all rounds (repository held twice, garbage not yet collected): ${peakMb.toFixed(0)} MB`,
    );
    fuzz(shapes());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The C# analysis alone (lex, parse, semantics) of every expression of the generated repository. */
function expressionCost(texts: string[]): void {
  const codes = texts.flatMap((t) => {
    const root = readPolicy(t).root;
    return root ? expressionSites(root).map((s) => s.expression) : [];
  });
  const t = performance.now();
  for (const e of codes) analyzeCode(e.code, e.kind);
  const ms = performance.now() - t;
  console.log(
    `  the C# analysis alone: ${ms.toFixed(0)} ms for ${codes.length} expressions (${((ms / codes.length) * 1000).toFixed(0)} µs each)`,
  );
}

/** How much of the corpus the C# parser reads fully, and how many expressions get a finding. */
function expressionCoverage(): void {
  const corpus = path.resolve(projectRoot, '../shared/corpus');
  if (!existsSync(corpus)) return;
  let total = 0;
  let parsed = 0;
  let flagged = 0;
  for (const dir of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(path.join(corpus, dir.name)).filter((n) => n.endsWith('.xml'))) {
      const root = readPolicy(readFileSync(path.join(corpus, dir.name, f), 'utf8')).root;
      for (const { expression } of root ? expressionSites(root) : []) {
        const a = analyzeExpression(expression);
        total++;
        if (!a.syntax.length) parsed++;
        if (a.syntax.length || a.problems.length) flagged++;
      }
    }
  }
  console.log(
    `corpus expressions: ${parsed}/${total} fully parsed (${((parsed / total) * 100).toFixed(1)}%), ${flagged} with a finding (all broken upstream: see test/validate/expressions-corpus.test.ts)`,
  );
}

/** More fuzzing than the test runs: mutated corpus policies through the whole single-policy validation. */
function fuzz(docs: string[]): void {
  let cases = 0;
  const failures: string[] = [];
  fc.assert(
    fc.property(fc.nat({ max: docs.length - 1 }), mutations, (i, muts) => {
      cases++;
      try {
        validatePolicyText(mutate(docs[i], muts), { scope: 'api' });
      } catch (err) {
        failures.push(String(err));
      }
    }),
    { numRuns: FUZZ_CASES },
  );
  console.log(
    `fuzz: ${cases} mutated corpus policies validated, ${failures.length} crashes${failures.length ? `: ${failures[0]}` : ''}`,
  );
}
