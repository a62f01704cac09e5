import path from 'node:path';
import type { Logger } from '../../shared/logger.js';
import { explainArmError, type ApimConnection } from '../client.js';
import type { ArmRetryOptions } from '../retry.js';
import { readInstance, type InstanceSnapshot, type LevelSnapshot } from './read-instance.js';
import { writeLayout } from './write-layout.js';

/**
 * `extract`: a live APIM instance written as an APIOps repository, the first step of onboarding.
 * Validate, plan and deploy read what it writes; a plan of it against the same instance has no
 * change (test/deploy/extract-round-trip.test.ts).
 */
export interface ExtractOptions {
  connection: ApimConnection;
  /** Repository root. */
  root: string;
  /** Folder of the layout inside `root` (artifacts-path); default the root. */
  artifactsPath?: string;
  /** APIs and products apply at every level (service and each workspace); workspaces picks workspaces. */
  filters?: { apis?: string[]; products?: string[]; workspaces?: string[] };
  concurrency?: number;
  retry?: ArmRetryOptions;
  logger?: Logger;
}

export interface ExtractResult {
  /** Repository-relative files written. */
  files: string[];
  /** Backend credential values written as #{placeholders}#. */
  credentialPlaceholders: string[];
  /** Resources read, by kind, over the service and its workspaces. */
  counts: Record<
    'policies' | 'fragments' | 'namedValues' | 'backends' | 'apis' | 'products' | 'workspaces',
    number
  >;
  /** Secret named values written without a value (no Key Vault reference to write instead). */
  secretsWithoutKeyVault: string[];
}

export async function extractInstance(options: ExtractOptions): Promise<ExtractResult> {
  let snapshot: InstanceSnapshot;
  try {
    snapshot = await readInstance({
      connection: options.connection,
      apis: options.filters?.apis,
      products: options.filters?.products,
      workspaces: options.filters?.workspaces,
      concurrency: options.concurrency,
      retry: options.retry,
    });
  } catch (err) {
    throw explainArmError(err, options.connection.target);
  }
  const prefix = (options.artifactsPath ?? '').replace(/^\.\/?|\/+$/g, '');
  const filtered = !!(
    options.filters?.apis?.length ||
    options.filters?.products?.length ||
    options.filters?.workspaces?.length
  );
  // A filtered extract adds to what is there; a full one replaces the folders it owns.
  const written = await writeLayout(path.join(options.root, prefix), snapshot, { replace: !filtered });
  const files = written.map((f) => (prefix ? `${prefix}/${f}` : f));
  const levels: LevelSnapshot[] = [snapshot, ...(snapshot.workspaces ?? []).map((w) => w.content)];
  const sum = (f: (l: LevelSnapshot) => number) => levels.reduce((n, l) => n + f(l), 0);
  const counts = {
    policies: sum(
      (l) =>
        (l.globalPolicy !== undefined ? 1 : 0) +
        l.apis.reduce((n, a) => n + (a.policy !== undefined ? 1 : 0) + a.operations.length, 0) +
        l.products.filter((p) => p.policy !== undefined).length,
    ),
    fragments: sum((l) => l.fragments.length),
    namedValues: sum((l) => l.namedValues.length),
    backends: sum((l) => l.backends.length),
    apis: sum((l) => l.apis.length),
    products: sum((l) => l.products.length),
    workspaces: snapshot.workspaces?.length ?? 0,
  };
  const log = options.logger;
  log?.info(
    `Extracted ${options.connection.serviceName}: ${counts.policies} policies, ${counts.fragments} fragments, ` +
      `${counts.namedValues} named values, ${counts.backends} backends, ${counts.apis} APIs, ${counts.products} products` +
      `${counts.workspaces ? ` (with ${counts.workspaces} workspace(s))` : ''} ` +
      `into ${files.length} files${prefix ? ` under ${prefix}/` : ''}.`,
  );
  if (snapshot.secretsWithoutKeyVault.length) {
    log?.warning(
      `${snapshot.secretsWithoutKeyVault.length} secret named value(s) were written without their value, which is never extracted: ` +
        `${snapshot.secretsWithoutKeyVault.join(', ')}. Until namedValueInformation.json references a Key Vault secret ` +
        `(keyVault.secretIdentifier), deployments leave them as they are in APIM.`,
    );
  }
  if (snapshot.credentialPlaceholders.length) {
    log?.warning(
      `${snapshot.credentialPlaceholders.length} backend credential value(s) were written as placeholders, never as values: ` +
        `${snapshot.credentialPlaceholders.map((p) => `#{${p}}#`).join(', ')}. Give each a value in environments/<env>.yaml, ` +
        `or better, keep the value in a secret named value and reference it as {{name}}: until then a deployment stops at the placeholder.`,
    );
  }
  return {
    files,
    counts,
    secretsWithoutKeyVault: snapshot.secretsWithoutKeyVault,
    credentialPlaceholders: snapshot.credentialPlaceholders,
  };
}
