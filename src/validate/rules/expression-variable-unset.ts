import type { ElementNode } from '../../policy/ast.js';
import { analyzeExpression } from '../expressions/analyze.js';
import { elementFile, readPosition } from '../expressions/origin.js';
import type { VariableRead } from '../expressions/semantics.js';
import { expressionSites } from '../checks/expressions.js';
import type { LintRule } from '../rule.js';

/**
 * A `context.Variables["x"]` read that nothing in the effective policy sets: at run time it throws
 * KeyNotFoundException (or GetValueOrDefault quietly gives the default). Judged on every effective
 * policy the reading element runs in (global -> product -> API -> operation, fragments expanded);
 * a read is reported only when no chain that runs it sets the variable. Elements outside any chain
 * (loose files, fragments nobody includes) are not judged: their caller is unknown.
 */
export const expressionVariableUnset: LintRule = {
  meta: {
    id: 'expression-variable-unset',
    category: 'lint',
    severity: 'warning',
    summary: 'An expression reads a context variable that no policy in its chain sets.',
    docs: 'Variables are set by set-variable and by policies with a `*variable-name` attribute (send-request response-variable-name, cache-lookup-value variable-name, validate-jwt output-token-variable-name, ...). A read through `context.Variables["x"]`, `GetValueOrDefault<T>("x")` without a default, or `TryGetValue` of a name no policy of the effective chain (or an included fragment) sets fails at run time. Reads guarded by `ContainsKey` or given a default are not reported. Rename the variable, or set it first.',
  },
  checkRepository(ctx) {
    // For each read: its file and whether any chain that runs it sets the name.
    const verdict = new Map<VariableRead, { file: string; set: boolean }>();
    for (const e of ctx.effective) {
      const reads: { read: VariableRead; file: string }[] = [];
      const guarded = new Set<string>();
      for (const { expression, element } of expressionSites(e.root)) {
        const file = elementFile.get(element);
        if (!file) continue;
        for (const read of analyzeExpression(expression).reads) {
          if (read.test) guarded.add(read.name);
          else reads.push({ read, file });
        }
      }
      if (!reads.length) continue;
      const sets = new Set<string>();
      collectSets(e.root, sets);
      for (const { read, file } of reads) {
        const v = verdict.get(read) ?? { file, set: false };
        v.set ||= sets.has(read.name) || guarded.has(read.name);
        verdict.set(read, v);
      }
    }
    for (const [read, v] of verdict) {
      if (v.set) continue;
      const at = readPosition.get(read);
      if (!at) continue;
      ctx.report(
        v.file,
        at,
        `The variable '${read.name}' is read here, but no policy of the effective chain sets it.`,
        `Set it first with <set-variable name="${read.name}" value="..." />, or check the spelling (names are case-sensitive).`,
      );
    }
  },
};

/** Names set in a composed policy: set-variable, and any `*variable-name` attribute. */
function collectSets(root: ElementNode, into: Set<string>): void {
  const stack: ElementNode[] = [root];
  while (stack.length) {
    const el = stack.pop() as ElementNode;
    for (const a of el.attributes) {
      if ((el.name === 'set-variable' && a.name === 'name') || a.name.endsWith('variable-name'))
        into.add(a.value);
    }
    for (const c of el.children) if (c.type === 'element') stack.push(c);
  }
}
