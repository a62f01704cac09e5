export const id = 8;
export const ids = [8];
export const modules = {

/***/ 2008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateStage: () => (/* binding */ validateStage)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/diagnostic.ts
var diagnostic = __webpack_require__(1400);
// EXTERNAL MODULE: ./src/gogs/git.ts
var git = __webpack_require__(7956);
;// CONCATENATED MODULE: ./src/gogs/changed-files.ts

/**
 * Files that differ between the tip of `baseBranch` and HEAD, for annotating only what a pull request
 * touches. Both tips are compared as trees, so a shallow checkout suffices; a file changed on the
 * base branch after the pull request forked also counts (an extra annotation, never a missed one).
 */
async function changedFiles(cwd, creds, baseBranch) {
    const tracking = `refs/remotes/origin/${baseBranch}`;
    await (0,git/* git */.$)(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', `+refs/heads/${baseBranch}:${tracking}`], {
        cwd,
        env: creds.env,
    });
    const diff = await (0,git/* git */.$)(['diff', '--name-only', '-z', tracking, 'HEAD'], { cwd });
    return new Set(diff.stdout.split('\0').filter(Boolean));
}

// EXTERNAL MODULE: ./src/gogs/credentials.ts
var credentials = __webpack_require__(8830);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/policy/decode.ts
const fatal = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');
function decodePolicyBytes(bytes) {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
        const at = positionOfByte(bytes, nul);
        return {
            ok: false,
            text: '',
            ...at,
            message: 'The file is binary (it contains NUL bytes), not a policy document.',
        };
    }
    try {
        return { ok: true, text: fatal.decode(bytes) };
    }
    catch {
        const bad = firstInvalidUtf8(bytes);
        const at = positionOfByte(bytes, bad);
        return {
            ok: false,
            text: lossy.decode(bytes),
            ...at,
            message: `The file is not valid UTF-8 (invalid byte 0x${bytes[bad].toString(16).padStart(2, '0')}); save it as UTF-8.`,
        };
    }
}
/** Line and column (1-based, in characters) of a byte offset, counting only the valid prefix. */
function positionOfByte(bytes, offset) {
    const prefix = lossy.decode(bytes.subarray(0, offset));
    const lastNl = prefix.lastIndexOf('\n');
    let line = 1;
    for (let i = 0; i < prefix.length; i++)
        if (prefix.charCodeAt(i) === 10)
            line++;
    return { line, column: prefix.length - lastNl };
}
/** Offset of the first byte that breaks UTF-8 (structure, overlong forms and surrogates). */
function firstInvalidUtf8(b) {
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        let n = 0;
        let min = 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        else if (c >= 0xc2 && c <= 0xdf)
            [n, min] = [1, 0x80];
        else if (c >= 0xe0 && c <= 0xef)
            [n, min] = [2, 0x800];
        else if (c >= 0xf0 && c <= 0xf4)
            [n, min] = [3, 0x10000];
        else
            return i;
        let cp = c & (0x3f >> n);
        for (let k = 1; k <= n; k++) {
            const cc = b[i + k];
            if (cc === undefined || (cc & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += n + 1;
    }
    return b.length;
}

;// CONCATENATED MODULE: ./src/policy/layout.ts



/** Folders that never hold policies; skipping them keeps a walk of a real checkout fast. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.github', '.vscode', '.azure-pipelines']);
/**
 * Reads a repository in the APIOps layout (DESIGN.md "Repository layout"). The scope of a policy
 * comes from where it sits; any other `.xml` file is kept as a loose policy with an unknown scope,
 * so a folder of policies can be validated without the layout.
 */
async function loadRepository(root) {
    const absRoot = external_node_path_default().resolve(root);
    const repo = {
        root: absRoot,
        policies: [],
        namedValues: [],
        backends: [],
        fragments: [],
        problems: [],
    };
    const files = (await walk(absRoot, '')).sort();
    // Read every file first, many at a time (a 10,000-policy repository is I/O bound), then place
    // them in sorted order so the result does not depend on timing.
    const contents = await readAll(absRoot, files.filter((rel) => wanted(rel.split('/'))));
    for (const rel of files) {
        const parts = rel.split('/');
        const base = parts[parts.length - 1];
        const bytes = contents.get(rel);
        if (base.toLowerCase().endsWith('.xml')) {
            const placed = placePolicy(parts);
            if (placed === 'misplaced') {
                repo.problems.push({
                    file: rel,
                    line: 1,
                    column: 1,
                    message: `'${rel}' is a policy.xml outside the APIOps layout; it is not deployed.`,
                });
            }
            if (!bytes || placed === 'ignored' || placed === 'misplaced')
                continue;
            const decoded = decodePolicyBytes(bytes);
            if (!decoded.ok) {
                repo.problems.push({
                    file: rel,
                    line: decoded.line,
                    column: decoded.column,
                    message: decoded.message,
                });
            }
            repo.policies.push({ file: rel, ...placed, text: decoded.text });
            continue;
        }
        const json = bytes && readJson(bytes, rel, repo.problems);
        if (!json)
            continue;
        if (base === 'namedValueInformation.json')
            repo.namedValues.push(namedValue(parts[1], rel, json));
        else if (base === 'backendInformation.json')
            repo.backends.push(backend(parts[1], rel, json));
        else
            repo.fragments.push(fragment(parts[1], rel, json));
    }
    return repo;
}
const INFO_FILES = {
    'named values': 'namedValueInformation.json',
    backends: 'backendInformation.json',
    'policy fragments': 'policyFragmentInformation.json',
};
/** Files the loader reads: policy candidates and the information JSON of the layout. */
function wanted(parts) {
    const base = parts[parts.length - 1];
    if (base.toLowerCase().endsWith('.xml')) {
        const placed = placePolicy(parts);
        return placed !== 'ignored' && placed !== 'misplaced';
    }
    return parts.length === 3 && INFO_FILES[parts[0]] === base;
}
async function readAll(absRoot, files) {
    const out = new Map();
    let next = 0;
    const worker = async () => {
        while (next < files.length) {
            const rel = files[next++];
            out.set(rel, await (0,promises_.readFile)(external_node_path_default().join(absRoot, rel)));
        }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    return out;
}
/** Decides a policy file's scope from its path segments. */
function placePolicy(parts) {
    const [top] = parts;
    const isPolicy = parts[parts.length - 1] === 'policy.xml';
    if (parts.length === 1)
        return isPolicy ? { scope: 'global' } : { scope: 'unknown' };
    const layoutTops = ['apis', 'products', 'policy fragments', 'named values', 'backends', 'workspaces'];
    if (!layoutTops.includes(top))
        return { scope: 'unknown' };
    // Inside the layout only policy.xml files are policies; specifications and the like are not.
    if (!isPolicy)
        return 'ignored';
    if (top === 'apis' && parts.length === 3)
        return { scope: 'api', apiId: parts[1] };
    if (top === 'apis' && parts.length === 5 && parts[2] === 'operations') {
        return { scope: 'operation', apiId: parts[1], operationId: parts[3] };
    }
    if (top === 'products' && parts.length === 3)
        return { scope: 'product', productId: parts[1] };
    if (top === 'policy fragments' && parts.length === 3)
        return { scope: 'fragment', fragmentId: parts[1] };
    // Workspaces and GraphQL resolvers are APIOps places this tool does not deploy: still validated,
    // with an unknown scope, never reported as misplaced.
    if (top === 'workspaces')
        return { scope: 'unknown' };
    if (top === 'apis' && parts.length === 5 && parts[2] === 'resolvers')
        return { scope: 'unknown' };
    return 'misplaced';
}
/** Every file below `rel`; sibling folders are read concurrently (a large repository has thousands). */
async function walk(absRoot, rel) {
    const entries = await (0,promises_.readdir)(external_node_path_default().join(absRoot, rel), { withFileTypes: true });
    const out = [];
    const folders = [];
    for (const e of entries) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name))
                folders.push(walk(absRoot, child));
        }
        else if (e.isFile()) {
            out.push(child);
        }
    }
    for (const files of await Promise.all(folders))
        for (const f of files)
            out.push(f);
    return out;
}
function readJson(bytes, rel, problems) {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    try {
        const json = JSON.parse(text);
        if (json && typeof json === 'object' && !Array.isArray(json))
            return json;
        problems.push({ file: rel, line: 1, column: 1, message: `'${rel}' must hold a JSON object.` });
    }
    catch (err) {
        const m = /position (\d+)/.exec(String(err));
        const at = m ? lineColumn(text, Number(m[1])) : { line: 1, column: 1 };
        problems.push({ file: rel, ...at, message: `'${rel}' is not valid JSON: ${err.message}` });
    }
    return undefined;
}
function lineColumn(text, offset) {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
/** APIOps writes `{ "properties": {...} }`; accept a bare properties object too. */
function propertiesOf(json) {
    const p = json.properties;
    return p && typeof p === 'object' && !Array.isArray(p) ? p : json;
}
const str = (v) => (typeof v === 'string' ? v : undefined);
function namedValue(id, file, json) {
    const p = propertiesOf(json);
    const kv = p.keyVault;
    const secretIdentifier = kv && str(kv.secretIdentifier);
    return {
        id,
        file,
        displayName: str(p.displayName) ?? id,
        value: str(p.value),
        secret: p.secret === true,
        keyVault: secretIdentifier
            ? { secretIdentifier, identityClientId: str(kv?.identityClientId) }
            : undefined,
        tags: Array.isArray(p.tags) ? p.tags.filter((t) => typeof t === 'string') : undefined,
        properties: p,
    };
}
function backend(id, file, json) {
    const p = propertiesOf(json);
    return { id, file, url: str(p.url), protocol: str(p.protocol), properties: p };
}
function fragment(id, file, json) {
    const p = propertiesOf(json);
    return { id, file, description: str(p.description), properties: p };
}

// EXTERNAL MODULE: ./src/policy/template.ts
var template = __webpack_require__(7886);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/report/types.ts
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function summaryLine(r) {
    const { files, errors, warnings, infos } = r.summary;
    return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
}

;// CONCATENATED MODULE: ./src/report/azure-pipelines.ts

/** Logging-command escaping as azure-pipelines-task-lib does it: the message, then property values. */
const escapeMessage = (s) => s.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const azure_pipelines_escape = (s) => escapeMessage(s).replace(/]/g, '%5D').replace(/;/g, '%3B');
/** `##vso[task.logissue type=error;sourcepath=..;linenumber=..;columnnumber=..;code=..]message` */
function azureLogIssue(d) {
    // Azure DevOps knows only error and warning issues; an info finding is logged as plain text.
    if (d.severity === 'info')
        return `${d.file}:${d.line}:${d.column} info ${d.ruleId}: ${d.message}`;
    const props = [
        `type=${d.severity}`,
        `sourcepath=${d.file}`,
        `linenumber=${d.line}`,
        `columnnumber=${d.column}`,
        `code=${d.ruleId}`,
    ];
    return `##vso[task.logissue ${props.map(azure_pipelines_escape).join(';')}]${escapeMessage(d.message)}`;
}
function formatAzurePipelines(r) {
    return [...r.diagnostics.map(azureLogIssue), summaryLine(r)].join('\n');
}

;// CONCATENATED MODULE: ./src/report/github.ts

const COMMAND = {
    error: 'error',
    warning: 'warning',
    info: 'notice',
};
/** Workflow-command escaping: data and property values differ (properties also escape ':' and ','). */
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** One GitHub annotation line per diagnostic: `::error file=..,line=..,col=..,title=..::message`. */
function githubAnnotation(d) {
    const props = [`file=${d.file}`, `line=${d.line}`, `col=${d.column}`];
    if (d.endLine)
        props.push(`endLine=${d.endLine}`);
    if (d.endColumn && (!d.endLine || d.endLine === d.line))
        props.push(`endColumn=${d.endColumn}`);
    props.push(`title=apim-gogs ${d.ruleId}`);
    const line = props.map((p) => {
        const eq = p.indexOf('=');
        return `${p.slice(0, eq)}=${escapeProperty(p.slice(eq + 1))}`;
    });
    return `::${COMMAND[d.severity]} ${line.join(',')}::${escapeData(`${d.message} (${d.help})`)}`;
}
function formatGithub(r) {
    return [...r.diagnostics.map(githubAnnotation), summaryLine(r)].join('\n');
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** The machine contract (DESIGN.md): `{ "diagnostics": [...], "summary": {...} }`. */
function formatJson(r) {
    return JSON.stringify({ diagnostics: r.diagnostics, summary: r.summary }, null, 2);
}

;// CONCATENATED MODULE: ./src/report/markdown.ts

const ICON = { error: '🛑', warning: '⚠️', info: 'ℹ️' };
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** The run summary (GitHub step summary, Azure DevOps uploadsummary): a total and a table, capped. */
function formatMarkdown(r, limit = 200) {
    const out = ['## apim-gogs validate', '', `**${summaryLine(r)}**`, ''];
    if (!r.diagnostics.length) {
        out.push('No findings.');
        return out.join('\n');
    }
    out.push('| | File | Line | Rule | Message |', '|---|---|---|---|---|');
    for (const d of r.diagnostics.slice(0, limit)) {
        out.push(`| ${ICON[d.severity]} ${d.severity} | \`${cell(d.file)}\` | ${d.line}:${d.column} | ${cell(d.ruleId)} | ${cell(d.message)} |`);
    }
    if (r.diagnostics.length > limit)
        out.push('', `…and ${r.diagnostics.length - limit} more (see the json or SARIF report).`);
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/validate/checks/meta.ts
/**
 * The checks that are not lint rules: what the reader refuses, what the catalog forbids, and what a
 * reference points to. They have stable ids too, so users can configure and suppress them.
 */
const m = (id, category, summary, docs) => ({
    id,
    category,
    severity: category === 'syntax' || category === 'schema' || category === 'reference' ? 'error' : 'warning',
    summary,
    docs,
});
const SYNTAX = m('syntax', 'syntax', 'The document cannot be read as a raw APIM policy.', 'Malformed XML, a DTD or entity declaration (never expanded), an undefined entity, a document over the size limit (256 KiB, APIM\'s own), nesting deeper than 200 levels, an empty, binary or non-UTF-8 file. APIM rejects these with "Data at the root level is invalid" or similar. Fix the position shown.');
const EXPRESSION = m('expression-syntax', 'schema', 'A policy expression is malformed.', 'An `@(...)` or `@{...}` expression has unbalanced brackets, an unterminated string or character literal, or a multi-statement block without `return`. APIM compiles expressions on save and rejects the policy.');
const UNKNOWN_POLICY = m('unknown-policy', 'schema', 'An element is not a policy APIM knows.', 'The name is not in the APIM policy reference (often a typo: the message suggests the nearest name). APIM rejects unknown elements.');
const WRONG_SECTION = m('policy-section', 'schema', 'A policy stands in a section where APIM does not allow it.', 'Each policy may appear only in some of inbound, backend, outbound and on-error (the Usage section of its reference page).');
const WRONG_SCOPE = m('policy-scope', 'schema', 'A policy stands at a scope where APIM does not allow it.', "Scope comes from the file's place in the repository layout (global policy.xml, products/, apis/, apis/*/operations/). Loose files have an unknown scope and are not checked.");
const ATTRIBUTE = m('policy-attribute', 'schema', 'An attribute is missing, unknown, or has a value APIM refuses.', 'Required attributes must be present; unknown attributes are rejected; enumerations, numbers, booleans and ranges are checked on literal values (expressions and named values are decided at run time); some attributes do not accept expressions.');
const CHILD = m('policy-content', 'schema', 'An element holds a child element or text it may not hold.', 'Each policy has a fixed set of child elements (and only some may hold text); required children must be present; some children may appear once only.');
const ONCE = m('policy-once', 'schema', 'A policy appears more often than APIM allows.', 'cors, cache-lookup, cache-store, validate-parameters and validate-headers may appear once per section; rate-limit and quota once per policy document.');
const DOCUMENT = m('document-structure', 'schema', 'The document is not a valid `<policies>` or `<fragment>` document.', 'A policy document is `<policies>` with at most one each of inbound, backend, outbound, on-error. A fragment is `<fragment>` holding policies only: no sections, no `<base />`, no include-fragment. `<base />` stands directly in a section and means nothing at global scope.');
const NAMED_VALUE = m('named-value-reference', 'reference', 'A `{{named value}}` is neither defined in the repository nor declared external.', 'Define it under `named values/<id>/namedValueInformation.json` (its displayName is the name used in `{{...}}`), or list it under `namedValues.external` in .apim-gogs.yaml when another pipeline owns it. APIM rejects the policy with "Cannot find a property".');
const FRAGMENT = m('fragment-reference', 'reference', 'include-fragment names a fragment the repository does not hold.', 'Add `policy fragments/<id>/policy.xml`, or declare it under `fragments.external` in .apim-gogs.yaml. APIM rejects it: "Policy fragment with id ... could not be found".');
const BACKEND = m('backend-reference', 'reference', 'set-backend-service names a backend the repository does not hold.', 'Add `backends/<id>/backendInformation.json`, or declare it under `backends.external` in .apim-gogs.yaml.');
const LAYOUT = m('repository-layout', 'schema', 'A file in the repository layout cannot be used.', 'A policy.xml outside the APIOps layout, or an information JSON file that does not parse. Fix or move the file.');
const CHECK_RULES = [
    SYNTAX,
    EXPRESSION,
    UNKNOWN_POLICY,
    WRONG_SECTION,
    WRONG_SCOPE,
    ATTRIBUTE,
    CHILD,
    ONCE,
    DOCUMENT,
    NAMED_VALUE,
    FRAGMENT,
    BACKEND,
    LAYOUT,
];

;// CONCATENATED MODULE: ./src/policy/ast.ts
function attr(el, name) {
    return el.attributes.find((a) => a.name === name);
}
function ast_childElements(el) {
    return el.children.filter((c) => c.type === 'element');
}

;// CONCATENATED MODULE: ./src/validate/catalog/policies.ts
/**
 * The APIM policy catalog as data: one entry per policy, read from the policy reference pages
 * (learn.microsoft.com/azure/api-management/<name>-policy: the Attributes table and the Usage section)
 * and cross-checked against the VS Code extension's XSDs (test/validate/catalog-xsd.test.ts lists
 * every intended difference). Scopes leave out workspace, which the APIOps layout does not hold.
 * Where reference pages disagree (trace: its own page lists inbound, backend and outbound, the
 * error-handling page also on-error; its older form takes text instead of <message>), the entry
 * allows the union: a false alarm on a policy APIM accepts costs users more than a miss.
 */
const policies_POLICIES = [
    {
        name: 'authentication-basic',
        category: 'authentication',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'username', required: true },
            { name: 'password', required: true },
        ],
    },
    {
        name: 'authentication-certificate',
        category: 'authentication',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'thumbprint' }, { name: 'certificate-id' }, { name: 'body' }, { name: 'password' }],
    },
    {
        name: 'authentication-managed-identity',
        category: 'authentication',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'resource', required: true },
            { name: 'client-id' },
            { name: 'output-token-variable-name' },
            { name: 'ignore-error', type: 'boolean' },
        ],
    },
    {
        name: 'authentication-token',
        category: 'authentication',
        sections: ['inbound', 'backend'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'token-type', values: ['managed-service-identity', 'token-service'] },
            { name: 'token-service-url' },
            { name: 'resource-url' },
            { name: 'ignore-error', type: 'boolean' },
        ],
    },
    {
        name: 'authentication-token-store',
        category: 'authentication',
        sections: ['inbound', 'backend'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'token-id' },
            { name: 'client-id' },
            { name: 'output-token-variable-name' },
            { name: 'ignore-error', type: 'boolean' },
        ],
    },
    {
        name: 'azure-openai-emit-token-metric',
        category: 'ai-gateway',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'namespace' },
            { name: 'name' },
            { name: 'value-type', values: ['all', 'total-tokens', 'prompt-tokens', 'completion-tokens'] },
            { name: 'ignore-prompt', type: 'boolean' },
        ],
        children: { dimension: { content: 'any' } },
    },
    {
        name: 'azure-openai-semantic-cache-lookup',
        category: 'ai-gateway',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'score-threshold', required: true, type: 'number' },
            { name: 'embeddings-backend-id', required: true },
            { name: 'embeddings-backend-auth', values: ['system-assigned', 'header'] },
            { name: 'ignore-system-messages' },
            { name: 'cache-id' },
            { name: 'max-message-count' },
        ],
        children: { 'vary-by': { content: 'any' } },
    },
    {
        name: 'azure-openai-semantic-cache-store',
        category: 'ai-gateway',
        sections: ['outbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'duration', required: true }],
    },
    {
        name: 'azure-openai-token-limit',
        category: 'ai-gateway',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'tokens-per-minute' },
            { name: 'token-quota' },
            {
                name: 'token-quota-period',
                values: ['Indefinite', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Yearly'],
            },
            { name: 'counter-key', required: true },
            { name: 'estimate-prompt-tokens', required: true, type: 'boolean' },
            { name: 'prompt-type', values: ['auto', 'chat-completion', 'completion', 'embeddings'] },
            { name: 'retry-after-header-name' },
            { name: 'retry-after-variable-name' },
            { name: 'remaining-tokens-header-name' },
            { name: 'remaining-tokens-variable-name' },
            { name: 'remaining-quota-tokens-header-name' },
            { name: 'remaining-quota-tokens-variable-name' },
            { name: 'tokens-consumed-header-name' },
            { name: 'tokens-consumed-variable-name' },
            { name: 'ignore-prompt', type: 'boolean' },
        ],
    },
    {
        name: 'cache-lookup',
        category: 'caching',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'vary-by-developer', required: true },
            { name: 'vary-by-developer-groups', required: true },
            { name: 'downstream-caching-type', values: ['none', 'private', 'public'] },
            { name: 'must-revalidate' },
            { name: 'caching-type', values: ['prefer-external', 'internal', 'external'] },
            { name: 'allow-private-response-caching' },
        ],
        children: { 'vary-by-header': { content: 'any' }, 'vary-by-query-parameter': { content: 'any' } },
        oncePerSection: true,
    },
    {
        name: 'cache-lookup-value',
        category: 'caching',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'key', required: true },
            { name: 'default-value' },
            { name: 'variable-name', required: true },
            { name: 'caching-type', values: ['prefer-external', 'internal', 'external'] },
        ],
    },
    {
        name: 'cache-remove-value',
        category: 'caching',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'key', required: true },
            { name: 'caching-type', values: ['prefer-external', 'internal', 'external'] },
        ],
    },
    {
        name: 'cache-store',
        category: 'caching',
        sections: ['outbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'duration', required: true }, { name: 'cache-response' }, { name: 'caching-mode' }],
        oncePerSection: true,
    },
    {
        name: 'cache-store-value',
        category: 'caching',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'duration', required: true },
            { name: 'key', required: true },
            { name: 'value', required: true },
            { name: 'caching-type', values: ['prefer-external', 'internal', 'external'] },
        ],
    },
    {
        name: 'check-header',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'name', required: true },
            { name: 'failed-check-httpcode', required: true },
            { name: 'failed-check-error-message' },
            { name: 'ignore-case' },
        ],
        children: { value: { content: 'any' } },
    },
    {
        name: 'choose',
        category: 'routing',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [],
        children: {
            when: { attributes: [{ name: 'condition', required: true }], content: 'policies' },
            otherwise: { content: 'policies', max: 1 },
        },
        requiredChildren: ['when'],
    },
    {
        name: 'cors',
        category: 'cross-domain',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'allow-credentials' }, { name: 'terminate-unmatched-request' }],
        children: {
            'allowed-origins': { content: 'any' },
            'allowed-methods': { content: 'any' },
            'allowed-headers': { content: 'any' },
            'expose-headers': { content: 'any' },
        },
        oncePerSection: true,
    },
    {
        name: 'cosmosdb-data-source',
        category: 'graphql',
        sections: ['backend'],
        scopes: ['api'],
        attributes: [],
        children: {
            'connection-info': { content: 'any' },
            'query-request': { content: 'any' },
            'read-request': { content: 'any' },
            'delete-request': { content: 'any' },
            'write-request': { content: 'any' },
            response: { content: 'any' },
        },
    },
    {
        name: 'cross-domain',
        category: 'cross-domain',
        sections: ['inbound'],
        scopes: ['global'],
        attributes: [],
        children: { 'cross-domain-policy': { content: 'any' } },
    },
    {
        name: 'emit-metric',
        category: 'logging',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'default-dimensions', type: 'boolean' },
            { name: 'name', required: true },
            { name: 'namespace' },
            { name: 'value' },
        ],
        children: { dimension: { content: 'any' } },
    },
    {
        name: 'find-and-replace',
        category: 'transformation',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'from', required: true },
            { name: 'to', required: true },
        ],
    },
    {
        name: 'forward-request',
        category: 'routing',
        sections: ['backend'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'timeout' },
            { name: 'timeout-ms' },
            { name: 'continue-timeout' },
            { name: 'follow-redirects' },
            { name: 'buffer-request-body', type: 'boolean' },
            { name: 'buffer-response', type: 'boolean' },
            { name: 'fail-on-error-status-code', type: 'boolean' },
            { name: 'http-version' },
        ],
    },
    {
        name: 'get-authorization-context',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'provider-id', required: true },
            { name: 'authorization-id', required: true },
            { name: 'identity-type' },
            { name: 'identity' },
            { name: 'context-variable-name', required: true },
            { name: 'ignore-error' },
        ],
    },
    {
        name: 'graphql-data-source',
        category: 'graphql',
        sections: ['backend'],
        scopes: ['api'],
        attributes: [],
        children: { request: { content: 'any' }, response: { content: 'any' } },
    },
    {
        name: 'http-data-source',
        category: 'graphql',
        sections: ['backend'],
        scopes: ['api'],
        attributes: [],
        children: {
            'http-request': { content: 'any' },
            backend: { content: 'any' },
            'http-response': { content: 'any' },
        },
    },
    {
        name: 'include-fragment',
        category: 'routing',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'fragment-id', required: true, expressions: false }],
    },
    {
        name: 'invoke-dapr-binding',
        category: 'dapr',
        sections: ['inbound', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'name', required: true },
            { name: 'template', values: ['liquid'] },
            { name: 'response-variable-name' },
            { name: 'operation' },
            { name: 'timeout' },
            { name: 'ignore-error', type: 'boolean' },
        ],
        children: { metadata: { content: 'any' }, data: { content: 'any' } },
        text: true,
    },
    {
        name: 'ip-filter',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'action', values: ['allow', 'forbid'], required: true }],
        children: { address: { content: 'any' }, 'address-range': { content: 'any' } },
    },
    {
        name: 'json-to-xml',
        category: 'transformation',
        sections: ['inbound', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'apply', required: true, values: ['always', 'content-type-json'] },
            { name: 'consider-accept-header' },
            { name: 'parse-date' },
            { name: 'attribute-block-name' },
            { name: 'attribute-prefix' },
            { name: 'namespace-block-name' },
            { name: 'namespace-separator' },
            { name: 'namespace-prefix' },
            { name: 'invalid-character-replacement' },
            { name: 'null-values' },
            { name: 'trim-values', type: 'boolean' },
            { name: 'empty-values', values: ['preserve', 'as-null'] },
        ],
    },
    {
        name: 'jsonp',
        category: 'cross-domain',
        sections: ['outbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'callback-parameter-name', required: true }],
    },
    {
        name: 'limit-concurrency',
        category: 'routing',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'key', required: true },
            { name: 'max-count', required: true, type: 'integer' },
        ],
        content: 'policies',
    },
    {
        name: 'llm-content-safety',
        category: 'ai-gateway',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'backend-id', required: true }, { name: 'shield-prompt' }],
        children: { categories: { content: 'any' }, blocklists: { content: 'any' } },
    },
    {
        name: 'llm-emit-token-metric',
        category: 'ai-gateway',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'namespace' },
            { name: 'name' },
            { name: 'value-type', values: ['all', 'total-tokens', 'prompt-tokens', 'completion-tokens'] },
            { name: 'ignore-prompt', type: 'boolean' },
        ],
        children: { dimension: { content: 'any' } },
    },
    {
        name: 'llm-semantic-cache-lookup',
        category: 'ai-gateway',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'score-threshold', required: true, type: 'number' },
            { name: 'embeddings-backend-id', required: true },
            { name: 'embeddings-backend-auth', values: ['system-assigned', 'header'] },
            { name: 'ignore-system-messages' },
            { name: 'cache-id' },
            { name: 'max-message-count' },
        ],
        children: { 'vary-by': { content: 'any' } },
    },
    {
        name: 'llm-semantic-cache-store',
        category: 'ai-gateway',
        sections: ['outbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'duration', required: true }],
    },
    {
        name: 'llm-token-limit',
        category: 'ai-gateway',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'tokens-per-minute' },
            { name: 'token-quota' },
            {
                name: 'token-quota-period',
                values: ['Indefinite', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Yearly'],
            },
            { name: 'counter-key', required: true },
            { name: 'estimate-prompt-tokens', required: true, type: 'boolean' },
            { name: 'prompt-type', values: ['auto', 'chat-completion', 'completion', 'embeddings'] },
            { name: 'retry-after-header-name' },
            { name: 'retry-after-variable-name' },
            { name: 'remaining-tokens-header-name' },
            { name: 'remaining-tokens-variable-name' },
            { name: 'remaining-quota-tokens-header-name' },
            { name: 'remaining-quota-tokens-variable-name' },
            { name: 'tokens-consumed-header-name' },
            { name: 'tokens-consumed-variable-name' },
            { name: 'ignore-prompt', type: 'boolean' },
        ],
    },
    {
        name: 'log-to-eventhub',
        category: 'logging',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'logger-id', required: true }, { name: 'partition-key' }, { name: 'partition-id' }],
        text: true,
    },
    {
        name: 'mock-response',
        category: 'transformation',
        sections: ['inbound', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'enabled', type: 'boolean' },
            { name: 'status-code', type: 'integer' },
            { name: 'content-type' },
            { name: 'index', type: 'integer' },
        ],
    },
    {
        name: 'proxy',
        category: 'routing',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'url', required: true }, { name: 'username' }, { name: 'password' }],
    },
    {
        name: 'publish-event',
        category: 'graphql',
        sections: ['backend'],
        scopes: ['api'],
        attributes: [],
        children: { targets: { content: 'any' } },
    },
    {
        name: 'publish-to-dapr',
        category: 'dapr',
        sections: ['inbound', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'pubsub-name' },
            { name: 'topic', required: true },
            { name: 'template', values: ['liquid'] },
            { name: 'response-variable-name' },
            { name: 'timeout' },
            { name: 'ignore-error', type: 'boolean' },
            { name: 'content-type', values: ['application/json'] },
        ],
        content: 'any',
        text: true,
    },
    {
        name: 'quota',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['product'],
        attributes: [
            { name: 'calls', type: 'integer', expressions: false },
            { name: 'bandwidth', type: 'integer', expressions: false },
            { name: 'renewal-period', type: 'integer', expressions: false, required: true },
        ],
        children: { api: { content: 'any' } },
        oncePerDocument: true,
    },
    {
        name: 'quota-by-key',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'calls', type: 'integer' },
            { name: 'bandwidth', type: 'integer' },
            { name: 'renewal-period' },
            { name: 'first-period-start', type: 'datetime' },
            { name: 'counter-key', required: true },
            { name: 'increment-condition' },
            { name: 'increment-count' },
        ],
    },
    {
        name: 'rate-limit',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['product', 'api', 'operation'],
        attributes: [
            { name: 'calls', type: 'integer', expressions: false, required: true },
            { name: 'renewal-period', type: 'integer', expressions: false, required: true, min: 1, max: 300 },
            { name: 'retry-after-header-name', expressions: false },
            { name: 'retry-after-variable-name', expressions: false },
            { name: 'remaining-calls-header-name', expressions: false },
            { name: 'remaining-calls-variable-name', expressions: false },
            { name: 'total-calls-header-name', expressions: false },
        ],
        children: { api: { content: 'any' }, operation: { content: 'any' } },
        oncePerDocument: true,
    },
    {
        name: 'rate-limit-by-key',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'calls', required: true },
            { name: 'renewal-period', required: true },
            { name: 'counter-key', required: true },
            { name: 'increment-condition' },
            { name: 'increment-count' },
            { name: 'increment-after-response', type: 'boolean' },
            { name: 'flexible-retry-window', type: 'boolean' },
            { name: 'retry-after-header-name' },
            { name: 'retry-after-variable-name' },
            { name: 'remaining-calls-header-name' },
            { name: 'remaining-calls-variable-name' },
            { name: 'total-calls-header-name' },
        ],
    },
    {
        name: 'redirect-content-urls',
        category: 'transformation',
        sections: ['inbound', 'outbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [],
    },
    {
        name: 'retry',
        category: 'routing',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'condition', required: true },
            { name: 'count', required: true, min: 0, max: 50 },
            { name: 'interval', required: true },
            { name: 'delta' },
            { name: 'max-interval' },
            { name: 'first-fast-retry' },
        ],
        content: 'policies',
    },
    {
        name: 'return-response',
        category: 'transformation',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'response-variable-name' }],
        children: {
            'set-status': { content: 'policy' },
            'set-header': { content: 'policy' },
            'set-body': { content: 'policy' },
        },
    },
    {
        name: 'rewrite-uri',
        category: 'transformation',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'template', required: true },
            { name: 'copy-unmatched-params', type: 'boolean' },
        ],
    },
    {
        name: 'send-one-way-request',
        category: 'routing',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'mode', values: ['new', 'copy'] },
            { name: 'timeout', type: 'integer' },
        ],
        children: {
            'set-url': { content: 'any' },
            'set-method': { content: 'any' },
            'set-header': { content: 'policy' },
            'set-body': { content: 'policy' },
            'authentication-certificate': { content: 'policy' },
            'authentication-token': { content: 'policy' },
            'authentication-token-store': { content: 'policy' },
            'authentication-managed-identity': { content: 'policy' },
            proxy: { content: 'policy' },
        },
    },
    {
        name: 'send-request',
        category: 'routing',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'mode', values: ['new', 'copy'] },
            { name: 'response-variable-name' },
            { name: 'timeout' },
            { name: 'timeout-ms' },
            { name: 'ignore-error', type: 'boolean' },
            { name: 'buffer-response', type: 'boolean' },
            { name: 'fail-on-error-status-code', type: 'boolean' },
        ],
        children: {
            'set-url': { content: 'any' },
            'set-method': { content: 'any' },
            'set-header': { content: 'policy' },
            'set-body': { content: 'policy' },
            'authentication-certificate': { content: 'policy' },
            'authentication-token': { content: 'policy' },
            'authentication-token-store': { content: 'policy' },
            'authentication-managed-identity': { content: 'policy' },
            proxy: { content: 'policy' },
        },
    },
    {
        name: 'send-service-bus-message',
        category: 'logging',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'queue-name' },
            { name: 'topic-name' },
            { name: 'namespace' },
            { name: 'client-id' },
        ],
        children: { 'message-properties': { content: 'any' }, payload: { content: 'any' } },
    },
    {
        name: 'set-backend-service',
        category: 'transformation',
        sections: ['inbound', 'backend'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'backend-id' },
            { name: 'base-url' },
            { name: 'sf-partition-key' },
            { name: 'dapr-app-id' },
            { name: 'dapr-method' },
            { name: 'dapr-namespace' },
            { name: 'sf-replica-type', values: ['primary', 'secondary'] },
            { name: 'sf-resolve-condition' },
            { name: 'sf-service-instance-name' },
            { name: 'sf-listener-name' },
        ],
    },
    {
        name: 'set-body',
        category: 'transformation',
        sections: ['inbound', 'backend', 'outbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'template', values: ['none', 'liquid'] },
            { name: 'xsi-nil', values: ['blank', 'null'] },
            { name: 'parse-date', type: 'boolean' },
            { name: 'html-decode-expression', type: 'boolean' },
        ],
        content: 'any',
        text: true,
    },
    {
        name: 'set-graphql-resolver',
        category: 'graphql',
        sections: ['backend'],
        scopes: ['api'],
        attributes: [
            { name: 'parent-type', required: true },
            { name: 'field', required: true },
        ],
        children: { 'http-data-source': { content: 'any' }, 'publish-event': { content: 'any' } },
    },
    {
        name: 'set-header',
        category: 'transformation',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'name', required: true },
            { name: 'exists-action', values: ['override', 'append', 'skip', 'delete'] },
        ],
        children: { value: { content: 'any' } },
    },
    {
        name: 'set-method',
        category: 'transformation',
        sections: ['inbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [],
        text: true,
    },
    {
        name: 'set-query-parameter',
        category: 'transformation',
        sections: ['inbound', 'backend'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'name', required: true },
            { name: 'exists-action', values: ['override', 'append', 'skip', 'delete'] },
        ],
        children: { value: { content: 'any' } },
    },
    {
        name: 'set-request-metric-dimension-value',
        category: 'routing',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'name', required: true },
            { name: 'value', required: true },
        ],
    },
    {
        name: 'set-status',
        category: 'transformation',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'code', required: true, type: 'integer', min: 100, max: 599 }, { name: 'reason' }],
    },
    {
        name: 'set-variable',
        category: 'transformation',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'name', required: true, expressions: false },
            { name: 'value', required: true },
        ],
    },
    {
        name: 'sql-data-source',
        category: 'graphql',
        sections: ['backend'],
        scopes: ['api'],
        attributes: [],
        children: {
            'connection-info': { content: 'any' },
            'include-fragment': { content: 'any' },
            request: { content: 'any' },
            response: { content: 'any' },
        },
    },
    {
        name: 'trace',
        category: 'logging',
        sections: ['inbound', 'backend', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'source', required: true },
            { name: 'severity', values: ['verbose', 'information', 'error'] },
        ],
        children: { metadata: { content: 'any' }, message: { content: 'any' } },
        text: true,
    },
    {
        name: 'validate-azure-ad-token',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'failed-validation-httpcode' },
            { name: 'failed-validation-error-message' },
            { name: 'tenant-id', required: true },
            { name: 'header-name' },
            { name: 'authentication-endpoint' },
            { name: 'require-scheme' },
            { name: 'query-parameter-name' },
            { name: 'token-value' },
            { name: 'allow-protected-forwarded-tokens' },
            { name: 'allow-proof-of-possession-tokens' },
            { name: 'output-token-variable-name' },
        ],
        children: {
            'backend-application-ids': { content: 'any' },
            'client-application-ids': { content: 'any' },
            audiences: { content: 'any' },
            'required-claims': { content: 'any' },
            'decryption-keys': { content: 'any' },
        },
    },
    {
        name: 'validate-client-certificate',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'validate-revocation', type: 'boolean' },
            { name: 'validate-trust', type: 'boolean' },
            { name: 'validate-not-before', type: 'boolean' },
            { name: 'validate-not-after', type: 'boolean' },
            { name: 'ignore-error', type: 'boolean' },
        ],
        children: { identities: { content: 'any' } },
    },
    {
        name: 'validate-content',
        category: 'validation',
        sections: ['inbound', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'unspecified-content-type-action', required: true, values: ['ignore', 'prevent', 'detect'] },
            { name: 'max-size', required: true, type: 'integer', max: 102400, min: 0 },
            { name: 'size-exceeded-action', required: true, values: ['ignore', 'prevent', 'detect'] },
            { name: 'errors-variable-name' },
        ],
        children: { 'content-type-map': { content: 'any' }, content: { content: 'any' } },
    },
    {
        name: 'validate-graphql-request',
        category: 'graphql',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'error-variable-name' },
            { name: 'max-depth' },
            { name: 'max-size' },
            { name: 'max-total-depth' },
            { name: 'max-complexity' },
        ],
        children: { authorize: { content: 'any' } },
    },
    {
        name: 'validate-headers',
        category: 'validation',
        sections: ['outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'specified-header-action', required: true, values: ['ignore', 'prevent', 'detect'] },
            { name: 'unspecified-header-action', required: true, values: ['ignore', 'prevent', 'detect'] },
            { name: 'errors-variable-name' },
        ],
        children: { header: { content: 'any' } },
        oncePerSection: true,
    },
    {
        name: 'validate-jwt',
        category: 'access-restriction',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'failed-validation-httpcode' },
            { name: 'failed-validation-error-message' },
            { name: 'header-name' },
            { name: 'require-scheme' },
            { name: 'query-parameter-name' },
            { name: 'token-value' },
            { name: 'clock-skew' },
            { name: 'require-expiration-time' },
            { name: 'require-signed-tokens' },
            { name: 'output-token-variable-name' },
        ],
        children: {
            'openid-config': { content: 'any' },
            'issuer-signing-tokens': { content: 'any' },
            'issuer-signing-keys': { content: 'any' },
            'decryption-keys': { content: 'any' },
            audiences: { content: 'any' },
            issuers: { content: 'any' },
            'required-claims': { content: 'any' },
        },
    },
    {
        name: 'validate-odata-request',
        category: 'validation',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'error-variable-name' },
            { name: 'default-odata-version' },
            { name: 'min-odata-version' },
            { name: 'max-odata-version' },
            { name: 'max-size' },
        ],
    },
    {
        name: 'validate-parameters',
        category: 'validation',
        sections: ['inbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'specified-parameter-action', required: true, values: ['ignore', 'prevent', 'detect'] },
            { name: 'unspecified-parameter-action', required: true, values: ['ignore', 'prevent', 'detect'] },
            { name: 'errors-variable-name' },
        ],
        children: { headers: { content: 'any' }, query: { content: 'any' }, path: { content: 'any' } },
        oncePerSection: true,
    },
    {
        name: 'validate-status-code',
        category: 'validation',
        sections: ['outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'unspecified-status-code-action', required: true, values: ['ignore', 'prevent', 'detect'] },
            { name: 'errors-variable-name' },
        ],
        children: { 'status-code': { content: 'any' } },
    },
    {
        name: 'wait',
        category: 'routing',
        sections: ['inbound', 'backend', 'outbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [{ name: 'for', required: true, values: ['all', 'any'] }],
        children: {
            choose: { content: 'policy' },
            'forward-request': { content: 'policy' },
            'send-request': { content: 'policy' },
            'cache-lookup-value': { content: 'policy' },
            'cache-store-value': { content: 'policy' },
            'authentication-managed-identity': { content: 'policy' },
            'authentication-token': { content: 'policy' },
        },
    },
    {
        name: 'xml-to-json',
        category: 'transformation',
        sections: ['inbound', 'outbound', 'on-error'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [
            { name: 'kind', required: true, values: ['javascript-friendly', 'direct'] },
            { name: 'apply', required: true, values: ['always', 'content-type-xml'] },
            { name: 'consider-accept-header' },
            { name: 'preserve-whitespace-nodes' },
            { name: 'empty-values', values: ['preserve', 'as-null'] },
            { name: 'trim-values' },
            { name: 'always-array-child-elements' },
        ],
    },
    {
        name: 'xsl-transform',
        category: 'transformation',
        sections: ['inbound', 'outbound'],
        scopes: ['global', 'product', 'api', 'operation'],
        attributes: [],
        content: 'any',
    },
];

;// CONCATENATED MODULE: ./src/validate/catalog/index.ts

const SECTIONS = ['inbound', 'backend', 'outbound', 'on-error'];
const byName = new Map(policies_POLICIES.map((p) => [p.name, p]));
function policySpec(name) {
    return byName.get(name);
}
function allPolicies() {
    return POLICIES;
}
/** The reference page of a policy: the help link of its diagnostics. */
function policyDocUrl(name) {
    return `https://learn.microsoft.com/azure/api-management/${name}-policy`;
}
/** The catalog name nearest to a misspelt one (edit distance <= 3), for "did you mean". */
const nearestCache = new Map();
function nearestPolicy(name) {
    if (!nearestCache.has(name))
        nearestCache.set(name, computeNearest(name));
    return nearestCache.get(name);
}
function computeNearest(name) {
    let best;
    let bestD = 4;
    for (const p of policies_POLICIES) {
        const d = distance(name, p.name);
        if (d < bestD)
            [best, bestD] = [p.name, d];
    }
    return best;
}
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}

;// CONCATENATED MODULE: ./src/validate/walk.ts


const isSection = (name) => SECTIONS.includes(name);
/**
 * Every policy in a `<policies>` or `<fragment>` document, in document order, descending into the
 * content the catalog marks as nested policies (choose/when, retry, wait, send-request...).
 */
function policies(root) {
    // Every check walks the same document; walk it once.
    let visits = cache.get(root);
    if (!visits) {
        visits = [];
        if (root.name === 'fragment')
            list(root, undefined, false, visits);
        else if (root.name === 'policies') {
            for (const s of ast_childElements(root))
                if (isSection(s.name))
                    list(s, s.name, false, visits);
        }
        cache.set(root, visits);
    }
    return visits;
}
const cache = new WeakMap();
function list(container, section, childOfPolicy, out) {
    for (const element of ast_childElements(container)) {
        out.push({ element, section, container, childOfPolicy });
        inside(element, section, out);
    }
}
function inside(element, section, out) {
    const spec = policySpec(element.name);
    if (!spec)
        return;
    if (spec.content === 'policies') {
        list(element, section, false, out);
        return;
    }
    for (const child of ast_childElements(element)) {
        const cs = spec.children?.[child.name];
        if (cs?.content === 'policies')
            list(child, section, false, out);
        else if (cs?.content === 'policy') {
            out.push({ element: child, section, container: element, childOfPolicy: true });
            inside(child, section, out);
        }
    }
}
/** Policies directly in a section (not nested), for rules about order. */
function sectionElements(root, section) {
    const s = childElements(root).find((c) => c.name === section);
    return s ? childElements(s) : undefined;
}
/** True when the value is decided at run time (an expression or a named value), so literal checks do not apply. */
function isDynamic(value) {
    return (value.expression !== undefined ||
        value.namedValues.length > 0 ||
        // An environment placeholder left unrendered is already reported as template/unresolved-placeholder;
        // judging its text as the final value would report it a second time.
        (value.value !== undefined && UNRESOLVED_PLACEHOLDER.test(value.value)));
}
const UNRESOLVED_PLACEHOLDER = /#\{[A-Za-z_][A-Za-z0-9_.-]*\}#/;

;// CONCATENATED MODULE: ./src/validate/rules/effective-chain.ts

/**
 * Shared by the chain rules: reports an API whose effective policy lacks every one of `wanted`, and an
 * operation that loses them although its API has them (usually a missing `<base />`).
 */
function requireInChain(ctx, wanted, what, help) {
    const has = (e) => {
        for (const { element } of policies(e.root))
            if (wanted.includes(element.name))
                return true;
        return false;
    };
    const apiHas = new Map();
    for (const e of ctx.effective.filter((x) => !x.operationId)) {
        const ok = has(e);
        apiHas.set(e.apiId, ok);
        if (!ok)
            ctx.report(e.file, e.at, `The effective policy of API '${e.apiId}' (${e.chain.join(' -> ')}) does not ${what}.`, help);
    }
    for (const e of ctx.effective.filter((x) => x.operationId)) {
        if (apiHas.get(e.apiId) && !has(e)) {
            ctx.report(e.file, e.at, `The effective policy of operation '${e.apiId}/${e.operationId}' does not ${what}, although its API does.`, help);
        }
    }
}
function listOption(options, name, fallback) {
    const v = options[name];
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback;
}

;// CONCATENATED MODULE: ./src/validate/rules/authentication-required.ts

const AUTH_POLICIES = [
    'validate-jwt',
    'validate-azure-ad-token',
    'validate-client-certificate',
    'check-header',
    'ip-filter',
];
const authenticationRequired = {
    meta: {
        id: 'authentication-required',
        category: 'security',
        severity: 'warning',
        summary: "Each API's effective policy authenticates its callers.",
        docs: `Judged on the effective policy (global -> product -> API -> operation through <base />, fragments inlined). Counts: ${AUTH_POLICIES.join(', ')}. Subscription keys are an API setting, not a policy; if they are your authentication, set the option \`policies\` or turn the rule off for those APIs with an override.`,
    },
    checkRepository(ctx) {
        const wanted = listOption(ctx.options, 'policies', AUTH_POLICIES);
        requireInChain(ctx, wanted, 'authenticate its callers', `Add one of ${wanted.join(', ')} at global, product or API scope.`);
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/base-required.ts


/** PSRule Azure.APIM.PolicyBase: below global, every section keeps the parent's policies. */
const baseRequired = {
    meta: {
        id: 'base-required',
        category: 'lint',
        severity: 'warning',
        summary: 'Every section of a product, API or operation policy contains `<base />`.',
        docs: 'Without `<base />` a section silently drops the policies of the scope above it, such as global rate limits, authentication and CORS (PSRule rule Azure.APIM.PolicyBase). Add `<base />` to each section; leave it out only on purpose, and then suppress this rule for the section with a comment.',
    },
    checkDocument(ctx, report) {
        if (!['product', 'api', 'operation'].includes(ctx.scope) || ctx.root.name !== 'policies')
            return;
        for (const s of ast_childElements(ctx.root)) {
            if (isSection(s.name) && !ast_childElements(s).some((c) => c.name === 'base')) {
                report(s, `The '${s.name}' section has no <base />, so the ${parentOf(ctx.scope)} policies do not run here.`, 'Add <base /> to the section.');
            }
        }
    },
};
function parentOf(scope) {
    return scope === 'operation' ? 'API' : scope === 'api' ? 'product and global' : 'global';
}

;// CONCATENATED MODULE: ./src/validate/rules/cors-wildcard.ts


/** PSRule Azure.APIM.CORSPolicy: a wildcard origin lets any web site call the API from a browser. */
const corsWildcard = {
    meta: {
        id: 'cors-wildcard',
        category: 'security',
        severity: 'warning',
        summary: 'cors does not allow every origin (`*`).',
        docs: "A wildcard `<origin>*</origin>` lets any web page call the API with the visitor's browser (PSRule rule Azure.APIM.CORSPolicy). List the origins that need access.",
    },
    checkDocument(ctx, report) {
        for (const { element } of policies(ctx.root)) {
            if (element.name !== 'cors')
                continue;
            for (const list of ast_childElements(element).filter((c) => c.name === 'allowed-origins')) {
                for (const origin of ast_childElements(list)) {
                    const text = origin.children
                        .map((c) => (c.type === 'text' ? c.value : ''))
                        .join('')
                        .trim();
                    if (text === '*')
                        report(origin, 'cors allows every origin (*).', 'List the allowed origins explicitly.');
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/credentials.ts


/** Headers and query parameters whose value is a credential. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|ocp-apim-subscription-key|api-key|x-api-key|x-functions-key|x-ms-client-secret)$/i;
const SECRET_QUERY = /^(code|key|api-key|apikey|sig|subscription-key|client_secret|access_token)$/i;
/** Every credential position of a document (shared by hardcoded-secret and named-value-not-secret). */
function credentialSlots(root) {
    const out = [];
    for (const { element: el } of policies(root)) {
        if (el.name === 'authentication-basic' ||
            el.name === 'authentication-certificate' ||
            el.name === 'proxy') {
            const a = attr(el, 'password');
            if (a)
                out.push({ element: el, holder: a, what: 'password' });
        }
        const target = attr(el, 'name')?.value ?? '';
        const header = el.name === 'set-header' && SECRET_HEADERS.test(target);
        const query = el.name === 'set-query-parameter' && SECRET_QUERY.test(target);
        if ((header || query) && attr(el, 'exists-action')?.value !== 'delete') {
            for (const v of ast_childElements(el).filter((c) => c.name === 'value')) {
                const t = v.children.find((c) => c.type === 'text' && c.value.trim() !== '');
                if (t)
                    out.push({
                        element: el,
                        holder: t,
                        what: `the '${target}' ${header ? 'header' : 'query parameter'}`,
                    });
            }
        }
    }
    return out;
}
/** Where a finding about a slot points: the attribute value or the text. */
function slotPosition(holder) {
    return 'valueLine' in holder ? { line: holder.valueLine, column: holder.valueColumn } : holder;
}

;// CONCATENATED MODULE: ./src/validate/rules/hardcoded-secret.ts


/** SAS tokens, storage/Service Bus connection strings and similar, anywhere in a literal. */
const SECRET_PATTERN = /(?:[?&]sig=[A-Za-z0-9%+/=]{16,}|AccountKey=[^;\s]{16,}|SharedAccessKey=[^;\s]{16,}|client_secret=[^&\s]{8,})/i;
const literal = (v) => !v.expression && v.namedValues.length === 0 && v.value.trim() !== '';
/** A secret in the policy text ends up in the repository, in APIM exports and in traces. */
const hardcodedSecret = {
    meta: {
        id: 'hardcoded-secret',
        category: 'security',
        severity: 'error',
        summary: 'Passwords, keys, Authorization headers, SAS tokens and connection strings come from named values.',
        docs: 'A credential written into a policy is stored in the repository history, shown to everyone who can read the API configuration, and cannot be rotated without a deployment. Put it in a secret named value, preferably backed by Key Vault, and reference it as `{{name}}`. Checked: authentication-basic password, authentication-certificate and proxy password, set-header for Authorization and API-key headers, set-query-parameter for key-like parameters, and SAS signatures, AccountKey= and SharedAccessKey= in any literal value.',
    },
    checkDocument(ctx, report) {
        const help = 'Move the secret to a secret named value (preferably Key Vault-backed) and reference it as {{name}}.';
        for (const slot of credentialSlots(ctx.root)) {
            if (literal(slot.holder))
                report(slotPosition(slot.holder), `'${slot.element.name}' sets ${slot.what} to a hard-coded value.`, help);
        }
        for (const { element: el } of policies(ctx.root)) {
            for (const a of el.attributes) {
                if (literal(a) && SECRET_PATTERN.test(a.value)) {
                    report(slotPosition(a), `The '${a.name}' attribute of '${el.name}' holds a key or SAS token.`, help);
                }
            }
            for (const t of texts(el)) {
                if (literal(t) && SECRET_PATTERN.test(t.value))
                    report(t, `'${el.name}' holds a key or SAS token in its text.`, help);
            }
        }
    },
};
/** The element's own text and its children's (a value, a body): where a literal secret would sit. */
function texts(el) {
    const out = [];
    for (const c of el.children) {
        if (c.type === 'text')
            out.push(c);
        else if (c.type === 'element')
            for (const g of c.children)
                if (g.type === 'text')
                    out.push(g);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/validate/rules/https-only.ts


const isHttp = (v) => /^\s*http:\/\//i.test(v);
function textOf(el) {
    const t = el.children.find((c) => c.type === 'text' && !c.expression);
    return t && t.type === 'text' ? t : undefined;
}
/** Backends and outgoing requests must use TLS: plain http exposes requests, keys and tokens. */
const httpsOnly = {
    meta: {
        id: 'https-only',
        category: 'security',
        severity: 'warning',
        summary: 'Backends and outgoing request URLs use https.',
        docs: 'set-backend-service base-url, send-request/send-one-way-request set-url, proxy url and backend definitions (backends/*/backendInformation.json) with a literal `http://` URL send traffic, and often credentials, unencrypted. Use `https://`.',
    },
    checkDocument(ctx, report) {
        for (const { element: el } of policies(ctx.root)) {
            const a = el.name === 'set-backend-service'
                ? attr(el, 'base-url')
                : el.name === 'proxy'
                    ? attr(el, 'url')
                    : undefined;
            if (a && !a.expression && isHttp(a.value)) {
                report({ line: a.valueLine, column: a.valueColumn }, `'${el.name}' uses the plain-http URL '${a.value}'.`, 'Use https://.');
            }
            if (el.name === 'send-request' || el.name === 'send-one-way-request') {
                for (const url of ast_childElements(el).filter((c) => c.name === 'set-url')) {
                    const t = textOf(url);
                    if (t && isHttp(t.value))
                        report(url, `'set-url' uses the plain-http URL '${t.value.trim()}'.`, 'Use https://.');
                }
            }
        }
    },
    checkRepository(ctx) {
        for (const b of ctx.repo.backends) {
            if (b.url && isHttp(b.url)) {
                ctx.report(b.file, { line: 1, column: 1 }, `The backend '${b.id}' uses the plain-http URL '${b.url}'.`, 'Use https://.');
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/named-value-not-secret.ts

/** A credential referenced as `{{name}}` still leaks when the named value itself is a plain one. */
const namedValueNotSecret = {
    meta: {
        id: 'named-value-not-secret',
        category: 'security',
        severity: 'warning',
        summary: 'A named value used as a credential is secret or Key Vault-backed.',
        docs: 'A password, Authorization header or API key taken from a named value is only protected if that named value is marked `secret: true` or, better, backed by Key Vault (`keyVault.secretIdentifier` in namedValueInformation.json): a plain named value is shown in the portal and returned by the management API. Checked for named values defined in the repository; external ones are not known here.',
    },
    checkDocument(ctx, report) {
        if (!ctx.namedValues.size)
            return;
        const byName = new Map([...ctx.namedValues].map(([name, def]) => [name.toLowerCase(), def]));
        for (const slot of credentialSlots(ctx.root)) {
            for (const ref of slot.holder.namedValues) {
                const def = byName.get(ref.name.toLowerCase());
                if (def && !def.secret && !def.keyVault) {
                    report('valueLine' in slot.holder ? ref : slotPosition(slot.holder), `'${slot.element.name}' takes ${slot.what} from the named value '${ref.name}', which is neither secret nor Key Vault-backed.`, `Mark '${def.file}' secret, or back it with Key Vault (properties.keyVault.secretIdentifier).`);
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/protected-environment.ts

/** Shared by no-trace and no-mock-response: a protected environment is one the config marks `protected: true`. */
function forbidIn(ctx, report, policy, why) {
    if (!ctx.protectedEnvironment)
        return;
    for (const { element } of policies(ctx.root)) {
        if (element.name === policy) {
            report(element, `'${policy}' is not allowed in the protected environment '${ctx.environment ?? ''}': ${why}`, `Remove it, or guard it so it never reaches ${ctx.environment ?? 'this environment'}.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/validate/rules/no-mock-response.ts

const noMockResponse = {
    meta: {
        id: 'no-mock-response',
        category: 'lint',
        severity: 'error',
        summary: 'No mock-response policy in a protected environment.',
        docs: 'mock-response answers callers with sample data instead of calling the backend; in production that silently breaks the API. Applies only when validating with `--environment <name>` for an environment marked `protected: true` in .apim-gogs.yaml.',
    },
    checkDocument(ctx, report) {
        forbidIn(ctx, report, 'mock-response', 'callers would get sample data instead of the backend.');
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/no-trace.ts

const noTrace = {
    meta: {
        id: 'no-trace',
        category: 'security',
        severity: 'error',
        summary: 'No trace policy in a protected environment.',
        docs: 'trace writes request data to Application Insights and the request tracing output; in production it can leak personal data and tokens. Applies only when validating with `--environment <name>` for an environment marked `protected: true` in .apim-gogs.yaml.',
    },
    checkDocument(ctx, report) {
        forbidIn(ctx, report, 'trace', 'it writes request data to traces.');
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/policy-before-base.ts


const ALLOWED_BEFORE = new Set(['cors', 'set-variable', 'base']);
/** Policies above `<base />` run before the parent scope's, which usually bypasses them. */
const policyBeforeBase = {
    meta: {
        id: 'policy-before-base',
        category: 'lint',
        severity: 'warning',
        summary: 'Only cors and set-variable stand above `<base />`.',
        docs: "A policy above `<base />` runs before the parent scope's policies: a transformation or backend change there runs before global authentication and throttling have judged the request. cors belongs first (preflight requests must be answered before authentication) and set-variable may prepare values; move everything else below `<base />`.",
    },
    checkDocument(ctx, report) {
        if (ctx.root.name !== 'policies' || ctx.scope === 'global')
            return;
        for (const s of ast_childElements(ctx.root)) {
            if (!isSection(s.name))
                continue;
            const elements = ast_childElements(s);
            const base = elements.findIndex((e) => e.name === 'base');
            for (const el of elements.slice(0, Math.max(base, 0))) {
                if (!ALLOWED_BEFORE.has(el.name)) {
                    report(el, `'${el.name}' stands above <base /> in '${s.name}', so it runs before the parent scope's policies.`, 'Move it below <base />.');
                }
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/rate-limit-required.ts

const RATE_LIMIT_POLICIES = [
    'rate-limit',
    'rate-limit-by-key',
    'quota',
    'quota-by-key',
    'llm-token-limit',
    'azure-openai-token-limit',
];
const rateLimitRequired = {
    meta: {
        id: 'rate-limit-required',
        category: 'lint',
        severity: 'warning',
        summary: "Each API's effective policy limits its call rate.",
        docs: `Judged on the effective policy (global -> product -> API -> operation through <base />, fragments inlined): without a rate limit or quota one caller can exhaust the backend. Counts: ${RATE_LIMIT_POLICIES.join(', ')}. Option \`policies\` replaces that list.`,
    },
    checkRepository(ctx) {
        const wanted = listOption(ctx.options, 'policies', RATE_LIMIT_POLICIES);
        requireInChain(ctx, wanted, 'limit the call rate', `Add one of ${wanted.join(', ')} at global, product or API scope.`);
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/unreachable-after-return-response.ts

/** return-response ends the pipeline, so policies after it in the same block never run. */
const unreachableAfterReturnResponse = {
    meta: {
        id: 'unreachable-after-return-response',
        category: 'lint',
        severity: 'warning',
        summary: 'Nothing follows return-response in the same block.',
        docs: 'return-response aborts the pipeline and answers the caller; any policy after it in the same section or branch never runs. Remove the dead policies or move them before return-response.',
    },
    checkDocument(ctx, report) {
        for (const { element, container } of policies(ctx.root)) {
            if (element.name !== 'return-response')
                continue;
            const siblings = container.children;
            const dead = siblings.slice(siblings.indexOf(element) + 1).find((c) => c.type === 'element');
            if (dead && dead.type === 'element') {
                report(dead, `'${dead.name}' follows return-response and never runs.`, 'Remove it or move it above return-response.');
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/index.ts











/** The recommended rule set: every lint rule, at its default severity. */
const LINT_RULES = [
    baseRequired,
    policyBeforeBase,
    corsWildcard,
    httpsOnly,
    hardcodedSecret,
    namedValueNotSecret,
    rateLimitRequired,
    authenticationRequired,
    noTrace,
    noMockResponse,
    unreachableAfterReturnResponse,
];

;// CONCATENATED MODULE: ./src/validate/registry.ts


/** Every rule id users can configure or suppress: the built-in checks, then the lint rules. */
const ALL_RULES = [...CHECK_RULES, ...LINT_RULES.map((r) => r.meta)];
const byId = new Map(ALL_RULES.map((r) => [r.id, r]));
function ruleMeta(id) {
    return byId.get(id);
}
function isLintRule(id) {
    return LINT_RULES.some((r) => r.meta.id === id);
}

;// CONCATENATED MODULE: ./src/validate/rule.ts
function ruleDocUrl(id) {
    return `https://github.com/apim-gogs/apim-gogs/blob/main/README.md#${id.replace(/[^a-z0-9-]/g, '')}`;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts


const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules as tool.driver.rules (so alerts link to
 * their docs), results with repository-relative artifact locations under %SRCROOT%.
 */
function formatSarif(r, version = '0.0.0') {
    const used = new Set(r.diagnostics.map((d) => d.ruleId));
    const rules = ALL_RULES.filter((m) => used.has(m.id));
    const index = new Map(rules.map((m, i) => [m.id, i]));
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'apim-gogs',
                        version,
                        informationUri: 'https://github.com/apim-gogs/apim-gogs',
                        rules: rules.map((m) => ({
                            id: m.id,
                            name: m.id,
                            shortDescription: { text: m.summary },
                            fullDescription: { text: m.docs },
                            helpUri: m.url ?? ruleDocUrl(m.id),
                            defaultConfiguration: { level: LEVEL[m.severity] },
                            properties: { category: m.category, tags: [m.category] },
                        })),
                    },
                },
                originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
                results: r.diagnostics.map((d) => ({
                    ruleId: d.ruleId,
                    ruleIndex: index.get(d.ruleId),
                    level: LEVEL[d.severity],
                    message: { text: `${d.message}${d.help ? ` ${d.help}` : ''}` },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
                                region: {
                                    startLine: d.line,
                                    startColumn: d.column,
                                    ...(d.endLine ? { endLine: d.endLine } : {}),
                                    ...(d.endColumn ? { endColumn: d.endColumn } : {}),
                                },
                            },
                        },
                    ],
                })),
            },
        ],
    };
    return JSON.stringify(sarif, null, 2);
}

;// CONCATENATED MODULE: ./src/report/stylish.ts

/** For people in a terminal (ESLint's "stylish"): findings grouped by file, aligned, then a total. */
function formatStylish(r, color = false) {
    const paint = (code, s) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const sev = {
        error: paint(31, 'error'),
        warning: paint(33, 'warning'),
        info: paint(36, 'info'),
    };
    const byFile = new Map();
    for (const d of r.diagnostics)
        byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    const out = [];
    for (const [file, list] of byFile) {
        out.push(paint(4, file));
        for (const d of list) {
            const pos = `${d.line}:${d.column}`.padEnd(8);
            out.push(`  ${pos} ${sev[d.severity].padEnd(color ? 16 : 7)}  ${d.message}  ${paint(90, d.ruleId)}`);
        }
        out.push('');
    }
    out.push(summaryLine(r));
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/report/index.ts







const REPORT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'azure-pipelines', 'markdown'];
function isReportFormat(s) {
    return REPORT_FORMATS.includes(s);
}
const FORMATTERS = {
    stylish: (r) => formatStylish(r),
    json: formatJson,
    sarif: (r) => formatSarif(r),
    github: formatGithub,
    'azure-pipelines': formatAzurePipelines,
    markdown: (r) => formatMarkdown(r),
};
/** Renders a validation result in one of the formats; an unknown format is a usage error. */
function formatReport(result, format) {
    if (!isReportFormat(format)) {
        throw new errors/* ConfigurationError */.j1(`Unknown report format '${format}'.`, `Use one of: ${REPORT_FORMATS.join(', ')}.`);
    }
    return FORMATTERS[format](result);
}



;// CONCATENATED MODULE: ./src/policy/effective.ts

const SECTION_NAMES = ['inbound', 'backend', 'outbound', 'on-error'];
/** Composes levels (outermost first). A section a level leaves out inherits the one above unchanged. */
function composeLevels(levels, fragments = new Map(), 
/** An already composed parent (the API's effective policy when composing an operation's). */
onto) {
    let sections = new Map();
    for (const s of onto ? ast_childElements(onto) : [])
        sections.set(s.name, s.children);
    for (const level of levels) {
        if (level.root.name !== 'policies')
            continue;
        const next = new Map(sections);
        for (const s of ast_childElements(level.root)) {
            if (!SECTION_NAMES.includes(s.name))
                continue;
            next.set(s.name, expand(ast_childElements(s), sections.get(s.name) ?? [], fragments, 0));
        }
        sections = next;
    }
    const root = synthetic('policies', []);
    for (const name of SECTION_NAMES) {
        const children = sections.get(name);
        if (children)
            root.children.push(synthetic(name, children));
    }
    return root;
}
function expand(elements, parent, fragments, depth) {
    const out = [];
    for (const el of elements) {
        if (el.name === 'base')
            out.push(...parent);
        else if (el.name === 'include-fragment' && depth < 4) {
            const fragment = fragments.get(attr(el, 'fragment-id')?.value ?? '');
            if (fragment)
                out.push(...expand(ast_childElements(fragment), [], fragments, depth + 1));
            else
                out.push(el);
        }
        else
            out.push(el);
    }
    return out;
}
function synthetic(name, children) {
    return { type: 'element', name, attributes: [], children, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
/** Prints an effective policy as XML, with a comment naming the file each policy comes from. */
function printEffective(root, source, text) {
    const lines = ['<policies>'];
    for (const section of childElements(root)) {
        lines.push(`  <${section.name}>`);
        for (const el of childElements(section)) {
            const from = source(el);
            if (from)
                lines.push(`    <!-- from ${from}:${el.line} -->`);
            lines.push(...text(el)
                .split('\n')
                .map((l) => `    ${l}`));
        }
        lines.push(`  </${section.name}>`);
    }
    lines.push('</policies>');
    return lines.join('\n');
}
function lazy(make) {
    let value;
    return () => (value ??= make());
}
/** Composition is deferred until a rule asks for the root: most operation roots are never needed. */
function effective(apiId, operationId, level, chain, root) {
    const inbound = level.root.children.find((c) => c.type === 'element' && c.name === 'inbound');
    const at = inbound ?? level.root;
    return {
        apiId,
        operationId,
        file: level.file,
        at: { line: at.line, column: at.column },
        chain,
        get root() {
            return root();
        },
    };
}
/**
 * Every API (and every operation with a policy file) of the repository with its effective policy.
 * `productsOf` gives the products an API belongs to; a product level is used only when there is
 * exactly one, since with several the effective policy depends on the caller's subscription.
 */
function effectivePolicies(policyFiles, productsOf) {
    const global = policyFiles.find((p) => p.scope === 'global' && p.root);
    const fragments = new Map();
    for (const p of policyFiles)
        if (p.scope === 'fragment' && p.fragmentId && p.root)
            fragments.set(p.fragmentId, p.root);
    const apiFile = new Map();
    const apis = new Set();
    const operations = new Map();
    for (const p of policyFiles) {
        if (p.apiId)
            apis.add(p.apiId);
        if (p.scope === 'operation' && p.apiId && p.root)
            operations.set(p.apiId, [...(operations.get(p.apiId) ?? []), p]);
        if (p.scope === 'api' && p.apiId && p.root)
            apiFile.set(p.apiId, { file: p.file, root: p.root });
    }
    const out = [];
    for (const apiId of [...apis].sort()) {
        const levels = [];
        if (global?.root)
            levels.push({ file: global.file, root: global.root });
        const products = productsOf(apiId);
        const product = products.length === 1
            ? policyFiles.find((p) => p.scope === 'product' && p.productId === products[0] && p.root)
            : undefined;
        if (product?.root)
            levels.push({ file: product.file, root: product.root });
        const api = apiFile.get(apiId);
        if (api)
            levels.push(api);
        if (!levels.length)
            continue;
        const chain = levels.map((l) => l.file);
        const apiRoot = lazy(() => composeLevels(levels, fragments));
        out.push(effective(apiId, undefined, api ?? levels[levels.length - 1], chain, apiRoot));
        for (const op of operations.get(apiId) ?? []) {
            const opLevel = { file: op.file, root: op.root };
            const root = lazy(() => composeLevels([opLevel], fragments, apiRoot()));
            out.push(effective(apiId, op.operationId, opLevel, [...chain, op.file], root));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/policy/products.ts


/**
 * Which APIs each product holds, from APIOps' `products/{p}/apis.json` (a list of API names, or of
 * objects with a `name`). Missing or unreadable files mean "unknown", never an error: the product
 * level of an effective policy is then left out.
 */
async function loadProductApis(root) {
    const byApi = new Map();
    let products = [];
    try {
        products = (await (0,promises_.readdir)(external_node_path_default().join(root, 'products'), { withFileTypes: true }))
            .filter((d) => d.isDirectory())
            .map((d) => d.name);
    }
    catch {
        return byApi;
    }
    for (const product of products) {
        let list;
        try {
            list = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(root, 'products', product, 'apis.json'), 'utf8'));
        }
        catch {
            continue;
        }
        if (!Array.isArray(list))
            continue;
        for (const item of list) {
            const name = typeof item === 'string'
                ? item
                : item && typeof item === 'object'
                    ? item.name
                    : undefined;
            if (typeof name === 'string')
                byApi.set(name, [...(byApi.get(name) ?? []), product]);
        }
    }
    return byApi;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/validate/glob.ts
/**
 * Minimal glob for ruleset overrides: `**` any path segments, `*` within a segment, `?` one character.
 * Patterns are matched against repository-relative paths with forward slashes.
 */
function globToRegExp(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            re += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
            i += pattern[i + 2] === '/' ? 2 : 1;
        }
        else if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}

;// CONCATENATED MODULE: ./src/validate/config.ts







const CONFIG_NAMES = ['.apim-gogs.yaml', '.apim-gogs.yml'];
function config_emptyRuleset() {
    return {
        extends: 'recommended',
        rules: new Map(),
        overrides: [],
        environments: new Map(),
        externalNamedValues: [],
        externalFragments: [],
        externalBackends: [],
        ignore: [],
    };
}
/** Loads `configFile`, or the default file in `root` when there is one. `knownRules` validates rule ids. */
async function loadRuleset(root, configFile, knownRules) {
    const file = configFile ?? CONFIG_NAMES.map((n) => external_node_path_default().join(root, n)).find((f) => (0,external_node_fs_.existsSync)(f));
    if (!file)
        return config_emptyRuleset();
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Cannot read the ruleset file ${file}.`, 'Check the --config path.');
    }
    return parseRuleset(text, file, knownRules);
}
function parseRuleset(text, file, knownRules) {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    if (doc.errors.length) {
        const e = doc.errors[0];
        const at = e.linePos?.[0];
        throw new errors/* ConfigurationError */.j1(`${file}${at ? `:${at.line}:${at.col}` : ''}: invalid YAML: ${e.message.split('\n')[0]}`, 'Fix the YAML syntax.');
    }
    const raw = doc.toJS() ?? {};
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
    const rs = config_emptyRuleset();
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
            files: files.map(globToRegExp),
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
    rs.ignore = stringList(obj.ignore, where('ignore')).map(globToRegExp);
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
        if (o.files.some((r) => r.test(file)))
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

;// CONCATENATED MODULE: ./src/policy/entities.ts
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

;// CONCATENATED MODULE: ./src/policy/expression-scanner.ts

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
            const e = entityAt(this.s, at);
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
    const decoded = decodeEntities(raw, true);
    return { ok: true, end: sc.i, code: 'value' in decoded ? decoded.value : raw, hasReturn: sc.hasReturn };
}

;// CONCATENATED MODULE: ./src/policy/positions.ts
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

;// CONCATENATED MODULE: ./src/policy/reader.ts



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
const reader_NAMED_VALUE = /\{\{([^{}]*)\}\}/g;
function readPolicy(input, options = {}) {
    const maxBytes = options.maxBytes ?? POLICY_MAX_BYTES;
    // Cheap check first: a UTF-16 length above the limit is already too many bytes.
    if (input.length > maxBytes || Buffer.byteLength(input, 'utf8') > maxBytes) {
        return fail('size', `The document is ${Buffer.byteLength(input, 'utf8')} bytes; APIM accepts at most ${maxBytes}.`);
    }
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.trim() === '')
        return fail('empty', 'The document is empty; a policy needs a <policies> or <fragment> root.');
    const reader = new Reader(text, options.maxDepth ?? DEFAULT_MAX_DEPTH);
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
    return { root: reader.root, errors: reader.errors, comments: reader.comments };
}
function fail(code, message) {
    return { errors: [{ code, message, line: 1, column: 1 }], comments: [] };
}
class Reader {
    s;
    maxDepth;
    root;
    errors = [];
    comments = [];
    stack = [];
    lines;
    i = 0;
    constructor(s, maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
        this.lines = new LineMap(s);
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
        const node = { type: 'comment', value: this.s.slice(this.i + 4, end), ...this.pos(this.i) };
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
        else
            this.root = el;
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
        if (startsExpression(this.s, lead)) {
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
        const r = scanExpression(this.s, at);
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
        if (parent && startsExpression(this.s, lead)) {
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
        const d = decodeEntities(raw, lenient);
        if ('value' in d)
            return d.value;
        const ref = /^&[^;\s<&]{0,40};?/.exec(raw.slice(d.badOffset))?.[0] ?? '&';
        return this.fatal('entity', `'${ref}' is not an entity a policy may use (only &lt; &gt; &amp; &quot; &apos; and &#...;); write '&' as &amp;.`, offset + d.badOffset);
    }
    namedValues(raw, offset) {
        if (!raw.includes('{{'))
            return NONE;
        const refs = [];
        for (const m of raw.matchAll(reader_NAMED_VALUE)) {
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

;// CONCATENATED MODULE: ./src/validate/checks/schema.ts




/** The index of all policies, for an unknown name with no near match. */
const POLICY_REFERENCE = 'https://learn.microsoft.com/azure/api-management/api-management-policies';
/** APIM's own phrasing, so a message matches what the portal would say. */
const inElement = (el, text) => `Error in element '${el.name}' on line ${el.line}, column ${el.column}: ${text}`;
const IGNORED_ATTRIBUTES = (name) => name === 'id' || name.startsWith('xmlns');
/** Checks a parsed document against the catalog: structure, placement, attributes, content. */
function checkSchema(root, scope, emit) {
    checkDocument(root, scope, emit);
    const perSection = new Map();
    const perDocument = new Map();
    for (const visit of policies(root)) {
        const el = visit.element;
        if (el.name === 'base') {
            checkBase(visit.container, el, root, scope, emit);
            continue;
        }
        const spec = policySpec(el.name);
        if (!spec) {
            if (visit.childOfPolicy)
                continue; // reported as bad content by its parent
            const near = nearestPolicy(el.name);
            emit(UNKNOWN_POLICY, el, inElement(el, `'${el.name}' is not a known policy.`), near ? `Did you mean '${near}'?` : POLICY_REFERENCE);
            continue;
        }
        if (!visit.childOfPolicy) {
            if (visit.section && !spec.sections.includes(visit.section)) {
                emit(WRONG_SECTION, el, inElement(el, `The policy is not allowed in the '${visit.section}' section.`), `Move it to ${spec.sections.join(', ')}.`);
            }
            if (isCatalogScope(scope) && !spec.scopes.includes(scope)) {
                emit(WRONG_SCOPE, el, inElement(el, `The policy is not allowed at ${scope} scope.`), `Allowed scopes: ${spec.scopes.join(', ')}.`);
            }
            count(visit.container, el, spec, perSection, perDocument, emit);
        }
        checkAttributes(el, spec.attributes, emit, policyDocUrl(spec.name));
        checkContent(el, spec, emit);
    }
}
function isCatalogScope(scope) {
    return scope === 'global' || scope === 'product' || scope === 'api' || scope === 'operation';
}
function checkDocument(root, scope, emit) {
    const help = 'https://learn.microsoft.com/azure/api-management/api-management-howto-policies';
    if (root.name === 'fragment') {
        if (scope !== 'fragment' && scope !== 'unknown') {
            emit(DOCUMENT, root, inElement(root, `A <fragment> document cannot be a ${scope} policy.`), 'Put fragments under `policy fragments/<id>/policy.xml`.');
        }
        return;
    }
    if (root.name !== 'policies') {
        emit(DOCUMENT, root, inElement(root, `The root element must be <policies> or <fragment>, not <${root.name}>.`), help);
        return;
    }
    if (scope === 'fragment') {
        emit(DOCUMENT, root, inElement(root, 'A policy fragment must have a <fragment> root.'), 'Replace <policies> and its sections with <fragment>.');
    }
    const seen = new Set();
    for (const s of ast_childElements(root)) {
        if (!isSection(s.name)) {
            emit(DOCUMENT, s, inElement(s, `<policies> holds only inbound, backend, outbound and on-error, not <${s.name}>.`), help);
        }
        else if (seen.has(s.name)) {
            emit(DOCUMENT, s, inElement(s, `The section '${s.name}' appears twice.`), 'Merge the two sections.');
        }
        seen.add(s.name);
    }
    reportText(root, emit, 'policies');
    for (const s of ast_childElements(root))
        if (isSection(s.name))
            reportText(s, emit, s.name);
}
function checkBase(container, el, root, scope, emit) {
    if (root.name === 'fragment') {
        emit(DOCUMENT, el, inElement(el, 'A fragment cannot contain <base />.'), 'Remove it; the including policy decides inheritance.');
    }
    else if (!isSection(container.name)) {
        emit(DOCUMENT, el, inElement(el, '<base /> must stand directly in a section.'), 'Move it out of the enclosing policy.');
    }
    else if (scope === 'global') {
        emit({ ...DOCUMENT, severity: 'warning' }, el, inElement(el, '<base /> means nothing at global scope: there is no parent policy.'), 'Remove it.');
    }
}
function count(container, el, spec, perSection, perDocument, emit) {
    if (spec.oncePerSection) {
        const counts = perSection.get(container) ?? new Map();
        perSection.set(container, counts);
        const n = (counts.get(el.name) ?? 0) + 1;
        counts.set(el.name, n);
        if (n === 2)
            emit(ONCE, el, inElement(el, `'${el.name}' may appear only once per section.`), 'Merge or remove the repeated policy.');
    }
    if (spec.oncePerDocument) {
        const n = (perDocument.get(el.name) ?? 0) + 1;
        perDocument.set(el.name, n);
        if (n === 2)
            emit(ONCE, el, inElement(el, `'${el.name}' may appear only once per policy document.`), 'Merge or remove the repeated policy.');
    }
}
function checkAttributes(el, specs, emit, help) {
    if (!specs)
        return;
    for (const a of el.attributes) {
        if (IGNORED_ATTRIBUTES(a.name))
            continue;
        const spec = specs.find((s) => s.name === a.name);
        if (!spec) {
            const known = specs.map((s) => s.name).join(', ') || 'none';
            emit(ATTRIBUTE, a, inElement(el, `The '${a.name}' attribute is not declared.`), `Known attributes: ${known}. ${help}`);
            continue;
        }
        checkValue(el, a, spec, emit, help);
    }
    for (const s of specs) {
        if (s.required && !el.attributes.some((a) => a.name === s.name)) {
            emit(ATTRIBUTE, el, inElement(el, `The required attribute '${s.name}' is missing.`), help);
        }
    }
}
function checkValue(el, a, spec, emit, help) {
    const at = { line: a.valueLine, column: a.valueColumn };
    if (a.expression && spec.expressions === false) {
        emit(ATTRIBUTE, at, inElement(el, `The '${a.name}' attribute does not accept policy expressions.`), `Use a literal value or a named value. ${help}`);
        return;
    }
    if (isDynamic(a))
        return;
    const v = a.value.trim();
    if (spec.values && !spec.values.some((x) => x.toLowerCase() === v.toLowerCase())) {
        emit(ATTRIBUTE, at, inElement(el, `The '${a.name}' attribute has the invalid value '${a.value}'.`), `Use one of: ${spec.values.join(', ')}.`);
        return;
    }
    const bad = typeProblem(v, spec);
    if (bad)
        emit(ATTRIBUTE, at, inElement(el, `The '${a.name}' attribute ${bad}.`), help);
}
function typeProblem(v, spec) {
    if (spec.type === 'boolean' && !/^(true|false)$/i.test(v))
        return `must be true or false, not '${v}'`;
    if ((spec.type === 'integer' && !/^-?\d+$/.test(v)) ||
        (spec.type === 'number' && !/^-?\d+(\.\d+)?$/.test(v))) {
        return `must be a number, not '${v}'`;
    }
    const n = Number(v);
    if (spec.type === 'integer' || spec.type === 'number' || spec.min !== undefined || spec.max !== undefined) {
        if (Number.isNaN(n))
            return spec.min !== undefined || spec.max !== undefined ? `must be a number, not '${v}'` : undefined;
        if (spec.min !== undefined && n < spec.min)
            return `must be at least ${spec.min}, not ${v}`;
        if (spec.max !== undefined && n > spec.max)
            return `must be at most ${spec.max}, not ${v}`;
    }
    return undefined;
}
function checkContent(el, spec, emit) {
    if (spec.content === 'any')
        return;
    if (!spec.text)
        reportText(el, emit, el.name);
    if (spec.content === 'policies')
        return;
    const children = ast_childElements(el);
    const allowed = spec.children ?? {};
    const names = Object.keys(allowed);
    const counts = new Map();
    for (const c of children) {
        const cs = allowed[c.name];
        if (!cs) {
            const list = names.length
                ? `List of possible elements expected: ${names.map((n) => `'${n}'`).join(', ')}.`
                : 'It has no child elements.';
            emit(CHILD, c, inElement(el, `The element '${el.name}' cannot contain element '${c.name}'. ${list}`), policyDocUrl(spec.name));
            continue;
        }
        const n = (counts.get(c.name) ?? 0) + 1;
        counts.set(c.name, n);
        if (cs.max !== undefined && n === cs.max + 1) {
            emit(CHILD, c, inElement(el, `'${c.name}' may appear at most ${cs.max} time(s) in '${el.name}'.`), policyDocUrl(spec.name));
        }
        if (cs.attributes)
            checkAttributes(c, cs.attributes, emit, policyDocUrl(spec.name));
        if (cs.content === 'policies' && c.children.length)
            reportText(c, emit, c.name);
    }
    for (const r of spec.requiredChildren ?? []) {
        if (!counts.has(r))
            emit(CHILD, el, inElement(el, `The element '${el.name}' needs at least one '${r}' element.`), policyDocUrl(spec.name));
    }
}
function reportText(el, emit, name) {
    const text = el.children.find((c) => c.type === 'text' && (c.cdata || c.value.trim() !== ''));
    if (!text || text.type !== 'text')
        return;
    const names = el.name === name ? name : el.name;
    emit(CHILD, text, inElement(el, `The element '${names}' cannot contain text.`), 'Remove the text or move it into the child element that takes it.');
}

;// CONCATENATED MODULE: ./src/validate/checks/references.ts




/** Checks `{{named values}}`, include-fragment ids and backend ids against the repository. */
function checkReferences(root, index, emit) {
    walkNamedValues(root, false, (ref, el) => {
        if (!index.namedValues.has(ref.name.toLowerCase())) {
            emit(NAMED_VALUE, ref, inElement(el, `Cannot find a property '${ref.name}' (named value).`), NAMED_VALUE.docs);
        }
    });
    for (const { element: el } of policies(root)) {
        if (el.name === 'include-fragment') {
            if (root.name === 'fragment') {
                emit(DOCUMENT, el, inElement(el, 'A fragment cannot include another fragment.'), "Inline the inner fragment's policies.");
                continue;
            }
            const id = attr(el, 'fragment-id');
            if (id && !id.namedValues.length && !index.fragments.has(id.value.toLowerCase())) {
                emit(FRAGMENT, { line: id.valueLine, column: id.valueColumn }, inElement(el, `Policy fragment with id '${id.value}' could not be found.`), FRAGMENT.docs);
            }
        }
        if (el.name === 'set-backend-service') {
            const id = attr(el, 'backend-id');
            if (id && !id.expression && !id.namedValues.length && !index.backends.has(id.value.toLowerCase())) {
                emit(BACKEND, { line: id.valueLine, column: id.valueColumn }, inElement(el, `Backend with id '${id.value}' could not be found.`), BACKEND.docs);
            }
        }
    }
}
/** Every named-value reference with its element; Liquid templates (`{{body.x}}`) are not named values. */
function walkNamedValues(el, inLiquid, visit) {
    for (const a of el.attributes)
        for (const ref of a.namedValues)
            visit(ref, el);
    const liquid = inLiquid ||
        (el.name === 'set-body' && attr(el, 'template')?.value === 'liquid') ||
        attr(el, 'template')?.value === 'liquid';
    for (const c of el.children) {
        if (c.type === 'element')
            walkNamedValues(c, liquid, visit);
        else if (c.type === 'text' && !liquid)
            for (const ref of c.namedValues)
                visit(ref, el);
    }
}

;// CONCATENATED MODULE: ./src/validate/suppress.ts
const DIRECTIVE = /^\s*apim-gogs-disable(-file)?\s+([\w\-/ ,]+?)\s*(?::.*)?$/s;
function suppress_suppressions(read) {
    const out = [];
    if (!read.comments.some((c) => c.value.includes('apim-gogs-disable')))
        return out;
    const root = read.root;
    const parse = (c) => {
        const m = DIRECTIVE.exec(c.value);
        if (!m)
            return undefined;
        return { rules: new Set(m[2].split(/[\s,]+/).filter(Boolean)), file: m[1] !== undefined };
    };
    const inTree = new Set();
    const stack = root ? [root] : [];
    while (stack.length) {
        const el = stack.pop();
        el.children.forEach((c, i) => {
            if (c.type === 'element')
                stack.push(c);
            if (c.type !== 'comment')
                return;
            inTree.add(c);
            const d = parse(c);
            if (!d)
                return;
            const next = el.children.slice(i + 1).find((n) => n.type === 'element');
            out.push(d.file
                ? { rules: d.rules, fromLine: 1, toLine: Infinity }
                : { rules: d.rules, fromLine: c.line, toLine: next ? next.endLine : c.line + 1 });
        });
    }
    for (const c of read.comments) {
        if (inTree.has(c))
            continue;
        const d = parse(c);
        if (d)
            out.push({ rules: d.rules, fromLine: 1, toLine: Infinity });
    }
    return out;
}
function isSuppressed(list, ruleId, line) {
    return list.some((s) => s.rules.has(ruleId) && line >= s.fromLine && line <= s.toLine);
}

;// CONCATENATED MODULE: ./src/validate/engine.ts









/** Fragments may be larger than policies (APIM: 512 KB). */
const FRAGMENT_MAX_BYTES = 512 * 1024;
function finding(file, rule, at, message, help) {
    const { line, column, endLine, endColumn } = at;
    return {
        ruleId: rule.id,
        file,
        line,
        column,
        endLine,
        endColumn,
        message,
        help,
        defaultSeverity: rule.severity,
    };
}
/** Reads and checks one policy document: syntax, schema, references (when known) and lint rules. */
function engine_checkPolicyText(file, scope, text, settings) {
    const read = readPolicy(text, { maxBytes: scope === 'fragment' ? FRAGMENT_MAX_BYTES : POLICY_MAX_BYTES });
    const findings = read.errors.map((e) => finding(file, e.code === 'expression' ? EXPRESSION : SYNTAX, e, e.code === 'expression' ? e.message : e.message));
    const root = read.root;
    if (!root)
        return { read, findings };
    if (scope === 'unknown' && root.name !== 'policies' && root.name !== 'fragment') {
        findings.push(finding(file, { ...SYNTAX, severity: 'info' }, root, `<${root.name}> is not a policy document; the file is skipped.`, 'Only <policies> and <fragment> documents are validated.'));
        return { read, findings };
    }
    const emit = (rule, at, message, help) => {
        findings.push(finding(file, rule, at, message, help));
    };
    checkSchema(root, scope, emit);
    if (settings.index)
        checkReferences(root, settings.index, emit);
    const env = settings.environment ? settings.ruleset.environments.get(settings.environment) : undefined;
    for (const rule of LINT_RULES) {
        if (!rule.checkDocument)
            continue;
        const setting = ruleSetting(settings.ruleset, rule.meta.id, file, settings.environment);
        if (setting.severity === 'off')
            continue;
        rule.checkDocument({
            file,
            scope,
            root,
            environment: settings.environment,
            protectedEnvironment: env?.protected ?? false,
            options: setting.options,
            namedValues: settings.namedValues,
        }, (at, message, help) => emit(rule.meta, at, message, help));
    }
    return { read, findings };
}
/** Applies the ruleset (severity, off, extends: none) and inline suppressions; gives contract diagnostics. */
function engine_finalize(findings, settings, suppressionsByFile) {
    const out = [];
    for (const f of findings) {
        const meta = ruleMeta(f.ruleId);
        if (!meta)
            continue;
        const setting = ruleSetting(settings.ruleset, f.ruleId, f.file, settings.environment);
        if (setting.severity === 'off')
            continue;
        if (!setting.severity && settings.ruleset.extends === 'none' && isLintRule(f.ruleId))
            continue;
        if (isSuppressed(suppressionsByFile.get(f.file) ?? [], f.ruleId, f.line))
            continue;
        const d = {
            ruleId: f.ruleId,
            severity: setting.severity ?? f.defaultSeverity,
            category: meta.category,
            file: f.file,
            line: f.line,
            column: f.column,
            message: f.message,
            help: f.help ?? meta.url ?? ruleDocUrl(meta.id),
        };
        if (f.endLine !== undefined)
            d.endLine = f.endLine;
        if (f.endColumn !== undefined)
            d.endColumn = f.endColumn;
        out.push(d);
    }
    return out;
}


;// CONCATENATED MODULE: ./src/validate/index.ts










/** Validates a whole repository in the APIOps layout. A broken ruleset throws ConfigurationError. */
async function validateRepository(options) {
    const ruleset = await loadRuleset(options.root, options.configFile, ALL_RULES.map((r) => r.id));
    const loaded = options.repository ?? (await loadRepository(options.root));
    const values = options.templateValues ??
        (options.environment ? await (0,template/* loadEnvironmentValues */.c3)(options.root, options.environment) : {});
    // Rendered into a copy: the loaded repository stays as the files are, for whoever deploys it.
    const placeholders = [];
    const repo = {
        ...loaded,
        policies: loaded.policies.map((policy) => {
            if (!policy.text.includes('#{'))
                return policy;
            const rendered = (0,template/* renderTemplate */.Xm)(policy.text, values, policy.file);
            placeholders.push(...rendered.diagnostics);
            return { ...policy, text: rendered.text };
        }),
    };
    const productApis = await loadProductApis(repo.root);
    const checked = validateLoaded(repo, ruleset, options, (api) => productApis.get(api) ?? []);
    return placeholders.length
        ? result([...checked.diagnostics, ...placeholders], checked.summary.files)
        : checked;
}
function validateLoaded(repo, ruleset, options, productsOf = () => []) {
    const env = options.environment ? ruleset.environments.get(options.environment) : undefined;
    const lower = (xs) => xs.map((x) => x.toLowerCase());
    const index = {
        namedValues: new Set(lower([
            ...repo.namedValues.flatMap((n) => [n.displayName, n.id]),
            ...ruleset.externalNamedValues,
            ...(env?.namedValues ?? []),
            ...(options.externalNamedValues ?? []),
        ])),
        fragments: new Set(lower([
            ...repo.fragments.map((f) => f.id),
            ...repo.policies.flatMap((p) => (p.fragmentId ? [p.fragmentId] : [])),
            ...ruleset.externalFragments,
        ])),
        backends: new Set(lower([...repo.backends.map((b) => b.id), ...ruleset.externalBackends])),
    };
    const settings = {
        ruleset,
        environment: options.environment,
        index,
        namedValues: new Map(repo.namedValues.map((n) => [n.displayName, n])),
    };
    const ignored = (file) => ruleset.ignore.some((r) => r.test(file));
    const findings = [];
    const suppressed = new Map();
    const undecodable = new Set();
    for (const p of repo.problems) {
        if (ignored(p.file))
            continue;
        const isPolicy = repo.policies.some((x) => x.file === p.file);
        if (isPolicy)
            undecodable.add(p.file);
        findings.push(finding(p.file, isPolicy ? SYNTAX : LAYOUT, p, p.message));
    }
    const parsed = [];
    let files = 0;
    for (const p of repo.policies) {
        if (ignored(p.file))
            continue;
        files++;
        if (undecodable.has(p.file))
            continue;
        const { read, findings: f } = engine_checkPolicyText(p.file, p.scope, p.text, settings);
        findings.push(...f);
        suppressed.set(p.file, suppress_suppressions(read));
        parsed.push({ ...p, root: read.root });
    }
    const effective = effectivePolicies(parsed, productsOf);
    for (const rule of LINT_RULES) {
        if (!rule.checkRepository)
            continue;
        rule.checkRepository({
            repo,
            effective,
            options: ruleSetting(ruleset, rule.meta.id, '', options.environment).options,
            report: (file, at, message, help) => findings.push(finding(file, rule.meta, at, message, help)),
        });
    }
    return result(engine_finalize(findings, settings, suppressed), files);
}
/**
 * Validates one policy text (for example a rendered policy before deployment). Reference checks run
 * only when `index` is given; scope 'unknown' skips scope checks.
 */
function validatePolicyText(text, options = {}) {
    const file = options.file ?? 'policy.xml';
    const settings = {
        ruleset: options.ruleset ?? emptyRuleset(),
        environment: options.environment,
        index: options.index,
        namedValues: new Map(),
    };
    const { read, findings } = checkPolicyText(file, options.scope ?? 'unknown', text, settings);
    return result(finalize(findings, settings, new Map([[file, suppressions(read)]])), 1);
}
function result(diagnostics, files) {
    const count = (s) => diagnostics.filter((d) => d.severity === s).length;
    return {
        diagnostics: sorted(diagnostics),
        summary: { files, errors: count('error'), warnings: count('warning'), infos: count('info') },
    };
}
/**
 * The order of compareDiagnostics (file, position, rule), computed faster: files are compared once
 * each through a shared collator (what localeCompare uses) instead of in every comparison.
 */
function sorted(diagnostics) {
    const collator = new Intl.Collator();
    const byFile = new Map();
    for (const d of diagnostics) {
        const list = byFile.get(d.file);
        if (list)
            list.push(d);
        else
            byFile.set(d.file, [d]);
    }
    const out = [];
    for (const file of [...byFile.keys()].sort(collator.compare)) {
        const list = byFile.get(file);
        list.sort((a, b) => a.line - b.line || a.column - b.column || collator.compare(a.ruleId, b.ruleId));
        for (const d of list)
            out.push(d);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/stages/validate-stage.ts








/**
 * Validates the whole checked-out repository and annotates the run. On a pull request only the files
 * it changes are annotated (the rest are still checked and counted).
 */
async function validateStage(host, inputs, co) {
    return host.logger.group('Validate policies', async () => {
        const repository = await loadRepository(co.path);
        const templateValues = inputs.environment ? await (0,template/* loadEnvironmentValues */.c3)(co.path, inputs.environment) : {};
        const result = await validateRepository({
            root: co.path,
            configFile: inputs.config ? external_node_path_default().resolve(co.path, inputs.config) : undefined,
            environment: inputs.environment,
            repository,
            templateValues,
        });
        let annotate = result.diagnostics;
        if (inputs.pullRequest) {
            const base = inputs.baseRef ?? co.repository.defaultBranch;
            const changed = await changedFiles(co.path, (0,credentials/* gitCredentials */.j)(inputs.gogsUrl, inputs.token, inputs.gogsCaFile), base);
            annotate = annotate.filter((d) => changed.has(d.file));
            const hidden = result.diagnostics.length - annotate.length;
            if (hidden > 0)
                host.logger.info(`${hidden} finding(s) in files this pull request does not change are not annotated.`);
        }
        for (const d of annotate)
            host.annotate(d);
        host.logger.info(formatReport(result, 'stylish'));
        host.setOutput('diagnostics', String(result.diagnostics.length));
        await host.appendSummary(formatReport(result, 'markdown'));
        const failed = result.diagnostics.some((d) => (0,diagnostic/* atOrAbove */.kU)(d.severity, inputs.failSeverity));
        return { result, failed, repository, templateValues };
    });
}


/***/ }),

/***/ 7886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   c3: () => (/* binding */ loadEnvironmentValues),
/* harmony export */   hF: () => (/* binding */ renderJson)
/* harmony export */ });
/* unused harmony export PLACEHOLDER_RULE */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);




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
/** Reads `environments/<env>.yaml|.yml|.json` under `root`; {} when there is none. */
async function loadEnvironmentValues(root, environment) {
    if (!/^[A-Za-z0-9_.-]+$/.test(environment)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Environment name '${environment}' is not valid.`, 'Use letters, digits, _ - and .');
    }
    for (const ext of ['yaml', 'yml', 'json']) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, 'environments', `${environment}.${ext}`);
        let text;
        try {
            text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
        }
        catch {
            continue;
        }
        let parsed;
        try {
            parsed = ext === 'json' ? JSON.parse(text) : (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text);
        }
        catch (err) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`environments/${environment}.${ext} does not parse: ${err.message}`);
        }
        if (parsed && typeof parsed === 'object' && 'values' in parsed)
            parsed = parsed.values;
        if (parsed === null || parsed === undefined)
            return {};
        if (typeof parsed !== 'object' || Array.isArray(parsed)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`environments/${environment}.${ext} must be a map of name: value.`);
        }
        const out = {};
        for (const [k, v] of Object.entries(parsed)) {
            if (v !== null && typeof v === 'object') {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`environments/${environment}.${ext}: value of '${k}' must be a string or number.`);
            }
            out[k] = String(v);
        }
        return out;
    }
    return {};
}


/***/ })

};
