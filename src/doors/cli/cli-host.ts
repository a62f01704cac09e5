import { appendFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import { ConfigurationError } from '../../shared/errors.js';
import type { Host } from '../../shared/host.js';
import type { Logger } from '../../shared/logger.js';
import { Redactor } from '../../shared/redactor.js';
import { neutralise, neutraliseJson } from '../../shared/workflow-text.js';
import { requestGithubIdToken } from './github-id-token.js';

export interface CliHostOptions {
  /** Where `name=value` outputs are appended (as GITHUB_OUTPUT would be), if anywhere. */
  outputsFile?: string;
  /** Where the markdown summary is appended, if anywhere. */
  summaryFile?: string;
  /**
   * Print findings as compiler-style lines on stderr (`file:line:col: severity: message [rule]`, what
   * editors' problem matchers read). Off for `validate`, whose report on stdout is the findings.
   */
  annotations?: boolean;
  /** The report format on stdout: JSON formats keep their data exact; github/azure-pipelines are commands by design. */
  reportFormat?: string;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  /**
   * Draws the live progress line (text without a newline; undefined clears it). By default stderr's
   * own line when stderr is a terminal and no `stderr` writer was given; otherwise none (plain lines).
   */
  live?: (text: string | undefined) => void;
}

/**
 * The command line, often itself a step of some CI job. Standard output carries only the command's
 * product (a report, a plan): logs, warnings and errors go to standard error. Nothing it prints is a
 * workflow command it did not mean (untrusted text is neutralised for both GitHub and Azure DevOps),
 * and every secret it learns is redacted. No ::debug:: or ::add-mask:: lines: debug goes to stderr
 * only with APIM_GOGS_DEBUG set.
 */
export function cliHost(options: CliHostOptions = {}): Host {
  const redactor = new Redactor();
  const out = options.stdout ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = options.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
  const complain = (line: string) => err(neutralise(redactor.redact(line)));
  const state = new Map<string, string>();
  const live =
    options.live ??
    (!options.stderr && process.stderr.isTTY
      ? (text: string | undefined) => process.stderr.write(`\r\u001b[2K${text ?? ''}`)
      : undefined);
  const logger: Logger = {
    debug: (m) => {
      if (process.env.APIM_GOGS_DEBUG) complain(`debug: ${m}`);
    },
    info: complain,
    warning: (m) => complain(`warning: ${m}`),
    error: (m) => complain(`error: ${m}`),
    async group(name, fn) {
      complain(`== ${name}`);
      return fn();
    },
  };
  const format = options.reportFormat ?? 'text';
  const data = (text: string): string =>
    format === 'json' || format === 'sarif'
      ? neutraliseJson(text)
      : format === 'github' || format === 'azure-pipelines'
        ? text // formatted as commands on purpose; their data is escaped by src/report
        : neutralise(text);
  return {
    name: 'cli',
    logger,
    setOutput(name, value) {
      if (options.outputsFile) appendFileSync(options.outputsFile, redactor.redact(`${name}=${value}\n`));
    },
    setSecret: (value) => redactor.add(value),
    annotate(d) {
      if (options.annotations)
        complain(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`);
    },
    findingsInLog: options.annotations === true,
    annotateRun: (message) => complain(message),
    emitReport: (text) => out(redactor.redact(data(text))),
    liveLine: live && ((text) => live(text === undefined ? undefined : neutralise(redactor.redact(text)))),
    async appendSummary(markdown) {
      if (options.summaryFile) await appendFile(options.summaryFile, redactor.redact(markdown));
    },
    async getIdToken(audience) {
      // Inside a GitHub Actions job the CLI can use the job's token service too (without writing
      // ::add-mask:: to its data output: the token is redacted here instead).
      if (process.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
        const token = await requestGithubIdToken(audience);
        redactor.add(token);
        return token;
      }
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
