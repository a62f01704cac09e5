import { checkout, type CheckoutResult } from '../../gogs/checkout.js';
import type { Host } from '../../shared/host.js';
import type { JobInputs } from '../inputs.js';

/** Checks the repository out, sets the commit outputs and starts the summary with the commit. */
export async function checkoutStage(host: Host, inputs: JobInputs): Promise<CheckoutResult> {
  const result = await host.logger.group(`Check out ${inputs.repository} from Gogs`, () =>
    checkout({
      gogsUrl: inputs.gogsUrl,
      repository: inputs.repository,
      ref: inputs.ref,
      token: inputs.token,
      path: inputs.path,
      fetchDepth: inputs.fetchDepth,
      syncMirror: inputs.syncMirror,
      caFile: inputs.gogsCaFile,
      logger: host.logger,
      maskSecret: (v) => host.setSecret(v),
    }),
  );
  host.saveState('checkout-path', result.path);
  host.setOutput('commit-sha', result.sha);
  host.setOutput('ref', result.ref);
  const commitUrl = new URL(
    `${inputs.repository}/commit/${result.sha}`,
    withSlash(inputs.gogsUrl),
  ).toString();
  await host.appendSummary(
    `### apim-gogs: ${inputs.repository} at [\`${result.sha.slice(0, 12)}\`](${commitUrl})\n\n` +
      `| | |\n|---|---|\n| Commit | \`${result.sha}\` |\n| Ref | \`${result.ref}\` |\n` +
      `| Author | ${escapeCell(result.commit.author)} (${result.commit.date}) |\n` +
      `| Message | ${escapeCell(result.commit.message.split('\n')[0])} |\n| Mode | ${inputs.mode} |\n\n`,
  );
  return result;
}

const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`);
const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
