import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getIDToken } from '@actions/core';
import { applyPlan, createCredential, planDeployment, resolveIdentity } from '../../src/deploy/index.js';
import { fastRetry, globalPolicy, makeRepo, startApimBed, type ApimBed } from './support.js';

let bed: ApimBed;
beforeEach(async () => {
  // A secret set by hand in APIM (its value only readable through listValue).
  bed = await startApimBed({
    seed: { namedValues: { 'api-key': { displayName: 'api-key', value: 'hand-set-secret', secret: true } } },
  });
});
afterEach(async () => bed?.close());

const kvRepo = {
  'named values/api-key/namedValueInformation.json': JSON.stringify({
    properties: {
      displayName: 'api-key',
      secret: true,
      keyVault: { secretIdentifier: 'https://kv.vault.azure.net/secrets/api-key' },
    },
  }),
  'policy.xml': globalPolicy(
    '<set-header name="x-key" exists-action="override"><value>{{api-key}}</value></set-header>',
  ),
};

it('moves a hand-set secret to a Key Vault reference, and a failure restores the secret value itself', async () => {
  const conn = bed.connect();
  const repo = await makeRepo(kvRepo);
  const plan = await planDeployment({
    repository: repo,
    connection: conn,
    source: { commit: 'd'.repeat(40) },
  });
  expect(plan.entries.find((e) => e.key === 'namedValues/api-key')?.action).toBe('update');
  // The plan (a file others read) never holds the secret.
  expect(JSON.stringify(plan)).not.toContain('hand-set-secret');

  bed.emu.addFault({ kind: 'error', status: 500, method: 'PUT', path: '/policies/policy', times: 0 });
  const failed = await applyPlan({ plan, connection: conn, identity: {}, retry: fastRetry });
  expect(failed.outcome).toBe('rolled-back');
  expect(failed.restored).toContain('namedValues/api-key');
  const value = await conn.client.namedValue.listValue(conn.resourceGroup, conn.serviceName, 'api-key');
  expect(value.value).toBe('hand-set-secret');
  bed.emu.clearFaults();

  const ok = await applyPlan({
    plan: await planDeployment({ repository: repo, connection: conn, source: { commit: 'd'.repeat(40) } }),
    connection: conn,
    identity: {},
    retry: fastRetry,
  });
  expect(ok.outcome).toBe('succeeded');
  const live = await conn.client.namedValue.get(conn.resourceGroup, conn.serviceName, 'api-key');
  expect(live.keyVault?.secretIdentifier).toBe('https://kv.vault.azure.net/secrets/api-key');
  const again = await planDeployment({
    repository: repo,
    connection: conn,
    source: { commit: 'd'.repeat(40) },
  });
  expect(again.summary.update + again.summary.create).toBe(0);
});

it('workload-identity: WorkloadIdentityCredential reads a federated token file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-wi-'));
  const tokenFile = path.join(dir, 'token');
  await writeFile(tokenFile, await getIDToken('api://AzureADTokenExchange'));
  const credential = createCredential({
    auth: 'workload-identity',
    tenantId: bed.emu.tenantId,
    clientId: bed.clientId,
    authorityHost: bed.emu.authorityHost,
    tokenFilePath: tokenFile,
  });
  expect(await resolveIdentity(credential)).toEqual({
    oid: bed.objectId,
    appid: bed.clientId,
    tid: bed.emu.tenantId,
  });
});
