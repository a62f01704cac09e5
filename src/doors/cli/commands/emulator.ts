import { ConfigurationError } from '../../../shared/errors.js';
import { ExitCode } from '../../../shared/errors.js';
import { ensureTlsDir, startEmulator, type Emulator } from '../../../emulator/index.js';
import type { Command } from '../command.js';
import { parseArgs } from '../parse-args.js';

/**
 * `apim-gogs emulator`: the test bed's stand-in for APIM, Entra and the CI token services, for a
 * local rehearsal of a pipeline with no Azure at hand. Prints the environment to use, runs until
 * Ctrl-C.
 */

/** The rehearsal app registration the command creates (its federated credentials match the CI tokens). */
export const rehearsalClientId = '00000000-0000-4000-8000-00000000a9a9';

export interface EmulatorRun {
  emulator: Emulator;
  /** `export NAME='value'` lines for a POSIX shell. */
  exports: string;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Starts the emulator from command-line options and says how to use it (the testable part of `run`). */
export async function startFromArgs(args: string[]): Promise<EmulatorRun> {
  const { options } = parseArgs(args, {
    values: [
      'seed',
      'port',
      'tls-dir',
      'fault-plan',
      'latency',
      'client-id',
      'github-repository',
      'github-ref',
      'github-environment',
    ],
  });
  const port = options.has('port') ? Number(options.get('port')) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new ConfigurationError(`--port ${options.get('port')} is not a port number.`);
  const latencyMs = options.has('latency') ? Number(options.get('latency')) : undefined;
  if (latencyMs !== undefined && !(latencyMs >= 0))
    throw new ConfigurationError(`--latency ${options.get('latency')} is not a number of milliseconds.`);
  const tlsDir = options.get('tls-dir');
  const tls = tlsDir ? await ensureTlsDir(tlsDir) : undefined;
  const emulator = await startEmulator({ tls, port, latencyMs, seed: options.get('seed') });
  const github = {
    repository: options.get('github-repository'),
    ref: options.get('github-ref'),
    environment: options.get('github-environment'),
  };
  emulator.github.setContext(Object.fromEntries(Object.entries(github).filter(([, v]) => v !== undefined)));
  const faultPlan = options.get('fault-plan');
  if (faultPlan) emulator.loadFaultPlan(faultPlan);
  const clientId = options.get('client-id') ?? rehearsalClientId;
  const audiences = ['api://AzureADTokenExchange'];
  emulator.registerApp({
    clientId,
    federatedCredentials: [
      { issuer: emulator.github.issuer, subject: emulator.github.subject, audiences },
      { issuer: emulator.azureDevOps.issuer, subject: emulator.azureDevOps.subject, audiences },
    ],
  });
  const env: Record<string, string> = {
    ...emulator.env(),
    AZURE_CLIENT_ID: clientId,
    APIM_GOGS_CLIENT_ID: clientId,
    // The CLI's own default is azure-cli; the rehearsal signs in as the GitHub job would.
    APIM_GOGS_AUTH: 'github-oidc',
  };
  const lines = [
    `# apim-gogs emulator on ${emulator.armEndpoint} (admin: ${emulator.armEndpoint}/_emulator/)`,
    `# App ${clientId} trusts GitHub subject ${emulator.github.subject}`,
    `#   and Azure DevOps subject ${emulator.azureDevOps.subject} (service connection ${emulator.azureDevOps.serviceConnectionId}).`,
    ...Object.entries(env).map(([k, v]) => `export ${k}=${shellQuote(v)}`),
  ];
  return { emulator, exports: `${lines.join('\n')}\n` };
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: 'Run a local stand-in for APIM, Entra ID and the GitHub/Azure DevOps token services',
  usage: [
    'apim-gogs emulator [--seed DIR|FILE] [--port N] [--tls-dir DIR] [--fault-plan FILE] [--latency MS]',
    '                   [--client-id ID] [--github-repository OWNER/REPO] [--github-ref REF] [--github-environment ENV]',
    '',
    'Prints `export` lines (NODE_EXTRA_CA_CERTS, endpoints, tenant/subscription/client ids, ACTIONS_ID_TOKEN_REQUEST_URL,',
    'SYSTEM_OIDCREQUESTURI, IDENTITY_ENDPOINT...) for the shell that runs the rehearsal, then serves until Ctrl-C.',
    '',
    '  --seed          An APIOps-layout folder or a seed JSON file to start from (validated like APIM would)',
    '  --port          Port on 127.0.0.1 (default: a free one)',
    '  --tls-dir       Keep the CA and server certificate here (default: fresh ones in a temp dir)',
    '  --fault-plan    A JSON array of faults (429, 5xx, 409, slow, dropped connection, failed LRO...)',
    '  --latency       Milliseconds added to every request',
    '  --client-id     Client id of the rehearsal app registration (default ' + rehearsalClientId + ')',
  ].join('\n'),
  async run(args) {
    const { emulator, exports } = await startFromArgs(args);
    // Only the export lines go to stdout, so `apim-gogs emulator > emulator.env` gives a file to source.
    process.stdout.write(exports);
    process.stderr.write(`Emulator running on ${emulator.armEndpoint}; press Ctrl-C to stop.\n`);
    await untilStopped();
    await emulator.close();
    return ExitCode.Ok;
  },
};
