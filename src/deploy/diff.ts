/**
 * A small unified line diff (longest common subsequence) for plan output. Inputs are canonical texts
 * (xml-canonical.ts) or pretty JSON, so every line it shows is a real change.
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

function diffOps(a: string[], b: string[]): Op[] {
  // Trim a common prefix and suffix first: policies usually differ in a few lines.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  if (midA.length * midB.length > 4_000_000) {
    // Too large for the quadratic table: show it as a replacement.
    ops.push(
      ...midA.map((line): Op => ({ kind: '-', line })),
      ...midB.map((line): Op => ({ kind: '+', line })),
    );
  } else {
    const n = midA.length;
    const m = midB.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i] });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push({ kind: '-', line: midA[i++] });
      } else {
        ops.push({ kind: '+', line: midB[j++] });
      }
    }
  }
  ops.push(...a.slice(endA).map((line): Op => ({ kind: ' ', line })));
  return ops;
}
