/**
 * The request core.getIDToken makes (GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=..., bearer
 * $ACTIONS_ID_TOKEN_REQUEST_TOKEN, `.value` of the answer), without the `::add-mask::<token>` line
 * core writes to stdout for the runner, which would otherwise fill test logs with tokens. Tests of the
 * toolkit path itself (test/emulator/github-oidc-sdk.test.ts, the e2e tests) use core.getIDToken.
 */
export async function requestGitHubIdToken(audience: string): Promise<string> {
  const requestUrl = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken) throw new Error('ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set');
  const url = new URL(requestUrl);
  url.searchParams.set('audience', audience);
  const res = await fetch(url, { headers: { authorization: `Bearer ${requestToken}` } });
  if (!res.ok) throw new Error(`ID token request: HTTP ${res.status}`);
  return ((await res.json()) as { value: string }).value;
}
