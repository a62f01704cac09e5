import type { Diagnostic } from './diagnostic.js';
import type { Logger } from './logger.js';

/**
 * What the pipeline needs from the CI host it runs on. One thin adapter per door implements it
 * (src/doors/action, task, cli); the pipeline never imports a host SDK. Every text an adapter prints
 * goes through its one output path, which neutralises workflow commands in untrusted text
 * (src/shared/workflow-text.ts).
 */
export interface Host {
  readonly name: 'github' | 'azure-pipelines' | 'cli';
  readonly logger: Logger;
  setOutput(name: string, value: string): void;
  /** Masks a value in every later log line of the host. */
  setSecret(value: string): void;
  /** A file/line annotation on the run (rendered by src/report, the same text as `--format github`). */
  annotate(diagnostic: Diagnostic): void;
  /** True when annotations are themselves log lines (the CLI): the log then needs no second report. */
  readonly findingsInLog?: boolean;
  /** A run-level note naming the commit and the service (GitHub notice, Azure DevOps build tag + line). */
  annotateRun(message: string, level?: 'notice' | 'error'): void;
  /**
   * A terminal's status line that redraws itself (the CLI when stderr is a TTY); `undefined` clears
   * it. Absent where output is a log (CI, a pipe): progress is then one plain line per resource.
   */
  liveLine?(text: string | undefined): void;
  /** The command's product (a report, a plan): data on the CLI's stdout, a log section in CI. */
  emitReport(text: string): void;
  /** Appends markdown to the run summary (no-op where the host has none). */
  appendSummary(markdown: string): Promise<void>;
  /** An OIDC ID token from the host's token service, for federated sign-in. */
  getIdToken(audience: string): Promise<string>;
  /** Facts about the current CI run, for provenance. */
  runInfo(): RunInfo;
  /** Azure DevOps only: the workload-identity service connection the task was given (its subscription when it is scoped to one). */
  azureServiceConnection?():
    { id: string; tenantId?: string; clientId?: string; subscriptionId?: string } | undefined;
  /** State carried from the main step to the post step. */
  saveState(name: string, value: string): void;
  getState(name: string): string | undefined;
}

export interface RunInfo {
  /** Link to the run, when the host has one. */
  url?: string;
  id?: string;
  workspace: string;
  tempDir: string;
}
