import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import { githubAnnotation } from '../../report/github.js';
import type { Diagnostic } from '../../shared/diagnostic.js';
import type { Host, RunInfo } from '../../shared/host.js';
import type { Logger } from '../../shared/logger.js';
import { neutralise } from '../../shared/workflow-text.js';
import { command, fileCommand, writeLine } from './workflow-commands.js';

/**
 * GitHub Actions. Every line of free text passes through `neutralise` (the one output path), so no
 * file name, XML or commit message can become a workflow command; commands of our own are written
 * with escaped data and properties.
 */
export function githubHost(): Host {
  const say = (text: string) => writeLine(neutralise(text));
  const logger: Logger = {
    debug: (m) => writeLine(command('debug', {}, neutralise(m))),
    info: say,
    warning: (m) => writeLine(command('warning', {}, neutralise(m))),
    error: (m) => writeLine(command('error', {}, neutralise(m))),
    async group(name, fn) {
      writeLine(command('group', {}, neutralise(name)));
      try {
        return await fn();
      } finally {
        writeLine('::endgroup::');
      }
    },
  };
  return {
    name: 'github',
    logger,
    setOutput(name, value) {
      if (!fileCommand('GITHUB_OUTPUT', name, value)) writeLine(command('set-output', { name }, value));
    },
    setSecret: (value) => {
      if (value) writeLine(command('add-mask', {}, value));
    },
    annotate: (d: Diagnostic) => writeLine(githubAnnotation(d)),
    annotateRun: (message, level = 'notice') =>
      writeLine(command(level, { title: 'apim-gogs' }, neutralise(message))),
    emitReport: say,
    async appendSummary(markdown) {
      const file = process.env.GITHUB_STEP_SUMMARY;
      if (file) await appendFile(file, `${markdown}${os.EOL}`);
    },
    async getIdToken(audience) {
      // Loaded here only: @actions/core brings an HTTP client the other modes never need.
      const core = await import('@actions/core');
      return core.getIDToken(audience);
    },
    runInfo: githubRunInfo,
    saveState: (name, value) => {
      if (!fileCommand('GITHUB_STATE', name, value)) writeLine(command('save-state', { name }, value));
    },
    getState: (name) => process.env[`STATE_${name}`] || undefined,
  };
}

function githubRunInfo(): RunInfo {
  const env = process.env;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const url =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
      : undefined;
  return {
    url,
    id: env.GITHUB_RUN_ID,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? os.tmpdir(),
  };
}
