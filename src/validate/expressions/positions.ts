import { entityAt } from '../../policy/entities.js';
import type { Expression } from '../../policy/ast.js';
import { LineMap } from '../../policy/positions.js';

/**
 * Maps an offset in an expression's decoded code back to the policy file. The reader decoded XML
 * entities (`&quot;` is one character of code but six of the file), so the raw text is walked from the
 * expression's start, entity by entity, with the reader's own entity rule.
 */
export class ExpressionPositions {
  private readonly lines: LineMap;
  private readonly starts: number[] = [0];
  private readonly text: string;

  constructor(fileText: string) {
    // The reader drops a byte order mark before counting columns; so must this.
    this.text = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
    this.lines = new LineMap(this.text);
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1))
      this.starts.push(i + 1);
  }

  /** Line and column in the file of `offset` within the code of `expr`. */
  at(expr: Expression, offset: number): { line: number; column: number } {
    // The code starts after '@(' or '@{'.
    let raw = (this.starts[expr.line - 1] ?? 0) + expr.column - 1 + 2;
    for (let decoded = 0; decoded < offset && raw < this.text.length; decoded++) {
      const e = this.text[raw] === '&' ? entityAt(this.text, raw) : undefined;
      raw += e ? e.length : 1;
    }
    return this.lines.at(raw);
  }
}
