import { analyzeCode } from '../../../src/validate/expressions/analyze.js';

/** The semantic problems of one expression, as `start message`. */
const problems = (code: string, kind: 'single' | 'multi' = 'single'): string[] => {
  const a = analyzeCode(code, kind);
  expect(a.syntax).toEqual([]);
  return a.problems.map((p) => `${p.start} ${p.message}`);
};

/** Names the block tests use, declared as a policy would. */
const DECLARE = 'var a = context.Request.Method == "GET"; var b = context.Request.Url.Port == 443; ';

describe('what APIM refuses in a well-formed expression', () => {
  it.each([
    'context.Request.Headers.GetValueOrDefault("a", "").Split(\',\')[0].Trim()',
    '(string)context.Variables["x"] + "/" + context.Variables.GetValueOrDefault<string>("y")',
    'context.Variables["x"].ToString()',
    '"prefix" + context.Variables["x"]',
    'context.Variables["a"] == null',
    'context.Variables.GetValueOrDefault("a", "").Contains("b")',
    'Regex.Match(context.Request.Url.Path, @"max-age=(?<m>\\d+)").Groups["m"]?.Value',
    'DateTime.UtcNow.AddSeconds(30).ToString("o")',
    'new DateTime(1970, 1, 1).Ticks',
    'System.Text.Encoding.UTF8.GetBytes("a")',
    'Newtonsoft.Json.JsonConvert.SerializeObject(context.Request.Headers)',
    'JsonConvert.DeserializeObject<JObject>(context.Request.Body.As<string>())',
    'context.Deployment.Gateway.IsManaged',
    'context.User.Groups.Any(g => g.Name == "admins")',
    'context.Request.Body.As<JObject>(preserveContent: true)["a"]',
    'context.Request.Body.As<byte[]>()',
    '{{timeout}} * 1000',
    'Enum.TryParse("Utc", out DateTimeKind k)',
    'context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt()?.Claims.GetValueOrDefault("sub", "")',
    'context.Elapsed.TotalMilliseconds > 100',
    'new JObject { ["a"] = 1, ["b"] = "x" }',
    'context.Request.Headers["a"][0] == "b"',
    'int.TryParse(context.Request.Headers.GetValueOrDefault("n", ""), out _)',
    'nameof(context) + context.Variables.TryGetValue("a", out object v)',
  ])('accepts %s', (code) => {
    expect(problems(code)).toEqual([]);
  });

  it.each([
    ['context.request.Method', ["8 'context' does not contain a definition for 'request'"]],
    ['context.Request.Header["a"]', ["16 'context.Request' does not contain a definition for 'Header'"]],
    [
      'context.Request.MatchedParameters("id")',
      ["16 Non-invocable member 'context.Request.MatchedParameters' cannot be used like a method."],
    ],
    [
      'context.Variables["a"].Length',
      [
        "23 'object' does not contain a definition for 'Length' and no accessible extension method 'Length' accepting a first argument of type 'object' could be found",
      ],
    ],
    [
      'int.Parse((string)context.Variables["a"]) + context.Variables["b"] * 2',
      ["44 Operator '*' cannot be applied to operands of type 'object' and 'int'"],
    ],
    [
      'context.Variables["a"] == 200',
      ["0 Operator '==' cannot be applied to operands of type 'object' and 'int'"],
    ],
    ['!context.Variables["flag"]', ["0 Operator '!' cannot be applied to operand of type 'object'"]],
    [
      'context.Variables["flag"] ? 1 : 2',
      [
        "0 Cannot implicitly convert type 'object' to 'bool'. An explicit conversion exists (are you missing a cast?)",
      ],
    ],
    ['context.Variables["o"]["a"]', ["0 Cannot apply indexing with [] to an expression of type 'object'"]],
    [
      'context.Request.Headers["a"] == "b"',
      ["0 Operator '==' cannot be applied to operands of type 'string[]' and 'string'"],
    ],
    [
      'context.Request.Body.As<XmlDocument>()',
      [
        "24 Usage of type 'System.Xml.XmlDocument' is not supported within expressions",
        "24 Body.As<T> cannot read a body as 'XmlDocument'",
      ],
    ],
    [
      'new HttpClient()',
      ["4 Usage of type 'System.Net.Http.HttpClient' is not supported within expressions"],
    ],
    [
      'JsonConvert.PopulateObject("{}", new JObject())',
      [
        "12 Usage of member 'PopulateObject' of type 'Newtonsoft.Json.JsonConvert' is not supported within expressions",
      ],
    ],
    [
      'XDocument.Load("x")',
      ["10 Usage of member 'Load' of type 'System.Xml.Linq.XDocument' is not supported within expressions"],
    ],
    [
      'context.Timestamp.ToLocalTime()',
      ["18 Usage of member 'ToLocalTime' of type 'System.DateTime' is not supported within expressions"],
    ],
    ['foo + 1', ["0 The name 'foo' does not exist in the current context"]],
    [
      '(Foo)context.Variables["x"]',
      [
        "1 The type or namespace name 'Foo' could not be found (are you missing a using directive or an assembly reference?)",
      ],
    ],
    [
      'context.Request.Method.toLowerCase()',
      [
        "23 'string' does not contain a definition for 'toLowerCase' and no accessible extension method 'toLowerCase' accepting a first argument of type 'string' could be found",
      ],
    ],
  ])('%s', (code, expected) => {
    expect(problems(code)).toEqual(expected);
  });

  it.each([
    ['if (a) { return 1; }', 'Not all code paths return a value'],
    ['if (a) { return 1; } else if (b) { return 2; }', 'Not all code paths return a value'],
    ['switch (context.Request.Method) { case "GET": return 1; }', 'Not all code paths return a value'],
    ['foreach (var x in context.User.Groups) { return x.Id; }', 'Not all code paths return a value'],
    ['return;', "An object of a type convertible to 'object' is required"],
    [
      'string s = context.Variables["a"]; return s;',
      "Cannot implicitly convert type 'object' to 'string'. An explicit conversion exists (are you missing a cast?)",
    ],
    [
      'foreach (var x in context.Variables["list"]) { } return 1;',
      "foreach statement cannot operate on variables of type 'object' because 'object' does not contain a public instance definition for 'GetEnumerator'",
    ],
  ])('block %s', (code, message) => {
    expect(problems(DECLARE + code, 'multi').map((p) => p.replace(/^\d+ /, ''))).toEqual([message]);
  });

  it.each([
    'if (a) { return 1; } else { return 2; }',
    'if (a) { return 1; } throw new Exception("x");',
    'while (true) { if (a) { return 1; } }',
    'try { return 1; } catch (Exception) { return 2; }',
    'switch (context.Request.Method) { case "GET": return 1; default: return 2; }',
    'using (var h = MD5.Create()) { return h.ComputeHash(new byte[0]); }',
    'var x = context.Variables["a"]; return x;',
    // A local function's own returns do not count for the block (C# 7, as in the policy snippets).
    'int Mask(int bits) { if (bits > 0) { return -1 << (32 - bits); } return 0; } return Mask(24);',
  ])('block returns on every path: %s', (code) => {
    expect(problems(DECLARE + code, 'multi')).toEqual([]);
  });

  it('collects the variables an expression reads, and which reads only test for presence', () => {
    const a = analyzeCode(
      'context.Variables.ContainsKey("a") ? (string)context.Variables["a"] : context.Variables.GetValueOrDefault<string>("b", "x") + context.Variables.GetValueOrDefault<string>("c")',
      'single',
    );
    expect(a.reads.map((r) => `${r.name}:${r.test}`)).toEqual(['a:true', 'a:false', 'b:true', 'c:false']);
  });
});
