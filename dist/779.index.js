export const id = 779;
export const ids = [779];
export const modules = {

/***/ 143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   b2: () => (/* binding */ mergeOverride),
/* harmony export */   b5: () => (/* binding */ readApiopsConfiguration),
/* harmony export */   d9: () => (/* binding */ resolveOverride),
/* harmony export */   gX: () => (/* binding */ findApiopsConfiguration)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _repo_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5539);



const MANAGED_SECTIONS = ['namedvalues', 'backends', 'policyfragments', 'servicepolicies', 'policies'];
/** Finds `configuration.<env>.yaml|yml` at the repository root, then in the artifacts folder. */
async function findApiopsConfiguration(root, environment, artifactsPath = '') {
    const folders = artifactsPath ? ['', artifactsPath] : [''];
    for (const folder of folders) {
        for (const ext of ['yaml', 'yml']) {
            const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.join(folder, `configuration.${environment}.${ext}`);
            // lstat only (a link on the way is refused, naming it): nothing is read to find the file.
            if (await (0,_repo_file_js__WEBPACK_IMPORTED_MODULE_2__/* .statInside */ .LW)(root, rel))
                return rel;
        }
    }
    return undefined;
}
/** Reads and indexes one configuration file. */
async function readApiopsConfiguration(root, rel) {
    // No link, size checked before reading; parse errors give a position, never the text.
    const text = await (0,_repo_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readRepoText */ .Cj)(root, rel);
    if (text === undefined)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${rel} cannot be read.`);
    const doc = (0,_repo_file_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYamlText */ .cd)(text, rel);
    const config = {
        file: rel,
        lines: text.split('\n'),
        namedValues: new Map(),
        backends: new Map(),
        policyFragments: new Map(),
        servicePolicies: new Map(),
        apis: new Map(),
        products: new Map(),
        ignored: new Map(),
    };
    if (doc === null || doc === undefined)
        return config;
    if (!isObject(doc))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${rel} must be a map of sections (namedValues:, backends:, ...).`);
    const lines = config.lines;
    const ignore = (key, n = 1) => config.ignored.set(key, (config.ignored.get(key) ?? 0) + n);
    for (const [key, value] of Object.entries(doc)) {
        const section = key.toLowerCase();
        if (!Array.isArray(value)) {
            ignore(key);
            continue;
        }
        const entries = value.filter(isObject).filter((e) => typeof e.name === 'string');
        const entry = (e, from = 0) => ({
            name: e.name,
            properties: isObject(e.properties) ? e.properties : {},
            line: lineOf(lines, e.name, from),
        });
        if (MANAGED_SECTIONS.includes(section)) {
            const target = section === 'namedvalues'
                ? config.namedValues
                : section === 'backends'
                    ? config.backends
                    : section === 'policyfragments'
                        ? config.policyFragments
                        : config.servicePolicies;
            for (const e of entries)
                target.set(e.name.toLowerCase(), entry(e));
            continue;
        }
        if (section === 'apis' || section === 'products') {
            const target = section === 'apis' ? config.apis : config.products;
            for (const e of entries) {
                target.set(e.name.toLowerCase(), nested(e, key, section === 'apis', entry, ignore));
            }
            continue;
        }
        ignore(key, entries.length || 1);
    }
    return config;
}
function nested(e, section, withOperations, entry, ignore, from = 0) {
    const self = entry(e, from);
    const out = { entry: self, policies: new Map(), operations: new Map() };
    for (const [k, v] of Object.entries(e)) {
        if (k === 'name')
            continue;
        if (k === 'policies' && Array.isArray(v)) {
            for (const p of v.filter(isObject).filter((x) => typeof x.name === 'string'))
                out.policies.set(p.name.toLowerCase(), entry(p, self.line));
        }
        else if (k === 'operations' && withOperations && Array.isArray(v)) {
            for (const o of v.filter(isObject).filter((x) => typeof x.name === 'string'))
                out.operations.set(o.name.toLowerCase(), nested(o, `${section}[].operations`, false, entry, ignore, self.line));
        }
        else {
            // properties of the API or product itself, diagnostics, releases...: not managed here.
            ignore(`${section}[].${k}`);
        }
    }
    return out;
}
const TOKEN = /\{#([A-Za-z_][A-Za-z0-9_.-]*)#\}/g;
/**
 * An override's properties with its `{#name#}` tokens (which APIOps pipelines replace before the
 * publisher runs) replaced from `values`; a token without a value is an error naming its line. Only
 * overrides that apply are resolved: an ignored section may keep tokens of its own.
 */
function resolveOverride(o, config, values) {
    return resolveTokens(o.properties, values, config.file, config.lines);
}
function resolveTokens(value, values, rel, lines) {
    if (typeof value === 'string') {
        return value.replace(TOKEN, (whole, name) => {
            if (Object.prototype.hasOwnProperty.call(values, name))
                return values[name];
            const line = lines.findIndex((l) => l.includes(whole)) + 1 || 1;
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${rel}:${line}: the token ${whole} has no value.`, `APIOps pipelines replace {#name#} tokens before publishing; give '${name}' in environments/<environment>.yaml or as a variable (--var ${name}=...).`);
        });
    }
    if (Array.isArray(value))
        return value.map((v) => resolveTokens(v, values, rel, lines));
    if (isObject(value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTokens(v, values, rel, lines)]));
    return value;
}
/** 1-based line of `name: <name>` at or after line `from` (the parent entry's line). */
function lineOf(lines, name, from = 0) {
    const re = new RegExp(`name:\\s*["']?${escapeRe(name)}["']?\\s*$`);
    const i = lines.findIndex((l, n) => n >= from && re.test(l));
    return i + 1 || 1;
}
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
/**
 * APIOps' merge: objects merge key by key, every other value replaces; keys only in `other` are added.
 */
function mergeOverride(current, other) {
    const base = isObject(current) ? current : {};
    const merged = {};
    for (const [k, v] of Object.entries(base)) {
        if (!(k in other))
            merged[k] = v;
        else
            merged[k] = isObject(v) && isObject(other[k]) ? mergeOverride(v, other[k]) : other[k];
    }
    for (const [k, v] of Object.entries(other))
        if (!(k in base))
            merged[k] = v;
    return merged;
}


/***/ }),

/***/ 1239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ decodeEntities),
/* harmony export */   n: () => (/* binding */ entityAt)
/* harmony export */ });
/**
 * The only entities a policy may use: XML's five predefined ones and character references.
 * Anything else would need a DTD, which policies never have, so it is an error, never an expansion.
 */
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REF = /^&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/;
/** The entity at `s[i]` (which is '&'): its character and length, or undefined when it is not one. */
function entityAt(s, i) {
    const m = REF.exec(s.slice(i, i + 12));
    if (!m)
        return undefined;
    const code = m[2] ? Number(m[2]) : m[3] ? parseInt(m[3], 16) : -1;
    if (code !== -1 && (code > 0x10ffff || code === 0))
        return undefined;
    return { char: m[1] ? NAMED[m[1]] : String.fromCodePoint(code), length: m[0].length };
}
/**
 * Decodes entities in `raw`; returns the offset (within raw) of the first bad '&' instead of throwing.
 * `lenient` keeps a bare '&' as is: raw policy expressions hold unescaped `&&`.
 */
function decodeEntities(raw, lenient = false) {
    if (!raw.includes('&'))
        return { value: raw };
    let out = '';
    let last = 0;
    for (let i = raw.indexOf('&'); i !== -1; i = raw.indexOf('&', i)) {
        const e = entityAt(raw, i);
        if (!e && !lenient)
            return { badOffset: i };
        out += raw.slice(last, i) + (e ? e.char : '&');
        i += e ? e.length : 1;
        last = i;
    }
    return { value: out + raw.slice(last) };
}


/***/ }),

/***/ 1029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ startsExpression),
/* harmony export */   O: () => (/* binding */ scanExpression)
/* harmony export */ });
/* harmony import */ var _entities_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1239);

/** Characters the code scan must look at: brackets, quotes, '@', '$', '/', '&' (entities), 'r' (return). */
const SIGNIFICANT = new Uint8Array(128);
for (const c of '()[]{}"\'@$/&r')
    SIGNIFICANT[c.charCodeAt(0)] = 1;
const OPEN = { '(': ')', '{': '}', '[': ']' };
class Fail {
    offset;
    message;
    constructor(offset, message) {
        this.offset = offset;
        this.message = message;
    }
}
class Scanner {
    s;
    limit;
    hasReturn = false;
    i;
    /** Raw width of the character `peek` last decoded (an entity is several raw characters). */
    w = 1;
    constructor(s, start, limit) {
        this.s = s;
        this.limit = limit;
        this.i = start;
    }
    /** The character at `at` after entity decoding ('' at the end); sets its raw width. */
    peek(at = this.i) {
        if (at >= this.limit)
            return '';
        const c = this.s[at];
        this.w = 1;
        if (c === '&') {
            const e = (0,_entities_js__WEBPACK_IMPORTED_MODULE_0__/* .entityAt */ .n)(this.s, at);
            if (e) {
                this.w = e.length;
                return e.char;
            }
        }
        return c;
    }
    next() {
        const c = this.peek();
        if (c !== '')
            this.i += this.w;
        return c;
    }
    /** Scans code until the bracket that closes `opener` (already consumed). */
    code_(opener, openAt) {
        const stack = [[opener, openAt]];
        while (stack.length) {
            // Most of an expression is names, dots and spaces: skip them without decoding.
            while (this.i < this.limit && !SIGNIFICANT[this.s.charCodeAt(this.i)])
                this.i++;
            const at = this.i;
            const c = this.next();
            if (c === '') {
                const [o, where] = stack[stack.length - 1];
                throw new Fail(where, `Unbalanced '${o}': the expression has no closing '${OPEN[o]}'.`);
            }
            if (c === '(' || c === '{' || c === '[')
                stack.push([c, at]);
            else if (c === ')' || c === '}' || c === ']') {
                const [o] = stack[stack.length - 1];
                if (OPEN[o] !== c)
                    throw new Fail(at, `Unexpected '${c}': expected '${OPEN[o]}'.`);
                stack.pop();
            }
            else if (c === '"')
                this.string(at, false);
            else if (c === "'")
                this.char(at);
            else if (c === '@' && this.peek() === '"') {
                this.next();
                this.string(at, true);
            }
            else if (c === '$')
                this.interpolated(at);
            else if (c === '/' && this.peek() === '/')
                this.skipUntil('\n');
            else if (c === '/' && this.peek() === '*')
                this.blockComment(at);
            else if (c === 'r' && !isIdentPart(this.s.charCodeAt(at - 1)))
                this.identifier(at);
        }
    }
    /** Only `return` matters (a multi-statement expression must have one). */
    identifier(at) {
        let end = at + 1;
        while (end < this.limit && isIdentPart(this.s.charCodeAt(end)))
            end++;
        if (end - at === 6 && this.s.startsWith('return', at))
            this.hasReturn = true;
        this.i = end;
    }
    string(openAt, verbatim) {
        for (;;) {
            const c = this.next();
            if (c === '' || (!verbatim && c === '\n'))
                throw new Fail(openAt, 'Unterminated string literal.');
            if (!verbatim && c === '\\')
                this.next();
            else if (c === '"') {
                if (verbatim && this.peek() === '"')
                    this.next();
                else
                    return;
            }
        }
    }
    char(openAt) {
        for (;;) {
            const c = this.next();
            if (c === '' || c === '\n')
                throw new Fail(openAt, 'Unterminated character literal.');
            if (c === '\\')
                this.next();
            else if (c === "'")
                return;
        }
    }
    /** `$"..{hole}.."`, `$@"..."` and `@$"..."`; holes are code and may hold strings of their own. */
    interpolated(openAt) {
        let verbatim = false;
        if (this.peek() === '@') {
            this.next();
            verbatim = true;
        }
        if (this.peek() !== '"')
            return;
        this.next();
        for (;;) {
            const at = this.i;
            const c = this.next();
            if (c === '' || (!verbatim && c === '\n'))
                throw new Fail(openAt, 'Unterminated string literal.');
            if (c === '{') {
                if (this.peek() === '{')
                    this.next();
                else
                    this.code_('{', at);
            }
            else if (!verbatim && c === '\\')
                this.next();
            else if (c === '"') {
                if (verbatim && this.peek() === '"')
                    this.next();
                else
                    return;
            }
        }
    }
    blockComment(openAt) {
        this.next();
        for (;;) {
            const c = this.next();
            if (c === '')
                throw new Fail(openAt, 'Unterminated comment.');
            if (c === '*' && this.peek() === '/') {
                this.next();
                return;
            }
        }
    }
    skipUntil(ch) {
        for (let c = this.next(); c !== '' && c !== ch; c = this.next())
            ;
    }
}
/** [A-Za-z0-9_] by char code (NaN, before the start, is not). */
const isIdentPart = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** True when `s[i]` starts a policy expression. */
function startsExpression(s, i) {
    return s[i] === '@' && (s[i + 1] === '(' || s[i + 1] === '{');
}
/** Scans the expression starting at `s[start]` ('@'); `limit` bounds the scan (end of input). */
function scanExpression(s, start, limit = s.length) {
    const sc = new Scanner(s, start + 2, limit);
    const opener = s[start + 1];
    try {
        // '@(' / '@{' are consumed; the scanner's code starts after them.
        sc.code_(opener, start + 1);
    }
    catch (err) {
        if (err instanceof Fail)
            return { ok: false, offset: err.offset, message: err.message };
        throw err;
    }
    const raw = s.slice(start + 2, sc.i - 1);
    const decoded = (0,_entities_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeEntities */ .S)(raw, true);
    return { ok: true, end: sc.i, code: 'value' in decoded ? decoded.value : raw, hasReturn: sc.hasReturn };
}


/***/ }),

/***/ 5446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LA: () => (/* binding */ identityProblems),
/* harmony export */   RI: () => (/* binding */ RECORD_PREFIX),
/* harmony export */   Wm: () => (/* binding */ isReservedId)
/* harmony export */ });
/**
 * Which APIM resource a repository file stands for. APIM ids are case-insensitive (`echo-api` and
 * `ECHO-API` are one API), so identity is compared lower-cased everywhere: two files for one resource
 * would let the plan show one while the other is deployed.
 */
/** The service-level deployment record is the named value `apim-gogs-deployment-<environment>`. */
const RECORD_PREFIX = 'apim-gogs-deployment-';
/** True for an id apim-gogs keeps for itself, in any case. */
const isReservedId = (id) => id.toLowerCase().startsWith(RECORD_PREFIX);
/** A workspace's resources are other resources than the service's of the same id. */
const ws = (x) => (x.workspaceId ? `workspaces/${x.workspaceId}/` : '');
/** Case-insensitive identity of each deployable file of the repository, with the file it comes from. */
function identities(repo) {
    const out = [];
    for (const p of repo.policies) {
        if (p.scope === 'unknown')
            continue;
        const names = [p.apiId, p.operationId, p.productId, p.fragmentId].filter((x) => !!x);
        out.push({ id: `${ws(p)}${p.scope}:${names.join('/')}`.toLowerCase(), file: p.file, names });
    }
    for (const n of repo.namedValues)
        out.push({ id: `${ws(n)}namedValue:${n.id}`.toLowerCase(), file: n.file, names: [n.id] });
    for (const b of repo.backends)
        out.push({ id: `${ws(b)}backend:${b.id}`.toLowerCase(), file: b.file, names: [b.id] });
    for (const f of repo.fragments)
        out.push({ id: `${ws(f)}fragmentInfo:${f.id}`.toLowerCase(), file: f.file, names: [f.id] });
    return out;
}
/**
 * Two files for one resource (ids that differ only in case) and ids reserved for apim-gogs' own
 * records. Each problem names every file involved and what to do.
 */
function identityProblems(repo) {
    const problems = [];
    const byId = new Map();
    for (const x of identities(repo)) {
        const files = byId.get(x.id);
        if (files)
            files.push(x.file);
        else
            byId.set(x.id, [x.file]);
        const reserved = x.names.find(isReservedId);
        if (reserved) {
            problems.push({
                file: x.file,
                message: `'${reserved}' (${x.file}) uses a name reserved for apim-gogs deployment records (${RECORD_PREFIX}<environment>, in any case); rename it.`,
            });
        }
    }
    for (const files of byId.values()) {
        if (files.length < 2)
            continue;
        const list = files.map((f) => `'${f}'`).join(' and ');
        for (const file of files) {
            problems.push({
                file,
                message: `Two files for one resource: ${list} differ only in case, and APIM ids are case-insensitive; keep one.`,
            });
        }
    }
    return problems;
}


/***/ }),

/***/ 7238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ LineMap)
/* harmony export */ });
/**
 * Maps character offsets to 1-based line/column. The reader asks in nearly increasing order, so a
 * cursor that walks forward from the last answer (binary search only when it goes back) makes each
 * lookup O(1) amortized.
 */
class LineMap {
    starts = [0];
    last = 0;
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    /** 0-based index of the line holding `offset`. */
    index(offset) {
        const starts = this.starts;
        let i = this.last;
        if (starts[i] > offset) {
            let lo = 0;
            let hi = i;
            while (lo < hi) {
                const mid = (lo + hi + 1) >> 1;
                if (starts[mid] <= offset)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            i = lo;
        }
        else {
            while (i + 1 < starts.length && starts[i + 1] <= offset)
                i++;
        }
        this.last = i;
        return i;
    }
    line(offset) {
        return this.index(offset) + 1;
    }
    column(offset) {
        return offset - this.starts[this.index(offset)] + 1;
    }
    at(offset) {
        const i = this.index(offset);
        return { line: i + 1, column: offset - this.starts[i] + 1 };
    }
}


/***/ }),

/***/ 5171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T4: () => (/* binding */ readPolicy),
/* harmony export */   gY: () => (/* binding */ POLICY_MAX_BYTES)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_DEPTH */
/* harmony import */ var _entities_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1239);
/* harmony import */ var _expression_scanner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1029);
/* harmony import */ var _positions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7238);



const POLICY_MAX_BYTES = 256 * 1024;
const DEFAULT_MAX_DEPTH = 200;
class Fatal {
    error;
    constructor(error) {
        this.error = error;
    }
}
/** XML name characters by char code (ASCII letters, digits, _ : . - and anything non-ASCII). */
const isNameStart = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
const isNameChar = (c) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
const isSpace = (c) => c === 32 || c === 10 || c === 13 || c === 9;
const NAMED_VALUE = /\{\{([^{}]*)\}\}/g;
function readPolicy(input, options = {}) {
    const maxBytes = options.maxBytes ?? POLICY_MAX_BYTES;
    // Cheap check first: a UTF-16 length above the limit is already too many bytes.
    if (input.length > maxBytes || Buffer.byteLength(input, 'utf8') > maxBytes) {
        return fail('size', `The document is ${Buffer.byteLength(input, 'utf8')} bytes; APIM accepts at most ${maxBytes}.`);
    }
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.trim() === '')
        return fail('empty', 'The document is empty; a policy needs a <policies> or <fragment> root.');
    const reader = new Reader(text, options.maxDepth ?? DEFAULT_MAX_DEPTH, input.length - text.length);
    try {
        reader.run();
    }
    catch (err) {
        if (!(err instanceof Fatal))
            throw err;
        // A broken expression usually derails the XML after it: report the cause, not the cascade.
        const errors = reader.errors.length ? reader.errors : [err.error];
        return { errors, comments: reader.comments };
    }
    return { root: reader.root, rootTag: reader.rootTag, errors: reader.errors, comments: reader.comments };
}
function fail(code, message) {
    return { errors: [{ code, message, line: 1, column: 1 }], comments: [] };
}
class Reader {
    s;
    maxDepth;
    shift;
    root;
    rootTag;
    errors = [];
    comments = [];
    stack = [];
    lines;
    i = 0;
    constructor(s, maxDepth, 
    /** 1 when a BOM was cut off the input: offsets handed out count it. */
    shift) {
        this.s = s;
        this.maxDepth = maxDepth;
        this.shift = shift;
        this.lines = new _positions_js__WEBPACK_IMPORTED_MODULE_2__/* .LineMap */ .H(s);
    }
    run() {
        const s = this.s;
        while (this.i < s.length) {
            if (s[this.i] !== '<')
                this.text();
            else if (s.startsWith('<!--', this.i))
                this.comment();
            else if (s.startsWith('<![CDATA[', this.i))
                this.cdata();
            else if (s.startsWith('<!', this.i)) {
                this.fatal('dtd', 'DTD and entity declarations are not allowed in a policy; remove the <!DOCTYPE ...>.');
            }
            else if (s.startsWith('<?', this.i))
                this.processingInstruction();
            else if (s[this.i + 1] === '/')
                this.endTag();
            else
                this.startTag();
        }
        if (this.stack.length) {
            const open = this.stack[this.stack.length - 1];
            this.fatalAt(open.line, open.column, 'syntax', `The element '${open.name}' is not closed.`);
        }
        if (!this.root)
            this.fatal('syntax', 'The document has no root element.', 0);
    }
    pos(offset) {
        return this.lines.at(offset);
    }
    fatal(code, message, offset = this.i) {
        const { line, column } = this.pos(offset);
        this.fatalAt(line, column, code, message);
    }
    fatalAt(line, column, code, message) {
        throw new Fatal({ code, message, line, column });
    }
    comment() {
        const end = this.s.indexOf('-->', this.i + 4);
        if (end === -1)
            this.fatal('syntax', 'The comment is not closed with -->.');
        // Strict XML forbids '--' inside a comment, but real policies have it (an unclosed comment
        // running into the next '<!--'), so it is accepted, as the corpus shows APIM users do.
        const node = {
            type: 'comment',
            value: this.s.slice(this.i + 4, end),
            ...this.pos(this.i),
            offset: this.i + this.shift,
            end: end + 3 + this.shift,
        };
        this.comments.push(node);
        this.current()?.children.push(node);
        this.i = end + 3;
    }
    cdata() {
        const start = this.i;
        const end = this.s.indexOf(']]>', start + 9);
        if (end === -1)
            this.fatal('syntax', 'The CDATA section is not closed with ]]>.');
        const parent = this.current();
        if (!parent)
            this.fatal('syntax', 'Data at the root level is invalid.');
        const value = this.s.slice(start + 9, end);
        parent.children.push({ type: 'text', value, cdata: true, namedValues: [], ...this.pos(start) });
        this.i = end + 3;
    }
    processingInstruction() {
        const end = this.s.indexOf('?>', this.i + 2);
        if (end === -1)
            this.fatal('syntax', 'The processing instruction is not closed with ?>.');
        const isDecl = /^<\?xml[\s?]/.test(this.s.slice(this.i, this.i + 6));
        if (!isDecl || this.root || this.s.slice(0, this.i).trim() !== '') {
            this.fatal('syntax', 'Unexpected processing instruction; only an XML declaration at the start is allowed.');
        }
        this.i = end + 2;
    }
    current() {
        return this.stack[this.stack.length - 1];
    }
    readName() {
        const s = this.s;
        const start = this.i;
        if (!isNameStart(s.charCodeAt(this.i))) {
            this.fatal('syntax', `Expected a name but found ${describe(s[this.i])}.`);
        }
        while (this.i < s.length && isNameChar(s.charCodeAt(this.i)))
            this.i++;
        return s.slice(start, this.i);
    }
    skipSpace() {
        while (this.i < this.s.length && isSpace(this.s.charCodeAt(this.i)))
            this.i++;
    }
    startTag() {
        const start = this.i;
        this.i++;
        const name = this.readName();
        const line = this.lines.line(start);
        const column = this.lines.column(start);
        const el = {
            type: 'element',
            name,
            attributes: [],
            children: [],
            line,
            column,
            endLine: line,
            endColumn: column,
        };
        for (;;) {
            const before = this.i;
            this.skipSpace();
            const c = this.s[this.i];
            if (c === undefined)
                this.fatal('syntax', `The start tag of '${name}' is not closed.`, start);
            if (c === '>' || (c === '/' && this.s[this.i + 1] === '>'))
                break;
            if (this.i === before)
                this.fatal('syntax', `Expected whitespace or '>' in the tag '${name}'.`);
            const attribute = this.attribute(name);
            for (const a of el.attributes) {
                if (a.name === attribute.name) {
                    this.fatalAt(attribute.line, attribute.column, 'syntax', `Duplicate attribute '${attribute.name}'.`);
                }
            }
            el.attributes.push(attribute);
        }
        const parent = this.current();
        if (!parent && this.root)
            this.fatal('syntax', 'There are multiple root elements.', start);
        if (parent)
            parent.children.push(el);
        else {
            this.root = el;
            const selfClosing = this.s[this.i] === '/';
            this.rootTag = {
                start: start + this.shift,
                end: this.i + (selfClosing ? 2 : 1) + this.shift,
                selfClosing,
            };
        }
        if (this.s[this.i] === '/') {
            this.i += 2;
            this.setEnd(el);
            return;
        }
        this.i++;
        if (this.stack.length >= this.maxDepth) {
            this.fatal('depth', `Elements are nested deeper than ${this.maxDepth} levels.`, start);
        }
        this.stack.push(el);
    }
    setEnd(el) {
        el.endLine = this.lines.line(this.i);
        el.endColumn = this.lines.column(this.i);
    }
    endTag() {
        const start = this.i;
        this.i += 2;
        const name = this.readName();
        this.skipSpace();
        if (this.s[this.i] !== '>')
            this.fatal('syntax', `The end tag '${name}' is not closed with '>'.`);
        this.i++;
        const open = this.stack.pop();
        if (!open)
            this.fatal('syntax', `Unexpected end tag '${name}'.`, start);
        if (open.name !== name) {
            this.fatal('syntax', `The end tag '${name}' does not match the start tag '${open.name}' (line ${open.line}, column ${open.column}).`, start);
        }
        this.setEnd(open);
    }
    attribute(element) {
        const nameAt = this.i;
        const name = this.readName();
        this.skipSpace();
        if (this.s[this.i] !== '=')
            this.fatal('syntax', `The attribute '${name}' of '${element}' needs a value ('=' expected).`);
        this.i++;
        this.skipSpace();
        const q = this.s[this.i];
        if (q !== '"' && q !== "'")
            this.fatal('syntax', `The value of '${name}' must be in quotes.`);
        const valueStart = ++this.i;
        let expression;
        let lenient = false;
        const lead = skipWs(this.s, valueStart);
        if ((0,_expression_scanner_js__WEBPACK_IMPORTED_MODULE_1__/* .startsExpression */ .I)(this.s, lead)) {
            const scanned = this.expression(lead, this.s.indexOf(q, lead));
            if (scanned) {
                expression = scanned.expression;
                lenient = true;
                this.i = scanned.end;
            }
        }
        const close = this.s.indexOf(q, this.i);
        if (close === -1)
            this.fatal('syntax', `The value of '${name}' is not closed with ${q}.`, valueStart - 1);
        const raw = this.s.slice(valueStart, close);
        if (!lenient) {
            const lt = raw.indexOf('<');
            if (lt !== -1) {
                this.fatal('syntax', `'<' is not allowed in the value of '${name}'; write &lt; or use a policy expression.`, valueStart + lt);
            }
        }
        const value = this.decode(raw, valueStart, lenient);
        this.i = close + 1;
        return {
            name,
            value,
            line: this.lines.line(nameAt),
            column: this.lines.column(nameAt),
            valueLine: this.lines.line(valueStart),
            valueColumn: this.lines.column(valueStart),
            expression,
            namedValues: this.namedValues(raw, valueStart),
        };
    }
    /**
     * Scans an expression at `at`. When it cannot be closed, the error is kept (it is the user's C#,
     * not the XML, that is wrong) and the value is read as plain text up to `fallbackEnd`, so one bad
     * expression gives one diagnostic instead of a cascade.
     */
    expression(at, fallbackEnd) {
        const r = (0,_expression_scanner_js__WEBPACK_IMPORTED_MODULE_1__/* .scanExpression */ .O)(this.s, at);
        const start = this.pos(at);
        if (!r.ok) {
            this.errors.push({ code: 'expression', message: r.message, ...this.pos(r.offset) });
            if (fallbackEnd === -1)
                this.fatal('syntax', 'The policy expression is not closed.', at);
            return undefined;
        }
        const kind = this.s[at + 1] === '(' ? 'single' : 'multi';
        if (kind === 'multi' && !r.hasReturn) {
            this.errors.push({
                code: 'expression',
                message: "A multi-statement expression @{...} must return a value: add 'return ...;'.",
                ...start,
            });
        }
        const end = this.pos(r.end);
        return {
            expression: { kind, code: r.code, ...start, endLine: end.line, endColumn: end.column },
            end: r.end,
        };
    }
    text() {
        const start = this.i;
        const parent = this.current();
        let expression;
        const lead = skipWs(this.s, start);
        if (parent && (0,_expression_scanner_js__WEBPACK_IMPORTED_MODULE_1__/* .startsExpression */ .I)(this.s, lead)) {
            const scanned = this.expression(lead, this.s.indexOf('<', lead));
            if (scanned) {
                expression = scanned.expression;
                this.i = scanned.end;
            }
        }
        let end = this.s.indexOf('<', this.i);
        if (end === -1)
            end = this.s.length;
        this.i = end;
        if (!parent) {
            if (lead < end)
                this.fatal('syntax', 'Data at the root level is invalid.', lead);
            return;
        }
        // Indentation between tags means nothing to any check; not keeping it halves the nodes.
        if (lead >= end)
            return;
        const raw = this.s.slice(start, end);
        const value = this.decode(raw, start, expression !== undefined);
        const node = {
            type: 'text',
            value,
            cdata: false,
            expression,
            namedValues: this.namedValues(raw, start),
            ...this.pos(start),
        };
        parent.children.push(node);
    }
    decode(raw, offset, lenient) {
        const d = (0,_entities_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeEntities */ .S)(raw, lenient);
        if ('value' in d)
            return d.value;
        const ref = /^&[^;\s<&]{0,40};?/.exec(raw.slice(d.badOffset))?.[0] ?? '&';
        return this.fatal('entity', `'${ref}' is not an entity a policy may use (only &lt; &gt; &amp; &quot; &apos; and &#...;); write '&' as &amp;.`, offset + d.badOffset);
    }
    namedValues(raw, offset) {
        if (!raw.includes('{{'))
            return NONE;
        const refs = [];
        for (const m of raw.matchAll(NAMED_VALUE)) {
            const a = this.pos(offset + m.index);
            const b = this.pos(offset + m.index + m[0].length);
            refs.push({ name: m[1].trim(), ...a, endLine: b.line, endColumn: b.column });
        }
        return refs;
    }
}
/** Shared by every node without named values (never mutated), to spare an array per node. */
const NONE = [];
function skipWs(s, i) {
    while (i < s.length && isSpace(s.charCodeAt(i)))
        i++;
    return i;
}
function describe(c) {
    return c === undefined ? 'the end of the document' : `'${c}'`;
}


/***/ }),

/***/ 5539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ SETTINGS_MAX_BYTES),
/* harmony export */   Cj: () => (/* binding */ readRepoText),
/* harmony export */   LW: () => (/* binding */ statInside),
/* harmony export */   OG: () => (/* binding */ jsonErrorPosition),
/* harmony export */   OL: () => (/* binding */ symlinkError),
/* harmony export */   SH: () => (/* binding */ tooLargeError),
/* harmony export */   cd: () => (/* binding */ parseYamlText),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8382);




/**
 * Reading files of an untrusted repository. Repository content decides nothing about which files of
 * the runner are read: a path that is a symbolic link (or passes through one) is refused, so
 * `environments/prod.yaml -> ~/.azure/credentials` can neither be rendered into a policy nor quoted
 * in an error. Sizes are checked with lstat before any read, so a 600 MB file is refused without
 * being loaded. Parse errors give a position and a reason, never the file's text.
 */
/** Largest YAML/JSON settings file read (environment values, ruleset, information JSON). */
const SETTINGS_MAX_BYTES = 1024 * 1024;
/** Refused: a link, or a file larger than allowed. Names the repository path and what to do. */
function symlinkError(rel) {
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`'${rel}' is a symbolic link; apim-gogs reads nothing through links in the repository (one could point outside the checkout).`, 'Replace the link with the file or folder itself.');
}
function tooLargeError(rel, size, max) {
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`'${rel}' is ${size} bytes; apim-gogs reads at most ${max} bytes from this file.`, 'Make the file smaller, or remove it if it does not belong in the repository.');
}
/**
 * Checks every component of `rel` below `root` with lstat: a symbolic link anywhere on the way throws;
 * a missing component returns undefined; otherwise the final entry's stat.
 */
async function statInside(root, rel) {
    const parts = rel.split(/[\\/]+/).filter((p) => p && p !== '.');
    if (parts.some((p) => p === '..')) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`'${rel}' leaves the repository ('..'); give a path inside it.`);
    }
    let at = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root);
    let st;
    for (let i = 0; i < parts.length; i++) {
        at = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(at, parts[i]);
        st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(at).catch((err) => {
            if (err.code === 'ENOENT' || err.code === 'ENOTDIR')
                return undefined;
            throw err;
        });
        if (!st)
            return undefined;
        if (st.isSymbolicLink())
            throw symlinkError(parts.slice(0, i + 1).join('/'));
    }
    return st;
}
/**
 * Reads the repository file `rel` (forward slashes, relative to `root`) as UTF-8 text, or undefined when
 * it does not exist. Throws ConfigurationError for a link, a non-file or a file over `maxBytes`.
 */
async function readRepoText(root, rel, maxBytes = SETTINGS_MAX_BYTES) {
    const st = await statInside(root, rel);
    if (!st)
        return undefined;
    if (!st.isFile())
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`'${rel}' is not a regular file.`, 'Replace it with a file.');
    if (st.size > maxBytes)
        throw tooLargeError(rel, st.size, maxBytes);
    return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, rel), 'utf8')).replace(/^\uFEFF/, '');
}
/** Aliases accepted in one YAML document; an alias bomb stops here instead of exhausting memory. */
const MAX_ALIASES = 100;
/**
 * Parses YAML from a repository file. A syntax error or an alias bomb is a ConfigurationError that
 * names the file, line and column and the kind of problem, and quotes none of the file.
 */
function parseYamlText(text, file) {
    try {
        return (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text, { maxAliasCount: MAX_ALIASES, prettyErrors: false, logLevel: 'error' });
    }
    catch (err) {
        if (err instanceof yaml__WEBPACK_IMPORTED_MODULE_2__/* .YAMLError */ .IP) {
            const at = lineColumn(text, err.pos[0]);
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}:${at.line}:${at.column}: invalid YAML (${err.code}).`, 'Fix the YAML syntax at that position.');
        }
        if (err instanceof ReferenceError || /alias/i.test(String(err))) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}: too many YAML aliases (more than ${MAX_ALIASES}); refused as a resource-exhaustion attempt.`, 'Write the values out instead of expanding anchors.');
        }
        throw err;
    }
}
/** Parses JSON from a repository file; errors name file, line and column, never the text. */
function parseJsonText(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (err) {
        const at = jsonErrorPosition(text, err);
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${file}${at ? `:${at.line}:${at.column}` : ''}: invalid JSON.`, 'Fix the JSON syntax at that position.');
    }
}
/** Line and column of a JSON.parse error (Node says "at position N" or "line L column C"). */
function jsonErrorPosition(text, err) {
    const msg = String(err);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    if (lc)
        return { line: Number(lc[1]), column: Number(lc[2]) };
    const m = /position (\d+)/.exec(msg);
    return m ? lineColumn(text, Number(m[1])) : undefined;
}
function lineColumn(text, offset) {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}


/***/ }),

/***/ 7886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ ENVIRONMENT_FILE_EXTENSIONS),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   c3: () => (/* binding */ loadEnvironmentValues),
/* harmony export */   hF: () => (/* binding */ renderJson),
/* harmony export */   qU: () => (/* binding */ environmentFile),
/* harmony export */   zq: () => (/* binding */ parseEnvironmentValues)
/* harmony export */ });
/* unused harmony export PLACEHOLDER_RULE */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/* harmony import */ var _repo_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5539);


/**
 * Environment templates: per-environment values substituted into policies, named values and backends
 * at deploy time.
 *
 * Placeholder syntax: `#{name}#` — e.g. `<set-backend-service base-url="#{backendUrl}#" />`.
 * - It cannot be confused with a named-value reference `{{name}}` (which APIM resolves at run time and
 *   apim-gogs leaves alone) nor with a policy expression `@(...)` / `@{...}`: `#` is not an operator in
 *   C# and never starts a policy expression, and the closing `}#` is required.
 * - `name` is letters, digits, `_`, `-` and `.`, starting with a letter or `_`.
 * - `##{` writes a literal `#{` (the escape, for a C# string that really contains `#{`).
 * - A placeholder without a value, or a `#{` that does not form a placeholder, is an error with the file,
 *   line and column; nothing is deployed.
 *
 * Values come from `environments/<environment>.yaml` (or `.json`) at the repository root, a flat map
 * `name: value` (optionally under a top-level `values:` key), and from the caller (inputs / `--var`),
 * which win.
 */
const PLACEHOLDER_RULE = 'template/unresolved-placeholder';
const PLACEHOLDER = /#\{([A-Za-z_][A-Za-z0-9_.-]*)\}#/y;
function placeholderDiagnostic(at, message, help) {
    return { ruleId: PLACEHOLDER_RULE, severity: 'error', category: 'reference', ...at, message, help };
}
/** Substitutes `#{name}#` placeholders in `text` (from repository file `file`). */
function renderTemplate(text, values, file) {
    const diagnostics = [];
    const used = [];
    let out = '';
    let i = 0;
    let line = 1;
    let lineStart = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '\n') {
            line++;
            lineStart = i + 1;
        }
        if (c === '#' && text[i + 1] === '#' && text[i + 2] === '{') {
            out += '#{';
            i += 3;
            continue;
        }
        if (c === '#' && text[i + 1] === '{') {
            PLACEHOLDER.lastIndex = i;
            const m = PLACEHOLDER.exec(text);
            const column = i - lineStart + 1;
            if (!m) {
                diagnostics.push(placeholderDiagnostic({ file, line, column }, `'#{' does not start a valid environment placeholder '#{name}#'.`, "Write the placeholder as #{name}# (letters, digits, _ - .), or write '##{' for a literal '#{'."));
                out += c;
                i++;
                continue;
            }
            const name = m[1];
            used.push(name);
            const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
            if (value === undefined) {
                diagnostics.push(placeholderDiagnostic({ file, line, column, endLine: line, endColumn: column + m[0].length }, `Environment placeholder '#{${name}}#' has no value for this environment.`, `Add '${name}' to environments/<environment>.yaml or pass it as a variable.`));
                out += m[0];
            }
            else {
                out += value;
            }
            i += m[0].length;
            continue;
        }
        out += c;
        i++;
    }
    return { text: out, diagnostics, used };
}
/**
 * Renders every string inside a JSON value (named value / backend properties). Lines are reported as
 * 1, since the JSON was parsed; the message names the property path.
 */
function renderJson(value, values, file, diagnostics, at = '') {
    if (typeof value === 'string') {
        const r = renderTemplate(value, values, file);
        for (const d of r.diagnostics) {
            diagnostics.push({ ...d, line: 1, column: 1, message: `${d.message}${at ? ` (in ${at})` : ''}` });
        }
        return r.text;
    }
    if (Array.isArray(value))
        return value.map((v, i) => renderJson(v, values, file, diagnostics, `${at}[${i}]`));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [
            k,
            renderJson(v, values, file, diagnostics, at ? `${at}.${k}` : k),
        ]));
    }
    return value;
}
/** Where an environment's values live, in the order they are looked for. */
const ENVIRONMENT_FILE_EXTENSIONS = ['yaml', 'yml', 'json'];
function environmentFile(environment, ext) {
    return `environments/${environment}.${ext}`;
}
/** Reads `environments/<env>.yaml|.yml|.json` under `root`; {} when there is none. */
async function loadEnvironmentValues(root, environment) {
    if (!/^[A-Za-z0-9_.-]+$/.test(environment)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Environment name '${environment}' is not valid.`, 'Use letters, digits, _ - and .');
    }
    for (const ext of ENVIRONMENT_FILE_EXTENSIONS) {
        // A link or an oversized file is refused (it could be the runner's credentials), never read.
        const text = await (0,_repo_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readRepoText */ .Cj)(root, environmentFile(environment, ext));
        if (text === undefined)
            continue;
        return parseEnvironmentValues(text, environmentFile(environment, ext));
    }
    return {};
}
/** Parses the text of an environment file (`file` names it in errors; its extension picks the parser). */
function parseEnvironmentValues(text, file) {
    // Parse errors give the position, never the text (it is echoed to logs and PR comments).
    let parsed = file.endsWith('.json') ? (0,_repo_file_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonText */ .lk)(text, file) : (0,_repo_file_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYamlText */ .cd)(text, file);
    if (parsed && typeof parsed === 'object' && 'values' in parsed)
        parsed = parsed.values;
    if (parsed === null || parsed === undefined)
        return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${file} must be a map of name: value.`);
    }
    const out = {};
    for (const [k, v] of Object.entries(parsed)) {
        if (v !== null && typeof v === 'object') {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${file}: value of '${k}' must be a string or number.`);
        }
        out[k] = String(v);
    }
    return out;
}


/***/ }),

/***/ 9189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ version)
/* harmony export */ });
/** Kept equal to package.json's version by a test. */
const version = '0.1.0';


/***/ }),

/***/ 7219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  We: () => (/* binding */ CONFIG_NAMES),
  Xf: () => (/* binding */ loadRuleset),
  lW: () => (/* binding */ ruleSetting)
});

// UNUSED EXPORTS: emptyRuleset, parseRuleset

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/policy/repo-file.ts
var repo_file = __webpack_require__(5539);
// EXTERNAL MODULE: ./src/shared/diagnostic.ts
var diagnostic = __webpack_require__(3438);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./node_modules/picomatch/lib/picomatch.js
var picomatch = __webpack_require__(8016);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/validate/glob.ts

const OPTIONS = { dot: true };
/**
 * A ruleset glob list (`overrides[].files`, `ignore`) with the glob semantics users know from
 * .gitignore and eslint, by picomatch: `**` any folders, `*` and `?` within a name, braces
 * `{a,b}` and `{1..3}`, classes `[a-z]` and `[^a-z]`. A pattern that starts with `!` excludes: a path matches the list
 * when it matches one of the other patterns (or there are none) and no excluding one. An empty list
 * matches nothing. Dot folders match like any other.
 */
function globList(patterns) {
    if (!patterns.length)
        return () => false;
    const include = patterns.filter((p) => !p.startsWith('!'));
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const included = include.length ? picomatch_default()(include, OPTIONS) : () => true;
    const excluded = exclude.length ? picomatch_default()(exclude, OPTIONS) : () => false;
    return (file) => included(file) && !excluded(file);
}

;// CONCATENATED MODULE: ./src/validate/config.ts






const CONFIG_NAMES = ['.apim-gogs.yaml', '.apim-gogs.yml'];
function emptyRuleset() {
    return {
        extends: 'recommended',
        rules: new Map(),
        overrides: [],
        environments: new Map(),
        externalNamedValues: [],
        externalFragments: [],
        externalBackends: [],
        ignore: globList([]),
    };
}
/** Loads `configFile`, or the default file in `root` when there is one. `knownRules` validates rule ids. */
async function loadRuleset(root, configFile, knownRules) {
    if (!configFile) {
        // The repository's own ruleset: no link, no oversized file (repository content is untrusted).
        for (const name of CONFIG_NAMES) {
            const text = await (0,repo_file/* readRepoText */.Cj)(root, name);
            if (text !== undefined)
                return parseRuleset(text, external_node_path_default().join(root, name), knownRules);
        }
        return emptyRuleset();
    }
    const rel = external_node_path_default().relative(external_node_path_default().resolve(root), external_node_path_default().resolve(configFile));
    if (rel && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel)) {
        const text = await (0,repo_file/* readRepoText */.Cj)(root, rel.split((external_node_path_default()).sep).join('/'));
        if (text === undefined)
            throw new errors/* ConfigurationError */.j1(`Cannot read the ruleset file ${configFile}.`, 'Check the --config path.');
        return parseRuleset(text, configFile, knownRules);
    }
    // A file outside the checkout is the workflow author's choice (trusted); only its size is checked.
    let text;
    try {
        const size = (await (0,promises_.stat)(configFile)).size;
        if (size > repo_file/* SETTINGS_MAX_BYTES */.BS)
            throw (0,repo_file/* tooLargeError */.SH)(configFile, size, repo_file/* SETTINGS_MAX_BYTES */.BS);
        text = await (0,promises_.readFile)(configFile, 'utf8');
    }
    catch (err) {
        if (err instanceof errors/* ConfigurationError */.j1)
            throw err;
        throw new errors/* ConfigurationError */.j1(`Cannot read the ruleset file ${configFile}.`, 'Check the --config path.');
    }
    return parseRuleset(text, configFile, knownRules);
}
function parseRuleset(text, file, knownRules) {
    // Errors name file, line and column, never the text; an alias bomb is refused, not expanded.
    const raw = (0,repo_file/* parseYamlText */.cd)(text, file) ?? {};
    const where = (key) => `${file}: ${key}`;
    const obj = asObject(raw, file);
    const known = [
        'extends',
        'rules',
        'overrides',
        'environments',
        'namedValues',
        'fragments',
        'backends',
        'ignore',
    ];
    for (const k of Object.keys(obj)) {
        if (!known.includes(k))
            throw new errors/* ConfigurationError */.j1(`${where(k)} is not a ruleset setting.`, `Known settings: ${known.join(', ')}.`);
    }
    const rs = emptyRuleset();
    rs.file = file;
    if (obj.extends !== undefined) {
        const ext = Array.isArray(obj.extends) ? obj.extends : [obj.extends];
        for (const e of ext) {
            if (e !== 'recommended' && e !== 'none' && e !== 'apim-gogs:recommended') {
                throw new errors/* ConfigurationError */.j1(`${where('extends')}: unknown ruleset '${String(e)}'.`, "Use 'recommended' or 'none'.");
            }
            rs.extends = e === 'none' ? 'none' : 'recommended';
        }
    }
    rs.rules = ruleMap(obj.rules, where('rules'), knownRules);
    for (const [i, o] of asArray(obj.overrides, where('overrides')).entries()) {
        const ov = asObject(o, where(`overrides[${i}]`));
        const files = stringList(ov.files, where(`overrides[${i}].files`));
        if (!files.length)
            throw new errors/* ConfigurationError */.j1(`${where(`overrides[${i}].files`)} needs at least one glob.`);
        rs.overrides.push({
            files: globList(files),
            rules: ruleMap(ov.rules, where(`overrides[${i}].rules`), knownRules),
        });
    }
    for (const [name, e] of Object.entries(asObject(obj.environments ?? {}, where('environments')))) {
        const env = asObject(e ?? {}, where(`environments.${name}`));
        rs.environments.set(name, {
            protected: env.protected === true,
            rules: ruleMap(env.rules, where(`environments.${name}.rules`), knownRules),
            namedValues: stringList(asObject(env.namedValues ?? {}, where(`environments.${name}.namedValues`)).external, where(`environments.${name}.namedValues.external`)),
        });
    }
    rs.externalNamedValues = stringList(asObject(obj.namedValues ?? {}, where('namedValues')).external, where('namedValues.external'));
    rs.externalFragments = stringList(asObject(obj.fragments ?? {}, where('fragments')).external, where('fragments.external'));
    rs.externalBackends = stringList(asObject(obj.backends ?? {}, where('backends')).external, where('backends.external'));
    rs.ignore = globList(stringList(obj.ignore, where('ignore')));
    return rs;
}
function ruleMap(value, where, knownRules) {
    const map = new Map();
    for (const [id, setting] of Object.entries(asObject(value ?? {}, where))) {
        if (!knownRules.includes(id)) {
            const near = knownRules.find((k) => k.includes(id) || id.includes(k));
            throw new errors/* ConfigurationError */.j1(`${where}: unknown rule '${id}'.`, near ? `Did you mean '${near}'?` : `Known rules: ${knownRules.join(', ')}.`);
        }
        const [sev, options] = Array.isArray(setting) ? setting : [setting, undefined];
        const severity = sev === undefined ? undefined : String(sev);
        if (severity !== undefined && severity !== 'off' && !(0,diagnostic/* isSeverity */._Z)(severity)) {
            throw new errors/* ConfigurationError */.j1(`${where}.${id}: '${severity}' is not a severity.`, 'Use error, warning, info or off.');
        }
        map.set(id, {
            severity: severity,
            options: options === undefined ? {} : asObject(options, `${where}.${id} options`),
        });
    }
    return map;
}
function asObject(v, where) {
    if (v && typeof v === 'object' && !Array.isArray(v))
        return v;
    throw new errors/* ConfigurationError */.j1(`${where} must be a mapping.`);
}
function asArray(v, where) {
    if (v === undefined)
        return [];
    if (Array.isArray(v))
        return v;
    throw new errors/* ConfigurationError */.j1(`${where} must be a list.`);
}
function stringList(v, where) {
    const list = asArray(v, where);
    if (list.every((x) => typeof x === 'string'))
        return list;
    throw new errors/* ConfigurationError */.j1(`${where} must be a list of strings.`);
}
/** The setting for one rule in one file: base rules, then environment, then matching overrides (last wins). */
function ruleSetting(rs, ruleId, file, environment) {
    const maps = [rs.rules];
    const env = environment ? rs.environments.get(environment) : undefined;
    if (env)
        maps.push(env.rules);
    for (const o of rs.overrides)
        if (o.files(file))
            maps.push(o.rules);
    let result = DEFAULT_SETTING;
    for (const m of maps) {
        const c = m.get(ruleId);
        if (c)
            result = { severity: c.severity ?? result.severity, options: { ...result.options, ...c.options } };
    }
    return result;
}
/** The setting of a rule the ruleset does not mention (shared, never mutated). */
const DEFAULT_SETTING = Object.freeze({ options: Object.freeze({}) });


/***/ })

};
