import type { GogsClient } from './client.js';

const MARKER = '<!-- apim-gogs:plan -->';

/**
 * Puts the plan on a Gogs pull request as one comment, updated in place on every run. Gogs has no
 * pull-request API: a pull request is an issue with the same number. The comment is found again by
 * a hidden marker and by being the token user's own.
 */
export async function upsertPullRequestComment(
  client: GogsClient,
  owner: string,
  name: string,
  pullRequest: number,
  markdown: string,
): Promise<'created' | 'updated'> {
  const body = `${MARKER}\n${markdown}`;
  const me = (await client.getUser()).login;
  const existing = (await client.listIssueComments(owner, name, pullRequest)).find(
    (c) => c.user === me && c.body.startsWith(MARKER),
  );
  if (existing) {
    await client.editIssueComment(owner, name, existing.id, body);
    return 'updated';
  }
  await client.createIssueComment(owner, name, pullRequest, body);
  return 'created';
}
