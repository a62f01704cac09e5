import { pipelineCommand } from '../pipeline-command.js';

/** `apim-gogs validate [DIR | FILE…]`: the pipeline's gate on a local directory or files; the report is the output. */
export const validateCommand = pipelineCommand(
  'validate',
  'Validate the policies of a repository (syntax, schema, expressions, references, lint rules)',
  'apim-gogs validate [DIR | FILE... | --root DIR FILE...] [--format FORMAT] [--fail-severity SEVERITY] [--config FILE] [--environment NAME]',
  [
    'DIR is a policy repository in the APIOps layout (default: the current directory).',
    'FILE... (or a quoted glob such as "apis/**/policy.xml") validates those files in the context of the',
    'repository that holds them (found by walking up, or --root) and reports only their findings: what',
    'pre-commit hooks and editors pass.',
  ],
);
