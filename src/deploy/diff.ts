import { diffArrays } from 'diff';

/**
 * A unified line diff for plan output: changed lines with `context` lines around them, `- ` / `+ ` /
 * two-space prefixes, and `  ...` where unchanged lines are left out. Inputs are canonical texts
 * (xml-canonical.ts) or pretty JSON, so every line it shows is a real change. Myers' algorithm (jsdiff).
 */
export function lineDiff(before: string, after: string, context = 3): string {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  const ops = diffOps(a, b);
  // Keep changed lines plus `context` lines around them.
  const keep = new Array<boolean>(ops.length).fill(false);
  ops.forEach((op, idx) => {
    if (op.kind !== ' ')
      for (let k = Math.max(0, idx - context); k <= Math.min(ops.length - 1, idx + context); k++)
        keep[k] = true;
  });
  const lines: string[] = [];
  let skipped = false;
  ops.forEach((op, idx) => {
    if (!keep[idx]) {
      skipped = true;
      return;
    }
    if (skipped && lines.length > 0) lines.push('  ...');
    skipped = false;
    lines.push(`${op.kind} ${op.line}`);
  });
  return lines.join('\n');
}

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
}

/**
 * Beyond this many changed lines the plan shows the whole text replaced instead of searching on: Myers
 * costs (lines x edits), and a plan shows a reviewer at most 60 diff lines anyway. At 500 a complete
 * rewrite of a 6000-line policy gives up in well under a second; at 5000 it took 29 s.
 */
const MAX_EDIT_LENGTH = 500;

function diffOps(a: string[], b: string[]): Op[] {
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes)
    return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  return changes.flatMap((c) =>
    c.value.map((line): Op => ({ kind: c.added ? '+' : c.removed ? '-' : ' ', line })),
  );
}
