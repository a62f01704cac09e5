/**
 * Every token the emulated token services handed out or were handed, in order. A secrets scan needs the
 * exact values a run held (the OIDC ID token, the client assertion Entra received, the access token it
 * issued) to look for them, plain or encoded, in everything the run left; they are issued here, in the
 * emulator, so this is the one place that knows them. Kept in memory only and never logged.
 */
export type IssuedTokenKind = 'id-token' | 'client-assertion' | 'access-token';

export interface IssuedToken {
  kind: IssuedTokenKind;
  /** The service that issued it (github, azureDevOps, entra) or, for a client assertion, received it. */
  service: string;
  value: string;
}

export class TokenLog {
  private entries: IssuedToken[] = [];

  add(kind: IssuedTokenKind, service: string, value: string): void {
    this.entries.push({ kind, service, value });
  }

  all(): IssuedToken[] {
    return [...this.entries];
  }
}
