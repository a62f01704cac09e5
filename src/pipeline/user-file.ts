import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../shared/errors.js';

/** Writes a file the user named (a report, a plan): a path that cannot be written is their mistake (exit 2). */
export async function writeUserFile(file: string, text: string, option: string): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      `Cannot write ${file} (${option}): ${code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is a file' : errorMessage(err)}.`,
      'Name a file in a writable directory.',
    );
  }
}
