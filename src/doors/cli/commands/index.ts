import type { Command } from '../command.js';
import { blameCommand } from './blame.js';
import { emulatorCommand } from './emulator.js';
import { deployCommand } from './deploy.js';
import { planCommand } from './plan.js';
import { verifyCommand } from './verify.js';
import { explainCommand } from './explain.js';
import { extractCommand } from './extract.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';

/**
 * Every `apim-gogs` sub-command. Each lives in its own file beside this one; add one line here per
 * command.
 */
export const commands: Command[] = [
  runCommand,
  validateCommand,
  explainCommand,
  planCommand,
  deployCommand,
  verifyCommand,
  extractCommand,
  blameCommand,
  emulatorCommand,
];
