import { pipelineCommand } from '../pipeline-command.js';

/** `apim-gogs deploy [dir]`: validate, plan, then apply with ETags, retries and rollback; exit 0, 1, 3 or 4. */
export const deployCommand = pipelineCommand(
  'deploy',
  'Validate, then deploy a checkout to APIM: only what changed, rolled back on failure',
  'apim-gogs deploy [DIR] --subscription-id ID --resource-group RG --service-name NAME [options]',
  [
    'DIR is a checked-out policy repository (default: the current directory). Nothing is written when validation fails.',
  ],
);
