import path from 'node:path';
import type { AuthKind } from '../deploy/credentials.js';
import type { ServiceTarget } from '../deploy/client.js';
import { parseGogsUrl } from '../gogs/gogs-url.js';
import { REPORT_FORMATS } from '../report/formats.js';
import { isSeverity, type Severity } from '../shared/diagnostic.js';
import { ConfigurationError } from '../shared/errors.js';
import { parseBoolean } from '../shared/parse-boolean.js';
import { AUTH_KIND_NAMES, INPUTS, MODES, spec, type Door, type InputName, type Mode } from './inputs.js';

/**
 * Every input, parsed and checked once, up front, into one typed object: a bad subscription-id fails
 * before the checkout, not after validation. Each door only maps its host's inputs to `read`.
 */
export interface Settings {
  mode: Mode;
  source: GogsSource | LocalSource;
  validation: ValidationSettings;
  /** Present for plan, deploy and verify. */
  azure?: AzureSettings;
  pullRequest?: { number: number; baseRef?: string };
  /** extract: commit the result to a new branch of the Gogs repository. */
  gogsPush: boolean;
  /** CLI: the command's report format and file. */
  report: { format?: string; file?: string };
}

export interface GogsSource {
  kind: 'gogs';
  gogsUrl: string;
  allowInsecureHttp: boolean;
  repository: string;
  ref?: string;
  token: string;
  /** Absolute. */
  path: string;
  fetchDepth: number;
  syncMirror: boolean;
  caFile?: string;
}

/** A directory already on disk (the CLI's validate, plan, deploy, verify). */
export interface LocalSource {
  kind: 'local';
  /** Absolute. */
  dir: string;
  /** Full SHA, when given; otherwise read from git (deploy and verify need one). */
  commit?: string;
  ref?: string;
  repositoryUrl?: string;
  runUrl?: string;
}

export interface ValidationSettings {
  /** Repository-relative folder of the APIOps layout; undefined for the root. */
  artifactsPath?: string;
  config?: string;
  environment?: string;
  failSeverity: Severity;
  externalNamedValues?: string[];
  /** NAME=VALUE template values from the command line; they win over the environment file. */
  vars: Record<string, string>;
  /**
   * `validate FILE…`: repository-relative paths or globs; only their findings are reported, annotated
   * and counted (the whole repository is still read, so references resolve).
   */
  files?: string[];
}

export interface AzureSettings {
  target: ServiceTarget;
  auth: AuthKind;
  tenantId?: string;
  clientId?: string;
  audience: string;
  authorityHost?: string;
  concurrency: number;
  filters: { apis?: string[]; products?: string[] };
  prune: boolean;
  includeExtra: boolean;
  /** auto: an incremental plan when the deployment record makes it safe; full: read everything. */
  planScope: 'auto' | 'full';
  /** extract: only these workspaces. */
  workspaces?: string[];
}

/** How a door hands its inputs over: by table name, already trimmed; undefined when not given. */
export interface InputReader {
  get(name: InputName): string | undefined;
  /** Every value of a repeatable CLI option. */
  all?(name: InputName): string[];
}

export interface SettingsContext {
  door: Door;
  /** Default sign-in of the host (github-oidc, azure-devops, azure-cli). */
  defaultAuth: AuthKind;
  /** The workspace the checkout path is relative to. */
  workspace: string;
  /** The CLI names the mode by its command and reads a local directory (except `run`). */
  mode?: Mode;
  localDir?: string;
  /** `validate FILE…`: the named files, relative to localDir (src/pipeline/file-targets.ts). */
  files?: string[];
  /** Azure DevOps: tenant, client and (when it has one) subscription from the service connection. */
  serviceConnection?: { tenantId?: string; clientId?: string; subscriptionId?: string };
  /** How an input is named to the user: `subscription-id` (action, task) or `--subscription-id` (CLI). */
  nameOf?: (name: InputName) => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FULL_SHA = /^[0-9a-f]{40}$/i;
export const AZURE_MODES: readonly Mode[] = ['plan', 'deploy', 'verify', 'extract'];

function accessors(reader: InputReader, ctx: SettingsContext) {
  const bare = ctx.nameOf ?? ((n: InputName) => n);
  const named = (n: InputName) =>
    ctx.door !== 'cli'
      ? `Input ${bare(n)}`
      : bare(n).startsWith('--')
        ? `Option ${bare(n)}`
        : `The environment variable ${bare(n)}`;
  const get = (name: InputName): string | undefined => reader.get(name)?.trim() || spec(name).default;
  const need = (name: InputName): string => {
    const v = get(name);
    if (!v) throw new ConfigurationError(`${named(name)} is required.`, `Set it: ${spec(name).description}`);
    return v;
  };
  const oneOf = <T extends string>(name: InputName, allowed: readonly T[]): T | undefined => {
    const v = get(name);
    if (v !== undefined && !(allowed as readonly string[]).includes(v))
      throw new ConfigurationError(`${named(name)} is "${v}".`, `Use one of: ${allowed.join(', ')}.`);
    return v as T | undefined;
  };
  const bool = (name: InputName): boolean => parseBoolean(get(name) ?? 'false', named(name));
  const list = (name: InputName): string[] | undefined => {
    const items = get(name)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return items?.length ? items : undefined;
  };
  return { bare, named, get, need, oneOf, bool, list };
}

export function readSettings(reader: InputReader, ctx: SettingsContext): Settings {
  const { bare, named, get, need, oneOf, bool, list } = accessors(reader, ctx);

  const mode = ctx.mode ?? oneOf('mode', MODES)!;
  const failSeverity = get('fail-severity')!;
  if (!isSeverity(failSeverity))
    throw new ConfigurationError(
      `${named('fail-severity')} is "${failSeverity}".`,
      'Use error, warning or info.',
    );

  const settings: Settings = {
    mode,
    source: ctx.localDir !== undefined ? readLocal() : readGogs(),
    validation: {
      artifactsPath: get('artifacts-path'),
      config: get('config'),
      environment: get('environment'),
      failSeverity,
      externalNamedValues: list('external-named-values'),
      vars: readVars(),
      files: ctx.files,
    },
    gogsPush: bool('gogs-push'),
    report: { format: readFormat(), file: get('output') },
  };
  const pr = get('pull-request');
  if (pr !== undefined) {
    if (!/^[1-9]\d{0,8}$/.test(pr))
      throw new ConfigurationError(`${named('pull-request')} "${pr}" is not a pull request number.`);
    settings.pullRequest = { number: Number(pr), baseRef: get('base-ref') };
  }
  if (AZURE_MODES.includes(mode)) settings.azure = readAzureSettings(reader, ctx);
  return settings;

  function readGogs(): GogsSource {
    const token = need('token');
    const allowInsecureHttp = bool('allow-insecure-http');
    const gogsUrl = parseGogsUrl(need('gogs-url'), { allowInsecureHttp, inputName: bare('gogs-url') });
    const depthText = get('fetch-depth')!;
    const fetchDepth = Number(depthText);
    if (!/^\d{1,9}$/.test(depthText))
      throw new ConfigurationError(`${named('fetch-depth')} "${depthText}" is not a whole number >= 0.`);
    return {
      kind: 'gogs',
      gogsUrl,
      allowInsecureHttp,
      repository: need('repository'),
      ref: get('ref'),
      token,
      path: path.resolve(ctx.workspace, get('path')!),
      fetchDepth,
      syncMirror: bool('sync-mirror'),
      caFile: get('gogs-ca-file'),
    };
  }

  function readLocal(): LocalSource {
    const commit = get('commit');
    if (commit !== undefined && !FULL_SHA.test(commit))
      throw new ConfigurationError(
        `${named('commit')} "${commit}" is not a full commit SHA (40 hexadecimal digits).`,
        'Pass the full SHA, e.g. from git rev-parse HEAD.',
      );
    return {
      kind: 'local',
      dir: path.resolve(ctx.workspace, ctx.localDir!),
      commit: commit?.toLowerCase(),
      ref: get('ref'),
      repositoryUrl: get('repository-url'),
      runUrl: get('run-url'),
    };
  }

  function readFormat(): string | undefined {
    const format = get('format');
    const allowed: readonly string[] = mode === 'validate' ? REPORT_FORMATS : ['text', 'json'];
    if (format !== undefined && !allowed.includes(format))
      throw new ConfigurationError(
        `Unknown report format '${format}' for ${mode}.`,
        `Use one of: ${allowed.join(', ')}.`,
      );
    return format;
  }

  function readVars(): Record<string, string> {
    const vars: Record<string, string> = {};
    for (const pair of reader.all?.('var') ?? []) {
      const eq = pair.indexOf('=');
      if (eq < 1 || !/^[A-Za-z_][\w.-]*$/.test(pair.slice(0, eq)))
        throw new ConfigurationError(`${named('var')} "${pair.split('=')[0]}=…" is not NAME=VALUE.`);
      vars[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return vars;
  }
}

/** The Azure inputs alone (the pipeline's plan, deploy and verify; the CLI's blame). */
export function readAzureSettings(reader: InputReader, ctx: SettingsContext): AzureSettings {
  const { get, need, oneOf, bool, list, named } = accessors(reader, ctx);
  // An Azure Resource Manager service connection scoped to a subscription names it: the task may omit it.
  const subscriptionId =
    get('subscription-id') ?? ctx.serviceConnection?.subscriptionId ?? need('subscription-id');
  if (!UUID.test(subscriptionId))
    throw new ConfigurationError(
      `${named('subscription-id')} "${subscriptionId}" is not a subscription id (a UUID).`,
      'Copy the subscription ID from the APIM service overview in the Azure portal.',
    );
  const https = (name: InputName): string | undefined => {
    const v = get(name);
    if (v && !/^https:\/\/[^/\s]+/i.test(v))
      throw new ConfigurationError(
        `${named(name)} "${v}" is not an https URL.`,
        'The Azure SDK sends bearer tokens over https only.',
      );
    return v;
  };
  const concurrencyText = get('concurrency')!;
  const concurrency = Number(concurrencyText);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new ConfigurationError(
      `${named('concurrency')} "${concurrencyText}" is not a whole number from 1 to 64.`,
    );
  return {
    target: {
      subscriptionId,
      resourceGroup: need('resource-group'),
      serviceName: need('service-name'),
      endpoint: https('arm-endpoint'),
    },
    auth: oneOf('auth', AUTH_KIND_NAMES) ?? ctx.defaultAuth,
    tenantId: get('tenant-id') ?? ctx.serviceConnection?.tenantId,
    clientId: get('client-id') ?? ctx.serviceConnection?.clientId,
    audience: get('audience') ?? INPUTS.audience.default,
    authorityHost: https('authority-host'),
    concurrency,
    filters: { apis: list('apis'), products: list('products') },
    prune: bool('prune'),
    includeExtra: bool('include-extra'),
    planScope: oneOf('plan-scope', ['auto', 'full'] as const) ?? 'auto',
    workspaces: list('workspaces'),
  };
}
