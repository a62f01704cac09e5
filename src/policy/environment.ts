import { findApiopsConfiguration, readApiopsConfiguration } from './apiops-config.js';
import { applyApiopsConfiguration } from './apiops-overrides.js';
import { loadArtifacts } from './artifacts.js';
import type { PolicyRepository } from './repository.js';
import { loadEnvironmentValues } from './template.js';

/**
 * The repository as one environment gets it, read once for validate, plan, deploy and verify:
 * the layout from artifacts-path, the template values of environments/<env>.yaml (with the caller's
 * variables winning), and APIOps' configuration.<env>.yaml overrides applied.
 */
export interface EnvironmentRepository {
  repository: PolicyRepository;
  templateValues: Record<string, string>;
  /** Present when a configuration.<env>.yaml was found. */
  apiops?: { file: string; applied: string[]; warnings: string[] };
}

export async function loadEnvironmentRepository(
  root: string,
  options: { artifactsPath?: string; environment?: string; vars?: Record<string, string> } = {},
): Promise<EnvironmentRepository> {
  const loaded = await loadArtifacts(root, options.artifactsPath);
  const env = options.environment;
  const templateValues = {
    ...(env ? await loadEnvironmentValues(loaded.root, env) : {}),
    ...(options.vars ?? {}),
  };
  if (!env) return { repository: loaded, templateValues };
  const file = await findApiopsConfiguration(loaded.root, env, loaded.artifactsPath);
  if (!file) return { repository: loaded, templateValues };
  const config = await readApiopsConfiguration(loaded.root, file);
  const result = applyApiopsConfiguration(loaded, config, templateValues);
  return {
    repository: result.repository,
    templateValues,
    apiops: { file, applied: result.applied, warnings: result.warnings },
  };
}
