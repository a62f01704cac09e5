import { ConfigurationError } from '../shared/errors.js';

export interface RepositoryName {
  owner: string;
  name: string;
}

/** Parses the `repository` input, `owner/name`. */
export function parseRepositoryName(value: string): RepositoryName {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?$/.exec(value.trim());
  if (!m) {
    throw new ConfigurationError(
      `The repository input "${value}" is not of the form owner/name.`,
      'Give the Gogs repository as owner/name, for example platform/apim-policies.',
    );
  }
  return { owner: m[1], name: m[2] };
}
