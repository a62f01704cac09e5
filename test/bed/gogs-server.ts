import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { gogsBinary, requireSetUp, tlsDir } from './paths.js';

const run = promisify(execFile);

export interface GogsServer {
  /** https://127.0.0.1:PORT/ */
  url: string;
  caFile: string;
  dir: string;
  /** Runs `gogs <args>` against this server's configuration. */
  admin(args: string[]): Promise<string>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((p) => p.kill('SIGKILL')));

/**
 * Starts a real Gogs (v0.14.3, built by the set-up command) on a free loopback port, over HTTPS with
 * the test CA, with SQLite in a fresh temporary folder. Headless settings are those in DESIGN.md.
 */
export async function startGogsServer(): Promise<GogsServer> {
  requireSetUp(gogsBinary);
  requireSetUp(path.join(tlsDir, 'server.pem'));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-bed-'));
  const port = await freePort();
  const url = `https://127.0.0.1:${port}/`;
  const user = os.userInfo().username;
  for (const d of ['custom/conf', 'data', 'repos', 'home', 'log'])
    await mkdir(path.join(dir, d), { recursive: true });
  const ini = path.join(dir, 'custom/conf/app.ini');
  await writeFile(
    ini,
    `RUN_USER = ${user}
RUN_MODE = prod
[server]
PROTOCOL = https
CERT_FILE = ${path.join(tlsDir, 'server.pem')}
KEY_FILE = ${path.join(tlsDir, 'server-key.pem')}
HTTP_ADDR = 127.0.0.1
HTTP_PORT = ${port}
EXTERNAL_URL = ${url}
DOMAIN = 127.0.0.1
DISABLE_SSH = true
START_SSH_SERVER = false
OFFLINE_MODE = true
APP_DATA_PATH = ${path.join(dir, 'data')}
[repository]
ROOT = ${path.join(dir, 'repos')}
DEFAULT_BRANCH = main
[database]
TYPE = sqlite3
PATH = ${path.join(dir, 'data/gogs.db')}
[security]
INSTALL_LOCK = true
SECRET_KEY = ${Math.random().toString(36).slice(2)}
LOCAL_NETWORK_ALLOWLIST = 127.0.0.1,localhost
[log]
MODE = file
LEVEL = Warn
ROOT_PATH = ${path.join(dir, 'log')}
[session]
PROVIDER = memory
[cache]
ADAPTER = memory
[mirror]
DEFAULT_INTERVAL = 8760
`,
  );
  // Gogs checks RUN_USER against $USER and keeps its own files under $HOME.
  // GIT_SSL_CAINFO lets Gogs' own git (mirrors, migrations) trust the bed's loopback certificate.
  const env = {
    ...process.env,
    USER: user,
    HOME: path.join(dir, 'home'),
    GOGS_CUSTOM: path.join(dir, 'custom'),
    GIT_SSL_CAINFO: path.join(tlsDir, 'ca.pem'),
  };
  const child = spawn(gogsBinary, ['web', '--config', ini], { cwd: dir, env, stdio: 'ignore' });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const caFile = path.join(tlsDir, 'ca.pem');
  await waitForHealth(url, child);

  return {
    url,
    caFile,
    dir,
    async admin(args) {
      const { stdout } = await run(gogsBinary, ['admin', ...args, '--config', ini], { cwd: dir, env });
      return stdout;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Gogs exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(new URL('healthcheck', url)).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('Gogs did not answer /healthcheck within 30 s');
}
