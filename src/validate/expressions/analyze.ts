import type { Expression } from '../../policy/ast.js';
import type { LexError } from './lexer.js';
import { parseExpression } from './parser.js';
import { Semantics, type Problem, type VariableRead } from './semantics.js';

/** One expression checked: compile errors (lexer, parser), semantic problems, variable reads. */
export interface Analysis {
  syntax: LexError[];
  problems: Problem[];
  reads: VariableRead[];
}

const cache = new WeakMap<Expression, Analysis>();

/** Analyses an expression once (the document check and the repository rule both ask). */
export function analyzeExpression(expr: Expression): Analysis {
  let a = cache.get(expr);
  if (!a) {
    a = analyzeCode(expr.code, expr.kind);
    cache.set(expr, a);
  }
  return a;
}

export function analyzeCode(code: string, kind: 'single' | 'multi'): Analysis {
  const parsed = parseExpression(code, kind);
  if (!parsed.tree) return { syntax: parsed.errors, problems: [], reads: [] };
  const sem = new Semantics(kind);
  sem.source = code;
  sem.check(parsed.tree);
  return { syntax: [], problems: sem.problems, reads: sem.reads };
}
