/**
 * The syntax tree of a policy expression: the C# 7 subset APIM compiles. Offsets (`start`, `end`)
 * are into the decoded expression code.
 */
export interface Range {
  start: number;
  end: number;
}

/** A type as written: `string`, `JObject`, `System.Text.Encoding`, `Dictionary<string, int>[]`. */
export interface TypeRef extends Range {
  /** Dotted name as written (`global::` dropped); a keyword type keeps its keyword (`string`, `int`). */
  name: string;
  args: TypeRef[];
  /** Array dimensions (`byte[]` is 1). */
  rank: number;
  nullable: boolean;
  /** A C# keyword type (`string`, `int`, `object`, ...). */
  keyword: boolean;
}

export interface Arg {
  expr: Expr;
  modifier?: 'out' | 'ref' | 'in';
  /** `out var x` / `out string x`: declares `x`. */
  declares?: { name: string; type?: TypeRef } & Range;
  /** Named argument `name: value`. */
  name?: string;
}

export type Expr = Range &
  (
    | { k: 'name'; name: string; typeArgs?: TypeRef[] }
    | { k: 'literal'; type: 'string' | 'char' | 'number' | 'bool' | 'null' | 'namedValue' }
    | { k: 'interpolated'; holes: Expr[] }
    | { k: 'keywordType'; type: TypeRef }
    | {
        k: 'member';
        target: Expr;
        name: string;
        nameStart: number;
        typeArgs?: TypeRef[];
        conditional: boolean;
      }
    | { k: 'call'; callee: Expr; args: Arg[] }
    | { k: 'index'; target: Expr; args: Arg[]; conditional: boolean }
    | { k: 'unary'; op: string; operand: Expr; postfix: boolean }
    | { k: 'binary'; op: string; left: Expr; right: Expr }
    | { k: 'assign'; op: string; target: Expr; value: Expr }
    | { k: 'conditional'; test: Expr; then: Expr; otherwise: Expr }
    | { k: 'cast'; type: TypeRef; operand: Expr }
    | { k: 'paren'; inner: Expr }
    | { k: 'lambda'; params: ({ name: string; type?: TypeRef } & Range)[]; body: Expr | Block }
    | { k: 'new'; type?: TypeRef; args?: Arg[]; sizes?: Expr[]; init?: Initializer }
    | { k: 'initializer'; init: Initializer }
    | { k: 'is'; operand: Expr; type?: TypeRef; pattern?: Expr; declares?: { name: string } & Range }
    | { k: 'as'; operand: Expr; type: TypeRef }
    | { k: 'typeof'; type: TypeRef }
    | { k: 'default'; type?: TypeRef }
    | { k: 'checked'; operand: Expr }
    | { k: 'throw'; operand: Expr }
  );

/** `{ a, b }`, `{ Key = value }`, `{ { "k", 1 } }`, `{ ["k"] = 1 }`. */
export interface Initializer extends Range {
  items: Expr[];
}

export interface Declarator extends Range {
  name: string;
  init?: Expr;
}

export type Stmt = Range &
  (
    | { k: 'block'; body: Stmt[] }
    | { k: 'declaration'; type: TypeRef | 'var'; vars: Declarator[] }
    | { k: 'expression'; expr: Expr }
    | { k: 'if'; test: Expr; then: Stmt; otherwise?: Stmt }
    | { k: 'foreach'; type: TypeRef | 'var'; name: string; nameRange: Range; iterable: Expr; body: Stmt }
    | { k: 'for'; init: Stmt[]; test?: Expr; update: Expr[]; body: Stmt }
    | { k: 'while'; test: Expr; body: Stmt }
    | { k: 'do'; body: Stmt; test: Expr }
    | { k: 'return'; value?: Expr }
    | { k: 'throw'; value?: Expr }
    | { k: 'break' }
    | { k: 'continue' }
    | { k: 'empty' }
    | { k: 'try'; block: Block; catches: { type?: TypeRef; name?: string; body: Block }[]; final?: Block }
    | { k: 'switch'; value: Expr; sections: { labels: (Expr | 'default')[]; body: Stmt[] }[] }
    | { k: 'checkedBlock'; block: Block }
    | { k: 'using'; resource: Stmt; body: Stmt }
    | {
        k: 'localFunction';
        returnType: TypeRef;
        name: string;
        params: ({ name: string; type: TypeRef } & Range)[];
        body: Block | Expr;
      }
  );

export type Block = Stmt & { k: 'block' };
