import fc from 'fast-check';
import { armErrorInfo } from '../src/deploy/client.js';
import { canonicalOrRaw, policiesEqual } from '../src/deploy/xml-canonical.js';
import { GogsClient } from '../src/gogs/client.js';
import type { HttpResponse } from '../src/gogs/http.js';
import { readPolicy } from '../src/policy/reader.js';
import { renderTemplate } from '../src/policy/template.js';
import { parseRuleset } from '../src/validate/config.js';
import { ConfigurationError } from '../src/shared/errors.js';

/**
 * Property-based fuzzing of what reads untrusted text: the policy reader, the ruleset loader, the XML
 * comparison, the template renderer, and the parsing of Gogs and ARM answers. A crash is a throw a
 * user would see as an internal error (exit 5): anything but a ConfigurationError or an Error that
 * names what was wrong with the answer.
 */
export interface FuzzFigures {
  cases: number;
  crashes: number;
  slowestMs: number;
  slowestTarget: string;
  crashesByTarget: Record<string, number>;
  failures: string[];
}

const policyish = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        '<policies>',
        '</policies>',
        '<inbound>',
        '</inbound>',
        '<base />',
        '<set-header name="x" exists-action="override">',
        '</set-header>',
        '<value>',
        '</value>',
        '@(context.Request.Headers.GetValueOrDefault("a", "<b>"))',
        '@{ return "x" && "y"; }',
        '{{nv}}',
        '#{tpl}#',
        '<!-- c -->',
        '<![CDATA[x]]>',
        '&amp;',
        '&lt;',
        '<!DOCTYPE x [<!ENTITY e "x">]>',
        '"',
        "'",
        '(',
        ')',
        '{',
        '}',
        '\n',
        ' ',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

const yamlish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        'rules:\n',
        '  no-trace: off\n',
        '  rate-limit-required: error\n',
        'extends: recommended\n',
        'overrides:\n',
        '  - files: ["apis/**"]\n',
        '    rules: { x: warning }\n',
        'environments:\n',
        '  prod: {}\n',
        '&a [*a]\n',
        '- \n',
        ': :\n',
        '"\n',
        '{\n',
      ),
      { maxLength: 20 },
    )
    .map((p) => p.join('')),
);

const jsonish = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ error: v })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ sha: v, commit: v, full_name: v, login: v })),
);

function isCrash(err: unknown): boolean {
  if (err instanceof ConfigurationError) return false;
  if (!(err instanceof Error)) return true;
  return ['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'InternalError'].includes(err.name);
}

/** A Gogs client whose every answer is `res`, with no network and no retry. */
function gogsAnswering(res: HttpResponse): GogsClient {
  const client = new GogsClient({ url: 'https://gogs.example', token: 't', retry: { attempts: 1 } });
  (client as unknown as { send: () => Promise<HttpResponse> }).send = async () => res;
  return client;
}

export async function runFuzz(total: number, seed: number): Promise<FuzzFigures> {
  const figures: FuzzFigures = {
    cases: 0,
    crashes: 0,
    slowestMs: 0,
    slowestTarget: '',
    crashesByTarget: {},
    failures: [],
  };
  const timed = async (target: string, input: unknown, fn: () => unknown): Promise<void> => {
    const t = performance.now();
    try {
      await fn();
    } catch (err) {
      if (isCrash(err)) {
        figures.crashes++;
        figures.crashesByTarget[target] = (figures.crashesByTarget[target] ?? 0) + 1;
        if (figures.failures.length < 10)
          figures.failures.push(
            `${target}: ${(err as Error)?.name}: ${(err as Error)?.message} on ${JSON.stringify(input).slice(0, 200)}`,
          );
      }
    }
    const ms = performance.now() - t;
    figures.cases++;
    if (ms > figures.slowestMs) {
      figures.slowestMs = ms;
      figures.slowestTarget = target;
    }
  };
  const share = Math.ceil(total / 6);
  const run = async <T>(arb: fc.Arbitrary<T>, target: string, fn: (v: T) => unknown): Promise<void> => {
    await fc.assert(
      fc.asyncProperty(arb, async (v) => {
        await timed(target, v, () => fn(v));
      }),
      { numRuns: share, seed },
    );
  };
  await run(policyish, 'reader', (t) => readPolicy(t));
  await run(yamlish, 'ruleset loader', (t) =>
    parseRuleset(t, '.apim-gogs.yaml', ['no-trace', 'rate-limit-required']),
  );
  await run(fc.tuple(policyish, policyish), 'XML comparison', ([a, b]) => {
    canonicalOrRaw(a);
    policiesEqual(a, b);
  });
  await run(
    fc.tuple(
      policyish,
      fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }),
    ),
    'template renderer',
    ([t, values]) => renderTemplate(t, values, 'policy.xml'),
  );
  await run(
    fc.record({ status: fc.constantFrom(200, 201, 401, 404, 409, 422, 500), body: jsonish }),
    'Gogs answers',
    async ({ status, body }) => {
      const c = gogsAnswering({ status, headers: {}, body });
      for (const call of [
        () => c.getRepository('o', 'r'),
        () => c.getCommit('o', 'r', 'main'),
        () => c.listIssueComments('o', 'r', 1),
        () => c.getUser(),
      ]) {
        try {
          await call();
        } catch (err) {
          if (isCrash(err)) throw err;
        }
      }
    },
  );
  await run(
    fc.record({
      statusCode: fc.option(fc.constantFrom(400, 404, 409, 412, 429, 500, 503)),
      body: jsonish,
      retryAfter: fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.nat().map(String))),
    }),
    'ARM answers',
    ({ statusCode, body, retryAfter }) =>
      armErrorInfo({
        statusCode: statusCode ?? undefined,
        message: 'x',
        response: {
          bodyAsText: body,
          headers: { get: (n: string) => (n === 'retry-after' ? (retryAfter ?? undefined) : undefined) },
        },
      }),
  );
  return figures;
}
