import { pipelineCommand } from '../pipeline-command.js';

/** `apim-gogs verify [dir]`: the release gate; exit 1 when live APIM differs from the commit. */
export const verifyCommand = pipelineCommand(
  'verify',
  'Release gate: exit 1 when live APIM differs from the checkout (drift report, text or JSON)',
  'apim-gogs verify [DIR] --subscription-id ID --resource-group RG --service-name NAME [options]',
  ['DIR is a checked-out policy repository (default: the current directory).'],
);
