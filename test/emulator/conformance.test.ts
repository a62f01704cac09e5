import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../src/emulator/index.js';
import { hasShared, sharedDir } from '../support/shared.js';
import { githubCredential, startTestEmulator } from './support.js';

/**
 * Replays every ARM example Azure's teams publish (../shared/reference/arm-examples) whose operation
 * the emulator implements: the example's request goes in, and the status, the headers the example
 * shows and the shape of the body must match. Examples of operations the emulator does not implement
 * are listed as skipped tests, with the reason.
 */

const examplesDir = path.join(sharedDir, 'reference/arm-examples');
const specDir = path.join(sharedDir, 'reference/arm-spec');
const hasReference = hasShared && existsSync(examplesDir) && existsSync(specDir);

/** Operations the emulator does not implement, with why. */
const notImplemented: Record<string, string> = {
  PolicyDescription_ListByService: 'the policy description catalog is not emulated',
};

/**
 * Known, deliberate differences from an example, by file: each says why the example cannot be matched
 * literally. Everything else in the example is still compared.
 */
const exampleQuirks: Record<string, { ignore: string[]; why: string }> = {
  'ApiManagementCreateApiPolicyNonXmlEncoded.json': {
    ignore: ['id', 'type'],
    why: 'the example answer was copied from another service and an operation policy (id and type disagree with the request)',
  },
  'ApiManagementCreateApi.json': {
    ignore: ['id', 'name'],
    why: 'the example answers with another API id (apiid9419) than it requests (tempgroup)',
  },
};

interface Example {
  file: string;
  operationId: string;
  method: string;
  pathTemplate: string;
  parameters: Record<string, unknown>;
  responses: Record<string, { headers?: Record<string, string>; body?: unknown }>;
}

function loadExamples(): { examples: Example[]; outsideSpec: string[] } {
  if (!hasReference) return { examples: [], outsideSpec: [] };
  const byFile = new Map<string, { operationId: string; method: string; pathTemplate: string }>();
  for (const specFile of readdirSync(specDir).filter((f) => f.endsWith('.json'))) {
    const spec = JSON.parse(readFileSync(path.join(specDir, specFile), 'utf8')) as {
      paths: Record<
        string,
        Record<string, { operationId?: string; 'x-ms-examples'?: Record<string, { $ref: string }> }>
      >;
    };
    for (const [pathTemplate, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const ref of Object.values(op['x-ms-examples'] ?? {}))
          byFile.set(path.basename(ref.$ref), {
            operationId: op.operationId ?? '',
            method: method.toUpperCase(),
            pathTemplate,
          });
      }
    }
  }
  const examples: Example[] = [];
  const outsideSpec: string[] = [];
  for (const file of readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const op = byFile.get(file);
    if (!op) {
      outsideSpec.push(file);
      continue;
    }
    const example = JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8')) as Pick<
      Example,
      'parameters' | 'responses'
    >;
    examples.push({ file, ...op, ...example });
  }
  return { examples, outsideSpec };
}

const { examples, outsideSpec } = loadExamples();
const implemented = examples.filter((e) => !notImplemented[e.operationId]);
const skipped = examples.filter((e) => notImplemented[e.operationId]);
const queryParams = ['format', '$filter', '$top', '$skip', 'deleteRevisions', 'deleteSubscriptions'];

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Every key of `expected` must be in `actual` with the same JSON type, recursively (first array items). */
function shapeDifferences(expected: unknown, actual: unknown, at: string, ignore: string[]): string[] {
  if (ignore.includes(at.replace(/^\./, ''))) return [];
  if (typeOf(expected) !== typeOf(actual))
    return [`${at || '(body)'}: expected ${typeOf(expected)}, got ${typeOf(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length && !actual.length) return [`${at}: expected items, got none`];
    if (!expected.length) return [];
    // The emulator keeps what earlier examples created, so compare with the item of the same name.
    const first = expected[0] as { name?: unknown };
    const same =
      actual.find((a: { name?: unknown }) => first?.name !== undefined && a?.name === first.name) ??
      actual[0];
    return shapeDifferences(first, same, `${at}[0]`, ignore);
  }
  if (typeOf(expected) !== 'object') return [];
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  return Object.keys(e)
    .filter((k) => k !== 'nextLink') // ARM omits nextLink on the last page; the examples show "".
    .flatMap((k) => (k in a ? shapeDifferences(e[k], a[k], `${at}.${k}`, ignore) : [`${at}.${k}: missing`]));
}

/** Location and Azure-AsyncOperation must point at the same path (ids normalised) with the same query names. */
function urlShape(url: string): string {
  const u = new URL(url);
  const pathShape = u.pathname
    .replace(/[0-9a-f]{24}/gi, '{id}')
    .replace(
      /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ApiManagement\/service\/[^/]+/i,
      '{service}',
    );
  return `${pathShape}?${[...u.searchParams.keys()].sort().join('&')}`;
}

// Without ../shared (a user's fresh clone) there is nothing to replay: one skipped test says so.
if (!hasReference) it.skip('replays ../shared/reference/arm-examples (absent here)', () => undefined);
else
  describe('ARM examples conformance', () => {
    let emu: Emulator;
    let token: string;

    beforeAll(async () => {
      // The examples all use these ids.
      emu = await startTestEmulator({
        subscriptionId: '00000000-0000-0000-0000-000000000000',
        resourceGroup: 'rg1',
        serviceName: 'apimService1',
      });
      token = (await githubCredential(emu).getToken('https://management.azure.com/.default'))?.token ?? '';
    });

    afterAll(() => emu.close());

    async function call(
      method: string,
      urlPath: string,
      query: Record<string, string>,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Response> {
      const url = new URL(`${emu.armEndpoint}${urlPath}`);
      url.searchParams.set('api-version', '2024-05-01');
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      return fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    }

    /** Creates an entity (and its parents) at `entityPath` below the service if it is not there. */
    async function ensure(entityPath: string, properties?: Record<string, unknown>): Promise<void> {
      const segments = entityPath.split('/');
      for (let i = 2; i < segments.length; i += 2) await ensure(segments.slice(0, i).join('/'));
      const servicePath = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1`;
      const kind = segments[segments.length - 2];
      const name = segments[segments.length - 1];
      const exists = await call('GET', `${servicePath}/${entityPath}`, {});
      if (exists.status === 200 && !properties) return;
      const defaults: Record<string, Record<string, unknown>> = {
        apis: { displayName: name, path: name },
        operations: { displayName: name, method: 'GET', urlTemplate: `/${name}` },
        products: { displayName: name },
        policies: {
          value:
            segments.length > 2
              ? '<policies><inbound><base /></inbound></policies>'
              : '<policies><inbound /></policies>',
        },
        namedValues: { displayName: name, value: 'value' },
        policyFragments: { value: '<fragment><set-header name="x" exists-action="delete" /></fragment>' },
        backends: { url: 'https://backend.example', protocol: 'http' },
        tags: { displayName: name },
        releases: { apiId: `${servicePath}/${segments.slice(0, 2).join('/')}` },
      };
      if (kind === 'tags' && segments.length > 2) {
        await ensure(`tags/${name}`);
        await call('PUT', `${servicePath}/${entityPath}`, {});
        return;
      }
      const res = await call(
        'PUT',
        `${servicePath}/${entityPath}`,
        {},
        { properties: properties ?? defaults[kind] ?? {} },
        { 'if-match': '*' },
      );
      if (res.status >= 300) throw new Error(`arranging ${entityPath}: ${res.status} ${await res.text()}`);
    }

    /** Read-only or answer-only fields that a PUT must not carry when arranging from an example answer. */
    function writable(props: Record<string, unknown>): Record<string, unknown> {
      const {
        provisioningState: _p,
        createdDateTime: _c,
        updatedDateTime: _u,
        isCurrent: _i,
        isOnline: _o,
        ...rest
      } = props;
      if (isRecordLike(rest.keyVault))
        rest.keyVault = {
          secretIdentifier: rest.keyVault.secretIdentifier,
          identityClientId: rest.keyVault.identityClientId,
        };
      return rest;
    }

    function isRecordLike(v: unknown): v is Record<string, unknown> {
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    }

    /** Puts in place what the example's request presupposes (parents; the entity read, listed or deleted). */
    async function arrange(example: Example, entityPath: string): Promise<void> {
      const segments = entityPath.split('/');
      const isItem = segments.length % 2 === 0;
      const answer = Object.values(example.responses).find((r) => isRecordLike(r.body))?.body as
        Record<string, unknown> | undefined;
      if (example.method === 'PUT') {
        for (let i = 2; i < segments.length; i += 2) await ensure(segments.slice(0, i).join('/'));
        // Named values a policy refers to must exist, as on a real service.
        const requestBody = JSON.stringify(example.parameters.parameters ?? {});
        for (const m of requestBody.matchAll(/\{\{([^{}]+)\}\}/g))
          await ensure(`namedValues/${m[1]}`, { displayName: m[1], value: '10' });
        if (example.operationId === 'Tag_AssignToApi')
          await ensure(`tags/${segments[3]}`, { displayName: 'tag1' });
        if (example.operationId === 'ApiRelease_CreateOrUpdate') await ensure('apis/a1');
        return;
      }
      if (example.operationId === 'Operation_ListByTags') {
        const op = `${segments.slice(0, 2).join('/')}/operations/create-resource`;
        await ensure(op, {
          displayName: 'Create resource',
          method: 'POST',
          urlTemplate: '/resource',
          description: 'A demonstration',
        });
        await ensure(`${op}/tags/apitag123`);
        return;
      }
      if (example.method === 'POST' && example.operationId === 'PolicyFragment_ListReferences') {
        await ensure(`policyFragments/${segments[1]}`);
        await ensure('policies/policy', {
          value: `<policies><inbound><include-fragment fragment-id="${segments[1]}" /></inbound></policies>`,
        });
        return;
      }
      if (example.method === 'POST' || example.method === 'PATCH') {
        await ensure(
          segments.slice(0, 2).join('/'),
          answer && isRecordLike(answer.properties) ? writable(answer.properties) : undefined,
        );
        return;
      }
      if (isItem) {
        const props = answer && isRecordLike(answer.properties) ? writable(answer.properties) : undefined;
        if (props && typeof props.value === 'string' && props.format === 'rawxml') props.format = 'rawxml';
        await ensure(entityPath, props);
        return;
      }
      // A list: create each listed item from the answer, or at least the parent.
      for (let i = 2; i < segments.length; i += 2) await ensure(segments.slice(0, i).join('/'));
      const items = (answer?.value as Record<string, unknown>[] | undefined) ?? [];
      for (const item of items) {
        if (
          example.operationId === 'ApiRevision_ListByService' ||
          example.operationId.startsWith('Tag_ListBy')
        ) {
          if (example.operationId.startsWith('Tag_ListBy'))
            await ensure(`${entityPath}/${String(item.name)}`);
          continue;
        }
        const props = isRecordLike(item.properties) ? writable(item.properties) : undefined;
        if (props && String(props.value ?? '').startsWith('<!--')) props.format = 'rawxml';
        if (props && example.operationId === 'ApiRelease_ListByService') props.apiId = `/apis/${segments[1]}`;
        await ensure(`${entityPath}/${String(item.name)}`, props);
      }
    }

    it.each(implemented.map((e) => [e.file, e] as const))('%s', async (_file, example) => {
      const p = example.parameters;
      const urlPath = example.pathTemplate.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(String(p[name])),
      );
      const entityPath = urlPath.split('/service/apimService1/')[1];
      await arrange(example, entityPath);
      const query = Object.fromEntries(
        queryParams.filter((q) => p[q] !== undefined).map((q) => [q, String(p[q])]),
      );
      const headers: Record<string, string> =
        p['If-Match'] !== undefined ? { 'if-match': String(p['If-Match']) } : {};
      const res = await call(example.method, urlPath, query, p.parameters, headers);
      const text = await res.text();
      const expected = example.responses[String(res.status)];
      // On a status the example does not list, show the body: it says why.
      expect({
        status: res.status,
        allowed: Object.keys(example.responses).includes(String(res.status)),
      }).toEqual({ status: res.status, allowed: true, ...(expected ? {} : { body: text.slice(0, 500) }) });
      for (const [name, value] of Object.entries(expected.headers ?? {})) {
        const actual = res.headers.get(name);
        expect([name, actual === null ? 'missing' : 'present']).toEqual([name, 'present']);
        if (/^https?:/.test(value))
          expect([name, urlShape(actual as string)]).toEqual([name, urlShape(value)]);
      }
      if (expected.body !== undefined) {
        const quirk = exampleQuirks[example.file];
        const body = JSON.parse(text) as Record<string, unknown>;
        expect(shapeDifferences(expected.body, body, '', quirk?.ignore ?? [])).toEqual([]);
        const exp = expected.body as Record<string, unknown>;
        if (typeof exp.name === 'string' && !quirk?.ignore.includes('name')) expect(body.name).toBe(exp.name);
        if (typeof exp.type === 'string' && !quirk?.ignore.includes('type')) expect(body.type).toBe(exp.type);
      }
    });

    // Listed so the report shows what is not emulated; skipped tests carry the reason in their name.
    it.skip.each(skipped.map((e) => [e.file, e.operationId, notImplemented[e.operationId]] as const))(
      '%s (%s): %s',
      () => undefined,
    );
    it.skip.each(outsideSpec.map((f) => [f] as const))(
      '%s: operation not in the collected spec files (a neighbouring resource)',
      () => undefined,
    );
  });
