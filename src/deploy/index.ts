/**
 * Deploy: the public API of src/deploy (what src/pipeline calls).
 *
 * Sign-in and connection
 *   createCredential(options: CredentialOptions): FederatedCredential
 *     options.auth: 'github-oidc' | 'azure-devops' | 'managed-identity' | 'workload-identity' | 'azure-cli';
 *     github-oidc needs { tenantId, clientId, getIdToken: host.getIdToken } (audience default api://AzureADTokenExchange);
 *     azure-devops needs { tenantId, clientId, serviceConnectionId, systemAccessToken };
 *     authorityHost: Entra's host (the emulator's authorityHost in tests). Errors are ConfigurationErrors.
 *   resolveIdentity(credential): Promise<Identity>          // { oid, appid, tid } from the ARM token's claims
 *   new ApimConnection(credential, target: ServiceTarget, { correlationId?, pollIntervalMs? })
 *     target: { subscriptionId, resourceGroup, serviceName, endpoint? }; .records = every ARM request
 *
 * Plan (read-only)
 *   planDeployment(options: PlanOptions): Promise<Plan>
 *     { repository: PolicyRepository, connection, source: { commit, ref?, repository?, runUrl? },
 *       environment?, values?: Record<string,string>, filters?: { apis?, products? }, prune?, concurrency? (4) }
 *     throws DesiredStateError (.diagnostics, file/line) for an unresolved #{placeholder}# or a secret in the repo.
 *   loadEnvironmentValues(root, environment): Promise<Record<string,string>>   // environments/<env>.yaml|json
 *   renderPlanMarkdown(plan, { title? }): string                               // summary / Gogs PR comment
 *
 * Apply
 *   applyPlan(options: ApplyOptions): Promise<ApplyResult>
 *     { plan, connection, identity: Identity, concurrency? (4), writeRecord? (true), logger? }
 *     result.exitCode: 0 ok / no changes, 3 failed and rolled back, 4 not fully rolled back (result.notRestored)
 *   renderApplyMarkdown(plan, result): string
 *
 * Release gate
 *   verifyDeployment(options: VerifyOptions): Promise<VerifyResult>           // PlanOptions + includeExtra?
 *     result.exitCode: 1 drift, 0 none; renderDriftText(result): string; JSON.stringify(result) for JSON.
 *
 * Blame
 *   blame({ connection, resource, environment?, lookupAuthor?: (sha) => Promise<AuthorInfo|undefined> }): Promise<BlameResult>
 *   renderBlameText(result): string
 */
export {
  applyPlan,
  type ApplyOptions,
  type ApplyResult,
  type ApplyOutcome,
  type AppliedChange,
  type ApplyFailure,
} from './apply.js';
export { blame, renderBlameText, type AuthorInfo, type BlameOptions, type BlameResult } from './blame.js';
export { ApimConnection, type ArmRequestRecord, type ServiceTarget } from './client.js';
export {
  createCredential,
  identityOf,
  parseAuthKind,
  resolveIdentity,
  AUTH_KINDS,
  DEFAULT_AUDIENCE,
  type AuthKind,
  type CredentialOptions,
  type Identity,
} from './credentials.js';
export { desiredState, DesiredStateError, type DesiredResource, type Filters } from './desired.js';
export {
  planDeployment,
  type Plan,
  type PlanAction,
  type PlanEntry,
  type PlanOptions,
  type SourceInfo,
} from './plan.js';
export { readProvenance, type Provenance } from './provenance.js';
export { deploymentRecord, planForOutput, renderApplyMarkdown, renderPlanMarkdown } from './render.js';
export { parseResourceKey, type ResourceKind, type ResourceRef } from './resources.js';
export {
  renderDriftText,
  verifyDeployment,
  type DriftEntry,
  type VerifyOptions,
  type VerifyResult,
} from './verify.js';
export { canonicalPolicy, policiesEqual } from './xml-canonical.js';
export { loadEnvironmentValues, renderTemplate } from '../policy/template.js';
