/**
 * Which test files are `bed` tests: they start a real Gogs, the APIM emulator, git against a server, or a
 * bundled door as a child process. Every other test file is a `unit` test (pure, no server, no process)
 * and runs under a short timeout. jest.config.js builds the two projects from this list, and
 * eslint.config.js forbids a unit test to import the bed helpers or node:child_process, so a test that
 * starts a server without being listed here fails lint instead of slowing the unit run.
 */
export const BED_TESTS = [
  'test/e2e/**/*.test.ts',
  'test/gogs/checkout.test.ts',
  'test/gogs/checkout-faults.test.ts',
  'test/gogs/commit-facts.test.ts',
  'test/gogs/git.test.ts',
  'test/gogs/pr-comment.test.ts',
  'test/gogs/extract-push.test.ts',
  'test/deploy/cli.test.ts',
  'test/deploy/credentials.test.ts',
  'test/deploy/deploy.test.ts',
  'test/deploy/incremental-plan.test.ts',
  'test/deploy/extract-round-trip.test.ts',
  'test/deploy/extract-credentials.test.ts',
  'test/deploy/extract-cli.test.ts',
  'test/deploy/deployed-equals-validated.test.ts',
  'test/deploy/identity.test.ts',
  'test/deploy/plan-verify.test.ts',
  'test/deploy/rollback.test.ts',
  'test/deploy/rollback-third-party.test.ts',
  'test/deploy/deployment-lease.test.ts',
  'test/deploy/arm-outage.test.ts',
  'test/deploy/process-exit.test.ts',
  'test/soak/**/*.test.ts',
  'test/deploy/redaction.test.ts',
  'test/deploy/scopes.test.ts',
  'test/deploy/secrets.test.ts',
  'test/deploy/workspaces.test.ts',
  'test/deploy/extract-workspaces.test.ts',
  'test/emulator/cli-emulator.test.ts',
  'test/emulator/conformance.test.ts',
  'test/emulator/entra.test.ts',
  'test/emulator/github-oidc-sdk.test.ts',
  'test/emulator/pipelines-identity-sdk.test.ts',
  'test/emulator/resources-sdk.test.ts',
  'test/emulator/seed-and-admin.test.ts',
  'test/emulator/workspaces-sdk.test.ts',
  'test/act/**/*.test.ts',
  'test/examples/**/*.test.ts',
];
