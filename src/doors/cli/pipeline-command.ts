import { cliOptionsOf, envName, spec, type InputName, type Mode } from '../../pipeline/inputs.js';
import { runPipeline } from '../../pipeline/run.js';
import { resolveFileTargets } from '../../pipeline/file-targets.js';
import { readSettings } from '../../pipeline/settings.js';
import { ConfigurationError } from '../../shared/errors.js';
import { cliHost } from './cli-host.js';
import type { CliIo, Command } from './command.js';
import { reportFailure } from '../../pipeline/report-failure.js';
import { optionHelp } from './help.js';
import { parseArgs } from './parse-args.js';

/**
 * A CLI command that runs THE pipeline (src/pipeline/run.ts), as the action and the task do: its
 * options come from the one input table, each also settable as APIM_GOGS_<NAME>.
 * `run` checks the repository out of Gogs; the others take a local directory.
 */
export function pipelineCommand(
  name: 'run' | Mode,
  summary: string,
  usage: string,
  notes: string[] = [],
): Command {
  const names = cliOptionsOf(name);
  const flags = names.filter((n) => spec(n).type === 'boolean');
  return {
    name,
    summary,
    usage: [
      usage,
      '',
      ...notes,
      ...(notes.length ? [''] : []),
      'Options:',
      ...optionHelp(names),
      '',
      EXIT_CODES,
    ].join('\n'),
    async run(args, io = {}) {
      try {
        return await runParsed(args, io);
      } catch (err) {
        return reportFailure(cliHost(io), err);
      }
    },
  };

  async function runParsed(args: string[], io: CliIo): Promise<number> {
    if (args.some((a) => a === '--token' || a.startsWith('--token=')))
      throw new ConfigurationError(
        'Unknown option --token: the Gogs token is never taken from the command line, where other users of the machine can read it.',
        'Set the GOGS_TOKEN environment variable.',
      );
    const { options, repeated, positionals } = parseArgs(args, {
      values: names.filter((n) => !flags.includes(n)),
      flags,
      repeatable: names.filter((n) => spec(n).repeatable),
    });
    if (name === 'run' ? positionals.length > 0 : name !== 'validate' && positionals.length > 1)
      throw new ConfigurationError(
        `Unexpected argument${positionals.length > 1 ? 's' : ''}: ${positionals.slice(name === 'run' ? 0 : 1).join(' ')}.`,
        name === 'run' ? 'run takes options only.' : `${name} takes one directory.`,
      );
    const get = (n: InputName): string | undefined =>
      (names.includes(n) || n === 'token' ? (options.get(n) ?? process.env[envName(n)]) : undefined) ||
      undefined;
    const host = cliHost({
      ...io,
      outputsFile: get('outputs-file'),
      summaryFile: get('summary-file'),
      reportFormat: get('format'),
      annotations: name !== 'validate',
    });
    return runPipeline(host, () => {
      const token = name === 'run' ? get('token') : undefined;
      if (token) host.setSecret(token);
      // validate FILE…: the files' repository is read, their findings reported.
      const targets =
        name === 'validate' ? resolveFileTargets(positionals, process.cwd(), get('root')) : undefined;
      return readSettings(
        { get, all: (n) => repeated.get(n) ?? [] },
        {
          door: 'cli',
          defaultAuth: 'azure-cli',
          workspace: process.cwd(),
          mode: name === 'run' ? undefined : name,
          localDir: name === 'run' ? undefined : (targets?.root ?? positionals[0] ?? get('root') ?? '.'),
          files: targets?.files,
          nameOf: (n) => (n === 'token' ? 'GOGS_TOKEN' : `--${n}`),
        },
      );
    });
  }
}

const EXIT_CODES =
  'Exit codes: 0 clean, 1 findings or drift, 2 usage or configuration error, 3 deployment failed and\nrolled back, 4 deployment failed and not fully rolled back, 5 internal error.';
