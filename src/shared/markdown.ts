/**
 * The one markdown escaper: untrusted text (file names, commit messages, resource ids, XML) reaches a
 * summary or a Gogs comment only through these, so it shows as text and never becomes a tag, a link,
 * a table column or the end of a code span.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-significant characters as entities (renders as the same text in markdown and HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * Inline text: one line, markdown punctuation backslash-escaped, then HTML escaped. In that order: the
 * entities escapeHtml writes (`&#39;`) must not get a backslash, which would show them as typed.
 */
export function inlineText(text: string): string {
  // Only what changes inline rendering here: emphasis, code, links, table columns. `(`, `+`, `#`
  // need no escape inside a line (a link needs the `[` this escapes).
  return escapeHtml(text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`));
}

/** A table cell: inline text (pipes escaped with it). */
export const tableCell = inlineText;

/**
 * Inline code that cannot be broken out of: `<code>` around inline text. Not a backtick span, which a
 * backtick in the text could close; and escaped as inline text, because markdown still applies between
 * inline tags (a `[link](url)` would be a link, a trailing backslash would escape the closing tag).
 */
export function codeSpan(text: string): string {
  return `<code>${inlineText(text)}</code>`;
}

/** A code block for untrusted multi-line text (diffs): `<pre>` with HTML escaping, so tags stay visible. */
export function codeBlock(text: string): string {
  return `<pre>${escapeHtml(text)}</pre>`;
}
