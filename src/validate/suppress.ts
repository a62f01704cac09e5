import type { CommentNode, ElementNode, ReadResult } from '../policy/ast.js';

/**
 * Inline suppression by XML comment: `<!-- apim-gogs-disable rule-a, rule-b -->` silences those rules
 * on the element that follows the comment (its whole extent); before the root element, or written as
 * `apim-gogs-disable-file`, it covers the whole file. A reason may follow a colon. Naming the rule is required, so a suppression
 * never hides more than its author meant.
 */
export interface Suppression {
  rules: Set<string>;
  fromLine: number;
  toLine: number;
}

const DIRECTIVE = /^\s*apim-gogs-disable(-file)?\s+([\w\-/ ,]+?)\s*(?::.*)?$/s;

export function suppressions(read: ReadResult): Suppression[] {
  const out: Suppression[] = [];
  if (!read.comments.some((c) => c.value.includes('apim-gogs-disable'))) return out;
  const root = read.root;
  const parse = (c: CommentNode): { rules: Set<string>; file: boolean } | undefined => {
    const m = DIRECTIVE.exec(c.value);
    if (!m) return undefined;
    return { rules: new Set(m[2].split(/[\s,]+/).filter(Boolean)), file: m[1] !== undefined };
  };
  const inTree = new Set<CommentNode>();
  const stack: ElementNode[] = root ? [root] : [];
  while (stack.length) {
    const el = stack.pop() as ElementNode;
    el.children.forEach((c, i) => {
      if (c.type === 'element') stack.push(c);
      if (c.type !== 'comment') return;
      inTree.add(c);
      const d = parse(c);
      if (!d) return;
      const next = el.children.slice(i + 1).find((n): n is ElementNode => n.type === 'element');
      out.push(
        d.file
          ? { rules: d.rules, fromLine: 1, toLine: Infinity }
          : { rules: d.rules, fromLine: c.line, toLine: next ? next.endLine : c.line + 1 },
      );
    });
  }
  for (const c of read.comments) {
    if (inTree.has(c)) continue;
    const d = parse(c);
    if (d) out.push({ rules: d.rules, fromLine: 1, toLine: Infinity });
  }
  return out;
}

export function isSuppressed(list: Suppression[], ruleId: string, line: number): boolean {
  return list.some((s) => s.rules.has(ruleId) && line >= s.fromLine && line <= s.toLine);
}
