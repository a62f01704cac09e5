import { cleanUp } from './core/clean-up.js';
import { githubHost } from './host/github.js';

// GitHub Action post step: runs even when the main step failed.
void cleanUp(githubHost()).then((code) => {
  process.exitCode = code;
});
