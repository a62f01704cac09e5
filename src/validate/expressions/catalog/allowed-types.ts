import { ALLOWED_TYPE_ROWS } from './allowed-type-table.js';
import { NAMED_MODEL_TYPES } from './context-model.js';

/**
 * The allowed-type table read into lookups: by full name and by simple name (APIM imports every
 * namespace of the list, so `JObject` and `Newtonsoft.Json.Linq.JObject` are the same type).
 */
export interface AllowedType {
  /** Full name without generic parameters: `System.Collections.Generic.Dictionary`. */
  fullName: string;
  /** The page's "Supported members" cell. */
  supported: string;
  /** Undefined when every member is allowed; else the allowed member names. */
  members?: Set<string>;
  /** Members the page excludes ("All, except `Load`"). */
  except?: Set<string>;
  /** "(Constructor)" is listed, or every member is allowed. */
  constructible: boolean;
}

function read(fullName: string, supported: string): AllowedType {
  const names = [...supported.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  if (supported.startsWith('All')) {
    // "All except parameterless Create()" and "All, except `Load`": the exception is a member name.
    const except = /except/.test(supported)
      ? new Set(names.length ? names : [/except parameterless (\w+)/.exec(supported)?.[1] ?? ''])
      : undefined;
    return { fullName, supported, except, constructible: true };
  }
  return { fullName, supported, members: new Set(names), constructible: supported.includes('(Constructor)') };
}

export const ALLOWED_TYPES: AllowedType[] = ALLOWED_TYPE_ROWS.map(([t, m]) =>
  read(t.replace(/<.*>$/, ''), m),
);

export const BY_FULL_NAME = new Map(ALLOWED_TYPES.map((t) => [t.fullName, t]));

/** Simple name (and nested name such as `TimeZoneInfo.AdjustmentRule`) to its type. */
export const BY_SIMPLE_NAME = new Map<string, AllowedType>();
for (const t of ALLOWED_TYPES) {
  const ns = namespaceOf(t.fullName);
  BY_SIMPLE_NAME.set(t.fullName.slice(ns.length + 1), t);
}

/** Every namespace (and namespace prefix) of the list: `System`, `System.Text`, `Newtonsoft.Json.Linq`... */
export const NAMESPACES = new Set<string>();
for (const t of ALLOWED_TYPES) {
  const parts = namespaceOf(t.fullName).split('.');
  for (let i = 1; i <= parts.length; i++) NAMESPACES.add(parts.slice(0, i).join('.'));
}

/** The namespace of a listed type: everything before the first capitalised segment that is a type. */
function namespaceOf(fullName: string): string {
  const parts = fullName.split('.');
  // Nested types (TimeZoneInfo.AdjustmentRule) keep their outer type out of the namespace.
  let i = parts.length - 1;
  if (parts.length > 2 && ['TimeZoneInfo'].includes(parts[i - 1])) i--;
  return parts.slice(0, i).join('.');
}

/** Keyword types and their System names (`string` is System.String). */
export const KEYWORD_TYPE_NAMES: Record<string, string> = {
  bool: 'System.Boolean',
  byte: 'System.Byte',
  char: 'System.Char',
  decimal: 'System.Decimal',
  double: 'System.Double',
  float: 'System.Single',
  int: 'System.Int32',
  long: 'System.Int64',
  object: 'System.Object',
  sbyte: 'System.SByte',
  short: 'System.Int16',
  string: 'System.String',
  uint: 'System.UInt32',
  ulong: 'System.UInt64',
  ushort: 'System.UInt16',
  void: 'System.Void',
};

/**
 * Names a policy may use as types beyond the table: `object` (every variable holds one) under its
 * System name, and the context model's named types (IResponse, Jwt, BasicAuthCredentials...).
 */
const EXTRA = new Set(['Object', 'System.Object', ...NAMED_MODEL_TYPES]);

/** The allowed type a written name denotes, `true` for an extra name, or undefined when not allowed. */
export function lookupType(name: string): AllowedType | true | undefined {
  const bare = name.replace(/^global::/, '');
  if (EXTRA.has(bare)) return true;
  return BY_FULL_NAME.get(bare) ?? BY_SIMPLE_NAME.get(bare);
}

/**
 * .NET types people reach for that the list leaves out, with their namespace, so the message can say
 * "not allowed" rather than "not found". Not from the page: collected from the reported errors in
 * test/fixtures/expressions.
 */
export const KNOWN_DISALLOWED: Record<string, string> = {
  HttpUtility: 'System.Web',
  HttpClient: 'System.Net.Http',
  HttpRequestMessage: 'System.Net.Http',
  WebClient: 'System.Net',
  WebRequest: 'System.Net',
  Dns: 'System.Net',
  File: 'System.IO',
  Directory: 'System.IO',
  Path: 'System.IO',
  MemoryStream: 'System.IO',
  StreamReader: 'System.IO',
  Environment: 'System',
  Console: 'System',
  Activator: 'System',
  AppDomain: 'System',
  GC: 'System',
  Thread: 'System.Threading',
  Task: 'System.Threading.Tasks',
  Process: 'System.Diagnostics',
  Debug: 'System.Diagnostics',
  Stopwatch: 'System.Diagnostics',
  Assembly: 'System.Reflection',
  CultureInfo: 'System.Globalization',
  NameValueCollection: 'System.Collections.Specialized',
  Hashtable: 'System.Collections',
  ArrayList: 'System.Collections',
  JsonSerializer: 'System.Text.Json',
  JsonDocument: 'System.Text.Json',
  JsonElement: 'System.Text.Json',
  JsonNode: 'System.Text.Json.Nodes',
  JsonObject: 'System.Text.Json.Nodes',
  XmlDocument: 'System.Xml',
  XmlNode: 'System.Xml',
  XPathNavigator: 'System.Xml.XPath',
  Aes: 'System.Security.Cryptography',
  AesManaged: 'System.Security.Cryptography',
  RandomNumberGenerator: 'System.Security.Cryptography',
  JwtSecurityTokenHandler: 'System.IdentityModel.Tokens.Jwt',
  JwtSecurityToken: 'System.IdentityModel.Tokens.Jwt',
  DateTimeStyles: 'System.Globalization',
  RSACng: 'System.Security.Cryptography',
  JsonMergeSettings: 'Newtonsoft.Json.Linq',
  DateOnly: 'System',
  TimeOnly: 'System',
  UriBuilder: 'System',
  Func: 'System',
  Action: 'System',
  Lazy: 'System',
  ValueTuple: 'System',
};
