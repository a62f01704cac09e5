import { rm } from 'node:fs/promises';
import { makeRepo } from '../test/deploy/support.js';
import type { PolicyRepository } from '../src/policy/repository.js';

/**
 * The soak's 50-resource service: 15 named values, 10 backends, 10 fragments, the global policy and
 * 14 API policies. A commit is a version number per resource; its files are rendered from that.
 */
export const APIS = Array.from({ length: 14 }, (_, i) => `api-${String(i).padStart(2, '0')}`);
const names = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);

export interface Resource {
  /** The plan's key, e.g. `namedValues/nv-03`. */
  key: string;
  /** A regular expression source matching the resource's ARM path (for fault specs). */
  path: string;
  longRunning: boolean;
  files(version: number): Record<string, string>;
}

const policy = (inbound: string, base: boolean): string =>
  `<policies>\n  <inbound>\n${base ? '    <base />\n' : ''}    ${inbound}\n  </inbound>\n  <backend>\n    ${base ? '<base />' : '<forward-request />'}\n  </backend>\n  <outbound />\n  <on-error />\n</policies>\n`;
const header = (name: string, v: number): string =>
  `<set-header name="x-${name}" exists-action="override"><value>v${v}</value></set-header>`;

export function namedValue(name: string): Resource {
  return {
    key: `namedValues/${name}`,
    path: `/namedValues/${name}(/|$)`,
    longRunning: true,
    files: (v) => ({
      [`named values/${name}/namedValueInformation.json`]: JSON.stringify({
        properties: { displayName: name, value: `${name}-v${v}`, secret: false },
      }),
    }),
  };
}

export function backend(name: string): Resource {
  return {
    key: `backends/${name}`,
    path: `/backends/${name}(/|$)`,
    longRunning: false,
    files: (v) => ({
      [`backends/${name}/backendInformation.json`]: JSON.stringify({
        properties: { url: `https://${name}-v${v}.example`, protocol: 'http' },
      }),
    }),
  };
}

const fragment = (name: string): Resource => ({
  key: `policyFragments/${name}`,
  path: `/policyFragments/${name}(/|$)`,
  longRunning: true,
  files: (v) => ({
    [`policy fragments/${name}/policy.xml`]: `<fragment>\n  ${header(name, v)}\n</fragment>\n`,
  }),
});

const apiPolicy = (api: string): Resource => ({
  key: `apis/${api}/policies/policy`,
  path: `/apis/${api}/policies/policy(/|$)`,
  longRunning: false,
  files: (v) => ({ [`apis/${api}/policy.xml`]: policy(header(api, v), true) }),
});

const globalPolicy: Resource = {
  key: 'policies/policy',
  path: '/service/[^/]+/policies/policy(/|$)',
  longRunning: false,
  files: (v) => ({ 'policy.xml': policy(header('global', v), false) }),
};

export const RESOURCES: Resource[] = [
  ...names('nv', 15).map(namedValue),
  ...names('be', 10).map(backend),
  ...names('frag', 10).map(fragment),
  globalPolicy,
  ...APIS.map(apiPolicy),
];

/** The emulator seed: the APIs the API policies belong to. */
export const SEED = {
  apis: Object.fromEntries(APIS.map((a) => [a, { displayName: a, path: a, protocols: ['https'] }])),
};

/** A commit: a version per resource key, plus resources only this commit has (creates). */
export interface Commit {
  sha: string;
  versions: Map<string, number>;
  extra: Resource[];
}

export function commitFiles(c: Commit): Record<string, string> {
  const files: Record<string, string> = {};
  for (const r of RESOURCES) Object.assign(files, r.files(c.versions.get(r.key) ?? 0));
  for (const r of c.extra) Object.assign(files, r.files(1));
  return files;
}

/** Loads a commit as a repository; the caller removes it with `dispose`. */
export async function loadCommit(c: Commit): Promise<PolicyRepository & { dispose(): Promise<void> }> {
  const repo = await makeRepo(commitFiles(c));
  return Object.assign(repo, { dispose: () => rm(repo.root, { recursive: true, force: true }) });
}
