/** Replaces every registered secret in a text with ***, longest first (so no fragment survives). */
export class Redactor {
  private secrets: string[] = [];

  add(value: string): void {
    if (!value || value.length < 4 || this.secrets.includes(value)) return;
    this.secrets.push(value);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('***');
    return out;
  }
}
