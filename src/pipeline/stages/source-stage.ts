import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { checkout } from '../../gogs/checkout.js';
import { ConfigurationError } from '../../shared/errors.js';
import type { Host } from '../../shared/host.js';
import { codeSpan, tableCell } from '../../shared/markdown.js';
import type { GogsSource, LocalSource, Settings } from '../settings.js';

/** Where the repository is, and which commit: from a Gogs checkout or a local directory. */
export interface Source {
  /** Absolute path of the repository on disk. */
  path: string;
  /** Full SHA; absent only for a local directory that is not a git checkout (validate only). */
  commit?: string;
  ref?: string;
  /** For provenance. */
  repositoryUrl?: string;
  runUrl?: string;
  /** The Gogs checkout, when the source is Gogs (pull-request comments, changed files). */
  gogs?: GogsSource & { defaultBranch: string };
}

export async function sourceStage(host: Host, s: Settings): Promise<Source> {
  return s.source.kind === 'gogs' ? gogsSource(host, s, s.source) : localSource(host, s, s.source);
}

/** Checks the repository out, sets the commit outputs and starts the summary with the commit. */
async function gogsSource(host: Host, s: Settings, g: GogsSource): Promise<Source> {
  if (g.allowInsecureHttp && g.gogsUrl.startsWith('http:'))
    host.logger.warning(
      `allow-insecure-http is set: the Gogs token crosses the network to ${g.gogsUrl} in cleartext. Use it only on a closed test network.`,
    );
  const result = await host.logger.group(`Check out ${g.repository} from Gogs`, () =>
    checkout({
      gogsUrl: g.gogsUrl,
      repository: g.repository,
      ref: g.ref,
      token: g.token,
      path: g.path,
      fetchDepth: g.fetchDepth,
      syncMirror: g.syncMirror,
      expectWrite: s.mode === 'extract' && s.gogsPush,
      caFile: g.caFile,
      logger: host.logger,
      maskSecret: (v) => host.setSecret(v),
    }),
  );
  host.saveState('checkout-path', result.path);
  host.setOutput('commit-sha', result.sha);
  host.setOutput('ref', result.ref);
  const repositoryUrl = new URL(g.repository, `${g.gogsUrl}/`).toString();
  const commitUrl = `${repositoryUrl}/commit/${result.sha}`;
  await host.appendSummary(
    `## apim-gogs: ${tableCell(g.repository)} at [${codeSpan(result.sha.slice(0, 12))}](${commitUrl})\n\n` +
      `| | |\n|---|---|\n| Commit | ${codeSpan(result.sha)} |\n| Ref | ${codeSpan(result.ref)} |\n` +
      `| Author | ${tableCell(result.commit.author)} (${tableCell(result.commit.date)}) |\n` +
      `| Message | ${tableCell(result.commit.message.split('\n')[0])} |\n| Mode | ${s.mode} |\n\n`,
  );
  return {
    path: result.path,
    commit: result.sha,
    ref: result.ref,
    repositoryUrl,
    runUrl: host.runInfo().url,
    gogs: { ...g, defaultBranch: result.repository.defaultBranch },
  };
}

/** A directory on disk (the CLI): its commit comes from --commit or git; plan, deploy and verify need one. */
async function localSource(host: Host, s: Settings, l: LocalSource): Promise<Source> {
  // extract writes a new repository: the directory may not exist yet.
  if (s.mode === 'extract') await mkdir(l.dir, { recursive: true });
  const info = await stat(l.dir).catch(() => undefined);
  if (!info)
    throw new ConfigurationError(
      `The directory ${l.dir} does not exist.`,
      'Pass the root of the policy repository.',
    );
  if (!info.isDirectory())
    throw new ConfigurationError(
      `${l.dir} is a file, not a directory.`,
      'Pass the root of the policy repository (the folder that holds policy.xml, apis/, ...).',
    );
  const commit = l.commit ?? (await gitHead(l.dir));
  if (!commit && s.mode !== 'validate' && s.mode !== 'extract')
    throw new ConfigurationError(
      `${l.dir} is not a git checkout, so its commit is unknown.`,
      'Pass --commit with the full SHA the files come from.',
    );
  if (commit) host.setOutput('commit-sha', commit);
  return {
    path: l.dir,
    commit,
    ref: l.ref,
    repositoryUrl: l.repositoryUrl,
    runUrl: l.runUrl ?? host.runInfo().url,
  };
}

async function gitHead(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', [
      '-C',
      dir,
      'rev-parse',
      '--verify',
      'HEAD^{commit}',
    ]);
    return stdout.trim();
  } catch {
    return undefined;
  }
}
