import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeLayout } from '../../src/deploy/extract/write-layout.js';
import type { InstanceSnapshot } from '../../src/deploy/extract/read-instance.js';

async function files(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await files(dir, child)));
    else out.push(child);
  }
  return out.sort();
}

test('a full extract into an existing APIOps repository replaces only its own files', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-layout-'));
  try {
    const existing: Record<string, string> = {
      'apis/orders/specification.yaml': 'openapi: 3.0.1\n', // APIOps' own: kept
      'apis/orders/policy.xml': '<policies />', // the live API has no policy any more: removed
      'apis/orders/diagnostics/applicationinsights/diagnosticInformation.json': '{}', // kept
      'apis/gone/apiInformation.json': '{}', // deleted in APIM: removed, folder too
      'apis/gone/policy.xml': '<policies />',
      'named values/old/namedValueInformation.json': '{}',
      'loggers/appinsights/loggerInformation.json': '{}', // not a folder extract owns: kept
      'README.md': '# APIM\n',
    };
    for (const [rel, text] of Object.entries(existing)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), text);
    }
    const snapshot: InstanceSnapshot = {
      globalPolicy: '<policies><inbound /></policies>',
      namedValues: [],
      backends: [],
      fragments: [],
      apis: [{ id: 'orders', properties: { displayName: 'Orders', path: 'orders' }, operations: [] }],
      products: [],
      secretsWithoutKeyVault: [],
      credentialPlaceholders: [],
    };
    const written = await writeLayout(dir, snapshot, { replace: true });
    expect(written).toEqual(['policy.xml', 'apis/orders/apiInformation.json']);
    expect(await files(dir)).toEqual([
      'README.md',
      'apis/orders/apiInformation.json',
      'apis/orders/diagnostics/applicationinsights/diagnosticInformation.json',
      'apis/orders/specification.yaml',
      'loggers/appinsights/loggerInformation.json',
      'policy.xml',
    ]);

    // A filtered extract only adds: nothing is removed.
    await writeLayout(dir, { ...snapshot, globalPolicy: undefined, apis: [] }, { replace: false });
    expect(await files(dir)).toContain('policy.xml');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
