import type { Arg, Block, Expr, Range, Stmt, TypeRef } from './ast.js';
import {
  KEYWORD_TYPE_NAMES,
  KNOWN_DISALLOWED,
  lookupType,
  NAMESPACES,
  BY_FULL_NAME,
  type AllowedType,
} from './catalog/allowed-types.js';
import { BODY_AS_TYPES, CONTEXT_MODEL } from './catalog/context-model.js';
import { JAVASCRIPT_STRING_MEMBERS, STRING_MEMBERS } from './catalog/string-members.js';

/**
 * What APIM's compiler would refuse in a well-formed expression, decided without a compiler: types
 * outside the allowed list, members the context model does not have, `context.Variables[...]` used
 * as a typed value without a cast, a name nothing declares, a block that can end without `return`.
 * Where the answer depends on .NET's full type system (overloads, members of string or JObject),
 * nothing is said: a false alarm on a policy APIM accepts would cost more than a missed error.
 */
export interface Problem extends Range {
  message: string;
  hint?: string;
}

/** A `context.Variables` read with a literal name (for the unset-variable warning). */
export interface VariableRead extends Range {
  name: string;
  /** Read through `ContainsKey`: a presence test, which expects the variable may be unset. */
  test: boolean;
}

/**
 * The little the checker knows of a value's type: 'object' (what Variables holds), a model entry
 * ('context.Request', 'IUrl'), a static type or namespace reached by name, a keyword type, or
 * unknown.
 */
type Ty =
  | { t: 'object' }
  | { t: 'model'; name: string }
  | { t: 'variables' }
  | { t: 'static'; name: string; type?: AllowedType }
  | { t: 'namespace'; name: string }
  | { t: 'value'; name: string }
  | { t: 'unknown' };

const UNKNOWN: Ty = { t: 'unknown' };
const MAX_TREE_DEPTH = 1000;
const OBJECT: Ty = { t: 'object' };
const OBJECT_MEMBERS = new Set(['Equals', 'GetHashCode', 'GetType', 'ToString']);
/** DateTime members that give a DateTime, so a chain like DateTime.UtcNow.ToUniversalTime() is followed. */
const DATETIME_VALUED = new Set([
  'Now',
  'UtcNow',
  'Today',
  'MaxValue',
  'MinValue',
  'Date',
  'Add',
  'AddDays',
  'AddHours',
  'AddMilliseconds',
  'AddMinutes',
  'AddMonths',
  'AddSeconds',
  'AddTicks',
  'AddYears',
  'Parse',
]);
const NUMERIC = new Set([
  'int',
  'long',
  'double',
  'decimal',
  'float',
  'number',
  'short',
  'byte',
  'uint',
  'ulong',
]);

const castHint = (what: string): string =>
  `context.Variables holds 'object': cast it, as in ((string)${what}), or read it typed with context.Variables.GetValueOrDefault<string>("name")`;

export class Semantics {
  readonly problems: Problem[] = [];
  readonly reads: VariableRead[] = [];
  private readonly locals = new Map<string, Ty>();
  private declared = new Set<string>();

  constructor(private readonly kind: 'single' | 'multi') {}

  /** `declared` and `returns` come from the parser, which saw every declaration and return. */
  check(tree: Expr | Block, declared: Set<string>, returns: number): void {
    this.declared = declared;
    if (this.kind === 'single') this.expr(tree as Expr);
    else {
      const block = tree as Block;
      for (const s of block.body) this.stmt(s);
      // No return at all is the reader's finding (expression-syntax); here only a path without one.
      if (!endsAlways(block.body) && returns > 0) {
        this.problem(
          { start: block.end, end: block.end },
          'Not all code paths return a value',
          'every path of an @{...} block must end in return (or throw): add a return after the last if/else',
        );
      }
    }
  }

  private problem(at: Range, message: string, hint?: string): void {
    this.problems.push({ start: at.start, end: at.end, message, hint });
  }

  // ---- types

  private checkType(ref: TypeRef | undefined): void {
    if (!ref) return;
    for (const a of ref.args) this.checkType(a);
    if (ref.keyword) return;
    if (lookupType(ref.name)) return;
    const simple = ref.name.split('.').pop() as string;
    if (ref.name === 'var') return;
    if (ref.name === 'dynamic') {
      this.problem(
        ref,
        "Usage of type 'dynamic' is not supported within expressions",
        'policy expressions cannot bind dynamically: read JSON with JObject (body.As<JObject>()["name"]) or cast to the type you expect',
      );
      return;
    }
    const ns = KNOWN_DISALLOWED[simple];
    if (ns || (ref.name.includes('.') && NAMESPACES.has(ref.name.split('.')[0])))
      this.problem(
        ref,
        `Usage of type '${ns && !ref.name.includes('.') ? `${ns}.${simple}` : ref.name}' is not supported within expressions`,
        'APIM accepts only the .NET types of its list (see the "API Management policy expressions" page); rewrite with an allowed type',
      );
    else
      this.problem(
        ref,
        `The type or namespace name '${ref.name}' could not be found (are you missing a using directive or an assembly reference?)`,
        'policy expressions may use only the .NET types APIM lists, and the context model types (IResponse, Jwt, ...); check the spelling and case',
      );
  }

  private typeOfRef(ref: TypeRef): Ty {
    if (ref.rank) return { t: 'value', name: ref.name + '[]' };
    if (ref.keyword) return ref.name === 'object' ? OBJECT : { t: 'value', name: ref.name };
    if (CONTEXT_MODEL[ref.name]) return { t: 'model', name: ref.name };
    return { t: 'value', name: ref.name };
  }

  // ---- statements

  private stmt(s: Stmt): void {
    switch (s.k) {
      case 'block':
        for (const x of s.body) this.stmt(x);
        return;
      case 'checkedBlock':
        this.stmt(s.block);
        return;
      case 'using':
        this.stmt(s.resource);
        this.stmt(s.body);
        return;
      case 'localFunction':
        this.checkType(s.returnType);
        for (const p of s.params) {
          this.checkType(p.type);
          this.locals.set(p.name, this.typeOfRef(p.type));
        }
        if (s.body.k === 'block') this.stmt(s.body as Stmt);
        else this.expr(s.body as Expr);
        return;
      case 'declaration': {
        if (s.type !== 'var') this.checkType(s.type);
        const declared = s.type === 'var' ? undefined : this.typeOfRef(s.type);
        for (const v of s.vars) {
          const ty = v.init ? this.expr(v.init) : UNKNOWN;
          if (declared && declared.t !== 'object' && ty.t === 'object' && s.type !== 'var')
            this.problem(
              v.init as Expr,
              `Cannot implicitly convert type 'object' to '${(s.type as TypeRef).name}'. An explicit conversion exists (are you missing a cast?)`,
              castHint('context.Variables["name"]').replace('(string)', `(${(s.type as TypeRef).name})`),
            );
          this.locals.set(v.name, declared ?? ty);
        }
        return;
      }
      case 'expression':
        this.expr(s.expr);
        return;
      case 'if':
        this.condition(s.test);
        this.stmt(s.then);
        if (s.otherwise) this.stmt(s.otherwise);
        return;
      case 'while':
      case 'do':
        this.condition(s.test);
        this.stmt(s.body);
        return;
      case 'for':
        for (const x of s.init) this.stmt(x);
        if (s.test) this.condition(s.test);
        for (const u of s.update) this.expr(u);
        this.stmt(s.body);
        return;
      case 'foreach': {
        if (s.type !== 'var') this.checkType(s.type);
        const it = this.expr(s.iterable);
        if (it.t === 'object')
          this.problem(
            s.iterable,
            "foreach statement cannot operate on variables of type 'object' because 'object' does not contain a public instance definition for 'GetEnumerator'",
            castHint('context.Variables["name"]').replace('(string)', '(JArray)'),
          );
        this.locals.set(s.name, s.type === 'var' ? UNKNOWN : this.typeOfRef(s.type));
        this.stmt(s.body);
        return;
      }
      case 'return':
        if (s.value) this.expr(s.value);
        else if (this.kind === 'multi')
          this.problem(
            s,
            "An object of a type convertible to 'object' is required",
            'a policy expression returns a value: return something, e.g. return null;',
          );
        return;
      case 'throw':
        if (s.value) this.expr(s.value);
        return;
      case 'try':
        this.stmt(s.block);
        // Exception types in catch clauses are not checked: the page lists only System.Exception.
        for (const c of s.catches) {
          if (c.name) this.locals.set(c.name, UNKNOWN);
          this.stmt(c.body);
        }
        if (s.final) this.stmt(s.final);
        return;
      case 'switch':
        this.expr(s.value);
        for (const sec of s.sections) {
          for (const l of sec.labels) if (l !== 'default') this.expr(l);
          for (const x of sec.body) this.stmt(x);
        }
        return;
      default:
        return;
    }
  }

  private condition(e: Expr): void {
    const ty = this.expr(e);
    if (ty.t === 'object')
      this.problem(
        e,
        "Cannot implicitly convert type 'object' to 'bool'. An explicit conversion exists (are you missing a cast?)",
        castHint('context.Variables["name"]').replace('(string)', '(bool)'),
      );
  }

  // ---- expressions

  private args(args: Arg[]): void {
    for (const a of args) {
      if (a.declares) {
        this.checkType(a.declares.type);
        this.locals.set(a.declares.name, a.declares.type ? this.typeOfRef(a.declares.type) : UNKNOWN);
      } else this.expr(a.expr);
    }
  }

  expr(e: Expr): Ty {
    // Chains (a.b.c..., a + b + c...) are parsed in loops but nest in the tree; past this depth the
    // rest is not judged (no finding: C# compiles long chains), so no input can overflow the stack.
    if (this.depth >= MAX_TREE_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      return this.exprBody(e);
    } finally {
      this.depth--;
    }
  }

  private depth = 0;

  private exprBody(e: Expr): Ty {
    switch (e.k) {
      case 'literal':
        return e.type === 'string'
          ? { t: 'value', name: 'string' }
          : e.type === 'number'
            ? { t: 'value', name: 'number' }
            : e.type === 'bool'
              ? { t: 'value', name: 'bool' }
              : UNKNOWN;
      case 'interpolated':
        for (const h of e.holes) this.expr(h);
        return { t: 'value', name: 'string' };
      case 'keywordType':
        return { t: 'static', name: e.type.name, type: BY_FULL_NAME.get(KEYWORD_TYPE_NAMES[e.type.name]) };
      case 'name':
        return this.name(e);
      case 'member':
        return this.member(e);
      case 'call':
        return this.call(e);
      case 'index': {
        const target = this.expr(e.target);
        this.args(e.args);
        if (target.t === 'variables') {
          this.recordRead(e.args[0]?.expr, false);
          return OBJECT;
        }
        if (target.t === 'value' && target.name.startsWith('IReadOnlyDictionary<string, string'))
          return { t: 'value', name: target.name.endsWith('string[]>') ? 'string[]' : 'string' };
        if (target.t === 'object')
          this.problem(
            e,
            "Cannot apply indexing with [] to an expression of type 'object'",
            castHint(sourceLess(e.target)).replace('(string)', '(JObject)'),
          );
        return UNKNOWN;
      }
      case 'unary': {
        const ty = this.expr(e.operand);
        if (ty.t === 'object' && e.op !== '++' && e.op !== '--')
          this.problem(
            e,
            `Operator '${e.op}' cannot be applied to operand of type 'object'`,
            castHint('context.Variables["name"]').replace('(string)', e.op === '!' ? '(bool)' : '(int)'),
          );
        return e.op === '!' ? { t: 'value', name: 'bool' } : UNKNOWN;
      }
      case 'binary':
        return this.binary(e);
      case 'assign': {
        this.expr(e.target);
        const value = this.expr(e.value);
        if (e.target.k === 'name') {
          const local = this.locals.get(e.target.name);
          if (local && local.t === 'value' && value.t === 'object')
            this.problem(
              e.value,
              `Cannot implicitly convert type 'object' to '${local.name}'. An explicit conversion exists (are you missing a cast?)`,
              castHint('context.Variables["name"]'),
            );
        }
        return value;
      }
      case 'conditional': {
        this.condition(e.test);
        const a = this.expr(e.then);
        this.expr(e.otherwise);
        return a;
      }
      case 'cast':
        this.checkType(e.type);
        this.expr(e.operand);
        return this.typeOfRef(e.type);
      case 'as':
        this.checkType(e.type);
        this.expr(e.operand);
        return this.typeOfRef(e.type);
      case 'is':
        this.checkType(e.type);
        this.expr(e.operand);
        if (e.pattern) this.expr(e.pattern);
        if (e.declares) this.locals.set(e.declares.name, e.type ? this.typeOfRef(e.type) : UNKNOWN);
        return { t: 'value', name: 'bool' };
      case 'paren':
        return this.expr(e.inner);
      case 'lambda':
        for (const p of e.params) {
          this.checkType(p.type);
          this.locals.set(p.name, p.type ? this.typeOfRef(p.type) : UNKNOWN);
        }
        if ('k' in e.body && e.body.k === 'block') this.stmt(e.body as Stmt);
        else this.expr(e.body as Expr);
        return UNKNOWN;
      case 'new':
        this.checkType(e.type);
        if (e.type && !e.type.keyword && !e.sizes && !e.type.rank) {
          const t = lookupType(e.type.name);
          if (t && t !== true && !t.constructible)
            this.problem(
              e.type,
              `Usage of the constructor of type '${t.fullName}' is not supported within expressions (allowed members: ${t.supported.replace(/`/g, '')})`,
            );
        }
        if (e.args) this.args(e.args);
        for (const s of e.sizes ?? []) this.expr(s);
        for (const i of e.init?.items ?? []) this.initItem(i);
        return e.type ? this.typeOfRef(e.sizes ? { ...e.type, rank: e.type.rank || 1 } : e.type) : UNKNOWN;
      case 'initializer':
        for (const i of e.init.items) this.initItem(i);
        return UNKNOWN;
      case 'typeof':
        this.checkType(e.type);
        return UNKNOWN;
      case 'default':
        this.checkType(e.type);
        return UNKNOWN;
      case 'checked':
        return this.expr(e.operand);
      case 'throw':
        this.expr(e.operand);
        return UNKNOWN;
    }
  }

  /** `{ Key = value }` names a member of the created object, not a variable: only the value is checked. */
  private initItem(i: Expr): void {
    if (i.k === 'assign' && i.op === '=' && i.target.k === 'name') this.expr(i.value);
    else this.expr(i);
  }

  private name(e: Expr & { k: 'name' }): Ty {
    for (const a of e.typeArgs ?? []) this.checkType(a);
    const local = this.locals.get(e.name);
    if (local) return local;
    if (this.declared.has(e.name)) return UNKNOWN;
    if (e.name === 'context') return { t: 'model', name: 'context' };
    // C# 7 discards (`out _`) and nameof(...) are not names a declaration introduces.
    if (e.name === '_' || e.name === 'nameof') return UNKNOWN;
    const type = lookupType(e.name);
    if (type) return { t: 'static', name: e.name, type: type === true ? undefined : type };
    if (NAMESPACES.has(e.name)) return { t: 'namespace', name: e.name };
    const ns = KNOWN_DISALLOWED[e.name];
    if (ns) {
      this.problem(
        e,
        `Usage of type '${ns}.${e.name}' is not supported within expressions`,
        'APIM accepts only the .NET types of its list (see the "API Management policy expressions" page); rewrite with an allowed type',
      );
      return UNKNOWN;
    }
    const lower = e.name.toLowerCase();
    const hint =
      lower === 'context'
        ? "C# is case-sensitive: the implicit variable is 'context' (lower case)"
        : lower === 'json'
          ? 'C# has no JSON object: use JObject.Parse(...) or JsonConvert.SerializeObject(...)'
          : lower === 'console'
            ? 'write traces with the trace policy or context.Trace(...)'
            : "only 'context', names declared in the expression, and the allowed .NET types are in scope; check the spelling and case";
    this.problem(e, `The name '${e.name}' does not exist in the current context`, hint);
    return UNKNOWN;
  }

  private member(e: Expr & { k: 'member' }): Ty {
    for (const a of e.typeArgs ?? []) this.checkType(a);
    const target = this.expr(e.target);
    const at = { start: e.nameStart, end: e.end };
    switch (target.t) {
      case 'namespace': {
        const full = `${target.name}.${e.name}`;
        if (BY_FULL_NAME.has(full)) return { t: 'static', name: full, type: BY_FULL_NAME.get(full) };
        if (NAMESPACES.has(full)) return { t: 'namespace', name: full };
        this.problem(
          { start: e.target.start, end: e.end },
          `Usage of type '${full}' is not supported within expressions`,
          'APIM accepts only the .NET types of its list (see the "API Management policy expressions" page)',
        );
        return UNKNOWN;
      }
      case 'static': {
        const type = target.type;
        const nested = type && BY_FULL_NAME.get(`${type.fullName}.${e.name}`);
        if (nested) return { t: 'static', name: nested.fullName, type: nested };
        if (type?.fullName === 'System.String') return this.valueMember('string', e.name, at);
        return this.restrictedMember(type, e.name, at);
      }
      case 'object':
        if (!OBJECT_MEMBERS.has(e.name))
          this.problem(
            at,
            `'object' does not contain a definition for '${e.name}' and no accessible extension method '${e.name}' accepting a first argument of type 'object' could be found`,
            castHint(sourceLess(e.target)),
          );
        return UNKNOWN;
      case 'model':
        return this.modelMember(target.name, e.name, at);
      case 'variables':
        return UNKNOWN;
      case 'value':
        return this.valueMember(target.name, e.name, at);
      default:
        return UNKNOWN;
    }
  }

  /**
   * A member of a value whose type is known: string (only a wrong case or a JavaScript name is
   * reported) and the restricted DateTime (the page's member list).
   */
  private valueMember(type: string, name: string, at: Range): Ty {
    if (type === 'string') {
      if (!STRING_MEMBERS.has(name)) {
        const near =
          JAVASCRIPT_STRING_MEMBERS[name] ??
          [...STRING_MEMBERS].find((m) => m.toLowerCase() === name.toLowerCase());
        if (near)
          this.problem(
            at,
            `'string' does not contain a definition for '${name}' and no accessible extension method '${name}' accepting a first argument of type 'string' could be found`,
            `C# is not JavaScript and is case-sensitive: use ${near}`,
          );
      }
      return name === 'Length' ? { t: 'value', name: 'int' } : UNKNOWN;
    }
    if (type === 'DateTime') return this.restrictedMember(BY_FULL_NAME.get('System.DateTime'), name, at);
    return UNKNOWN;
  }

  /** A member of a type whose members the page lists one by one (DateTime, Regex, Enum...). */
  private restrictedMember(type: AllowedType | undefined, name: string, at: Range, args = -1): Ty {
    if (!type) return UNKNOWN;
    const refused = type.members
      ? !type.members.has(name) && !OBJECT_MEMBERS.has(name)
      : type.except?.has(name) && !(name === 'Create' && args !== 0);
    if (refused)
      this.problem(
        at,
        `Usage of member '${name}' of type '${type.fullName}' is not supported within expressions`,
        `the allowed members are: ${type.supported.replace(/`/g, '')}`,
      );
    if (type.fullName === 'System.DateTime' && DATETIME_VALUED.has(name))
      return { t: 'value', name: 'DateTime' };
    return UNKNOWN;
  }

  private modelMember(model: string, name: string, at: Range): Ty {
    const members = CONTEXT_MODEL[model];
    const m = members[name];
    if (!m) {
      if (OBJECT_MEMBERS.has(name)) return UNKNOWN;
      const near = Object.keys(members).find(
        (k) =>
          k.toLowerCase() === name.toLowerCase() ||
          k.toLowerCase() === name.toLowerCase() + 's' ||
          k.toLowerCase() + 's' === name.toLowerCase(),
      );
      this.problem(
        at,
        `'${model}' does not contain a definition for '${name}'`,
        near
          ? `did you mean '${near}'? (C# is case-sensitive)`
          : `its members are: ${Object.keys(members).join(', ')}`,
      );
      return UNKNOWN;
    }
    if (model === 'context' && name === 'Variables') return { t: 'variables' };
    if (CONTEXT_MODEL[m.type]) return { t: 'model', name: m.type };
    return { t: 'value', name: m.type };
  }

  private call(e: Expr & { k: 'call' }): Ty {
    const callee = e.callee;
    if (callee.k === 'member') {
      const target = this.expr(callee.target);
      for (const a of callee.typeArgs ?? []) this.checkType(a);
      this.args(e.args);
      if (target.t === 'variables') {
        if (
          callee.name === 'GetValueOrDefault' ||
          callee.name === 'TryGetValue' ||
          callee.name === 'ContainsKey'
        )
          this.recordRead(
            e.args[0]?.expr,
            callee.name === 'ContainsKey' || (callee.name === 'GetValueOrDefault' && e.args.length > 1),
          );
        if (callee.name === 'GetValueOrDefault') {
          if (callee.typeArgs?.length) return this.typeOfRef(callee.typeArgs[0]);
          // GetValueOrDefault<T>(name, default): T is inferred from the default; with no default it is object.
          if (e.args.length < 2) return OBJECT;
          const d = e.args[1].expr;
          return d.k === 'literal' && d.type === 'string' ? { t: 'value', name: 'string' } : UNKNOWN;
        }
        return UNKNOWN;
      }
      if (target.t === 'model') {
        const members = CONTEXT_MODEL[target.name];
        if (target.name === 'IMessageBody' && callee.name === 'As') {
          const t = callee.typeArgs?.[0];
          const written = t ? t.name + '[]'.repeat(t.rank) : undefined;
          if (!written)
            this.problem(
              { start: callee.nameStart, end: callee.end },
              "The type arguments for method 'As<T>' cannot be inferred from the usage",
              'name the type: Body.As<JObject>(), As<string>() ...',
            );
          else if (!BODY_AS_TYPES.includes(written))
            this.problem(
              t as TypeRef,
              `Body.As<T> cannot read a body as '${written}'`,
              `T must be one of ${BODY_AS_TYPES.join(', ')}`,
            );
          return t ? this.typeOfRef(t) : UNKNOWN;
        }
        if (!members[callee.name] && !OBJECT_MEMBERS.has(callee.name))
          return this.modelMember(target.name, callee.name, { start: callee.nameStart, end: callee.end });
        const m = members[callee.name];
        if (m && !m.method)
          this.problem(
            { start: callee.nameStart, end: callee.end },
            `Non-invocable member '${target.name}.${callee.name}' cannot be used like a method.`,
            `'${callee.name}' is a property: drop the parentheses (index a dictionary with ["name"])`,
          );
        return UNKNOWN;
      }
      if (target.t === 'object' && !OBJECT_MEMBERS.has(callee.name)) {
        this.problem(
          { start: callee.nameStart, end: callee.end },
          `'object' does not contain a definition for '${callee.name}' and no accessible extension method '${callee.name}' accepting a first argument of type 'object' could be found`,
          castHint(sourceLess(callee.target)),
        );
        return UNKNOWN;
      }
      const at = { start: callee.nameStart, end: callee.end };
      if (target.t === 'static' && target.type) {
        if (target.type.fullName === 'System.String') return this.valueMember('string', callee.name, at);
        return this.restrictedMember(target.type, callee.name, at, e.args.length);
      }
      if (target.t === 'value') {
        if (
          target.name.startsWith('IReadOnlyDictionary<string, string') &&
          callee.name === 'GetValueOrDefault'
        )
          return e.args.length > 1 ? { t: 'value', name: 'string' } : UNKNOWN;
        return this.valueMember(target.name, callee.name, at);
      }
      if (target.t === 'namespace') {
        this.member(callee);
        return UNKNOWN;
      }
      return UNKNOWN;
    }
    this.expr(callee);
    this.args(e.args);
    return UNKNOWN;
  }

  private binary(e: Expr & { k: 'binary' }): Ty {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    const isObj = l.t === 'object' || r.t === 'object';
    const other = l.t === 'object' ? r : l;
    const otherName = other.t === 'value' ? other.name : other.t === 'object' ? 'object' : undefined;
    const typed = (n: string | undefined): string => (n === 'number' ? 'int' : (n ?? '?'));
    if (isObj) {
      const report = (): void =>
        this.problem(
          e,
          `Operator '${e.op}' cannot be applied to operands of type '${l.t === 'object' ? 'object' : typed(otherName)}' and '${r.t === 'object' ? 'object' : typed(otherName)}'`,
          castHint('context.Variables["name"]').replace(
            '(string)',
            NUMERIC.has(otherName ?? '') ? '(int)' : '(string)',
          ),
        );
      if (['-', '*', '/', '%', '<', '>', '<=', '>=', '<<', '>>'].includes(e.op)) report();
      else if (e.op === '+' && (NUMERIC.has(otherName ?? '') || otherName === 'object')) report();
      else if ((e.op === '==' || e.op === '!=') && (NUMERIC.has(otherName ?? '') || otherName === 'bool'))
        report();
      else if (e.op === '&&' || e.op === '||')
        this.problem(
          l.t === 'object' ? e.left : e.right,
          "Cannot implicitly convert type 'object' to 'bool'. An explicit conversion exists (are you missing a cast?)",
          castHint('context.Variables["name"]').replace('(string)', '(bool)'),
        );
    }
    const names = [l, r].map((x) => (x.t === 'value' ? x.name : ''));
    if ((e.op === '==' || e.op === '!=') && names.includes('string[]') && names.includes('string'))
      this.problem(
        e,
        `Operator '${e.op}' cannot be applied to operands of type '${names[0]}' and '${names[1]}'`,
        'a header or query parameter holds string[]: compare GetValueOrDefault("name", "") instead, or index it with [0]',
      );
    if (['==', '!=', '<', '>', '<=', '>=', '&&', '||'].includes(e.op)) return { t: 'value', name: 'bool' };
    if (
      e.op === '+' &&
      ((l.t === 'value' && l.name === 'string') || (r.t === 'value' && r.name === 'string'))
    )
      return { t: 'value', name: 'string' };
    if (e.op === '??') return r.t === 'object' ? OBJECT : l;
    if (NUMERIC.has(otherName ?? '') && !isObj && l.t === 'value' && r.t === 'value')
      return { t: 'value', name: 'number' };
    return UNKNOWN;
  }

  private recordRead(key: Expr | undefined, test: boolean): void {
    if (!key || key.k !== 'literal' || key.type !== 'string') return;
    if (this.source?.[key.start] !== '"') return;
    const name = this.source.slice(key.start + 1, key.end - 1);
    if (name !== undefined && !name.includes('\\'))
      this.reads.push({ name, test, start: key.start, end: key.end });
  }

  /** The expression code, for reading literal names. */
  source?: string;
}

/** A readable stand-in for an expression in a hint (the exact text is not needed). */
function sourceLess(e: Expr): string {
  if (e.k === 'index' && e.target.k === 'member' && e.target.name === 'Variables')
    return 'context.Variables["name"]';
  return e.k === 'name' ? e.name : 'context.Variables["name"]';
}

/** True when control cannot run off the end of the statements (C#'s reachability, simplified). */
export function endsAlways(stmts: Stmt[]): boolean {
  for (const s of stmts) if (ends(s)) return true;
  return false;
}

function ends(s: Stmt): boolean {
  switch (s.k) {
    case 'return':
    case 'throw':
      return true;
    case 'block':
      return endsAlways(s.body);
    case 'checkedBlock':
      return ends(s.block);
    case 'using':
      return ends(s.body);
    case 'if':
      return s.otherwise !== undefined && ends(s.then) && ends(s.otherwise);
    case 'try':
      return (
        (s.final !== undefined && ends(s.final)) || (ends(s.block) && s.catches.every((c) => ends(c.body)))
      );
    case 'switch':
      return (
        s.sections.some((x) => x.labels.includes('default')) &&
        s.sections.every((x) => endsAlways(x.body) && !breaks(x.body))
      );
    case 'while':
    case 'for':
      // `while (true)` / `for (;;)` without break never runs off the end.
      return isTrue(s.test) && !breaks([s.body]);
    case 'do':
      return ends(s.body) || (isTrue(s.test) && !breaks([s.body]));
    default:
      return false;
  }
}

function isTrue(e: Expr | undefined): boolean {
  // A bool literal in a loop test is `true` in practice (`while (false)` is dead code nobody writes).
  return e === undefined || (e.k === 'literal' && e.type === 'bool');
}

/** A `break` that leaves this loop or switch (not one inside a nested loop or switch). */
function breaks(stmts: Stmt[]): boolean {
  return stmts.some((s) => {
    switch (s.k) {
      case 'break':
        return true;
      case 'block':
        return breaks(s.body);
      case 'if':
        return breaks([s.then]) || (s.otherwise ? breaks([s.otherwise]) : false);
      case 'try':
        return (
          breaks([s.block]) ||
          s.catches.some((c) => breaks([c.body])) ||
          (s.final ? breaks([s.final]) : false)
        );
      case 'checkedBlock':
        return breaks([s.block]);
      case 'using':
        return breaks([s.body]);
      default:
        return false;
    }
  });
}
