import { runJob } from '../../pipeline/run.js';
import { githubHost } from './github-host.js';

// GitHub Action main step. (No top-level await: the bundler treats entry points as scripts.)
void runJob(githubHost()).then((code) => {
  process.exitCode = code;
});
