// The emulator for bench/deploy.ts, in its own process (as ARM is remote): started from a seed file,
// it prints its endpoints as one JSON line and runs until its stdin closes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../src/emulator/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tlsDir = path.join(root, '.tools', 'tls');
const emu = await startEmulator({
  tls: {
    certFile: path.join(tlsDir, 'server.pem'),
    keyFile: path.join(tlsDir, 'server-key.pem'),
    caFile: path.join(tlsDir, 'ca.pem'),
  },
  seed: JSON.parse(readFileSync(process.argv[2], 'utf8')) as unknown,
});
process.stdout.write(
  `${JSON.stringify({
    armEndpoint: emu.armEndpoint,
    authorityHost: emu.authorityHost,
    tenantId: emu.tenantId,
    subscriptionId: emu.subscriptionId,
    resourceGroup: emu.resourceGroup,
    serviceName: emu.serviceName,
    github: {
      requestUrl: emu.github.requestUrl,
      requestToken: emu.github.requestToken,
      issuer: emu.github.issuer,
      subject: emu.github.subject,
    },
  })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => void emu.close().then(() => process.exit(0)));
