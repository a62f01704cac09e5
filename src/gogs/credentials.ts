/**
 * Git credentials for one run, held in memory only.
 *
 * Gogs takes the token as the Basic-auth user name (`base64("<token>:")`).
 * Gogs matches the scheme case-sensitively, so it must be written `Basic`. The header is handed to git
 * through GIT_CONFIG_COUNT/KEY/VALUE environment variables (git >= 2.31), so it is never written to
 * .git/config or any other file, never appears in an argument list, and is scoped to the Gogs URL so
 * that git sends it nowhere else (a submodule on another host, say).
 */
export interface GitCredentials {
  /** Environment for git calls that talk to Gogs. */
  env: Record<string, string>;
  /** Values to mask in every log: the token and its encoded form. */
  secrets: string[];
}

/**
 * git has no timeout of its own: a transfer that stalls (a frozen Gogs, a lost route) would hold the
 * step forever. Less than 1 byte/s for 30 s ends the request ("Operation too slow"), which the checkout
 * retries; a slow but moving transfer is left alone. The runner's own values of these variables win.
 */
const STALLED = { GIT_HTTP_LOW_SPEED_LIMIT: '1', GIT_HTTP_LOW_SPEED_TIME: '30' };

export function gitCredentials(gogsUrl: string, token: string, caFile?: string): GitCredentials {
  const basic = Buffer.from(`${token}:`).toString('base64');
  const prefix = new URL(gogsUrl).toString();
  const env: Record<string, string> = {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${prefix}.extraheader`,
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
  // The variable, not http.sslCAInfo: a GIT_SSL_CAINFO already in the environment would win over config.
  if (caFile) env.GIT_SSL_CAINFO = caFile;
  for (const [key, value] of Object.entries(STALLED)) if (!process.env[key]) env[key] = value;
  return { env, secrets: [token, basic] };
}
