import { ConfigurationError } from '../shared/errors.js';

export interface GogsUrlOptions {
  /**
   * Accept `http://` (the token then travels in cleartext). Only for a closed test network; the caller
   * logs loudly when it is set (input allow-insecure-http).
   */
  allowInsecureHttp?: boolean;
  /** How the input is named to the user in errors (`gogs-url`, `--gogs-url`). */
  inputName?: string;
}

/**
 * Parses the Gogs server URL the job talks to and returns it normalised (no trailing slash). Refused:
 * anything but http(s); `http://` without the explicit opt-in (the token would cross the network in
 * cleartext); credentials in the URL (`user:pass@`: they would land in git's argv, .git/config, summary
 * links and provenance). Errors name the input and repeat it without its credentials, never the password.
 */
export function parseGogsUrl(input: string, options: GogsUrlOptions = {}): string {
  const name = options.inputName ?? 'gogs-url';
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ConfigurationError(
      `The ${name} input "${withoutCredentials(trimmed)}" is not a URL.`,
      'Give the server address, for example https://gogs.example.com.',
    );
  }
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
    throw new ConfigurationError(
      `The ${name} input "${url.toString()}" holds credentials (user:password@); apim-gogs refuses them.`,
      'Remove them from the URL and pass the access token in the token input.',
    );
  }
  if (url.protocol === 'http:') {
    if (!options.allowInsecureHttp) {
      throw new ConfigurationError(
        `The ${name} input "${url.toString()}" uses http://, which would send the token in cleartext.`,
        'Use https://, or set allow-insecure-http only on a closed test network.',
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new ConfigurationError(
      `The ${name} input "${url.toString()}" is not an http(s) URL.`,
      'Give the server address, for example https://gogs.example.com.',
    );
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(
      `The ${name} input "${url.origin}${url.pathname}…" has a query or fragment; give the server address only.`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}

/** Text that did not even parse as a URL, with anything that looks like `user:pass@` cut out. */
function withoutCredentials(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/, '//').slice(0, 200);
}
