import type { Expression } from '../../policy/ast.js';
import type { LexError, NamedValueResolver } from './lexer.js';
import { parseExpression } from './parser.js';
import { Semantics, type Problem, type VariableRead } from './semantics.js';

/** One expression checked: compile errors (lexer, parser), semantic problems, variable reads. */
export interface Analysis {
  syntax: LexError[];
  problems: Problem[];
  reads: VariableRead[];
}

const cache = new WeakMap<Expression, Analysis>();

/**
 * Analyses an expression once (the document check and the repository rule both ask). The resolver
 * of the first call is the one used: one validation run has one set of named values.
 */
export function analyzeExpression(expr: Expression, resolve?: NamedValueResolver): Analysis {
  let a = cache.get(expr);
  if (!a) {
    a = analyzeCode(expr.code, expr.kind, resolve);
    cache.set(expr, a);
  }
  return a;
}

export function analyzeCode(code: string, kind: 'single' | 'multi', resolve?: NamedValueResolver): Analysis {
  const parsed = parseExpression(code, kind, resolve);
  if (!parsed.tree)
    return { syntax: parsed.errors.map((e) => inNamedValue(code, e)), problems: [], reads: [] };
  const sem = new Semantics(kind);
  sem.source = code;
  sem.check(parsed.tree, parsed.declared, parsed.returns);
  return { syntax: [], problems: sem.problems, reads: sem.reads };
}

/** An error inside a substituted named value says so: the code the user sees is only `{{name}}`. */
function inNamedValue(code: string, e: LexError): LexError {
  const ref = /^\{\{[^{}]+\}\}/.exec(code.slice(e.start, e.end))?.[0];
  if (!ref) return e;
  return {
    ...e,
    message: e.message.includes(' (in the value of ') ? e.message : `${e.message} (in the value of ${ref})`,
    hint: `APIM puts the value of ${ref} into the code before compiling, so it must be C# where it stands; for text or JSON write "${ref}" inside a string (JObject.Parse("${ref}")).`,
  };
}
