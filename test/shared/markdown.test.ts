import MarkdownIt from 'markdown-it';
import { codeBlock, codeSpan, escapeHtml, tableCell } from '../../src/shared/markdown.js';

// A CommonMark + GFM-tables renderer that passes raw HTML through, as GitHub's summary and Gogs comments
// do: what it shows is what a reviewer would see.
const md = new MarkdownIt({ html: true });
/** How the renderer writes plain text: the HTML of text that stayed text. */
const asText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Untrusted texts: file names, commit messages, rule messages, resource ids. */
const HOSTILE = [
  'apis/my_api_v2/policy.xml',
  'a | b | c',
  '<base /> missing in <inbound>',
  '`rm -rf` and ``double`` ticks',
  '**not bold** _not em_ [not a link](https://evil.example) ![img](x)',
  'it\'s "quoted" & 5 > 3',
  '# not a heading',
  'trailing backslash \\',
  '&lt; stays literal &amp;',
  '<script>alert(1)</script>',
  '<!-- apim-gogs:plan -->',
  '1. not a list',
  'a\\|b',
];

describe('the shared markdown escaper, rendered as CommonMark with GFM tables', () => {
  it.each(HOSTILE)('a table cell shows %j as that text, in its own column', (text) => {
    const html = md.render(`| h | x |\n|---|---|\n| ${tableCell(text)} | end |\n`);
    expect(html).toContain(`<td>${asText(text)}</td>\n<td>end</td>`);
  });

  it('folds a multi-line value into one table row', () => {
    const html = md.render(`| h |\n|---|\n| ${tableCell('Fix\n\n| x |\nrate limit')} |\n`);
    expect(html).toContain('<td>Fix | x | rate limit</td>');
  });

  it.each(HOSTILE)('inline code shows %j as that text inside one <code>', (text) => {
    const html = md.render(`File ${codeSpan(text)} changed.`);
    expect(html).toBe(`<p>File <code>${asText(text)}</code> changed.</p>\n`);
  });

  it('a code block shows a diff with tags and markdown as text', () => {
    const diff = '- <rate-limit calls="10" />\n\n+ <rate-limit calls="11" />\n  **x** | `y` </pre> \\';
    expect(md.render(codeBlock(diff))).toBe(`<pre>${asText(diff)}</pre>`);
  });

  it('escapes exactly the HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
