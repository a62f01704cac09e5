import { envName, spec, type InputName } from '../../pipeline/inputs.js';

const WIDTH = 100;

/** Aligned, wrapped help lines for options of the input table. */
export function optionHelp(names: readonly InputName[]): string[] {
  const heads = names.map((n) => `  --${n}${spec(n).type === 'boolean' ? '' : ` ${metavar(n)}`}`);
  const col = Math.max(...heads.map((h) => h.length)) + 2;
  return names.flatMap((n, i) => {
    const s = spec(n);
    const text = `${s.description}${s.default !== undefined ? ` Default: ${s.default}.` : ''} Env: ${envName(n)}.`;
    return wrap(text, WIDTH - col).map(
      (line, j) => (j === 0 ? heads[i].padEnd(col) : ' '.repeat(col)) + line,
    );
  });
}

/** Aligned lines for a command's own options: [flag, description] pairs. */
export function table(rows: [string, string][]): string[] {
  const col = Math.max(...rows.map(([h]) => h.length)) + 4;
  return rows.flatMap(([h, d]) =>
    wrap(d, WIDTH - col).map((line, j) => (j === 0 ? `  ${h}`.padEnd(col) : ' '.repeat(col)) + line),
  );
}

function metavar(n: InputName): string {
  const s = spec(n);
  if (s.repeatable) return 'NAME=VALUE';
  if (s.options) return s.options.join('|');
  return n.endsWith('-file') || n === 'output' || n === 'config'
    ? 'FILE'
    : n.toUpperCase().replace(/-/g, '_');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
