import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * ../shared beside the project: real-world material written outside this project. A user's fresh clone
 * has none, so tests that read it use describeIfShared and are skipped cleanly there.
 */
export const sharedDir = path.resolve(projectRoot, '../shared');
export const hasShared = existsSync(path.join(sharedDir, 'corpus'));
export const describeIfShared = hasShared ? describe : describe.skip;
