import * as core from '@actions/core';
import { appendFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import type { Diagnostic } from '../../shared/diagnostic.js';
import { ConfigurationError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { Host } from '../../shared/host.js';
import { Redactor } from '../../shared/redactor.js';

export interface CliHostOptions {
  /** Inputs by their action.yml names, from command-line options. */
  inputs: Map<string, string>;
  /** Where `name=value` outputs are appended (as GITHUB_OUTPUT would be), if anywhere. */
  outputsFile?: string;
  /** Where the markdown summary is appended, if anywhere. */
  summaryFile?: string;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}

/**
 * The CLI: inputs from options or APIM_GOGS_* variables (secrets only from the environment, never
 * argv, which other users of the machine can read), plain log lines with every secret redacted.
 */
export function cliHost(options: CliHostOptions): Host {
  const redactor = new Redactor();
  const out = options.stdout ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = options.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
  const say = (line: string) => out(redactor.redact(line));
  const complain = (line: string) => err(redactor.redact(line));
  const state = new Map<string, string>();
  const logger: Logger = {
    debug: (m) => {
      if (process.env.APIM_GOGS_DEBUG) complain(`debug: ${m}`);
    },
    info: say,
    warning: (m) => complain(`warning: ${m}`),
    error: (m) => complain(`error: ${m}`),
    async group(name, fn) {
      say(`== ${name}`);
      return fn();
    },
  };
  return {
    name: 'cli',
    logger,
    getInput(name) {
      const env = process.env[`APIM_GOGS_${name.toUpperCase().replace(/-/g, '_')}`];
      return options.inputs.get(name) || env || undefined;
    },
    setOutput(name, value) {
      say(`output ${name}=${value}`);
      if (options.outputsFile) appendFileSync(options.outputsFile, redactor.redact(`${name}=${value}\n`));
    },
    setSecret: (value) => redactor.add(value),
    annotate(d: Diagnostic) {
      complain(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.ruleId}]`);
    },
    async appendSummary(markdown) {
      if (options.summaryFile) await appendFile(options.summaryFile, redactor.redact(markdown));
    },
    async getIdToken(audience) {
      // Inside a GitHub Actions job the CLI can use the job's token service too.
      if (process.env.ACTIONS_ID_TOKEN_REQUEST_URL) return core.getIDToken(audience);
      throw new ConfigurationError(
        'The CLI has no CI token service to ask for an OIDC token.',
        'Outside GitHub Actions use --auth managed-identity, workload-identity or azure-cli.',
      );
    },
    runInfo: () => ({ workspace: process.cwd(), tempDir: os.tmpdir() }),
    saveState: (name, value) => void state.set(name, value),
    getState: (name) => state.get(name),
  };
}
