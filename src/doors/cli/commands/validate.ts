import { pipelineCommand } from '../pipeline-command.js';

/** `apim-gogs validate [dir]`: the pipeline's gate on a local directory; the report is the output. */
export const validateCommand = pipelineCommand(
  'validate',
  'Validate the policies of a repository (syntax, schema, expressions, references, lint rules)',
  'apim-gogs validate [DIR] [--format FORMAT] [--fail-severity SEVERITY] [--config FILE] [--environment NAME]',
  ['DIR is a policy repository in the APIOps layout (default: the current directory).'],
);
