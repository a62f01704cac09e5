import { pipelineCommand } from '../pipeline-command.js';

/** `apim-gogs run`: the action's job from a terminal or any CI system: check out from Gogs, then the mode. */
export const runCommand = pipelineCommand(
  'run',
  'Check out from Gogs, then validate / plan / deploy / verify (the action, as a command)',
  'apim-gogs run --gogs-url URL --repository OWNER/NAME [--mode MODE] [--ref REF] [options]',
  ['The Gogs token is read from the GOGS_TOKEN environment variable, never from the command line.'],
);
