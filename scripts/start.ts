// `npm start`: the main job on the embedded default. Brings up the local test bed (a real Gogs with
// the sample policy repository, and the APIM emulator with Entra and GitHub's token service), runs
// the bundled GitHub Action through validate, plan, deploy and verify as a runner would, prints what
// each step printed and its summary, and takes the bed down again.
import { startBed } from '../test/bed/bed.js';
import { SimulatedRunner } from '../test/support/github-actions-env.js';

const bed = await startBed();
let failed = false;
try {
  console.log(`Gogs:     ${bed.gogs.url}${bed.gogs.repository} (bot user ${bed.gogs.bot.name}, read-only)`);
  console.log(`Azure:    ${bed.azure.armEndpoint}${bed.azure.serviceId} (emulated)`);
  for (const mode of ['validate', 'plan', 'deploy', 'verify']) {
    const runner = await SimulatedRunner.create();
    const run = await runner.run('dist/index.js', { ...bed.inputs(), mode }, bed.runnerEnv());
    console.log(`\n===== apim-gogs mode=${mode}: exit ${run.exitCode} =====`);
    // The runner hides ::add-mask:: lines; so does this.
    console.log(
      run.stdout
        .split('\n')
        .filter((l) => l && !l.startsWith('::add-mask::'))
        .join('\n'),
    );
    if (run.stderr) console.error(run.stderr);
    console.log(`----- outputs: ${JSON.stringify(run.outputs)}`);
    console.log(`----- summary:\n${run.summary}`);
    if (run.exitCode !== 0) failed = true;
  }
} finally {
  await bed.stop();
}
console.log(failed ? 'A step failed (see above).' : 'All steps passed; the bed is down.');
process.exitCode = failed ? 1 : 0;
