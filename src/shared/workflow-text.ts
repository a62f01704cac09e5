/**
 * Untrusted text (file names, XML, commit messages, live APIM content) must never become a CI
 * command. GitHub's runner treats a line as a workflow command when, after leading white space, it
 * starts with `::` (or the old `##[`); Azure DevOps' agent treats `##vso[` ANYWHERE in a line as a
 * logging command (case-insensitive), and `##[` at the start as formatting. Both split lines at CR
 * as well as LF. These functions make such text inert while keeping it readable: a zero-width
 * space (not white space to either runner's trim) breaks the marker.
 */
const ZWSP = '\u200B';

/** Plain text for a log line (or several). */
export function neutralise(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const safe = line.replace(/##(vso\[)/gi, `#${ZWSP}#$1`);
      return /^\s*(::|##)/.test(safe) ? `${ZWSP}${safe}` : safe;
    })
    .join('\n');
}

/** JSON text (a report or plan): the same marker broken with a JSON escape, so the data decodes unchanged. */
export function neutraliseJson(json: string): string {
  return json.replace(/(##vso)\[/gi, '$1\\u005b');
}

/** GitHub workflow-command escaping (toolkit command.ts): data, and property values (also ':' and ','). */
export const escapeCommandData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeCommandProperty = (s: string): string =>
  escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
