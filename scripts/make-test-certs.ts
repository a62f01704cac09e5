/**
 * Writes .tools/tls/{ca,ca-key,server,server-key}.pem (SAN 127.0.0.1, localhost, ::1) unless valid ones
 * exist. `npm test` trusts .tools/tls/ca.pem through NODE_EXTRA_CA_CERTS, which Node reads only at start,
 * so the certificates are made once at set-up rather than per test.
 * Usage: npx tsx scripts/make-test-certs.ts [dir]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTlsDir } from '../src/emulator/tls.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(root, process.argv[2] ?? '.tools/tls');
const result = await ensureTlsDir(dir);
console.log(`${result.created ? 'Wrote' : 'Kept'} test certificates in ${path.relative(root, dir) || dir}`);
