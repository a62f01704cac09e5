import type { Command } from '../command.js';

/**
 * Every `apim-gogs` sub-command. Each lives in its own file beside this one; add one line here per
 * command.
 */
export const commands: Command[] = [];
