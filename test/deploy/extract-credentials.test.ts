import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractInstance } from '../../src/deploy/extract/index.js';
import { MemoryLogger } from '../../src/shared/logger.js';
import { startApimBed, type ApimBed } from './support.js';

// Extract never writes a credential into the repository: a backend's literal header/query values and
// authorization parameter become #{placeholders}# the user must fill (and are listed); a {{named value}}
// reference stays as it is.
const LITERAL = 'live-key-3c9e1f';
const AUTH = 'c2VjcmV0LWF1dGgtcGFyYW0=';
let bed: ApimBed;
beforeAll(async () => {
  bed = await startApimBed({
    seed: {
      namedValues: { 'orders-key': { displayName: 'orders-key', value: 'x', secret: true } },
      backends: {
        orders: {
          url: 'https://orders.internal',
          protocol: 'http',
          credentials: {
            header: { 'x-api-key': [LITERAL], 'x-ref': ['{{orders-key}}'] },
            authorization: { scheme: 'Basic', parameter: AUTH },
          },
        },
      },
    },
  });
});
afterAll(async () => bed?.close());

it('writes backend credentials as placeholders, keeps named-value references, and lists what to fill', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-extract-cred-'));
  const logger = new MemoryLogger();
  const result = await extractInstance({ connection: bed.connect(), root, logger });
  const info = JSON.parse(await readFile(path.join(root, 'backends/orders/backendInformation.json'), 'utf8'));
  expect(info.properties.credentials).toEqual({
    header: { 'x-api-key': ['#{backend-orders-header-x-api-key}#'], 'x-ref': ['{{orders-key}}'] },
    authorization: { scheme: 'Basic', parameter: '#{backend-orders-authorization}#' },
  });
  expect(result.credentialPlaceholders).toEqual([
    'backend-orders-header-x-api-key',
    'backend-orders-authorization',
  ]);
  expect(logger.lines.join('\n')).toMatch(
    /warning: 2 backend credential value\(s\) were written as placeholders/,
  );
  // Nowhere in what extract wrote.
  const walk = async (dir: string): Promise<string[]> =>
    (await readdir(dir, { withFileTypes: true, recursive: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
  for (const file of await walk(root)) {
    const text = await readFile(file, 'utf8');
    expect({ file, leaked: text.includes(LITERAL) || text.includes(AUTH) }).toEqual({ file, leaked: false });
  }
});
