import { ConfigurationError } from '../../shared/errors.js';

/**
 * A GitHub Actions OIDC token, asked the way @actions/core's getIDToken asks
 * (GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=..., Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN, `.value`),
 * but without its workflow commands: the CLI's stdout is data.
 */
export async function requestGithubIdToken(audience: string): Promise<string> {
  const base = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!base || !bearer)
    throw new ConfigurationError(
      'The GitHub job has no OIDC token service.',
      'Give the job `permissions: id-token: write`.',
    );
  const url = `${base}&audience=${encodeURIComponent(audience)}`;
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
  });
  if (!res.ok)
    throw new ConfigurationError(
      `GitHub refused the OIDC token request (HTTP ${res.status}).`,
      'Check `permissions: id-token: write` on the job.',
    );
  const body = (await res.json()) as { value?: string };
  if (!body.value) throw new ConfigurationError('GitHub answered the OIDC token request without a token.');
  return body.value;
}
