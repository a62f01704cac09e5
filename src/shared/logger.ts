/** Logging every host provides; core code logs only through this. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** A logger that keeps lines in memory (for tests and for capturing a sub-step). */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  debug(m: string): void {
    this.lines.push(`debug: ${m}`);
  }
  info(m: string): void {
    this.lines.push(m);
  }
  warning(m: string): void {
    this.lines.push(`warning: ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error: ${m}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`[group] ${name}`);
    try {
      return await fn();
    } finally {
      this.lines.push('[endgroup]');
    }
  }
}
