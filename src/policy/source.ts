import type { ElementNode } from './ast.js';

/** The original text of an element (start tag to end tag), from its line/column extent. */
export function elementSource(text: string, el: ElementNode): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (line: number, column: number): number => (starts[line - 1] ?? text.length) + column - 1;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return text
    .slice(offset(el.line, el.column) + bom, offset(el.endLine, el.endColumn) + bom)
    .replace(/\r\n/g, '\n');
}
