import type { Diagnostic } from '../shared/diagnostic.js';
import { ConfigurationError } from '../shared/errors.js';
import { identityProblems } from '../policy/identity.js';
import type { PolicyRepository } from '../policy/repository.js';
import { renderJson, renderTemplate } from '../policy/template.js';
import type { Properties, ResourceRef } from './resources.js';
import { refFor } from './resources.js';
import { detectPolicyFormat, provenanceComment, readForCompare } from './xml-canonical.js';

/** One resource as the repository wants it, rendered for the environment. */
export interface DesiredResource {
  ref: ResourceRef;
  /** Repository-relative file it comes from. */
  file: string;
  /** ARM properties to deploy (without provenance). */
  properties: Properties;
}

export interface Filters {
  /** Only API and operation policies of these APIs. */
  apis?: string[];
  /** Only product policies of these products. */
  products?: string[];
}

export interface DesiredState {
  resources: DesiredResource[];
  /** Errors stop the deployment before any request; warnings are informational. */
  diagnostics: Diagnostic[];
}

/** A deployment that cannot start: every reason is a diagnostic with file and line. */
export class DesiredStateError extends ConfigurationError {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      `${diagnostics.length} problem(s) stop the deployment: ` +
        diagnostics
          .slice(0, 5)
          .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)
          .join('; '),
      'Fix the repository or the environment values; nothing was deployed.',
    );
  }
}

const diag = (
  ruleId: string,
  file: string,
  message: string,
  help: string,
  severity: 'error' | 'warning' = 'error',
): Diagnostic => ({
  ruleId,
  severity,
  category: 'security',
  file,
  line: 1,
  column: 1,
  message,
  help,
});

/**
 * The desired state: the repository's policies, fragments, named values and backends, rendered for the
 * environment (`#{name}#` placeholders, see policy/template.ts). A secret value stored in the
 * repository is an error and is never deployed; a secret named value without a Key Vault reference or
 * value is left unmanaged (warning).
 */
export function desiredState(
  repo: PolicyRepository,
  values: Record<string, string> = {},
  filters: Filters = {},
): DesiredState {
  // Two files for one resource (ids differ in case only) or a reserved name: nothing deploys.
  const diagnostics: Diagnostic[] = identityProblems(repo).map((p) =>
    diag(
      'deploy/resource-identity',
      p.file,
      p.message,
      'APIM ids are case-insensitive; keep one file per resource.',
    ),
  );
  // A file that could not be read (too large, not UTF-8, not JSON) is never skipped: it stops the deployment.
  for (const p of repo.problems) {
    if (p.unreadable)
      diagnostics.push(
        diag('deploy/unreadable-file', p.file, p.message, 'Fix the file; nothing was deployed.'),
      );
  }
  const resources: DesiredResource[] = [];
  // APIM ids are case-insensitive: so are the filters.
  const lower = (xs: string[] | undefined): Set<string> | undefined =>
    xs?.length ? new Set(xs.map((x) => x.toLowerCase())) : undefined;
  const apis = lower(filters.apis);
  const products = lower(filters.products);
  // A workspace's fragment is not the service fragment of the same id: key by workspace too.
  const fragmentKey = (ws: string | undefined, id: string): string => `${ws ?? ''}/${id}`;
  const fragmentInfo = new Map(repo.fragments.map((f) => [fragmentKey(f.workspaceId, f.id), f]));

  for (const p of repo.policies) {
    let ref: ResourceRef;
    // Workspace resources go to the workspace's own ARM resources (workspaces/{ws}/...).
    const ws = p.workspaceId ? { workspaceId: p.workspaceId } : {};
    switch (p.scope) {
      case 'global':
        ref = refFor('globalPolicy');
        break;
      case 'workspace':
        ref = refFor('globalPolicy', ws);
        break;
      case 'product':
        if (products && !products.has(p.productId!.toLowerCase())) continue;
        ref = refFor('productPolicy', { productId: p.productId, ...ws });
        break;
      case 'api':
        if (apis && !apis.has(p.apiId!.toLowerCase())) continue;
        ref = refFor('apiPolicy', { apiId: p.apiId, ...ws });
        break;
      case 'operation':
        if (apis && !apis.has(p.apiId!.toLowerCase())) continue;
        ref = refFor('operationPolicy', { apiId: p.apiId, operationId: p.operationId, ...ws });
        break;
      case 'fragment':
        ref = refFor('fragment', { name: p.fragmentId, ...ws });
        break;
      default:
        continue; // a loose file is validated, never deployed
    }
    const rendered = renderTemplate(p.text, values, p.file);
    diagnostics.push(...rendered.diagnostics);
    if (provenanceComment(readForCompare(rendered.text))) {
      // Only apim-gogs writes this comment; one in the file would be taken for (or hide) the real stamp.
      diagnostics.push(
        diag(
          'deploy/reserved-comment',
          p.file,
          `'${p.file}' holds a comment starting with 'apim-gogs:' where apim-gogs writes its provenance stamp.`,
          "Remove the comment or reword it so it does not start with 'apim-gogs:'.",
        ),
      );
      continue;
    }
    const properties: Properties = { value: rendered.text, format: detectPolicyFormat(rendered.text) };
    if (p.scope === 'fragment') {
      const info = fragmentInfo.get(fragmentKey(p.workspaceId, p.fragmentId!));
      if (info?.description !== undefined) {
        properties.description = renderJson(info.description, values, info.file, diagnostics, 'description');
      }
    }
    resources.push({ ref, file: p.file, properties });
  }

  for (const nv of repo.namedValues) {
    if (nv.secret && nv.value !== undefined && nv.value !== '' && !nv.keyVault) {
      diagnostics.push(
        diag(
          'deploy/secret-in-repository',
          nv.file,
          `Named value '${nv.id}' is secret and its value is stored in the repository; it is not deployed.`,
          'Remove the value and reference a Key Vault secret (keyVault.secretIdentifier) instead.',
        ),
      );
      continue;
    }
    if (nv.secret && !nv.keyVault) {
      diagnostics.push(
        diag(
          'deploy/secret-unmanaged',
          nv.file,
          `Named value '${nv.id}' is secret without a Key Vault reference; apim-gogs leaves it as it is in APIM.`,
          'Reference a Key Vault secret to manage it from the repository.',
          'warning',
        ),
      );
      continue;
    }
    const rendered = renderJson(nv.properties, values, nv.file, diagnostics) as Properties;
    const properties: Properties = { displayName: rendered.displayName ?? nv.displayName, secret: nv.secret };
    if (!nv.keyVault && rendered.value !== undefined) properties.value = rendered.value;
    if (rendered.tags !== undefined) properties.tags = rendered.tags;
    if (nv.keyVault) properties.keyVault = rendered.keyVault;
    const ref = refFor('namedValue', { name: nv.id, workspaceId: nv.workspaceId });
    resources.push({ ref, file: nv.file, properties });
  }

  for (const b of repo.backends) {
    const properties = renderJson(b.properties, values, b.file, diagnostics) as Properties;
    const ref = refFor('backend', { name: b.id, workspaceId: b.workspaceId });
    resources.push({ ref, file: b.file, properties });
  }
  return { resources, diagnostics };
}
