import * as tl from 'azure-pipelines-task-lib/task.js';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { camelCase, spec, type InputName } from '../../pipeline/inputs.js';
import { azureLogIssue } from '../../report/azure-pipelines.js';
import { ConfigurationError } from '../../shared/errors.js';
import type { Host, RunInfo } from '../../shared/host.js';
import type { Logger } from '../../shared/logger.js';
import { neutralise } from '../../shared/workflow-text.js';
import { secretInput } from './secret-inputs.js';

/**
 * Azure DevOps: azure-pipelines-task-lib (##vso logging commands, output variables, summaries).
 * Every line of free text passes through `neutralise`: the agent reads `##vso[` anywhere in a line.
 */
export function azurePipelinesHost(): Host {
  const logger: Logger = {
    debug: (m) => tl.debug(neutralise(m)),
    info: (m) => console.log(neutralise(m)),
    warning: (m) => tl.warning(neutralise(m)),
    error: (m) => tl.error(neutralise(m)),
    async group(name, fn) {
      console.log(`##[group]${neutralise(name)}`);
      try {
        return await fn();
      } finally {
        console.log('##[endgroup]');
      }
    },
  };
  const info = pipelinesRunInfo();
  let summaries = 0;
  return {
    name: 'azure-pipelines',
    logger,
    // task.json's outputVariables are camelCase (its schema's pattern); the pipeline names them kebab-case.
    setOutput: (name, value) => tl.setVariable(camelCase(name), value, false, true),
    setSecret: (value) => tl.setSecret(value),
    annotate: (d) => console.log(azureLogIssue(d)),
    annotateRun(message, level = 'notice') {
      const sha = /\b[0-9a-f]{40}\b/.exec(message)?.[0];
      if (sha) tl.command('build.addbuildtag', null, `apim-gogs-${sha.slice(0, 12)}`);
      if (level === 'error') tl.error(neutralise(message));
      else console.log(neutralise(message));
    },
    emitReport: (text) => console.log(neutralise(text)),
    async appendSummary(markdown) {
      const file = path.join(info.tempDir, `apim-gogs-summary-${process.pid}-${++summaries}.md`);
      await writeFile(file, markdown);
      tl.uploadSummary(file);
    },
    async getIdToken(audience) {
      return requestPipelinesIdToken(tl.getInput('azureServiceConnection', false), audience);
    },
    runInfo: () => info,
    azureServiceConnection() {
      const id = tl.getInput('azureServiceConnection', false);
      if (!id) return undefined;
      return {
        id,
        tenantId: tl.getEndpointAuthorizationParameter(id, 'tenantid', true),
        clientId: tl.getEndpointAuthorizationParameter(id, 'serviceprincipalid', true),
        // Absent for a connection scoped to a management group or a workspace: then the input is needed.
        subscriptionId: tl.getEndpointDataParameter(id, 'subscriptionId', true) || undefined,
      };
    },
    saveState: (name, value) => tl.setTaskVariable(name, value),
    getState: (name) => tl.getTaskVariable(name) || undefined,
  };
}

/** A task input by the table's name (camelCase in task.json); secrets never through tl.getInput. */
export function taskInput(name: InputName): string | undefined {
  if (spec(name).secret) return secretInput(name);
  return tl.getInput(camelCase(name), false)?.trim() || undefined;
}

/**
 * The pipeline's OIDC token for a service connection (the same call AzurePipelinesCredential makes):
 * POST $SYSTEM_OIDCREQUESTURI?api-version=7.1&serviceConnectionId=... with System.AccessToken.
 */
async function requestPipelinesIdToken(
  serviceConnectionId: string | undefined,
  _audience: string,
): Promise<string> {
  const uri = process.env.SYSTEM_OIDCREQUESTURI;
  const accessToken = process.env.SYSTEM_ACCESSTOKEN;
  if (!uri || !accessToken || !serviceConnectionId) {
    throw new ConfigurationError(
      'No Azure DevOps OIDC token is available to this task.',
      'Set the azureServiceConnection input to a workload-identity service connection and map System.AccessToken into the env (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)).',
    );
  }
  const url = new URL(uri);
  url.searchParams.set('api-version', '7.1');
  url.searchParams.set('serviceConnectionId', serviceConnectionId);
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
  });
  if (!res.ok)
    throw new ConfigurationError(`Azure DevOps refused the OIDC token request (HTTP ${res.status}).`);
  const body = (await res.json()) as { oidcToken?: string };
  if (!body.oidcToken)
    throw new ConfigurationError('Azure DevOps answered the OIDC token request without a token.');
  return body.oidcToken;
}

function pipelinesRunInfo(): RunInfo {
  const env = process.env;
  const url =
    env.SYSTEM_COLLECTIONURI && env.SYSTEM_TEAMPROJECT && env.BUILD_BUILDID
      ? `${env.SYSTEM_COLLECTIONURI}${encodeURIComponent(env.SYSTEM_TEAMPROJECT)}/_build/results?buildId=${env.BUILD_BUILDID}`
      : undefined;
  return {
    url,
    id: env.BUILD_BUILDID,
    workspace: env.BUILD_SOURCESDIRECTORY ?? env.SYSTEM_DEFAULTWORKINGDIRECTORY ?? process.cwd(),
    tempDir: env.AGENT_TEMPDIRECTORY ?? os.tmpdir(),
  };
}
