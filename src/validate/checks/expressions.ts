import type { ElementNode, Expression } from '../../policy/ast.js';
import { analyzeExpression } from '../expressions/analyze.js';
import { elementFile, readPosition } from '../expressions/origin.js';
import type { NamedValueResolver } from '../expressions/lexer.js';
import { ExpressionPositions } from '../expressions/positions.js';
import type { NamedValueDefinition } from '../../policy/repository.js';
import type { Located, RuleMeta } from '../rule.js';

/**
 * Compiles every policy expression of a document the way APIM does on save, without a compiler: the
 * C# syntax (expression-compile) and what the allowed types and the context model permit
 * (expression-type). Each finding points at the exact line and column inside the policy file.
 */
export const EXPRESSION_COMPILE: RuleMeta = {
  id: 'expression-compile',
  category: 'syntax',
  severity: 'error',
  summary: 'A policy expression is not valid C#.',
  docs: 'Every `@(...)` and `@{...}` is read as C# 7, as APIM compiles it on save: character vs string literals ("Too many characters in character literal" is a string in single quotes), escape sequences ("Unrecognized escape sequence": a regular expression belongs in a verbatim string @"..."), interpolated strings, operators, casts, lambdas, object creation, and for `@{...}` the statements (declarations, if/else, loops, return, try). The message is the C# compiler\'s, with a hint to fix it.',
};

export const EXPRESSION_TYPE: RuleMeta = {
  id: 'expression-type',
  category: 'schema',
  severity: 'error',
  summary: 'A policy expression uses a type, member or value APIM refuses.',
  docs: 'Checks what APIM checks beyond syntax, using the "API Management policy expressions" page as data: a .NET type outside the allowed list (or a member the list leaves out, such as DateTime.ParseExact), a member the `context` object model does not have (`context.Request.Header`, `context.request`), `context.Variables[...]` used as a string, number or bool without a cast (it holds `object`; cast it or use `GetValueOrDefault<T>`), a name nothing declares, a body read as a type `As<T>` does not support, an `@{...}` block where some path ends without `return`.',
};

export interface ExpressionSite {
  expression: Expression;
  element: ElementNode;
}

/** Every expression in the document with the element that holds it (attributes and text). */
export function expressionSites(root: ElementNode): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  const stack: ElementNode[] = [root];
  while (stack.length) {
    const el = stack.pop() as ElementNode;
    for (const a of el.attributes) if (a.expression) out.push({ expression: a.expression, element: el });
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (c.type === 'element') stack.push(c);
      else if (c.type === 'text' && c.expression) out.push({ expression: c.expression, element: el });
    }
  }
  return out;
}

/**
 * Named values APIM would put into the code before compiling: plain values the repository defines.
 * Secret and Key Vault values are never read (their text must not reach a message).
 */
export function namedValueResolver(
  namedValues: Map<string, NamedValueDefinition>,
): NamedValueResolver | undefined {
  if (!namedValues.size) return undefined;
  let resolve = resolvers.get(namedValues);
  if (!resolve) {
    const plain = new Map<string, string>();
    for (const [name, nv] of namedValues)
      if (!nv.secret && !nv.keyVault && typeof nv.value === 'string') plain.set(name.toLowerCase(), nv.value);
    resolve = (name) => plain.get(name.toLowerCase());
    resolvers.set(namedValues, resolve);
  }
  return resolve;
}

/** One resolver per run (the engine asks once per document). */
const resolvers = new WeakMap<Map<string, NamedValueDefinition>, NamedValueResolver>();

export function checkExpressions(
  file: string,
  root: ElementNode,
  text: string,
  emit: (rule: RuleMeta, at: Located, message: string, help?: string) => void,
  resolve?: NamedValueResolver,
): void {
  let positions: ExpressionPositions | undefined;
  const at = (expr: Expression, start: number, end: number): Located => {
    positions ??= new ExpressionPositions(text);
    const a = positions.at(expr, start);
    const b = positions.at(expr, end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  for (const { expression, element } of expressionSites(root)) {
    const analysis = analyzeExpression(expression, resolve);
    for (const e of analysis.syntax)
      emit(EXPRESSION_COMPILE, at(expression, e.start, e.end), e.message, e.hint);
    for (const p of analysis.problems)
      emit(EXPRESSION_TYPE, at(expression, p.start, p.end), p.message, p.hint);
    // Only elements that read variables matter to the unset-variable rule: only they are recorded.
    if (analysis.reads.length) elementFile.set(element, file);
    for (const r of analysis.reads) if (!r.test) readPosition.set(r, at(expression, r.start, r.end));
  }
}
