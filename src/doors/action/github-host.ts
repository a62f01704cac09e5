import * as core from '@actions/core';
import os from 'node:os';
import type { Diagnostic } from '../../shared/diagnostic.js';
import type { Logger } from '../../shared/logger.js';
import type { Host, RunInfo } from '../../shared/host.js';

/** GitHub Actions: everything through @actions/core (workflow commands, GITHUB_OUTPUT, step summary). */
export function githubHost(): Host {
  const logger: Logger = {
    debug: core.debug,
    info: core.info,
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
    group: (name, fn) => core.group(name, fn),
  };
  return {
    name: 'github',
    logger,
    getInput: (name) => core.getInput(name) || undefined,
    setOutput: core.setOutput,
    setSecret: core.setSecret,
    annotate(d: Diagnostic) {
      const props: core.AnnotationProperties = {
        title: `${d.ruleId} (${d.category})`,
        file: d.file,
        startLine: d.line,
        startColumn: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
      };
      const text = `${d.message}${d.help ? `\n${d.help}` : ''}`;
      if (d.severity === 'error') core.error(text, props);
      else if (d.severity === 'warning') core.warning(text, props);
      else core.notice(text, props);
    },
    async appendSummary(markdown) {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
    },
    getIdToken: (audience) => core.getIDToken(audience),
    runInfo: githubRunInfo,
    saveState: core.saveState,
    getState: (name) => core.getState(name) || undefined,
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
