import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isRecord } from './http.js';
import type { Seed } from './seed.js';

/**
 * Reads an APIOps-layout folder into a seed: `policy.xml`, `named values/{n}/namedValueInformation.json`,
 * `policy fragments/{f}/policyFragmentInformation.json` + `policy.xml`, `backends/{b}/backendInformation.json`,
 * `tags/{t}/tagInformation.json`, `products/{p}/productInformation.json` (+ `policy.xml`, `apis.json`),
 * `apis/{a}/apiInformation.json` (+ `policy.xml`, `operations/{o}/policy.xml`). Policy files are
 * taken as rawxml, which is how APIOps writes them. `workspaces/{ws}/workspaceInformation.json` makes a
 * workspace whose folder holds the same layout again (`workspaces/{ws}/policy.xml` is its policy).
 */

function dirs(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
}

function readJson(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!isRecord(value)) return undefined;
  // APIOps information files hold the ARM body: {properties: {...}}.
  return isRecord(value.properties) ? value.properties : value;
}

function readPolicy(file: string): { value: string; format: 'rawxml' } | undefined {
  return existsSync(file) ? { value: readFileSync(file, 'utf8'), format: 'rawxml' } : undefined;
}

function byFolder<T>(folder: string, read: (dir: string, name: string) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const name of dirs(folder)) {
    const value = read(path.join(folder, name), name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function readApiOpsFolder(root: string): Seed {
  return {
    ...readLevel(root),
    workspaces: byFolder(path.join(root, 'workspaces'), (dir, name) => ({
      displayName: name,
      ...readJson(path.join(dir, 'workspaceInformation.json')),
      ...readLevel(dir),
    })),
  };
}

/** One level of the layout: the service root, or a workspace folder. */
function readLevel(root: string): Seed {
  return {
    policy: readPolicy(path.join(root, 'policy.xml')),
    namedValues: byFolder(path.join(root, 'named values'), (dir) =>
      readJson(path.join(dir, 'namedValueInformation.json')),
    ),
    policyFragments: byFolder(path.join(root, 'policy fragments'), (dir) => {
      const policy = readPolicy(path.join(dir, 'policy.xml'));
      return policy
        ? { ...readJson(path.join(dir, 'policyFragmentInformation.json')), ...policy }
        : undefined;
    }),
    backends: byFolder(path.join(root, 'backends'), (dir) =>
      readJson(path.join(dir, 'backendInformation.json')),
    ),
    tags: byFolder(
      path.join(root, 'tags'),
      (dir, name) => readJson(path.join(dir, 'tagInformation.json')) ?? { displayName: name },
    ),
    apis: byFolder(path.join(root, 'apis'), (dir, name) => ({
      displayName: name,
      path: name,
      ...readJson(path.join(dir, 'apiInformation.json')),
      policy: readPolicy(path.join(dir, 'policy.xml')),
      // Operations come from the API's specification in APIOps; the emulator makes a placeholder per folder.
      operations: byFolder(path.join(dir, 'operations'), (opDir, op) => ({
        displayName: op,
        method: 'GET',
        urlTemplate: `/${op}`,
        policy: readPolicy(path.join(opDir, 'policy.xml')),
      })),
    })),
    products: byFolder(path.join(root, 'products'), (dir, name) => {
      // Older APIOps writes products/{p}/apis.json; current APIOps a folder per API under products/{p}/apis/.
      const apis = existsSync(path.join(dir, 'apis.json'))
        ? (JSON.parse(readFileSync(path.join(dir, 'apis.json'), 'utf8')) as unknown)
        : dirs(path.join(dir, 'apis'));
      return {
        displayName: name,
        ...readJson(path.join(dir, 'productInformation.json')),
        policy: readPolicy(path.join(dir, 'policy.xml')),
        apis: Array.isArray(apis) ? apis.map((a: unknown) => (isRecord(a) ? String(a.name) : String(a))) : [],
      };
    }),
  };
}
