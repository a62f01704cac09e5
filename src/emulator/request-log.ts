/** One request as the emulator saw it; tests assert on these to know exactly which calls were made. */
export interface RequestLogEntry {
  /** Which emulated service answered: arm, entra, managedIdentity, github, azureDevOps, or none. */
  service: string;
  method: string;
  /** URL path without the query string. */
  path: string;
  query: string;
  status: number;
  /** ISO time the request arrived. */
  time: string;
  durationMs: number;
  requestId: string;
  correlationId: string;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  all(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
