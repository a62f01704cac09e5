import { ExitCode } from '../../shared/errors.js';
import { reportFailure } from '../../pipeline/report-failure.js';
import { cliHost } from './cli-host.js';
import { commands } from './commands/index.js';
import { runCommand } from './commands/run.js';
import { version } from '../../shared/version.js';

const all = () => [runCommand, ...commands];

function help(): string {
  return [
    `apim-gogs ${version} — validate and deploy Azure API Management policies kept in Gogs`,
    '',
    'Usage: apim-gogs <command> [options]    (apim-gogs <command> --help for its options)',
    '',
    'Commands:',
    ...all().map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Exit codes: 0 clean, 1 findings or drift, 2 usage or configuration error,',
    '            3 deployment failed and rolled back, 4 deployment failed and not fully rolled back.',
  ].join('\n');
}

/** Dispatches `apim-gogs <command>`; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? ExitCode.Ok : ExitCode.Configuration;
  }
  if (name === '--version') {
    console.log(version);
    return ExitCode.Ok;
  }
  const command = all().find((c) => c.name === name);
  const host = cliHost({ inputs: new Map() });
  if (!command) {
    host.logger.error(
      `Unknown command "${name}". Commands: ${all()
        .map((c) => c.name)
        .join(', ')}.`,
    );
    return ExitCode.Configuration;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage);
    return ExitCode.Ok;
  }
  try {
    return await command.run(args, host);
  } catch (err) {
    return reportFailure(host, err);
  }
}
