import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gitCredentials } from '../../src/gogs/credentials.js';
import { policyRepoFixture } from './paths.js';
import { startGogsServer, type GogsServer } from './gogs-server.js';

const run = promisify(execFile);

export interface BedUser {
  name: string;
  password: string;
  token: string;
}

export interface GogsBed {
  server: GogsServer;
  url: string;
  caFile: string;
  /** Site administrator; owns the organisation. */
  admin: BedUser;
  /** The CI bot: only a read collaborator on the policy repository (least privilege). */
  bot: BedUser;
  owner: string;
  repo: string;
  /** owner/name */
  repository: string;
  /** Commits files on a branch of the policy repository (null deletes) and pushes; returns the SHA. */
  commit(files: Record<string, string | null>, message: string, branch?: string): Promise<string>;
  /** Pushes an annotated tag at the tip of a branch. */
  tag(name: string, branch?: string): Promise<void>;
  /** Opens a pull request from `head` into `base` through Gogs' web form (Gogs has no API for it). */
  openPullRequest(head: string, base: string, title: string, body?: string): Promise<number>;
  /** The HTML of a web page (e.g. `owner/repo/pulls/1`) as the admin sees it, logged in. */
  page(pathname: string): Promise<string>;
  createUser(name: string, password: string): Promise<BedUser>;
  /** A new access token of the user, named `name` (Gogs creates tokens with the user's password). */
  newToken(user: BedUser, name: string): Promise<string>;
  /**
   * Deletes the user's token named `name` in the web UI (Your settings > Applications > Delete), as
   * its owner would: Gogs has no API for it. Git and the API refuse the token from then on.
   */
  revokeToken(user: BedUser, name: string): Promise<void>;
  /** Calls the Gogs API as the admin. */
  api(method: string, apiPath: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The test bed's Gogs side: a real server with an admin, a read-only bot, an organisation and a
 * private policy repository in the APIOps layout (test/fixtures/policy-repo) pushed over git HTTPS.
 */
export async function startGogsBed(options: { seed?: boolean } = {}): Promise<GogsBed> {
  const server = await startGogsServer();
  const work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-dev-'));
  try {
    const adminPassword = 'Bed-admin-1';
    await server.admin([
      'create-user',
      '--name',
      'bedadmin',
      '--password',
      adminPassword,
      '--email',
      'bedadmin@example.com',
      '--admin',
    ]);
    const admin: BedUser = {
      name: 'bedadmin',
      password: adminPassword,
      token: await createToken(server.url, 'bedadmin', adminPassword),
    };
    const api = (method: string, apiPath: string, body?: unknown) =>
      callApi(server.url, admin.token, method, apiPath, body);
    const owner = 'platform';
    const repo = 'apim-policies';
    await api('POST', `admin/users/${admin.name}/orgs`, { username: owner, full_name: 'Platform team' });
    await api('POST', `org/${owner}/repos`, {
      name: repo,
      private: true,
      description: 'APIM policies (APIOps layout)',
    });

    const createUser = async (name: string, password: string): Promise<BedUser> => {
      await api('POST', 'admin/users', {
        source_id: 0,
        login_name: name,
        username: name,
        email: `${name}@example.com`,
        password,
      });
      return { name, password, token: await createToken(server.url, name, password) };
    };
    const bot = await createUser('ci-bot', 'Bot-pass-1');
    await api('PUT', `repos/${owner}/${repo}/collaborators/${bot.name}`, { permission: 'read' });

    const clone = path.join(work, 'dev');
    const creds = gitCredentials(server.url, admin.token, server.caFile);
    const g = (args: string[]) => run('git', args, { cwd: clone, env: { ...process.env, ...creds.env } });
    await mkdir(clone);
    await g(['init', '-q', '-b', 'main']);
    await g(['config', 'user.name', 'Dana Developer']);
    await g(['config', 'user.email', 'dana@example.com']);
    await g(['remote', 'add', 'origin', new URL(`${owner}/${repo}.git`, server.url).toString()]);

    const commit = async (files: Record<string, string | null>, message: string, branch = 'main') => {
      const exists = await g(['rev-parse', '--verify', '-q', `refs/heads/${branch}`]).then(
        () => true,
        () => false,
      );
      const hasHead = await g(['rev-parse', '--verify', '-q', 'HEAD']).then(
        () => true,
        () => false,
      );
      if (exists) await g(['checkout', '-q', branch]);
      // A new branch starts from main, as a developer's would.
      else if (hasHead) await g(['checkout', '-q', '-b', branch, 'main']);
      else await g(['checkout', '-q', '--orphan', branch]);
      for (const [file, content] of Object.entries(files)) {
        const target = path.join(clone, file);
        if (content === null) await rm(target, { force: true });
        else {
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, content);
        }
      }
      await g(['add', '-A']);
      await g(['commit', '-q', '--allow-empty', '-m', message]);
      await g(['push', '-q', 'origin', `${branch}:${branch}`]);
      return (await g(['rev-parse', 'HEAD'])).stdout.trim();
    };

    if (options.seed !== false) {
      await cp(policyRepoFixture, clone, { recursive: true });
      await commit({}, 'Add APIM policies for echo and orders APIs');
    }

    return {
      server,
      url: server.url,
      caFile: server.caFile,
      admin,
      bot,
      owner,
      repo,
      repository: `${owner}/${repo}`,
      commit,
      async tag(name, branch = 'main') {
        await g(['tag', '-a', '-m', `Release ${name}`, name, branch]);
        await g(['push', '-q', 'origin', `refs/tags/${name}`]);
      },
      openPullRequest: (head, base, title, body = '') =>
        openPullRequest(server.url, admin, `${owner}/${repo}`, head, base, title, body),
      page: async (pathname) => {
        const web = await webSession(server.url, admin);
        const res = await web.request(pathname);
        if (!res.ok) throw new Error(`GET ${pathname}: HTTP ${res.status}`);
        return res.text();
      },
      createUser,
      newToken: (user, name) => createToken(server.url, user.name, user.password, name),
      revokeToken: (user, name) => revokeToken(server.url, user, name),
      api,
      async stop() {
        await server.stop();
        await rm(work, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await server.stop();
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}

async function createToken(
  url: string,
  user: string,
  password: string,
  name = `bed-${Date.now()}`,
): Promise<string> {
  // Tokens are created with Basic auth and the real password; Gogs tokens have no scopes.
  const res = await fetch(new URL(`api/v1/users/${user}/tokens`, url), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ name }),
  });
  if (!res.ok) throw new Error(`token for ${user}: HTTP ${res.status}`);
  return ((await res.json()) as { sha1: string }).sha1;
}

async function callApi(
  url: string,
  token: string,
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(new URL(`api/v1/${apiPath}`, url), {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${apiPath}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

/** A logged-in web session (cookies kept), for what Gogs offers only as web pages and forms. */
async function webSession(
  url: string,
  user: BedUser,
): Promise<{
  request: (pathname: string, form?: Record<string, string>) => Promise<Response>;
  csrfFrom: (html: string) => string;
}> {
  const jar = new Map<string, string>();
  const request = async (pathname: string, form?: Record<string, string>) => {
    const res = await fetch(new URL(pathname, url), {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  const csrfFrom = (html: string) =>
    /name="_csrf" content="([^"]+)"/.exec(html)?.[1] ?? jar.get('_csrf') ?? '';
  const loginPage = await (await request('user/login')).text();
  await request('user/login', { _csrf: csrfFrom(loginPage), user_name: user.name, password: user.password });
  return { request, csrfFrom };
}

/** Gogs has no pull-request API: log in through the web form and post the compare form. */
async function openPullRequest(
  url: string,
  user: BedUser,
  repository: string,
  head: string,
  base: string,
  title: string,
  body: string,
): Promise<number> {
  const { request, csrfFrom } = await webSession(url, user);
  const comparePath = `${repository}/compare/${base}...${head}`;
  const compare = await (await request(comparePath)).text();
  const res = await request(comparePath, { _csrf: csrfFrom(compare), title, content: body });
  const location = res.headers.get('location') ?? '';
  const m = /\/pulls\/(\d+)$/.exec(location);
  if (!m) throw new Error(`Gogs did not open the pull request (HTTP ${res.status}, location "${location}")`);
  return Number(m[1]);
}

async function revokeToken(url: string, user: BedUser, name: string): Promise<void> {
  const { request, csrfFrom } = await webSession(url, user);
  const page = await (await request('user/settings/applications')).text();
  // Each token is listed as <strong>name</strong>, then its delete button with the token's id.
  const at = page.indexOf(`<strong>${name}</strong>`);
  const id = at === -1 ? undefined : /data-id="(\d+)"/.exec(page.slice(at))?.[1];
  if (!id) throw new Error(`${user.name} has no token named ${name}`);
  const res = await request('user/settings/applications/delete', { _csrf: csrfFrom(page), id });
  if (!res.ok) throw new Error(`deleting token ${name} of ${user.name}: HTTP ${res.status}`);
}
