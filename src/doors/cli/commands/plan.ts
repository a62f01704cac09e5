import { pipelineCommand } from '../pipeline-command.js';

/** `apim-gogs plan [dir]`: validate, then what a deployment would change in APIM; writes nothing to APIM. */
export const planCommand = pipelineCommand(
  'plan',
  'Validate, then compare a checkout with live APIM: create / update / delete / unchanged (read-only)',
  'apim-gogs plan [DIR] --subscription-id ID --resource-group RG --service-name NAME [options]',
  ['DIR is a checked-out policy repository (default: the current directory). It is validated first.'],
);
