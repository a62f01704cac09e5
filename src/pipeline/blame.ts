import { readFile } from 'node:fs/promises';
import { blame, renderBlameText, type AuthorInfo } from '../deploy/index.js';
import { GogsClient } from '../gogs/client.js';
import { parseRepositoryName } from '../gogs/repository-name.js';
import type { Host } from '../shared/host.js';
import { connectApim } from './connect.js';
import type { AzureSettings } from './settings.js';

export interface BlameSettings {
  azure: AzureSettings;
  /** A live resource: policies/policy, apis/{api}/policies/policy, ... or an APIOps path. */
  resource: string;
  environment?: string;
  /** Where the author is looked up, when given. */
  gogs?: { gogsUrl: string; repository: string; token: string; caFile?: string };
  format: 'text' | 'json';
}

/** Which commit, author, CI run and Azure identity put a live resource there. Exit 0, or 1 when it does not exist. */
export async function runBlame(host: Host, s: BlameSettings): Promise<number> {
  let lookupAuthor: ((sha: string) => Promise<AuthorInfo | undefined>) | undefined;
  if (s.gogs) {
    const g = s.gogs;
    host.setSecret(g.token);
    const { owner, name } = parseRepositoryName(g.repository);
    const gogs = new GogsClient({
      url: g.gogsUrl,
      token: g.token,
      ca: g.caFile ? await readFile(g.caFile, 'utf8') : undefined,
    });
    lookupAuthor = async (sha) => {
      const c = await gogs.getCommit(owner, name, sha);
      return c && { name: c.author.name, email: c.author.email, date: c.author.date, message: c.message };
    };
  }
  const result = await blame({
    connection: connectApim(host, s.azure),
    resource: s.resource,
    environment: s.environment,
    lookupAuthor,
  });
  host.emitReport(s.format === 'json' ? JSON.stringify(result, null, 2) : renderBlameText(result));
  return result.exists ? 0 : 1;
}
