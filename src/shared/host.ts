import type { Diagnostic } from './diagnostic.js';
import type { Logger } from './logger.js';

/**
 * What the core needs from the CI host it runs on. One thin adapter per host implements it
 * (github, azure-pipelines, cli); the core never imports a host SDK.
 */
export interface Host {
  readonly name: 'github' | 'azure-pipelines' | 'cli';
  readonly logger: Logger;
  /** An input by its action.yml name (kebab-case); undefined when not given or empty. */
  getInput(name: string): string | undefined;
  setOutput(name: string, value: string): void;
  /** Masks a value in every later log line of the host. */
  setSecret(value: string): void;
  /** A file/line annotation on the run. */
  annotate(diagnostic: Diagnostic): void;
  /** Appends markdown to the run summary (no-op where the host has none). */
  appendSummary(markdown: string): Promise<void>;
  /** An OIDC ID token from the host's token service, for federated sign-in. */
  getIdToken(audience: string): Promise<string>;
  /** Facts about the current CI run, for provenance. */
  runInfo(): RunInfo;
  /** Azure DevOps only: the workload-identity service connection the task was given. */
  azureServiceConnection?(): { id: string; tenantId?: string; clientId?: string } | undefined;
  /** State carried from the main step to the post step. */
  saveState(name: string, value: string): void;
  getState(name: string): string | undefined;
}

export interface RunInfo {
  /** Link to the run, when the host has one. */
  url?: string;
  id?: string;
  /** The pull request number when the run is for one. */
  pullRequest?: number;
  workspace: string;
  tempDir: string;
}
