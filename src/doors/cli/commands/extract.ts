import { pipelineCommand } from '../pipeline-command.js';

/** `apim-gogs extract [dir]`: onboarding — a live APIM instance written as an APIOps repository. */
export const extractCommand = pipelineCommand(
  'extract',
  'Write a live APIM instance into DIR as the APIOps layout (policies, fragments, named values, backends, APIs, products)',
  'apim-gogs extract [DIR] --subscription-id ID --resource-group RG --service-name NAME [options]',
  [
    'DIR is the repository to write into (default: the current directory); the layout goes to',
    'DIR/<artifacts-path>. Secret values are never written. Policies are written as APIM returns them',
    '(rawxml), without apim-gogs provenance. With --gogs-push (and --gogs-url, --repository, GOGS_TOKEN',
    'with write access) the result is committed to a new branch of the Gogs repository and the link',
    'that opens its pull request is printed (Gogs has no pull-request API).',
  ],
);
