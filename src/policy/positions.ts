/**
 * Maps character offsets to 1-based line/column. The reader asks in nearly increasing order, so a
 * cursor that walks forward from the last answer (binary search only when it goes back) makes each
 * lookup O(1) amortized.
 */
export class LineMap {
  private readonly starts: number[] = [0];
  private last = 0;
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based index of the line holding `offset`. */
  private index(offset: number): number {
    const starts = this.starts;
    let i = this.last;
    if (starts[i] > offset) {
      let lo = 0;
      let hi = i;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
    } else {
      while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
    }
    this.last = i;
    return i;
  }

  line(offset: number): number {
    return this.index(offset) + 1;
  }

  column(offset: number): number {
    return offset - this.starts[this.index(offset)] + 1;
  }

  at(offset: number): { line: number; column: number } {
    const i = this.index(offset);
    return { line: i + 1, column: offset - this.starts[i] + 1 };
  }
}
