import type { Diagnostic } from '../../src/shared/diagnostic.js';
import type { Host, RunInfo } from '../../src/shared/host.js';
import { MemoryLogger } from '../../src/shared/logger.js';

export interface FakeHostOptions {
  name?: Host['name'];
  /** Inputs by their action.yml name; an empty string reads as not given, as on the real hosts. */
  inputs?: Record<string, string>;
  runInfo?: Partial<RunInfo>;
  /** What getIdToken returns; by default it throws, so a test that signs in must say so. */
  idToken?: (audience: string) => Promise<string>;
  serviceConnection?: { id: string; tenantId?: string; clientId?: string; subscriptionId?: string };
  state?: Record<string, string>;
}

/**
 * A Host that records what the code under test did to it: the inputs it read, the outputs, secrets,
 * annotations, summary and state it wrote, and every log line (MemoryLogger). For unit tests of the
 * pipeline and the doors without a CI runner, a server or a process.
 */
export class FakeHost implements Host {
  readonly name: Host['name'];
  readonly logger = new MemoryLogger();
  readonly inputsRead: string[] = [];
  readonly outputs: Record<string, string> = {};
  readonly secrets: string[] = [];
  readonly annotations: Diagnostic[] = [];
  readonly summary: string[] = [];
  readonly state: Record<string, string>;
  readonly audiences: string[] = [];
  private readonly options: FakeHostOptions;

  constructor(options: FakeHostOptions = {}) {
    this.options = options;
    this.name = options.name ?? 'github';
    this.state = { ...options.state };
  }

  /** The inputs as a door hands them to readSettings (src/pipeline/settings.ts). */
  readonly reader = {
    get: (name: string): string | undefined => {
      this.inputsRead.push(name);
      const value = this.options.inputs?.[name];
      return value === undefined || value === '' ? undefined : value;
    },
  };
  readonly runNotes: { message: string; level: string }[] = [];
  readonly reports: string[] = [];
  annotateRun(message: string, level: 'notice' | 'error' = 'notice'): void {
    this.runNotes.push({ message, level });
  }
  emitReport(text: string): void {
    this.reports.push(text);
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setSecret(value: string): void {
    this.secrets.push(value);
  }
  annotate(diagnostic: Diagnostic): void {
    this.annotations.push(diagnostic);
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summary.push(markdown);
  }
  async getIdToken(audience: string): Promise<string> {
    this.audiences.push(audience);
    if (!this.options.idToken) throw new Error('FakeHost: this test gave no idToken');
    return this.options.idToken(audience);
  }
  runInfo(): RunInfo {
    return { workspace: process.cwd(), tempDir: process.env.TMPDIR ?? '/tmp', ...this.options.runInfo };
  }
  azureServiceConnection(): FakeHostOptions['serviceConnection'] {
    return this.options.serviceConnection;
  }
  saveState(name: string, value: string): void {
    this.state[name] = value;
  }
  getState(name: string): string | undefined {
    return this.state[name];
  }

  /** Every log line joined, for `toContain` checks. */
  get log(): string {
    return this.logger.lines.join('\n');
  }

  /** Fails when a secret the code registered shows up anywhere the host would publish it. */
  leakedSecrets(): string[] {
    const published = [
      this.log,
      JSON.stringify(this.outputs),
      JSON.stringify(this.annotations),
      this.summary.join('\n'),
      this.reports.join('\n'),
      JSON.stringify(this.runNotes),
    ].join('\n');
    return this.secrets.filter((s) => s !== '' && published.includes(s));
  }
}
