import { readFile } from 'node:fs/promises';
import { lineDiff } from '../../src/deploy/diff.js';
import type { Plan } from '../../src/deploy/plan.js';
import { renderPlanMarkdown } from '../../src/deploy/render.js';
import { canonicalPolicy } from '../../src/deploy/xml-canonical.js';
import { GogsClient } from '../../src/gogs/client.js';
import { upsertPullRequestComment } from '../../src/gogs/pr-comment.js';
import { startGogsBed, type GogsBed } from '../bed/gogs-bed.js';

/**
 * Issue 8, item 9: the plan comment as the real Gogs renders it. Gogs renders comment markdown and
 * strips tags it does not know; a reviewer must see an added `<set-backend-service>` as text.
 */

const before = `<policies>\n  <inbound>\n    <base />\n    <set-backend-service base-url="https://orders.internal" />\n  </inbound>\n</policies>`;
const after = `<policies>\n  <inbound>\n    <base />\n    <set-backend-service base-url="https://attacker.example" />\n  </inbound>\n</policies>`;
const hostileFile = 'apis/a`b|c<i>x</i>/policy.xml';

function plan(): Plan {
  const diff = lineDiff(canonicalPolicy(before), canonicalPolicy(after));
  return {
    version: 1,
    createdAt: new Date(0).toISOString(),
    environment: 'prod',
    source: { commit: 'a'.repeat(40), ref: 'refs/heads/feature' },
    service: { subscriptionId: 's', resourceGroup: 'rg', serviceName: 'apim-prod' },
    prune: false,
    entries: [
      {
        key: 'apis/a%60b%7Cc/policies/policy',
        kind: 'apiPolicy',
        ref: { kind: 'apiPolicy', key: 'apis/a%60b%7Cc/policies/policy', apiId: 'a`b|c' },
        action: 'update',
        file: hostileFile,
        diff,
      },
    ],
    summary: { create: 0, update: 1, delete: 0, unchanged: 0 },
    warnings: ['apis/x/policy.xml: <base /> is missing in <outbound>'],
  } as unknown as Plan;
}

/** The text a reader sees: tags removed, entities decoded (what the browser displays). */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&#124;/g, '|')
    .replace(/&amp;/g, '&');
}

let bed: GogsBed;
beforeAll(async () => {
  bed = await startGogsBed();
});
afterAll(async () => bed?.stop());

it('shows added and removed policy tags, hostile names and <base /> as visible text on the PR page', async () => {
  await bed.commit({ 'apis/orders/policy.xml': after }, 'Point orders elsewhere', 'feature');
  const number = await bed.openPullRequest('feature', 'main', 'Change the orders backend');
  const client = new GogsClient({
    url: bed.url,
    token: bed.admin.token,
    ca: await readFile(bed.caFile, 'utf8'),
  });
  expect(
    await upsertPullRequestComment(client, bed.owner, bed.repo, number, renderPlanMarkdown(plan())),
  ).toBe('created');

  const page = await bed.page(`${bed.repository}/pulls/${number}`);
  // The rendered comment (Gogs also keeps the raw markdown in a hidden element, which says nothing).
  const start = page.indexOf('<h3>apim-gogs plan');
  expect(start).toBeGreaterThan(-1);
  const html = page.slice(start, page.indexOf('<div class="raw-content', start));
  const text = visibleText(html);
  expect(text).toMatch(/^- +<set-backend-service base-url="https:\/\/orders\.internal" \/>$/m);
  expect(text).toMatch(/^\+ +<set-backend-service base-url="https:\/\/attacker\.example" \/>$/m);
  // The file name is one piece of text in its table cell: no code span closed early, no column split, no tag.
  expect(text).toContain(hostileFile);
  expect(html).not.toContain('<i>x</i>');
  expect(text).toContain('<base /> is missing in <outbound>');
});
