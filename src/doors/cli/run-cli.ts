import { reportFailure } from '../../pipeline/report-failure.js';
import { ExitCode } from '../../shared/errors.js';
import { version } from '../../shared/version.js';
import { cliHost } from './cli-host.js';
import { commands } from './commands/index.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `apim-gogs ${version}: validate and deploy Azure API Management policies kept in Gogs`,
    '',
    'Usage: apim-gogs <command> [options]    (apim-gogs <command> --help for its options)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`),
    '',
    'Exit codes: 0 clean, 1 findings or drift, 2 usage or configuration error,',
    '            3 deployment failed and rolled back, 4 deployment failed and not fully rolled back,',
    '            5 internal error (a bug).',
  ].join('\n');
}

/** Dispatches `apim-gogs <command>`; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? console.log : console.error)(help());
    return name ? ExitCode.Ok : ExitCode.Configuration;
  }
  if (name === '--version' || name === '-V') {
    console.log(version);
    return ExitCode.Ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    cliHost().logger.error(`Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.`);
    return ExitCode.Configuration;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage);
    return ExitCode.Ok;
  }
  try {
    return await command.run(args);
  } catch (err) {
    return reportFailure(cliHost(), err);
  }
}
