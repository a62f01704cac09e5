import { cleanUp } from '../../pipeline/clean-up.js';
import { githubHost } from './github-host.js';

// GitHub Action post step: runs even when the main step failed.
void cleanUp(githubHost()).then((code) => {
  process.exitCode = code;
});
