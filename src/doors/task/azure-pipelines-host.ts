import * as im from 'azure-pipelines-task-lib/internal.js';
import * as tl from 'azure-pipelines-task-lib/task.js';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../shared/diagnostic.js';
import { ConfigurationError } from '../../shared/errors.js';
import { INPUTS } from '../../pipeline/inputs.js';
import type { Logger } from '../../shared/logger.js';
import type { Host, RunInfo } from '../../shared/host.js';
import { taskInputName } from './task-input-name.js';

const SECRET_INPUTS = new Set(
  Object.entries(INPUTS)
    .filter(([, spec]) => 'secret' in spec && spec.secret)
    .map(([name]) => name),
);

/** Azure DevOps: azure-pipelines-task-lib (##vso logging commands, output variables, summaries). */
export function azurePipelinesHost(): Host {
  const logger: Logger = {
    debug: (m) => tl.debug(m),
    info: (m) => console.log(m),
    warning: (m) => tl.warning(m),
    error: (m) => tl.error(m),
    async group(name, fn) {
      console.log(`##[group]${name}`);
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
    getInput(name) {
      const taskName = taskInputName(name);
      // tl.getInput writes every value to the debug log; a secret is read from the task lib's vault
      // (where it moves every INPUT_* variable at load) without that.
      if (SECRET_INPUTS.has(name))
        return im._vault.retrieveSecret(`INPUT_${im._getVariableKey(taskName)}`) || undefined;
      return tl.getInput(taskName, false) || undefined;
    },
    setOutput: (name, value) => tl.setVariable(name, value, false, true),
    setSecret: (value) => tl.setSecret(value),
    annotate(d: Diagnostic) {
      const type = d.severity === 'error' ? tl.IssueType.Error : tl.IssueType.Warning;
      tl.logIssue(type, `${d.message} (${d.ruleId})`, d.file, d.line, d.column, d.ruleId);
    },
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
      };
    },
    saveState: (name, value) => tl.setTaskVariable(name, value),
    getState: (name) => tl.getTaskVariable(name) || undefined,
  };
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
