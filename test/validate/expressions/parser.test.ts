import { parseExpression } from '../../../src/validate/expressions/parser.js';

const ok = (code: string, kind: 'single' | 'multi' = 'single'): void => {
  expect(parseExpression(code, kind).errors).toEqual([]);
};
const error = (code: string, kind: 'single' | 'multi' = 'single'): string => {
  const e = parseExpression(code, kind).errors;
  expect(e.length).toBeGreaterThanOrEqual(1);
  return `${e[0].start} ${e[0].message}`;
};

describe('the parser of policy expressions', () => {
  it.each([
    'context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt()?.Subject',
    '(string)context.Variables["x"]',
    '((IResponse)context.Variables["r"]).Body.As<JObject>()["access_token"].ToString()',
    'context.Variables.GetValueOrDefault<int>("n", 0) > 3 && a < b',
    'x is JObject o ? o["a"] : null',
    'x as string ?? "none"',
    'new JObject(new JProperty("a", 1)).ToString(Formatting.None)',
    'new[] { "a", "b" }.Contains(x)',
    'new byte[16]',
    'new Dictionary<string, int> { { "a", 1 }, ["b"] = 2 }',
    'new { Name = "x", Id = 1 }',
    'items.Where(i => i.Length > 2).Select((s, i) => s + i).ToList()',
    '(int)-1',
    'typeof(string).Name + default(int)',
    'checked(a * b)',
    '$"{a,5:N2} {(b ? "y" : "n")}"',
    'a << 2 >> 1',
    'List<List<int>>.Equals(a, b)',
    'int.Parse("1") + string.Empty.Length',
    'x?[0]',
    '(a, b) => a + b',
    'throw new Exception("x")',
  ])('single: %s', (code) => ok(code));

  it.each([
    'var a = 1; return a;',
    'string[] value; if (context.Request.Headers.TryGetValue("A", out value)) { return value[0]; } return null;',
    'if (x) return 1; else if (y) return 2; else return 3;',
    'foreach (var k in new[] { "a" }) { response.Property(k).Remove(); } return response.ToString();',
    'for (int i = 0; i < 3; i++) { s += i; } return s;',
    'while (true) { return 1; }',
    'do { i++; } while (i < 3); return i;',
    'try { return JObject.Parse(s); } catch (Exception ex) { return ex.Message; } finally { }',
    'switch (m) { case "GET": return 1; default: return 2; }',
    'unchecked { b[0] = (byte)(t >> 8); } return b;',
    'using (var md5 = MD5.Create()) { return md5.ComputeHash(x); }',
    'TryParse(s, out var n); return n;',
    'const int max = 5; return max;',
    'int Twice(int x) { return 2 * x; } return Twice(2);',
    'short Half(short h) => (short)(h / 2); return Half(4);',
  ])('multi: %s', (code) => ok(code, 'multi'));

  it.each([
    ['context.Request.Method;', "22 ';' is not allowed in a single-statement expression @(...)"],
    ['return x', "0 Invalid expression term 'return'"],
    ['a.Equals("x"""', "12 Syntax error, ',' expected"],
    ['f(a b)', "4 Syntax error, ',' expected"],
    ['a ? b', "5 ':' expected"],
    ['', 'Invalid expression term: the expression is empty'],
    ['a.', '2 Identifier expected'],
    ['new', '3 Type expected'],
    ['x!.Length', "1 Invalid expression term: the null-forgiving '!' needs C# 8; APIM compiles C# 7"],
  ])('single %j: %s', (code, message) => {
    expect(error(code).replace(/^0 Invalid expression term: the/, 'Invalid expression term: the')).toBe(
      message,
    );
  });

  it.each([
    ['var a = 1 return a;', '9 ; expected'],
    [
      'x == 1; return x;',
      '0 Only assignment, call, increment, decrement, await, and new object expressions can be used as a statement',
    ],
    ['if (a) { return 1; ', "7 '}' expected"],
    ['return 1; }', "10 '}' unexpected: it closes a block that was not opened"],
    ['else { return 1; }', "0 Invalid expression term 'else'"],
  ])('multi %j: %s', (code, message) => {
    expect(error(code, 'multi')).toBe(message);
  });
});
