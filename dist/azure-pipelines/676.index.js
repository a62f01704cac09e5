export const id = 676;
export const ids = [676];
export const modules = {

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const pico = __webpack_require__(8016);
const utils = __webpack_require__(6440);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 4676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateStage: () => (/* binding */ validateStage)
});

// EXTERNAL MODULE: ./src/gogs/git.ts + 6 modules
var git = __webpack_require__(2652);
// EXTERNAL MODULE: ./src/gogs/ref-name.ts
var ref_name = __webpack_require__(8541);
;// CONCATENATED MODULE: ./src/gogs/changed-files.ts


/**
 * Files that differ between the tip of `baseBranch` and HEAD, for annotating only what a pull request
 * touches. Both tips are compared as trees, so a shallow checkout suffices; a file changed on the
 * base branch after the pull request forked also counts (an extra annotation, never a missed one).
 */
async function changedFiles(cwd, creds, baseBranch) {
    (0,ref_name/* assertRefName */.r)(baseBranch, 'base-ref');
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
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

// EXTERNAL MODULE: ./src/policy/reader.ts
var reader = __webpack_require__(5171);
// EXTERNAL MODULE: ./src/policy/repo-file.ts
var repo_file = __webpack_require__(5539);
;// CONCATENATED MODULE: ./src/policy/layout.ts






/** Folders that never hold policies; skipping them keeps a walk of a real checkout fast. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.github', '.vscode', '.azure-pipelines']);
const DEFAULT_WALK_LIMITS = { maxEntries: 200_000, maxReadBytes: 512 * 1024 * 1024 };
/**
 * Reads a repository in the APIOps layout (DESIGN.md "Repository layout"). The scope of a policy
 * comes from where it sits; any other `.xml` file is kept as a loose policy with an unknown scope,
 * so a folder of policies can be validated without the layout.
 */
async function loadRepository(root, options = {}) {
    const limits = { ...DEFAULT_WALK_LIMITS, ...options.limits };
    const absRoot = external_node_path_default().resolve(root);
    // APIOps repositories keep the layout in a subfolder (artifacts-path); scopes come from the path
    // inside it, while file names stay repository-relative so annotations land on the right file.
    const artifacts = (options.artifactsPath ?? '').replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
    const prefix = artifacts && artifacts !== '.' ? `${artifacts}/` : '';
    const absArtifacts = external_node_path_default().join(absRoot, prefix);
    const repo = {
        root: absRoot,
        ...(prefix ? { artifactsPath: prefix.slice(0, -1) } : {}),
        policies: [],
        namedValues: [],
        backends: [],
        fragments: [],
        problems: [],
    };
    // The artifacts folder is inside the untrusted checkout: it must not be (or pass through) a link.
    if (prefix)
        await (0,repo_file/* statInside */.LW)(absRoot, prefix);
    const state = { entries: 0, links: [], limits };
    const files = (await walk(absArtifacts, '', state)).sort();
    if (state.links.length) {
        const links = state.links.sort().map((l) => prefix + l);
        const err = (0,repo_file/* symlinkError */.OL)(links[0]);
        throw new errors/* ConfigurationError */.j1(links.length === 1 ? err.message : `${err.message} Also: ${links.slice(1, 6).join(', ')}.`, err.hint);
    }
    // Sizes before reads: an oversized file is reported from its lstat size and never loaded.
    const sizes = await statAll(absArtifacts, files.filter((inner) => wanted(inner.split('/'))));
    let total = 0;
    const toRead = [];
    for (const [inner, size] of sizes) {
        const max = inner.toLowerCase().endsWith('.xml') ? reader/* POLICY_MAX_BYTES */.gY : repo_file/* SETTINGS_MAX_BYTES */.BS;
        if (size > max) {
            const file = prefix + inner;
            // Policies say what the reader would (APIM's own limit); settings files name their own limit.
            const message = max === reader/* POLICY_MAX_BYTES */.gY
                ? `The document is ${size} bytes; APIM accepts at most ${max}.`
                : (0,repo_file/* tooLargeError */.SH)(file, size, max).message;
            repo.problems.push({ file, line: 1, column: 1, message, unreadable: true });
            continue;
        }
        total += size;
        toRead.push(inner);
    }
    if (total > limits.maxReadBytes) {
        throw new errors/* ConfigurationError */.j1(`The repository's policies and information files hold ${total} bytes; apim-gogs reads at most ${limits.maxReadBytes} in one run.`, 'Split the repository, or point artifacts-path at the folder that holds the APIOps layout.');
    }
    // Read every file first, many at a time (a 10,000-policy repository is I/O bound), then place
    // them in sorted order so the result does not depend on timing.
    const contents = await readAll(absArtifacts, toRead);
    for (const inner of files) {
        const parts = inner.split('/');
        const rel = prefix + inner;
        const base = parts[parts.length - 1];
        const bytes = contents.get(inner);
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
            if (placed === 'ignored' || placed === 'misplaced')
                continue;
            if (!bytes) {
                // Too large to read: still a policy of the repository (never silently dropped, which with
                // prune would delete its live policy), with no text; the problem above stops the deployment.
                repo.policies.push({ file: rel, ...placed, text: '' });
                continue;
            }
            const decoded = decodePolicyBytes(bytes);
            if (!decoded.ok) {
                repo.problems.push({
                    file: rel,
                    line: decoded.line,
                    column: decoded.column,
                    message: decoded.message,
                    unreadable: true,
                });
            }
            repo.policies.push({ file: rel, ...placed, text: decoded.text });
            continue;
        }
        const json = bytes && readJson(bytes, rel, repo.problems);
        if (!json)
            continue;
        // workspaces/{ws}/named values/{id}/... holds the same files as the service level, one level down.
        const ws = parts[0] === 'workspaces' ? { workspaceId: parts[1] } : {};
        const id = parts[parts.length - 2];
        if (base === 'namedValueInformation.json')
            repo.namedValues.push({ ...namedValue(id, rel, json), ...ws });
        else if (base === 'backendInformation.json')
            repo.backends.push({ ...backend(id, rel, json), ...ws });
        else
            repo.fragments.push({ ...fragment(id, rel, json), ...ws });
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
    if (parts.length === 5 && parts[0] === 'workspaces')
        return INFO_FILES[parts[2]] === base;
    return parts.length === 3 && INFO_FILES[parts[0]] === base;
}
/** lstat of each file, many at a time: the size decides before any byte is read. */
async function statAll(absRoot, files) {
    const out = new Map();
    let next = 0;
    const worker = async () => {
        while (next < files.length) {
            const rel = files[next++];
            out.set(rel, (await (0,promises_.lstat)(external_node_path_default().join(absRoot, rel))).size);
        }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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
/** What a workspace folder may hold (no nested workspaces, no global policy). */
const LAYOUT_IN_WORKSPACE = new Set(['apis', 'products', 'policy fragments', 'named values', 'backends']);
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
    // An APIM workspace holds its own policy and the service-level layout one level down:
    // workspaces/{ws}/policy.xml, workspaces/{ws}/apis/{api}/policy.xml, ...
    if (top === 'workspaces' && parts.length >= 3) {
        const workspaceId = parts[1];
        if (parts.length === 3)
            return { scope: 'workspace', workspaceId };
        const inner = parts.slice(2);
        const placed = LAYOUT_IN_WORKSPACE.has(inner[0]) ? placePolicy(inner) : 'misplaced';
        if (placed === 'ignored' || placed === 'misplaced')
            return placed;
        return placed.scope === 'unknown' ? placed : { ...placed, workspaceId };
    }
    // GraphQL resolvers are APIOps places this tool does not deploy: still validated, with an unknown
    // scope, never reported as misplaced.
    if (top === 'apis' && parts.length === 5 && parts[2] === 'resolvers')
        return { scope: 'unknown' };
    return 'misplaced';
}
const LAYOUT_TOPS = new Set([
    'apis',
    'products',
    'policy fragments',
    'named values',
    'backends',
    'workspaces',
]);
const READ_EXTENSIONS = /\.(xml|json|ya?ml)$/i;
/**
 * Every file below `rel`; sibling folders are read concurrently (a large repository has thousands).
 * Links are never followed: one inside the layout, named like a file apim-gogs reads, or standing for a
 * layout folder is collected (the caller refuses the repository, naming it), so a linked policy.xml is
 * neither read from outside the checkout nor silently skipped (which prune would turn into a delete).
 */
async function walk(absRoot, rel, state) {
    const entries = await (0,promises_.readdir)(external_node_path_default().join(absRoot, rel), { withFileTypes: true });
    state.entries += entries.length;
    if (state.entries > state.limits.maxEntries) {
        throw new errors/* ConfigurationError */.j1(`The repository has more than ${state.limits.maxEntries} files and folders; apim-gogs stops walking it.`, 'Point artifacts-path at the folder that holds the APIOps layout, or remove what does not belong.');
    }
    const out = [];
    const folders = [];
    for (const e of entries) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isSymbolicLink()) {
            const top = child.split('/')[0];
            if (LAYOUT_TOPS.has(top) || READ_EXTENSIONS.test(e.name))
                state.links.push(child);
        }
        else if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name))
                folders.push(walk(absRoot, child, state));
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
        // The position only: the parser's message quotes the file, and problems reach logs and comments.
        const at = (0,repo_file/* jsonErrorPosition */.OG)(text, err) ?? { line: 1, column: 1 };
        problems.push({
            file: rel,
            ...at,
            message: `'${rel}' is not valid JSON (line ${at.line}, column ${at.column}).`,
            unreadable: true,
        });
    }
    return undefined;
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

;// CONCATENATED MODULE: ./src/policy/artifacts.ts




/**
 * artifacts-path: the folder of the repository that holds the APIOps layout. APIOps repositories
 * keep it in a subfolder (the APIOps sample uses `SampleArtifacts/`, its pipelines `apimartifacts/`);
 * apim-gogs' default is the repository root. Every mode and door reads the repository through
 * loadArtifacts, so they all see the same files and say the same thing when the folder is wrong.
 */
/** Top-level folders of the APIOps layout that apim-gogs reads. */
const LAYOUT_FOLDERS = ['apis', 'products', 'policy fragments', 'named values', 'backends', 'workspaces'];
/** The absolute folder of the layout inside a loaded repository. */
function artifactsRoot(repo) {
    return external_node_path_default().join(repo.root, repo.artifactsPath ?? '');
}
/**
 * Checks an artifacts-path value against the repository root: relative, inside the repository, an
 * existing folder. Returns it normalised with forward slashes ('' for the root).
 */
async function checkArtifactsPath(root, value) {
    const raw = (value ?? '').trim();
    if (!raw || raw === '.' || raw === './')
        return '';
    const rel = external_node_path_default().posix.normalize(raw.replace(/\\/g, '/')).replace(/^\.\/+|\/+$/g, '');
    if (external_node_path_default().isAbsolute(raw) || rel === '..' || rel.startsWith('../')) {
        throw new errors/* ConfigurationError */.j1(`artifacts-path '${raw}' is not a folder inside the repository.`, 'Give the folder relative to the repository root, e.g. artifacts-path: apimartifacts');
    }
    const abs = external_node_path_default().join(root, rel);
    const info = await (0,promises_.stat)(abs).catch(() => undefined);
    if (!info?.isDirectory()) {
        const found = await findLayoutFolders(root);
        throw new errors/* ConfigurationError */.j1(`artifacts-path '${rel}' does not exist in the repository ${root}.`, found.length
            ? `The APIOps layout is in: ${found.join(', ')}. Set artifacts-path to one of them.`
            : 'Set artifacts-path to the folder that holds apis/, products/, named values/ ... (default: the root).');
    }
    return rel;
}
/** Whether the repository holds anything placed by the layout (not only loose XML files). */
function hasLayout(repo) {
    return (repo.policies.some((p) => p.scope !== 'unknown') ||
        repo.namedValues.length > 0 ||
        repo.backends.length > 0 ||
        repo.fragments.length > 0);
}
/**
 * Loads the repository from its artifacts folder. A folder with no APIOps layout is a configuration
 * error that names the subfolders that do hold one (instead of "0 files checked", or false findings
 * on an artifacts folder read as loose files); a folder of loose policies is still validated.
 */
async function loadArtifacts(root, artifactsPath) {
    const absRoot = external_node_path_default().resolve(root);
    const rel = await checkArtifactsPath(absRoot, artifactsPath);
    const repo = await loadRepository(absRoot, { artifactsPath: rel });
    if (hasLayout(repo))
        return repo;
    const where = rel ? `artifacts-path '${rel}'` : `the repository root ${absRoot}`;
    const found = (await findLayoutFolders(external_node_path_default().join(absRoot, rel))).map((f) => (rel ? `${rel}/${f}` : f));
    if (found.length) {
        throw new errors/* ConfigurationError */.j1(`No APIOps layout in ${where}: no policy.xml, apis/, products/, named values/, backends/ or policy fragments/ there.`, `The layout is in ${found.map((f) => `'${f}'`).join(', ')}: set artifacts-path: ${found[0]} (CLI: --artifacts-path ${JSON.stringify(found[0])}).`);
    }
    if (repo.policies.length === 0) {
        throw new NoPolicyFilesError(`No policy files in ${where}: nothing to validate or deploy.`, 'Point artifacts-path at the folder of the APIOps layout (policy.xml, apis/, products/, named values/, backends/, policy fragments/).');
    }
    return repo;
}
/** A folder with no policy file at all: an error for a deployment, a warning for validate. */
class NoPolicyFilesError extends errors/* ConfigurationError */.j1 {
}
/** Subfolders (two levels deep at most) that hold the APIOps layout, for the hint. */
async function findLayoutFolders(dir, depth = 2) {
    const out = [];
    const visit = async (rel, level) => {
        const entries = await (0,promises_.readdir)(external_node_path_default().join(dir, rel), { withFileTypes: true }).catch(() => []);
        const names = new Set(entries.map((e) => e.name));
        if (rel && (LAYOUT_FOLDERS.some((f) => names.has(f)) || names.has('policy.xml'))) {
            out.push(rel);
            return;
        }
        if (level >= depth)
            return;
        for (const e of entries) {
            if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules')
                continue;
            if (!rel && LAYOUT_FOLDERS.includes(e.name))
                continue;
            await visit(rel ? `${rel}/${e.name}` : e.name, level + 1);
        }
    };
    await visit('', 0);
    return out.sort();
}

// EXTERNAL MODULE: ./src/policy/apiops-config.ts
var apiops_config = __webpack_require__(143);
// EXTERNAL MODULE: ./src/policy/template.ts
var template = __webpack_require__(7886);
;// CONCATENATED MODULE: ./src/policy/apiops-overrides.ts




function applyApiopsConfiguration(repo, config, values) {
    const applied = [];
    const used = new Set();
    const conflicts = [];
    const at = (o) => `${config.file}:${o.line}`;
    const linkFormats = [];
    const mergeInfo = (kind, list, overrides, rebuild) => list.map((item) => {
        const o = overrides.get(item.id.toLowerCase());
        if (!o)
            return item;
        used.add(o);
        const resolved = (0,apiops_config/* resolveOverride */.d9)(o, config, values);
        const props = kind === 'fragment' ? withoutPolicyKeys(resolved) : resolved;
        conflicts.push(...conflictsOf(item.properties, props, values, item.file, at(o), kind, item.id));
        applied.push(`${kind} ${item.id}`);
        return {
            ...rebuild(item.id, item.file, { properties: (0,apiops_config/* mergeOverride */.b2)(item.properties, props) }),
            file: item.file,
        };
    });
    const namedValues = mergeInfo('named value', repo.namedValues, config.namedValues, namedValue);
    const backends = mergeInfo('backend', repo.backends, config.backends, backend);
    const fragments = mergeInfo('fragment', repo.fragments, config.policyFragments, fragment);
    const policies = repo.policies.map((p) => {
        const o = policyOverride(config, p);
        if (!o)
            return p;
        used.add(o);
        const { value, format } = (0,apiops_config/* resolveOverride */.d9)(o, config, values);
        if (format !== undefined && format !== 'rawxml' && format !== 'xml')
            linkFormats.push(`${p.file} (${String(format)})`);
        if (typeof value !== 'string')
            return p;
        const rendered = (0,template/* renderTemplate */.Xm)(p.text, values, p.file);
        if (rendered.used.some((n) => n in values) && rendered.text !== value) {
            conflicts.push(`${p.file} takes environment placeholders (${rendered.used.join(', ')}) from environments/<environment>.yaml, and ${at(o)} replaces the whole policy with a different value`);
        }
        applied.push(`policy ${p.file}`);
        return { ...p, text: value };
    });
    if (conflicts.length) {
        throw new errors/* ConfigurationError */.j1(`environments/<environment>.yaml and ${config.file} set the same value differently: ${conflicts.join('; ')}.`, 'Set each value in one place: drop the placeholder from the file, or the override from the configuration file (or make them equal).');
    }
    const warnings = [];
    if (config.ignored.size) {
        const list = [...config.ignored].map(([k, n]) => (n > 1 ? `${k} (${n})` : k)).join(', ');
        warnings.push(`${config.file}: apim-gogs manages named values, backends, policy fragments and policies; these keys are ignored: ${list}.`);
    }
    if (linkFormats.length) {
        warnings.push(`${config.file}: a policy format other than rawxml or xml is ignored (apim-gogs deploys the text it validated, never a link): ${linkFormats.join(', ')}.`);
    }
    const unmatched = allOverrides(config).filter((x) => !used.has(x.o) && !x.container);
    if (unmatched.length) {
        warnings.push(`${config.file}: no such resource in the repository, so these overrides do nothing (as in APIOps): ${unmatched
            .map((x) => `${x.kind} '${x.o.name}' (line ${x.o.line})`)
            .join(', ')}.`);
    }
    return { repository: { ...repo, namedValues, backends, fragments, policies }, applied, warnings };
}
/** A fragment's policy text is policy.xml; its `value`/`format` override is applied to the policy. */
function withoutPolicyKeys(p) {
    const { value: _v, format: _f, ...rest } = p;
    return rest;
}
const rootName = (apiId) => apiId.replace(/;rev=.*$/i, '').toLowerCase();
function policyOverride(config, p) {
    switch (p.scope) {
        case 'global':
            return config.servicePolicies.get('policy');
        case 'api':
            return config.apis.get(rootName(p.apiId))?.policies.get('policy');
        case 'operation':
            return config.apis
                .get(rootName(p.apiId))
                ?.operations.get(p.operationId.toLowerCase())
                ?.policies.get('policy');
        case 'product':
            return config.products.get(p.productId.toLowerCase())?.policies.get('policy');
        case 'fragment': {
            const o = config.policyFragments.get(p.fragmentId.toLowerCase());
            return o && typeof o.properties.value === 'string' ? o : undefined;
        }
        default:
            return undefined;
    }
}
/**
 * Leaves of `override` whose current value (in the file) holds a `#{name}#` placeholder resolved by
 * the environment values, and that the override sets to something else.
 */
function conflictsOf(current, override, values, file, where, kind, id, prefix = '') {
    const out = [];
    for (const [k, v] of Object.entries(override)) {
        const here = current[k];
        const key = prefix ? `${prefix}.${k}` : k;
        if ((0,apiops_config/* isObject */.Gv)(v) && (0,apiops_config/* isObject */.Gv)(here)) {
            out.push(...conflictsOf(here, v, values, file, where, kind, id, key));
            continue;
        }
        if (typeof here !== 'string' || !here.includes('#{'))
            continue;
        const rendered = (0,template/* renderTemplate */.Xm)(here, values, file);
        if (!rendered.used.some((n) => n in values))
            continue;
        if (rendered.text !== (typeof v === 'string' ? v : JSON.stringify(v))) {
            out.push(`${kind} '${id}' ${key}: ${file} gives '${rendered.text}' through ${rendered.used.map((n) => `#{${n}}#`).join(', ')}, ${where} gives '${String(v)}'`);
        }
    }
    return out;
}
function allOverrides(config) {
    const out = [];
    for (const o of config.namedValues.values())
        out.push({ kind: 'namedValues', o });
    for (const o of config.backends.values())
        out.push({ kind: 'backends', o });
    for (const o of config.policyFragments.values())
        out.push({ kind: 'policyFragments', o });
    for (const o of config.servicePolicies.values())
        out.push({ kind: 'servicePolicies', o });
    for (const [section, map] of [
        ['apis', config.apis],
        ['products', config.products],
    ]) {
        for (const n of map.values()) {
            for (const o of n.policies.values())
                out.push({ kind: `${section}[${n.entry.name}].policies`, o });
            for (const op of n.operations.values())
                for (const o of op.policies.values())
                    out.push({ kind: `${section}[${n.entry.name}].operations[${op.entry.name}].policies`, o });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/policy/environment.ts




async function loadEnvironmentRepository(root, options = {}) {
    const loaded = await loadArtifacts(root, options.artifactsPath);
    const env = options.environment;
    const templateValues = {
        ...(env ? await (0,template/* loadEnvironmentValues */.c3)(loaded.root, env) : {}),
        ...(options.vars ?? {}),
    };
    if (!env)
        return { repository: loaded, templateValues };
    const file = await (0,apiops_config/* findApiopsConfiguration */.gX)(loaded.root, env, loaded.artifactsPath);
    if (!file)
        return { repository: loaded, templateValues };
    const config = await (0,apiops_config/* readApiopsConfiguration */.b5)(loaded.root, file);
    const result = applyApiopsConfiguration(loaded, config, templateValues);
    return {
        repository: result.repository,
        templateValues,
        apiops: { file, applied: result.applied, warnings: result.warnings },
    };
}

// EXTERNAL MODULE: ./src/report/azure-pipelines.ts
var azure_pipelines = __webpack_require__(9775);
// EXTERNAL MODULE: ./src/shared/workflow-text.ts
var workflow_text = __webpack_require__(6310);
// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
;// CONCATENATED MODULE: ./src/report/github.ts


const COMMAND = {
    error: 'error',
    warning: 'warning',
    info: 'notice',
};
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
        return `${p.slice(0, eq)}=${(0,workflow_text/* escapeCommandProperty */.YG)(p.slice(eq + 1))}`;
    });
    return `::${COMMAND[d.severity]} ${line.join(',')}::${(0,workflow_text/* escapeCommandData */.V9)(`${d.message} (${d.help})`)}`;
}
function formatGithub(r) {
    return [...r.diagnostics.map(githubAnnotation), (0,types/* summaryLine */.d)(r)].join('\n');
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** The machine contract (DESIGN.md): `{ "diagnostics": [...], "summary": {...} }`. */
function formatJson(r) {
    return JSON.stringify({ diagnostics: r.diagnostics, summary: r.summary }, null, 2);
}

// EXTERNAL MODULE: ./src/shared/markdown.ts
var markdown = __webpack_require__(1680);
;// CONCATENATED MODULE: ./src/report/markdown.ts


const ICON = { error: '🛑', warning: '⚠️', info: 'ℹ️' };
/**
 * The run summary (GitHub step summary, Azure DevOps uploadsummary): a total and a table, capped. A
 * level-3 heading, as the plan, deploy and release-gate sections are, under the run's level-2 title.
 */
function formatMarkdown(r, limit = 200) {
    const out = ['### apim-gogs validate', '', `**${(0,types/* summaryLine */.d)(r)}**`, ''];
    if (!r.diagnostics.length) {
        out.push('No findings.');
        return out.join('\n');
    }
    out.push('| | File | Line | Rule | Message |', '|---|---|---|---|---|');
    for (const d of r.diagnostics.slice(0, limit)) {
        out.push(`| ${ICON[d.severity]} ${d.severity} | ${(0,markdown/* codeSpan */.SS)(d.file)} | ${d.line}:${d.column} | ${(0,markdown/* tableCell */.xR)(d.ruleId)} | ${(0,markdown/* tableCell */.xR)(d.message)} |`);
    }
    if (r.diagnostics.length > limit)
        out.push('', `…and ${r.diagnostics.length - limit} more (see the json or SARIF report).`);
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/validate/expressions/lexer.ts
const KEYWORDS = new Set(('abstract as base bool break byte case catch char checked class const continue decimal default delegate do ' +
    'double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface ' +
    'internal is lock long namespace new null object operator out override params private protected public readonly ' +
    'ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong ' +
    'unchecked unsafe ushort using virtual void volatile while').split(' '));
/** Longest first, so `??=` wins over `??` and `?`. '>' is always alone: the parser joins `>>` and `>=` (generics). */
const PUNCTUATORS = [
    '<<=',
    '??=',
    '=>',
    '==',
    '!=',
    '<=',
    '&&',
    '||',
    '++',
    '--',
    '+=',
    '-=',
    '*=',
    '/=',
    '%=',
    '&=',
    '|=',
    '^=',
    '<<',
    '??',
    '?.',
    '::',
    '->',
    '+',
    '-',
    '*',
    '/',
    '%',
    '&',
    '|',
    '^',
    '!',
    '~',
    '=',
    '<',
    '>',
    '?',
    ':',
    ';',
    ',',
    '.',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
];
/** By char code: no regular expression per character (the lexer runs on every expression of every file). */
const isIdentStart = (c) => {
    const k = c.charCodeAt(0);
    return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95 || k > 127;
};
const isIdentPart = (c) => {
    const k = c.charCodeAt(0);
    return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95 || k > 127;
};
const isDigit = (c) => c >= '0' && c <= '9';
/** Punctuators by their first character, longest first. */
const PUNCTUATORS_BY_FIRST = new Map();
for (const p of PUNCTUATORS)
    PUNCTUATORS_BY_FIRST.set(p[0], [...(PUNCTUATORS_BY_FIRST.get(p[0]) ?? []), p]);
const SIMPLE_ESCAPES = new Set(["'", '"', '\\', '0', 'a', 'b', 'f', 'n', 'r', 't', 'v']);
class Lexer {
    s;
    limit;
    resolve;
    nesting;
    errors = [];
    i;
    /** Tokens of a substituted named value, still to be handed out. */
    pending = [];
    constructor(s, start = 0, limit = s.length, resolve, 
    /** How many interpolated strings enclose this lexer (bounded: each level is a recursion). */
    nesting = 0) {
        this.s = s;
        this.limit = limit;
        this.resolve = resolve;
        this.nesting = nesting;
        this.i = start;
    }
    /** Every token to the end, then 'eof'. */
    all() {
        const out = [];
        for (;;) {
            const t = this.next();
            out.push(t);
            if (t.kind === 'eof')
                return out;
        }
    }
    /** Tokens of an interpolation hole: up to its `}` or format `:` at bracket depth 0 (left unread). */
    hole() {
        const out = [];
        let depth = 0;
        for (;;) {
            this.skipTrivia();
            const c = this.s[this.i];
            if (this.i >= this.limit || (depth === 0 && (c === '}' || c === ':'))) {
                out.push({ kind: 'eof', text: '', start: this.i, end: this.i });
                return out;
            }
            const t = this.next();
            if (t.text === '(' || t.text === '[' || t.text === '{')
                depth++;
            else if (t.text === ')' || t.text === ']' || t.text === '}')
                depth--;
            out.push(t);
        }
    }
    get offset() {
        return this.i;
    }
    error(start, end, message, hint) {
        this.errors.push({ start, end, message, hint });
    }
    skipTrivia() {
        const s = this.s;
        while (this.i < this.limit) {
            const c = s[this.i];
            if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0')
                this.i++;
            else if (c === '/' && s[this.i + 1] === '/') {
                while (this.i < this.limit && s[this.i] !== '\n')
                    this.i++;
            }
            else if (c === '/' && s[this.i + 1] === '*') {
                const end = s.indexOf('*/', this.i + 2);
                if (end === -1 || end + 2 > this.limit) {
                    this.error(this.i, this.i + 2, "End-of-file found, '*/' expected");
                    this.i = this.limit;
                }
                else
                    this.i = end + 2;
            }
            else
                return;
        }
    }
    next() {
        const queued = this.pending.shift();
        if (queued)
            return queued;
        this.skipTrivia();
        const s = this.s;
        const start = this.i;
        if (start >= this.limit)
            return { kind: 'eof', text: '', start, end: start };
        const c = s[start];
        if (c === '{' && s[start + 1] === '{') {
            const m = /^\{\{[^{}"'\n]+\}\}/.exec(s.slice(start, Math.min(this.limit, start + 300)));
            if (m) {
                const end = start + m[0].length;
                const value = this.resolve?.(m[0].slice(2, -2).trim());
                if (value === undefined)
                    return this.token(start, 'namedValue', end);
                this.i = end;
                return this.substitute(m[0], value, start, end);
            }
        }
        if (c === '#' && s[start + 1] === '{') {
            // An environment placeholder left unrendered (reported by the template check): a value, like a named value.
            const m = /^#\{[A-Za-z_][A-Za-z0-9_.-]*\}#/.exec(s.slice(start, start + 200));
            if (m)
                return this.token(start, 'namedValue', start + m[0].length);
        }
        if (isIdentStart(c) || (c === '@' && isIdentStart(s[start + 1] ?? ''))) {
            let end = start + 1;
            while (end < this.limit && isIdentPart(s[end]))
                end++;
            const text = s.slice(start, end);
            return this.token(start, KEYWORDS.has(text) ? 'keyword' : 'ident', end);
        }
        if (isDigit(c) || (c === '.' && isDigit(s[start + 1] ?? '')))
            return this.token(start, 'number', this.number(start));
        if (c === '"')
            return this.token(start, 'string', this.string(start + 1, false));
        if (c === '@' && s[start + 1] === '"')
            return this.token(start, 'string', this.string(start + 2, true));
        if (c === "'")
            return this.token(start, 'char', this.char(start));
        if ((c === '$' && s[start + 1] === '"') || (c === '$' && s[start + 1] === '@' && s[start + 2] === '"'))
            return this.interpolated(start, s[start + 1] === '@', start + (s[start + 1] === '@' ? 3 : 2));
        if (c === '@' && s[start + 1] === '$' && s[start + 2] === '"')
            return this.interpolated(start, true, start + 3);
        for (const p of PUNCTUATORS_BY_FIRST.get(c) ?? [])
            if (s.startsWith(p, start) && start + p.length <= this.limit)
                return this.token(start, 'punct', start + p.length);
        this.error(start, start + 1, `Unexpected character '${c}'`);
        this.i = start + 1;
        return this.next();
    }
    token(start, kind, end) {
        this.i = end;
        return { kind, text: this.s.slice(start, end), start, end };
    }
    /** Lexes a named value's text in place of its reference; every token and error points at the reference. */
    substitute(reference, value, start, end) {
        const inner = new Lexer(value, 0, value.length);
        for (const t of inner.all())
            if (t.kind !== 'eof')
                this.pending.push(relocate(t, start, end));
        for (const e of inner.errors)
            this.errors.push({ ...e, start, end, message: `${e.message} (in the value of ${reference})` });
        return this.next();
    }
    number(start) {
        const s = this.s;
        let i = start;
        if (s[i] === '0' && /[xXbB]/.test(s[i + 1] ?? '')) {
            i += 2;
            while (/[0-9A-Fa-f_]/.test(s[i] ?? ''))
                i++;
        }
        else {
            while (isDigit(s[i] ?? '') || s[i] === '_')
                i++;
            if (s[i] === '.' && isDigit(s[i + 1] ?? '')) {
                i++;
                while (isDigit(s[i] ?? '') || s[i] === '_')
                    i++;
            }
            if (/[eE]/.test(s[i] ?? '') && /[-+0-9]/.test(s[i + 1] ?? '')) {
                i += 2;
                while (isDigit(s[i] ?? ''))
                    i++;
            }
        }
        while (/[uUlLfFdDmM]/.test(s[i] ?? ''))
            i++;
        return i;
    }
    /** Checks one escape sequence at `s[i]` ('\\'); returns where it ends. */
    escape(i) {
        const s = this.s;
        const e = s[i + 1] ?? '';
        if (SIMPLE_ESCAPES.has(e))
            return i + 2;
        const hex = (n, exact) => {
            let j = i + 2;
            while (j < i + 2 + n && /[0-9A-Fa-f]/.test(s[j] ?? ''))
                j++;
            if (j === i + 2 || (exact && j !== i + 2 + n))
                this.error(i, j, 'Unrecognized escape sequence', 'a regular expression or a Windows path belongs in a verbatim string: @"\\d+"');
            return j;
        };
        if (e === 'u')
            return hex(4, true);
        if (e === 'U')
            return hex(8, true);
        if (e === 'x')
            return hex(4, false);
        this.error(i, i + 2, 'Unrecognized escape sequence', `write "\\\\${e}" or use a verbatim string @"...\\${e}..." (a regular expression belongs in @"...")`);
        return i + 2;
    }
    /** A string body from `i` (after the opening quote); returns the offset after the closing quote. */
    string(i, verbatim) {
        const s = this.s;
        const open = verbatim ? i - 2 : i - 1;
        for (;;) {
            if (i >= this.limit || (!verbatim && s[i] === '\n')) {
                this.error(open, i, 'Newline in constant', 'close the string with " on the same line, or use a verbatim string @"..." for text over several lines');
                // The rest is the remainder of a broken string: lexing it would only add errors.
                return this.limit;
            }
            const c = s[i];
            if (c === '"') {
                if (verbatim && s[i + 1] === '"')
                    i += 2;
                else
                    return i + 1;
            }
            else if (c === '\\' && !verbatim)
                i = this.escape(i);
            else
                i++;
        }
    }
    char(start) {
        const s = this.s;
        let i = start + 1;
        let count = 0;
        while (i < this.limit && s[i] !== "'" && s[i] !== '\n') {
            i = s[i] === '\\' ? this.escape(i) : i + 1;
            count++;
        }
        if (s[i] !== "'" || i >= this.limit) {
            this.error(start, i, 'Newline in constant', 'a character literal holds one character between single quotes; strings take double quotes: "text"');
            return this.limit;
        }
        if (count === 0)
            this.error(start, i + 1, 'Empty character literal', 'a string takes double quotes: ""');
        else if (count > 1)
            this.error(start, i + 1, 'Too many characters in character literal', `C# strings take double quotes: write "${s.slice(start + 1, i)}" (single quotes hold one character)`);
        return i + 1;
    }
    interpolated(start, verbatim, bodyStart) {
        const s = this.s;
        const holes = [];
        let i = bodyStart;
        for (;;) {
            if (i >= this.limit || (!verbatim && s[i] === '\n')) {
                this.error(start, i, 'Newline in constant', 'close the interpolated string with " on the same line');
                break;
            }
            const c = s[i];
            if (c === '"') {
                if (verbatim && s[i + 1] === '"')
                    i += 2;
                else {
                    i++;
                    break;
                }
            }
            else if (c === '\\' && !verbatim)
                i = this.escape(i);
            else if (c === '{' && s[i + 1] === '{')
                i += 2;
            else if (c === '}' && s[i + 1] === '}')
                i += 2;
            else if (c === '{') {
                if (this.nesting >= 50) {
                    this.error(start, i + 1, 'Interpolated strings are nested more than 50 levels deep');
                    this.i = this.limit;
                    return { kind: 'interpolated', text: s.slice(start, this.limit), start, end: this.limit, holes };
                }
                const inner = new Lexer(s, i + 1, this.limit, this.resolve, this.nesting + 1);
                const toks = inner.hole();
                this.errors.push(...inner.errors);
                holes.push(toks);
                i = inner.offset;
                if (s[i] === ':') {
                    // The format string runs to the closing brace.
                    while (i < this.limit && s[i] !== '}' && s[i] !== '"' && s[i] !== '\n')
                        i++;
                }
                if (s[i] === '}')
                    i++;
                else {
                    this.error(i, i + 1, "'}' expected", 'close the interpolation hole with }');
                }
            }
            else if (c === '}') {
                this.error(i, i + 1, "'}' unexpected in interpolated string", 'write }} for a literal brace');
                i++;
            }
            else
                i++;
        }
        this.i = i;
        return { kind: 'interpolated', text: s.slice(start, i), start, end: i, holes };
    }
}
/** Every token of `t` and of its interpolation holes placed at [start, end) (a named value's reference). */
function relocate(t, start, end) {
    return { ...t, start, end, holes: t.holes?.map((h) => h.map((x) => relocate(x, start, end))) };
}
/** Tokens of `code` (with the lexer's errors). */
function tokenize(code, resolve) {
    const lexer = new Lexer(code, 0, code.length, resolve);
    const tokens = lexer.all();
    return { tokens, errors: lexer.errors };
}

;// CONCATENATED MODULE: ./src/validate/expressions/parser.ts

/**
 * A recursive-descent parser for the C# 7 subset of policy expressions: one expression for
 * `@(...)`, a statement list for `@{...}`. It stops at the first syntax error (C# reports more, but
 * the rest is usually a cascade of the first) and phrases it as csc does.
 */
class SyntaxError_ {
    start;
    end;
    message;
    hint;
    constructor(start, end, message, hint) {
        this.start = start;
        this.end = end;
        this.message = message;
        this.hint = hint;
    }
}
/** Deepest nesting of expressions and statements the parser follows. */
const MAX_DEPTH = 200;
/** C# keywords that name types. */
const KEYWORD_TYPES = new Set([
    'bool',
    'byte',
    'char',
    'decimal',
    'double',
    'float',
    'int',
    'long',
    'object',
    'sbyte',
    'short',
    'string',
    'uint',
    'ulong',
    'ushort',
    'void',
]);
/** Tokens after which `Name<...>` is a generic name rather than a comparison (C# spec 7.6.4.2). */
const AFTER_TYPE_ARGS = new Set([
    '(',
    ')',
    ']',
    '}',
    ':',
    ';',
    ',',
    '.',
    '?',
    '==',
    '!=',
    '|',
    '^',
    '&&',
    '||',
    '&',
    '[',
    '?.',
]);
/** Tokens that make `(T)x` a cast when T is not a keyword type. */
const startsOperand = (t) => t.kind === 'ident' ||
    t.kind === 'number' ||
    t.kind === 'string' ||
    t.kind === 'char' ||
    t.kind === 'interpolated' ||
    t.kind === 'namedValue' ||
    (t.kind === 'keyword' && t.text !== 'as' && t.text !== 'is') ||
    t.text === '(' ||
    t.text === '!' ||
    t.text === '~';
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '??=']);
/** Binary operators by precedence, loosest first (`??` and assignment are handled apart). */
const BINARY = [
    ['||'],
    ['&&'],
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '>', '<=', '>=', 'is', 'as'],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
];
class Parser {
    t;
    declared;
    p = 0;
    /** `return` statements outside lambdas (a block must have one to return on every path). */
    returns = 0;
    lambdaDepth = 0;
    depth = 0;
    constructor(t, 
    /** Names declared anywhere, collected while parsing (the checks treat them as in scope everywhere). */
    declared = new Set()) {
        this.t = t;
        this.declared = declared;
    }
    get tok() {
        return this.t[this.p];
    }
    peek(n = 1) {
        return this.t[Math.min(this.p + n, this.t.length - 1)];
    }
    atEnd() {
        return this.tok.kind === 'eof';
    }
    is(text) {
        const k = this.tok.kind;
        return this.tok.text === text && (k === 'punct' || k === 'keyword' || k === 'ident');
    }
    take() {
        const t = this.tok;
        if (t.kind !== 'eof')
            this.p++;
        return t;
    }
    fail(message, at = this.tok, hint) {
        throw new SyntaxError_(at.start, Math.max(at.end, at.start + 1), message, hint);
    }
    expect(text, hint) {
        if (!this.is(text))
            this.fail(`${quote(text)} expected`, this.tok, hint);
        return this.take();
    }
    /** Tries `f`; on a syntax error, rewinds and gives undefined (for C#'s ambiguous forms). */
    attempt(f) {
        const save = this.p;
        try {
            const r = f();
            if (r === undefined)
                this.p = save;
            return r;
        }
        catch (err) {
            if (!(err instanceof SyntaxError_))
                throw err;
            this.p = save;
            return undefined;
        }
    }
    // ---- entry points
    /** `@( expression )`. */
    single() {
        if (this.atEnd())
            this.fail('Invalid expression term: the expression is empty', this.tok, 'write a C# expression between @( and )');
        const e = this.expression();
        if (!this.atEnd()) {
            if (this.is(';'))
                this.fail("';' is not allowed in a single-statement expression @(...)", this.tok, 'drop the semicolon, or write several statements as @{ ...; return value; }');
            this.fail(`Syntax error: unexpected ${describe(this.tok)}`, this.tok, 'an @(...) expression is one C# expression; use @{ ... return ...; } for statements');
        }
        return e;
    }
    /** `@{ statements }`. */
    multi() {
        const start = this.tok.start;
        const body = [];
        while (!this.atEnd()) {
            if (this.is('}'))
                this.fail("'}' unexpected: it closes a block that was not opened");
            body.push(this.statement());
        }
        return { k: 'block', body, start, end: this.tok.end };
    }
    // ---- statements
    block() {
        const open = this.expect('{');
        const body = [];
        while (!this.is('}')) {
            if (this.atEnd())
                this.fail("'}' expected", open, 'the block opened here is not closed');
            body.push(this.statement());
        }
        const end = this.take().end;
        return { k: 'block', body, start: open.start, end };
    }
    endStatement() {
        if (!this.is(';')) {
            const prev = this.t[this.p - 1];
            throw new SyntaxError_(prev.end, prev.end + 1, '; expected', 'end each statement with ;');
        }
        return this.take().end;
    }
    statement() {
        this.enter();
        try {
            return this.statementBody();
        }
        finally {
            this.depth--;
        }
    }
    statementBody() {
        const t = this.tok;
        const start = t.start;
        if (this.is('{'))
            return this.block();
        if (this.is(';'))
            return { k: 'empty', start, end: this.take().end };
        if (t.kind === 'keyword') {
            switch (t.text) {
                case 'return': {
                    this.take();
                    if (this.lambdaDepth === 0)
                        this.returns++;
                    const value = this.is(';') ? undefined : this.expression();
                    return { k: 'return', value, start, end: this.endStatement() };
                }
                case 'throw': {
                    this.take();
                    const value = this.is(';') ? undefined : this.expression();
                    return { k: 'throw', value, start, end: this.endStatement() };
                }
                case 'break':
                case 'continue':
                    this.take();
                    return { k: t.text, start, end: this.endStatement() };
                case 'if': {
                    this.take();
                    this.expect('(');
                    const test = this.expression();
                    this.expect(')');
                    const then = this.embedded();
                    let otherwise;
                    if (this.is('else')) {
                        this.take();
                        otherwise = this.embedded();
                    }
                    return { k: 'if', test, then, otherwise, start, end: (otherwise ?? then).end };
                }
                case 'while': {
                    this.take();
                    this.expect('(');
                    const test = this.expression();
                    this.expect(')');
                    const body = this.embedded();
                    return { k: 'while', test, body, start, end: body.end };
                }
                case 'do': {
                    this.take();
                    const body = this.embedded();
                    this.expect('while');
                    this.expect('(');
                    const test = this.expression();
                    this.expect(')');
                    return { k: 'do', body, test, start, end: this.endStatement() };
                }
                case 'for':
                    return this.forStatement();
                case 'foreach': {
                    this.take();
                    this.expect('(');
                    const type = this.is('var') ? (this.take(), 'var') : this.type();
                    const nameTok = this.identifier();
                    this.declared.add(nameTok.text);
                    this.expect('in');
                    const iterable = this.expression();
                    this.expect(')');
                    const body = this.embedded();
                    return {
                        k: 'foreach',
                        type,
                        name: nameTok.text,
                        nameRange: { start: nameTok.start, end: nameTok.end },
                        iterable,
                        body,
                        start,
                        end: body.end,
                    };
                }
                case 'try':
                    return this.tryStatement();
                case 'switch':
                    return this.switchStatement();
                case 'using': {
                    // using (var md5 = MD5.Create()) { ... }: the resource is a declaration or an expression.
                    this.take();
                    this.expect('(');
                    const resource = this.declaration() ?? {
                        k: 'expression',
                        expr: this.expression(),
                        start: this.tok.start,
                        end: this.tok.start,
                    };
                    this.expect(')');
                    const body = this.embedded();
                    return { k: 'using', resource, body, start, end: body.end };
                }
                case 'checked':
                case 'unchecked':
                    if (this.peek().text === '{') {
                        this.take();
                        const block = this.block();
                        return { k: 'checkedBlock', block, start, end: block.end };
                    }
                    break;
                case 'else':
                    this.fail("Invalid expression term 'else'", t, "an 'else' must follow the statement of an 'if'");
            }
        }
        const fn = this.localFunction();
        if (fn)
            return fn;
        const decl = this.declaration();
        if (decl) {
            decl.end = this.endStatement();
            return decl;
        }
        const expr = this.expression();
        if (!isStatementExpression(expr))
            this.fail('Only assignment, call, increment, decrement, await, and new object expressions can be used as a statement', { ...t, end: expr.end }, "a value on its own does nothing: assign it, or 'return' it");
        return { k: 'expression', expr, start, end: this.endStatement() };
    }
    /** The statement of an if/else/loop body: a declaration is not allowed there. */
    embedded() {
        return this.statement();
    }
    forStatement() {
        const start = this.take().start;
        this.expect('(');
        const init = [];
        if (!this.is(';')) {
            const decl = this.declaration();
            if (decl)
                init.push(decl);
            else {
                do {
                    const e = this.expression();
                    init.push({ k: 'expression', expr: e, start: e.start, end: e.end });
                } while (this.is(',') && this.take());
            }
        }
        this.expect(';');
        const test = this.is(';') ? undefined : this.expression();
        this.expect(';');
        const update = [];
        if (!this.is(')')) {
            do
                update.push(this.expression());
            while (this.is(',') && this.take());
        }
        this.expect(')');
        const body = this.embedded();
        return { k: 'for', init, test, update, body, start, end: body.end };
    }
    tryStatement() {
        const start = this.take().start;
        const block = this.block();
        const catches = [];
        while (this.is('catch')) {
            this.take();
            let type;
            let name;
            if (this.is('(')) {
                this.take();
                type = this.type();
                if (this.tok.kind === 'ident')
                    name = this.take().text;
                if (name)
                    this.declared.add(name);
                this.expect(')');
            }
            if (this.is('when')) {
                this.take();
                this.expect('(');
                this.expression();
                this.expect(')');
            }
            catches.push({ type, name, body: this.block() });
        }
        let final;
        if (this.is('finally')) {
            this.take();
            final = this.block();
        }
        if (!catches.length && !final)
            this.fail('Expected catch or finally', this.tok);
        return { k: 'try', block, catches, final, start, end: this.t[this.p - 1].end };
    }
    switchStatement() {
        const start = this.take().start;
        this.expect('(');
        const value = this.expression();
        this.expect(')');
        this.expect('{');
        const sections = [];
        while (!this.is('}')) {
            if (this.atEnd())
                this.fail("'}' expected");
            const labels = [];
            while (this.is('case') || this.is('default')) {
                if (this.take().text === 'default')
                    labels.push('default');
                else
                    labels.push(this.expression());
                if (this.is('when')) {
                    this.take();
                    this.expression();
                }
                this.expect(':');
            }
            if (!labels.length)
                this.fail("Syntax error: 'case' or 'default' expected", this.tok);
            const body = [];
            while (!this.is('case') && !this.is('default') && !this.is('}') && !this.atEnd())
                body.push(this.statement());
            sections.push({ labels, body });
        }
        const end = this.take().end;
        return { k: 'switch', value, sections, start, end };
    }
    /** C# 7 local function: `int Twice(int x) { return 2 * x; }` or `=> 2 * x;`. */
    localFunction() {
        const start = this.tok.start;
        const head = this.attempt(() => {
            if (this.tok.kind !== 'ident' && !(this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)))
                return undefined;
            const returnType = this.type();
            if (this.tok.kind !== 'ident' || this.peek().text !== '(')
                return undefined;
            const name = this.take().text;
            this.take();
            const params = [];
            while (!this.is(')')) {
                const type = this.type();
                const p = this.identifier();
                params.push({ name: p.text, type, start: p.start, end: p.end });
                if (!this.is(')'))
                    this.expect(',');
            }
            this.take();
            // Only a body makes it a function; `Foo(x)` alone was a call after all.
            return this.is('{') || this.is('=>') ? { returnType, name, params } : undefined;
        });
        if (!head)
            return undefined;
        this.declared.add(head.name);
        for (const p of head.params)
            this.declared.add(p.name);
        // Returns inside belong to the function, not to the expression block.
        this.lambdaDepth++;
        let body;
        try {
            if (this.is('=>')) {
                this.take();
                body = this.expression();
                this.endStatement();
            }
            else
                body = this.block();
        }
        finally {
            this.lambdaDepth--;
        }
        return { k: 'localFunction', ...head, body, start, end: this.t[this.p - 1].end };
    }
    /** `var x = ...`, `T x = ..., y`; undefined when the tokens do not start a declaration. */
    declaration() {
        const start = this.tok.start;
        if (this.is('const'))
            this.take();
        // Only the head (type, name, then '=', ';', ',' or 'in') decides; an error after it is the user's.
        const type = this.attempt(() => {
            let t;
            if (this.is('var') && this.peek().kind === 'ident') {
                this.take();
                t = 'var';
            }
            else {
                if (this.tok.kind !== 'ident' && !(this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)))
                    return undefined;
                t = this.type();
            }
            if (this.tok.kind !== 'ident')
                return undefined;
            const next = this.peek().text;
            return next === '=' || next === ';' || next === ',' || next === 'in' ? t : undefined;
        });
        if (!type)
            return undefined;
        const vars = [];
        do {
            const name = this.identifier();
            this.declared.add(name.text);
            let init;
            if (this.is('=')) {
                this.take();
                init = this.is('{') ? this.initializerExpr() : this.expression();
            }
            vars.push({ name: name.text, start: name.start, end: init?.end ?? name.end, init });
        } while (this.is(',') && this.take());
        return { k: 'declaration', type, vars, start, end: this.tok.start };
    }
    identifier() {
        if (this.tok.kind !== 'ident') {
            if (this.tok.kind === 'keyword')
                this.fail(`Identifier expected; '${this.tok.text}' is a keyword`, this.tok, `rename it, or write @${this.tok.text}`);
            this.fail('Identifier expected');
        }
        return this.take();
    }
    // ---- types
    type() {
        const start = this.tok.start;
        let name;
        let keyword = false;
        let args = [];
        if (this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)) {
            name = this.take().text;
            keyword = true;
        }
        else {
            name = this.identifier().text;
            if (this.is('::')) {
                this.take();
                name = this.identifier().text;
            }
            args = this.typeArgsIfAny();
            while (this.is('.') && this.peek().kind === 'ident') {
                this.take();
                name += '.' + this.take().text;
                const more = this.typeArgsIfAny();
                if (more.length)
                    args = more;
            }
        }
        let nullable = false;
        if (this.is('?') && !startsOperand(this.peek())) {
            this.take();
            nullable = true;
        }
        let rank = 0;
        while (this.is('[') && (this.peek().text === ']' || this.peek().text === ',')) {
            this.take();
            while (this.is(','))
                this.take();
            this.expect(']');
            rank++;
        }
        return { name, args, rank, nullable, keyword, start, end: this.t[this.p - 1].end };
    }
    typeArgsIfAny() {
        if (!this.is('<'))
            return [];
        this.take();
        const args = [];
        do
            args.push(this.type());
        while (this.is(',') && this.take());
        if (!this.is('>'))
            this.fail("'>' expected");
        this.take();
        return args;
    }
    /** `<T, U>` after a name when what follows makes it a generic name (else undefined, nothing consumed). */
    genericArgs() {
        if (!this.is('<'))
            return undefined;
        return this.attempt(() => {
            const args = this.typeArgsIfAny();
            const next = this.tok;
            if (next.kind === 'eof' || AFTER_TYPE_ARGS.has(next.text) || next.text === '>')
                return args;
            return undefined;
        });
    }
    // ---- expressions
    expression() {
        this.enter();
        try {
            return this.expressionBody();
        }
        finally {
            this.depth--;
        }
    }
    /**
     * Nesting is bounded: a hostile policy of 256 KiB of '(' must end as one finding, not a stack
     * overflow. No real expression comes near the limit (csc's own limit is far lower in practice).
     */
    enter() {
        if (++this.depth > MAX_DEPTH) {
            this.depth = 0;
            this.fail(`The expression is nested more than ${MAX_DEPTH} levels deep`, this.tok, 'split it into variables in an @{...} block');
        }
    }
    expressionBody() {
        const t = this.tok;
        if (this.is('throw')) {
            this.take();
            const operand = this.expression();
            return { k: 'throw', operand, start: t.start, end: operand.end };
        }
        const lambda = this.lambda();
        if (lambda)
            return lambda;
        const left = this.conditional();
        let op = this.tok.text;
        if (this.tok.kind === 'punct' && op === '>' && this.peek().text === '>=')
            op = '>>=';
        if (this.tok.kind === 'punct' && ASSIGN_OPS.has(op)) {
            this.take();
            const value = this.is('{') ? this.initializerExpr() : this.expression();
            return { k: 'assign', op, target: left, value, start: left.start, end: value.end };
        }
        return left;
    }
    lambda() {
        const t = this.tok;
        if (t.kind === 'ident' && this.peek().text === '=>') {
            this.take();
            this.take();
            this.declared.add(t.text);
            const body = this.lambdaBody();
            return {
                k: 'lambda',
                params: [{ name: t.text, start: t.start, end: t.end }],
                body,
                start: t.start,
                end: body.end,
            };
        }
        if (!this.is('('))
            return undefined;
        // Find the matching ')' and look for '=>' after it.
        let depth = 0;
        let i = this.p;
        for (; i < this.t.length; i++) {
            const x = this.t[i].text;
            if (x === '(')
                depth++;
            else if (x === ')' && --depth === 0)
                break;
            if (this.t[i].kind === 'eof')
                return undefined;
        }
        if (this.t[i + 1]?.text !== '=>')
            return undefined;
        this.take();
        const params = [];
        while (!this.is(')')) {
            let type;
            if (this.peek().kind === 'ident' ||
                this.peek().text === '<' ||
                this.peek().text === '[' ||
                this.peek().text === '.')
                type = this.type();
            const name = this.identifier();
            this.declared.add(name.text);
            params.push({ name: name.text, type, start: name.start, end: name.end });
            if (!this.is(')'))
                this.expect(',');
        }
        this.take();
        this.expect('=>');
        const body = this.lambdaBody();
        return { k: 'lambda', params, body, start: t.start, end: body.end };
    }
    lambdaBody() {
        this.lambdaDepth++;
        try {
            return this.is('{') ? this.block() : this.expression();
        }
        finally {
            this.lambdaDepth--;
        }
    }
    conditional() {
        const test = this.coalesce();
        if (!this.is('?'))
            return test;
        this.take();
        const then = this.expression();
        if (!this.is(':'))
            this.fail("':' expected", this.tok, 'a conditional needs both branches: test ? a : b');
        this.take();
        const otherwise = this.expression();
        return { k: 'conditional', test, then, otherwise, start: test.start, end: otherwise.end };
    }
    coalesce() {
        const left = this.binary(0);
        if (!this.is('??'))
            return left;
        this.take();
        const right = this.coalesce();
        return { k: 'binary', op: '??', left, right, start: left.start, end: right.end };
    }
    /** The operator at the cursor as the binary level sees it, joining `>` `>` and `>` `=`. */
    binaryOp() {
        const t = this.tok;
        if (t.kind === 'keyword' && (t.text === 'is' || t.text === 'as'))
            return { op: t.text, width: 1 };
        if (t.kind !== 'punct')
            return undefined;
        if (t.text === '>') {
            const n = this.peek();
            if (n.start === t.end && n.text === '>' && this.peek(2).text !== '=')
                return { op: '>>', width: 2 };
            if (n.start === t.end && n.text === '=')
                return { op: '>=', width: 2 };
        }
        return { op: t.text, width: 1 };
    }
    binary(level) {
        if (level >= BINARY.length)
            return this.unary();
        let left = this.binary(level + 1);
        for (;;) {
            const o = this.binaryOp();
            if (!o || !BINARY[level].includes(o.op))
                return left;
            for (let i = 0; i < o.width; i++)
                this.take();
            if (o.op === 'as') {
                const type = this.type();
                left = { k: 'as', operand: left, type, start: left.start, end: type.end };
            }
            else if (o.op === 'is')
                left = this.isPattern(left);
            else {
                const right = this.binary(level + 1);
                left = { k: 'binary', op: o.op, left, right, start: left.start, end: right.end };
            }
        }
    }
    /** `x is T`, `x is T name`, `x is null`, `x is 42`. */
    isPattern(operand) {
        const typed = this.attempt(() => {
            if (this.tok.kind !== 'ident' && !(this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)))
                return undefined;
            const type = this.type();
            let declares;
            if (this.tok.kind === 'ident' && !['when', 'and', 'or'].includes(this.tok.text)) {
                const n = this.take();
                this.declared.add(n.text);
                declares = { name: n.text, start: n.start, end: n.end };
            }
            return { k: 'is', operand, type, declares, start: operand.start, end: this.t[this.p - 1].end };
        });
        if (typed)
            return typed;
        const pattern = this.binary(BINARY.length - 3);
        return { k: 'is', operand, pattern, start: operand.start, end: pattern.end };
    }
    unary() {
        const t = this.tok;
        if (t.kind === 'punct' && ['!', '-', '+', '~', '++', '--'].includes(t.text)) {
            this.take();
            this.enter();
            const operand = this.unary();
            this.depth--;
            return { k: 'unary', op: t.text, operand, postfix: false, start: t.start, end: operand.end };
        }
        if (this.is('(')) {
            const cast = this.attempt(() => {
                this.take();
                const type = this.type();
                if (!this.is(')'))
                    return undefined;
                this.take();
                const after = this.tok;
                const keywordCast = type.keyword &&
                    (after.kind !== 'punct' || ['(', '-', '+', '!', '~', '++', '--'].includes(after.text));
                if (!keywordCast && !startsOperand(after))
                    return undefined;
                const operand = this.unary();
                return { k: 'cast', type, operand, start: t.start, end: operand.end };
            });
            if (cast)
                return cast;
        }
        return this.postfix(this.primary());
    }
    postfix(e) {
        for (;;) {
            const t = this.tok;
            if (this.is('.') || this.is('?.')) {
                this.take();
                if (this.is('[') && t.text === '?.') {
                    e = this.indexer(e, true);
                    continue;
                }
                const name = this.identifierOrKeywordMember();
                const typeArgs = this.genericArgs();
                e = {
                    k: 'member',
                    target: e,
                    name: name.text,
                    nameStart: name.start,
                    typeArgs,
                    conditional: t.text === '?.',
                    start: e.start,
                    end: this.t[this.p - 1].end,
                };
            }
            else if (this.is('?') && this.peek().text === '[' && this.peek().start === t.end) {
                // `x?[0]`: the lexer gives '?' and '[' apart (a ternary may follow a '?').
                this.take();
                e = this.indexer(e, true);
            }
            else if (this.is('(')) {
                const args = this.args('(', ')');
                e = { k: 'call', callee: e, args, start: e.start, end: this.t[this.p - 1].end };
            }
            else if (this.is('['))
                e = this.indexer(e, false);
            else if (this.is('++') || this.is('--')) {
                this.take();
                e = { k: 'unary', op: t.text, operand: e, postfix: true, start: e.start, end: t.end };
            }
            else if (this.is('!') &&
                this.tok.kind === 'punct' &&
                this.peek().kind === 'punct' &&
                [')', ';', '.', ','].includes(this.peek().text)) {
                // C# 8 null-forgiving operator: not in C# 7.
                this.fail("Invalid expression term: the null-forgiving '!' needs C# 8; APIM compiles C# 7", t, "drop the '!'");
            }
            else
                return e;
        }
    }
    identifierOrKeywordMember() {
        if (this.tok.kind === 'ident')
            return this.take();
        if (this.tok.kind === 'keyword')
            this.fail(`Identifier expected; '${this.tok.text}' is a keyword`, this.tok);
        return this.fail('Identifier expected', this.tok, 'a member name must follow the dot');
    }
    indexer(target, conditional) {
        const args = this.args('[', ']');
        return { k: 'index', target, args, conditional, start: target.start, end: this.t[this.p - 1].end };
    }
    args(open, close) {
        const openTok = this.expect(open);
        const args = [];
        while (!this.is(close)) {
            if (this.atEnd())
                this.fail(`${quote(close)} expected`, openTok, `the ${quote(open)} here is not closed`);
            args.push(this.arg());
            if (this.is(',')) {
                this.take();
                if (this.is(close))
                    this.fail('Argument missing', this.tok, 'remove the trailing comma');
            }
            else if (!this.is(close)) {
                if (this.is(';'))
                    this.fail(`${quote(close)} expected`, this.tok, `the ${quote(open)} opened before is not closed before ';'`);
                this.fail(`Syntax error, ${quote(',')} expected`, this.tok, 'separate arguments with commas; strings take double quotes');
            }
        }
        this.take();
        return args;
    }
    arg() {
        let name;
        if (this.tok.kind === 'ident' && this.peek().text === ':') {
            name = this.take().text;
            this.take();
        }
        if (this.is('out') || this.is('ref') || this.is('in')) {
            const modifier = this.take().text;
            const declared = this.attempt(() => {
                let type;
                if (this.is('var'))
                    this.take();
                else
                    type = this.type();
                if (this.tok.kind !== 'ident')
                    return undefined;
                const n = this.take();
                this.declared.add(n.text);
                return { name: n.text, type, start: n.start, end: n.end };
            });
            if (declared) {
                const expr = { k: 'name', name: declared.name, start: declared.start, end: declared.end };
                return { expr, modifier, declares: declared, name };
            }
            return { expr: this.expression(), modifier, name };
        }
        return { expr: this.expression(), name };
    }
    initializer() {
        const open = this.expect('{');
        const items = [];
        while (!this.is('}')) {
            if (this.atEnd())
                this.fail("'}' expected", open);
            if (this.is('{'))
                items.push(this.initializerExpr());
            else if (this.is('[')) {
                const idx = this.args('[', ']');
                this.expect('=');
                const value = this.is('{') ? this.initializerExpr() : this.expression();
                items.push({
                    k: 'assign',
                    op: '=',
                    target: {
                        k: 'index',
                        target: { k: 'literal', type: 'null', start: open.start, end: open.start },
                        args: idx,
                        conditional: false,
                        start: open.start,
                        end: open.start,
                    },
                    value,
                    start: value.start,
                    end: value.end,
                });
            }
            else
                items.push(this.expression());
            if (this.is(','))
                this.take();
            else if (!this.is('}'))
                this.fail("'}' expected", this.tok, 'separate initializer items with commas');
        }
        const end = this.take().end;
        return { items, start: open.start, end };
    }
    initializerExpr() {
        const init = this.initializer();
        return { k: 'initializer', init, start: init.start, end: init.end };
    }
    newExpression() {
        const start = this.take().start;
        if (this.is('{')) {
            const init = this.initializer();
            return { k: 'new', init, start, end: init.end };
        }
        if (this.is('[')) {
            this.take();
            while (this.is(','))
                this.take();
            this.expect(']');
            const init = this.initializer();
            return { k: 'new', init, start, end: init.end };
        }
        if (this.tok.kind !== 'ident' && !(this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)))
            this.fail('Type expected', this.tok, "'new' must be followed by a type: new JObject()");
        // The element type, then either array sizes `[n]`, a rank `[]`, or arguments.
        const save = this.p;
        const type = this.type();
        if (type.rank === 0 && this.is('[')) {
            this.p = save;
            const base = this.typeNoArray();
            const sizes = this.args('[', ']').map((a) => a.expr);
            let rank = 1;
            while (this.is('[')) {
                this.take();
                this.expect(']');
                rank++;
            }
            const init = this.is('{') ? this.initializer() : undefined;
            return { k: 'new', type: { ...base, rank }, sizes, init, start, end: this.t[this.p - 1].end };
        }
        let args;
        if (this.is('('))
            args = this.args('(', ')');
        const init = this.is('{') ? this.initializer() : undefined;
        if (!args && !init)
            this.fail("'(' expected", this.tok, `call a constructor: new ${type.name}()`);
        return { k: 'new', type, args, init, start, end: this.t[this.p - 1].end };
    }
    typeNoArray() {
        const t = this.type();
        return t;
    }
    primary() {
        const t = this.tok;
        switch (t.kind) {
            case 'number':
                this.take();
                return { k: 'literal', type: 'number', start: t.start, end: t.end };
            case 'string':
                this.take();
                return { k: 'literal', type: 'string', start: t.start, end: t.end };
            case 'char':
                this.take();
                return { k: 'literal', type: 'char', start: t.start, end: t.end };
            case 'namedValue':
                this.take();
                return { k: 'literal', type: 'namedValue', start: t.start, end: t.end };
            case 'interpolated': {
                this.take();
                const holes = (t.holes ?? []).map((toks) => {
                    const sub = new Parser(toks, this.declared);
                    if (toks[0].kind === 'eof')
                        sub.fail('Empty interpolation hole', { ...toks[0], start: toks[0].start - 1, end: toks[0].start + 1 }, 'put an expression between { and }, or write {{ for a literal brace');
                    const e = sub.expression();
                    if (sub.is(',')) {
                        sub.take();
                        sub.expression();
                    }
                    if (sub.tok.kind !== 'eof')
                        sub.fail(`Syntax error: unexpected ${describe(sub.tok)}`, sub.tok);
                    return e;
                });
                return { k: 'interpolated', holes, start: t.start, end: t.end };
            }
            case 'ident': {
                this.take();
                const typeArgs = this.genericArgs();
                return { k: 'name', name: t.text, typeArgs, start: t.start, end: this.t[this.p - 1].end };
            }
            case 'keyword':
                switch (t.text) {
                    case 'true':
                    case 'false':
                        this.take();
                        return { k: 'literal', type: 'bool', start: t.start, end: t.end };
                    case 'null':
                        this.take();
                        return { k: 'literal', type: 'null', start: t.start, end: t.end };
                    case 'new':
                        return this.newExpression();
                    case 'typeof': {
                        this.take();
                        this.expect('(');
                        const type = this.type();
                        this.expect(')');
                        return { k: 'typeof', type, start: t.start, end: this.t[this.p - 1].end };
                    }
                    case 'default': {
                        this.take();
                        let type;
                        if (this.is('(')) {
                            this.take();
                            type = this.type();
                            this.expect(')');
                        }
                        return { k: 'default', type, start: t.start, end: this.t[this.p - 1].end };
                    }
                    case 'checked':
                    case 'unchecked': {
                        this.take();
                        this.expect('(');
                        const operand = this.expression();
                        this.expect(')');
                        return { k: 'checked', operand, start: t.start, end: this.t[this.p - 1].end };
                    }
                    case 'this':
                    case 'base':
                        this.fail(`Keyword '${t.text}' is not available in the current context`, t, "a policy expression has no 'this'; use 'context'");
                }
                if (KEYWORD_TYPES.has(t.text)) {
                    const type = this.type();
                    return { k: 'keywordType', type, start: t.start, end: type.end };
                }
                return this.fail(`Invalid expression term '${t.text}'`, t, t.text === 'return'
                    ? 'a single-statement expression @(...) has no return: write @(value), or use @{ ... return value; }'
                    : undefined);
            case 'punct':
                if (t.text === '(') {
                    this.take();
                    const inner = this.expression();
                    if (!this.is(')')) {
                        if (this.atEnd())
                            this.fail("')' expected", t, 'the parenthesis opened here is not closed');
                        this.fail("')' expected", this.tok);
                    }
                    const end = this.take().end;
                    return { k: 'paren', inner, start: t.start, end };
                }
                return this.fail(t.kind === 'punct' && t.text === ')'
                    ? "Invalid expression term ')'"
                    : `Invalid expression term '${t.text}'`, t);
            case 'eof':
                return this.fail('Invalid expression term: the expression ends too early', t, 'complete the expression');
        }
    }
}
function isStatementExpression(e) {
    switch (e.k) {
        case 'assign':
        case 'call':
            return true;
        case 'unary':
            return e.op === '++' || e.op === '--';
        case 'new':
            return e.type !== undefined && !e.sizes && e.type.rank === 0;
        default:
            return false;
    }
}
function quote(text) {
    return `'${text}'`;
}
function describe(t) {
    return t.kind === 'eof' ? 'end of expression' : `'${t.text}'`;
}
/** Lexes and parses one expression's code; lexer errors first, then the first syntax error. */
function parseExpression(code, kind, resolve) {
    const lexer = new Lexer(code, 0, code.length, resolve);
    const tokens = lexer.all();
    const errors = [...lexer.errors];
    const p = new Parser(tokens);
    try {
        const tree = kind === 'single' ? p.single() : p.multi();
        return { tree: errors.length ? undefined : tree, errors, declared: p.declared, returns: p.returns };
    }
    catch (err) {
        if (!(err instanceof SyntaxError_))
            throw err;
        // A lexer error usually causes the syntax error after it: report the cause only.
        if (!errors.length)
            errors.push({ start: err.start, end: err.end, message: err.message, hint: err.hint });
        return { errors, declared: p.declared, returns: p.returns };
    }
}

;// CONCATENATED MODULE: ./src/validate/expressions/catalog/allowed-type-table.ts
/**
 * ".NET Framework types allowed in policy expressions": the table of the documentation page "API
 * Management policy expressions" (MicrosoftDocs/azure-docs,
 * articles/api-management/api-management-policy-expressions.md, ms.date 03/07/2023; read from the
 * stored copy in xtqqczze/MicrosoftDocs-azure-docs at bf47cb2). Each row is the page's type and its
 * "Supported members" cell, in the page's own words; allowed-types.ts reads them. When APIM changes
 * the list, change this table: nothing else.
 */
const ALLOWED_TYPES_SOURCE = 'https://learn.microsoft.com/azure/api-management/api-management-policy-expressions#CLRTypes';
const ALLOWED_TYPE_ROWS = [
    ['Newtonsoft.Json.Formatting', 'All'],
    ['Newtonsoft.Json.JsonConvert', '`SerializeObject`, `DeserializeObject`'],
    ['Newtonsoft.Json.Linq.Extensions', 'All'],
    ['Newtonsoft.Json.Linq.JArray', 'All'],
    ['Newtonsoft.Json.Linq.JConstructor', 'All'],
    ['Newtonsoft.Json.Linq.JContainer', 'All'],
    ['Newtonsoft.Json.Linq.JObject', 'All'],
    ['Newtonsoft.Json.Linq.JProperty', 'All'],
    ['Newtonsoft.Json.Linq.JRaw', 'All'],
    ['Newtonsoft.Json.Linq.JToken', 'All'],
    ['Newtonsoft.Json.Linq.JTokenType', 'All'],
    ['Newtonsoft.Json.Linq.JValue', 'All'],
    ['System.Array', 'All'],
    ['System.BitConverter', 'All'],
    ['System.Boolean', 'All'],
    ['System.Byte', 'All'],
    ['System.Char', 'All'],
    ['System.Collections.Generic.Dictionary<TKey, TValue>', 'All'],
    ['System.Collections.Generic.HashSet<T>', 'All'],
    ['System.Collections.Generic.ICollection<T>', 'All'],
    ['System.Collections.Generic.IDictionary<TKey, TValue>', 'All'],
    ['System.Collections.Generic.IEnumerable<T>', 'All'],
    ['System.Collections.Generic.IEnumerator<T>', 'All'],
    ['System.Collections.Generic.IList<T>', 'All'],
    ['System.Collections.Generic.IReadOnlyCollection<T>', 'All'],
    ['System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>', 'All'],
    ['System.Collections.Generic.ISet<T>', 'All'],
    ['System.Collections.Generic.KeyValuePair<TKey, TValue>', 'All'],
    ['System.Collections.Generic.List<T>', 'All'],
    ['System.Collections.Generic.Queue<T>', 'All'],
    ['System.Collections.Generic.Stack<T>', 'All'],
    ['System.Convert', 'All'],
    [
        'System.DateTime',
        '(Constructor), `Add`, `AddDays`, `AddHours`, `AddMilliseconds`, `AddMinutes`, `AddMonths`, `AddSeconds`, `AddTicks`, `AddYears`, `Date`, `Day`, `DayOfWeek`, `DayOfYear`, `DaysInMonth`, `Hour`, `IsDaylightSavingTime`, `IsLeapYear`, `MaxValue`, `Millisecond`, `Minute`, `MinValue`, `Month`, `Now`, `Parse`, `Second`, `Subtract`, `Ticks`, `TimeOfDay`, `Today`, `ToString`, `UtcNow`, `Year`',
    ],
    ['System.DateTimeKind', '`Utc`'],
    ['System.DateTimeOffset', 'All'],
    ['System.Decimal', 'All'],
    ['System.Double', 'All'],
    ['System.Enum', '`Parse`, `TryParse`, `ToString`'],
    ['System.Exception', 'All'],
    ['System.Guid', 'All'],
    ['System.Int16', 'All'],
    ['System.Int32', 'All'],
    ['System.Int64', 'All'],
    ['System.IO.StringReader', 'All'],
    ['System.IO.StringWriter', 'All'],
    ['System.Linq.Enumerable', 'All'],
    ['System.Math', 'All'],
    ['System.MidpointRounding', 'All'],
    [
        'System.Net.IPAddress',
        '`AddressFamily`, `Equals`, `GetAddressBytes`, `IsLoopback`, `Parse`, `TryParse`, `ToString`',
    ],
    ['System.Net.WebUtility', 'All'],
    ['System.Nullable', 'All'],
    ['System.Random', 'All'],
    ['System.SByte', 'All'],
    ['System.Security.Cryptography.AsymmetricAlgorithm', 'All'],
    ['System.Security.Cryptography.CipherMode', 'All'],
    ['System.Security.Cryptography.HashAlgorithm', 'All'],
    ['System.Security.Cryptography.HashAlgorithmName', 'All'],
    ['System.Security.Cryptography.HMAC', 'All'],
    ['System.Security.Cryptography.HMACMD5', 'All'],
    ['System.Security.Cryptography.HMACSHA1', 'All'],
    ['System.Security.Cryptography.HMACSHA256', 'All'],
    ['System.Security.Cryptography.HMACSHA384', 'All'],
    ['System.Security.Cryptography.HMACSHA512', 'All'],
    ['System.Security.Cryptography.KeyedHashAlgorithm', 'All'],
    ['System.Security.Cryptography.MD5', 'All'],
    ['System.Security.Cryptography.Oid', 'All'],
    ['System.Security.Cryptography.PaddingMode', 'All'],
    ['System.Security.Cryptography.RNGCryptoServiceProvider', 'All'],
    ['System.Security.Cryptography.RSA', 'All'],
    ['System.Security.Cryptography.RSAEncryptionPadding', 'All'],
    ['System.Security.Cryptography.RSASignaturePadding', 'All'],
    ['System.Security.Cryptography.SHA1', 'All'],
    ['System.Security.Cryptography.SHA1Managed', 'All'],
    ['System.Security.Cryptography.SHA256', 'All'],
    ['System.Security.Cryptography.SHA256Managed', 'All'],
    ['System.Security.Cryptography.SHA384', 'All'],
    ['System.Security.Cryptography.SHA384Managed', 'All'],
    ['System.Security.Cryptography.SHA512', 'All'],
    ['System.Security.Cryptography.SHA512Managed', 'All'],
    ['System.Security.Cryptography.SymmetricAlgorithm', 'All except parameterless Create()'],
    ['System.Security.Cryptography.X509Certificates.PublicKey', 'All'],
    ['System.Security.Cryptography.X509Certificates.RSACertificateExtensions', 'All'],
    ['System.Security.Cryptography.X509Certificates.X500DistinguishedName', '`Name`'],
    ['System.Security.Cryptography.X509Certificates.X509Certificate', 'All'],
    ['System.Security.Cryptography.X509Certificates.X509Certificate2', 'All'],
    ['System.Security.Cryptography.X509Certificates.X509ContentType', 'All'],
    ['System.Security.Cryptography.X509Certificates.X509NameType', 'All'],
    ['System.Single', 'All'],
    ['System.String', 'All'],
    ['System.StringComparer', 'All'],
    ['System.StringComparison', 'All'],
    ['System.StringSplitOptions', 'All'],
    ['System.Text.Encoding', 'All'],
    ['System.Text.RegularExpressions.Capture', '`Index`, `Length`, `Value`'],
    ['System.Text.RegularExpressions.CaptureCollection', '`Count`, `Item`'],
    ['System.Text.RegularExpressions.Group', '`Captures`, `Success`'],
    ['System.Text.RegularExpressions.GroupCollection', '`Count`, `Item`'],
    ['System.Text.RegularExpressions.Match', '`Empty`, `Groups`, `Result`'],
    [
        'System.Text.RegularExpressions.Regex',
        '(Constructor), `IsMatch`, `Match`, `Matches`, `Replace`, `Unescape`, `Split`',
    ],
    ['System.Text.RegularExpressions.RegexOptions', 'All'],
    ['System.Text.StringBuilder', 'All'],
    ['System.TimeSpan', 'All'],
    ['System.TimeZone', 'All'],
    ['System.TimeZoneInfo.AdjustmentRule', 'All'],
    ['System.TimeZoneInfo.TransitionTime', 'All'],
    ['System.TimeZoneInfo', 'All'],
    ['System.Tuple', 'All'],
    ['System.UInt16', 'All'],
    ['System.UInt32', 'All'],
    ['System.UInt64', 'All'],
    ['System.Uri', 'All'],
    ['System.UriPartial', 'All'],
    ['System.Xml.Linq.Extensions', 'All'],
    ['System.Xml.Linq.XAttribute', 'All'],
    ['System.Xml.Linq.XCData', 'All'],
    ['System.Xml.Linq.XComment', 'All'],
    ['System.Xml.Linq.XContainer', 'All'],
    ['System.Xml.Linq.XDeclaration', 'All'],
    ['System.Xml.Linq.XDocument', 'All, except `Load`'],
    ['System.Xml.Linq.XDocumentType', 'All'],
    ['System.Xml.Linq.XElement', 'All'],
    ['System.Xml.Linq.XName', 'All'],
    ['System.Xml.Linq.XNamespace', 'All'],
    ['System.Xml.Linq.XNode', 'All'],
    ['System.Xml.Linq.XNodeDocumentOrderComparer', 'All'],
    ['System.Xml.Linq.XNodeEqualityComparer', 'All'],
    ['System.Xml.Linq.XObject', 'All'],
    ['System.Xml.Linq.XProcessingInstruction', 'All'],
    ['System.Xml.Linq.XText', 'All'],
    ['System.Xml.XmlNodeType', 'All'],
];

;// CONCATENATED MODULE: ./src/validate/expressions/catalog/context-model.ts
const CONTEXT_MODEL_SOURCE = 'https://learn.microsoft.com/azure/api-management/api-management-policy-expressions#ContextVariables';
const IRESPONSE = {
    Body: { type: 'IMessageBody', doc: 'IMessageBody' },
    Headers: { type: 'IReadOnlyDictionary<string, string[]>', doc: 'IReadOnlyDictionary<string, string[]>' },
    StatusCode: { type: 'int', doc: 'int' },
    StatusReason: { type: 'string', doc: 'string' },
};
const CONTEXT_MODEL = {
    context: {
        Api: { type: 'IApi', doc: 'IApi' },
        Deployment: { type: 'context.Deployment', doc: 'Deployment' },
        Elapsed: {
            type: 'TimeSpan',
            doc: 'TimeSpan - time interval between the value of Timestamp and current time',
        },
        GraphQL: { type: 'context.GraphQL', doc: 'GraphQL' },
        LastError: { type: 'context.LastError', doc: 'LastError' },
        Operation: { type: 'context.Operation', doc: 'Operation' },
        Product: { type: 'context.Product', doc: 'Product' },
        Request: { type: 'context.Request', doc: 'Request' },
        RequestId: { type: 'Guid', doc: 'Guid - unique request identifier' },
        Response: { type: 'IResponse', doc: 'Response' },
        Subscription: { type: 'context.Subscription', doc: 'Subscription' },
        Timestamp: { type: 'DateTime', doc: 'DateTime - point in time when request was received' },
        Tracing: { type: 'bool', doc: 'bool - indicates if tracing is on or off' },
        User: { type: 'context.User', doc: 'User' },
        Variables: { type: 'IReadOnlyDictionary<string, object>', doc: 'IReadOnlyDictionary<string, object>' },
        Trace: { type: 'void', doc: 'void Trace(message: string)', method: true },
        Workspace: { type: 'context.Workspace', doc: 'Workspace' },
    },
    IApi: {
        Id: { type: 'string', doc: 'string' },
        IsCurrentRevision: { type: 'bool', doc: 'bool' },
        Name: { type: 'string', doc: 'string' },
        Path: { type: 'string', doc: 'string' },
        Protocols: { type: 'IEnumerable<string>', doc: 'IEnumerable<string>' },
        Revision: { type: 'string', doc: 'string' },
        ServiceUrl: { type: 'IUrl', doc: 'IUrl' },
        SubscriptionKeyParameterNames: {
            type: 'ISubscriptionKeyParameterNames',
            doc: 'ISubscriptionKeyParameterNames',
        },
        Version: { type: 'string', doc: 'string' },
    },
    'context.Deployment': {
        Gateway: { type: 'context.Deployment.Gateway', doc: 'Gateway' },
        GatewayId: { type: 'string', doc: "string (returns 'managed' for managed gateways)" },
        Region: { type: 'string', doc: 'string' },
        ServiceId: { type: 'string', doc: 'string' },
        ServiceName: { type: 'string', doc: 'string' },
        SustainabilityInfo: { type: 'context.Deployment.SustainabilityInfo', doc: 'SustainabilityInfo' },
        Certificates: {
            type: 'IReadOnlyDictionary<string, X509Certificate2>',
            doc: 'IReadOnlyDictionary<string, X509Certificate2>',
        },
    },
    'context.Deployment.Gateway': {
        Id: { type: 'string', doc: "string (returns 'managed' for managed gateways)" },
        InstanceId: { type: 'string', doc: "string (returns 'managed' for managed gateways)" },
        IsManaged: { type: 'bool', doc: 'bool' },
    },
    'context.Deployment.SustainabilityInfo': {
        CurrentCarbonIntensity: { type: 'CarbonIntensityCategory', doc: 'Enum CarbonIntensityCategory' },
    },
    'context.GraphQL': {
        GraphQLArguments: { type: 'IGraphQLDataObject', doc: 'IGraphQLDataObject' },
        Parent: { type: 'IGraphQLDataObject', doc: 'IGraphQLDataObject' },
    },
    'context.LastError': {
        Source: { type: 'string', doc: 'string' },
        Reason: { type: 'string', doc: 'string' },
        Message: { type: 'string', doc: 'string' },
        Scope: { type: 'string', doc: 'string' },
        Section: { type: 'string', doc: 'string' },
        Path: { type: 'string', doc: 'string' },
        PolicyId: { type: 'string', doc: 'string' },
    },
    'context.Operation': {
        Id: { type: 'string', doc: 'string' },
        Method: { type: 'string', doc: 'string' },
        Name: { type: 'string', doc: 'string' },
        UrlTemplate: { type: 'string', doc: 'string' },
    },
    'context.Product': {
        ApprovalRequired: { type: 'bool', doc: 'bool' },
        Groups: { type: 'IEnumerable<IGroup>', doc: 'IEnumerable<IGroup>' },
        Id: { type: 'string', doc: 'string' },
        Name: { type: 'string', doc: 'string' },
        State: { type: 'ProductState', doc: 'enum ProductState {NotPublished, Published}' },
        SubscriptionsLimit: { type: 'int?', doc: 'int?' },
        SubscriptionRequired: { type: 'bool', doc: 'bool' },
    },
    'context.Request': {
        Body: { type: 'IMessageBody', doc: "IMessageBody or null if request doesn't have a body." },
        Certificate: {
            type: 'X509Certificate2',
            doc: 'System.Security.Cryptography.X509Certificates.X509Certificate2',
        },
        Headers: { type: 'IReadOnlyDictionary<string, string[]>', doc: 'IReadOnlyDictionary<string, string[]>' },
        IpAddress: { type: 'string', doc: 'string' },
        MatchedParameters: {
            type: 'IReadOnlyDictionary<string, string>',
            doc: 'IReadOnlyDictionary<string, string>',
        },
        Method: { type: 'string', doc: 'string' },
        OriginalUrl: { type: 'IUrl', doc: 'IUrl' },
        Url: { type: 'IUrl', doc: 'IUrl' },
        PrivateEndpointConnection: {
            type: 'IPrivateEndpointConnection',
            doc: "IPrivateEndpointConnection or null if request doesn't come from a private endpoint connection.",
        },
    },
    /** context.Response, and what send-request stores in its response variable (cast with `(IResponse)`). */
    IResponse: IRESPONSE,
    'context.Subscription': {
        CreatedDate: { type: 'DateTime', doc: 'DateTime' },
        EndDate: { type: 'DateTime?', doc: 'DateTime?' },
        Id: { type: 'string', doc: 'string' },
        Key: { type: 'string', doc: 'string' },
        Name: { type: 'string', doc: 'string' },
        PrimaryKey: { type: 'string', doc: 'string' },
        SecondaryKey: { type: 'string', doc: 'string' },
        StartDate: { type: 'DateTime?', doc: 'DateTime?' },
    },
    'context.User': {
        Email: { type: 'string', doc: 'string' },
        FirstName: { type: 'string', doc: 'string' },
        Groups: { type: 'IEnumerable<IGroup>', doc: 'IEnumerable<IGroup>' },
        Id: { type: 'string', doc: 'string' },
        Identities: { type: 'IEnumerable<IUserIdentity>', doc: 'IEnumerable<IUserIdentity>' },
        LastName: { type: 'string', doc: 'string' },
        Note: { type: 'string', doc: 'string' },
        RegistrationDate: { type: 'DateTime', doc: 'DateTime' },
    },
    'context.Workspace': {
        Id: { type: 'string', doc: 'string' },
        Name: { type: 'string', doc: 'string' },
    },
    IGroup: {
        Id: { type: 'string', doc: 'string' },
        Name: { type: 'string', doc: 'string' },
    },
    IMessageBody: {
        As: {
            type: 'T',
            doc: 'As<T>(bool preserveContent = false): Where T: string, byte[], JObject, JToken, JArray, XNode, XElement, XDocument',
            method: true,
        },
        AsFormUrlEncodedContent: {
            type: 'IDictionary<string, IList<string>>',
            doc: 'AsFormUrlEncodedContent(bool preserveContent = false)',
            method: true,
        },
    },
    IPrivateEndpointConnection: {
        Name: { type: 'string', doc: 'string' },
        GroupId: { type: 'string', doc: 'string' },
        MemberName: { type: 'string', doc: 'string' },
    },
    IUrl: {
        Host: { type: 'string', doc: 'string' },
        Path: { type: 'string', doc: 'string' },
        Port: { type: 'int', doc: 'int' },
        Query: { type: 'IReadOnlyDictionary<string, string[]>', doc: 'IReadOnlyDictionary<string, string[]>' },
        QueryString: { type: 'string', doc: 'string' },
        Scheme: { type: 'string', doc: 'string' },
    },
    ISubscriptionKeyParameterNames: {
        Header: { type: 'string', doc: 'string' },
        Query: { type: 'string', doc: 'string' },
    },
    IUserIdentity: {
        Id: { type: 'string', doc: 'string' },
        Provider: { type: 'string', doc: 'string' },
    },
    BasicAuthCredentials: {
        Password: { type: 'string', doc: 'string' },
        UserId: { type: 'string', doc: 'string' },
    },
    Jwt: {
        Algorithm: { type: 'string', doc: 'string' },
        Audiences: { type: 'IEnumerable<string>', doc: 'IEnumerable<string>' },
        Claims: { type: 'IReadOnlyDictionary<string, string[]>', doc: 'IReadOnlyDictionary<string, string[]>' },
        ExpirationTime: { type: 'DateTime?', doc: 'DateTime?' },
        Id: { type: 'string', doc: 'string' },
        Issuer: { type: 'string', doc: 'string' },
        IssuedAt: { type: 'DateTime?', doc: 'DateTime?' },
        NotBefore: { type: 'DateTime?', doc: 'DateTime?' },
        Subject: { type: 'string', doc: 'string' },
        Type: { type: 'string', doc: 'string' },
    },
};
/** The types `IMessageBody.As<T>` reads a body as (the page's "Where T:" list). */
const BODY_AS_TYPES = [
    'string',
    'byte[]',
    'JObject',
    'JToken',
    'JArray',
    'XNode',
    'XElement',
    'XDocument',
];
/** Model types a policy may name (in a cast such as `(IResponse)context.Variables["r"]`). */
const NAMED_MODEL_TYPES = Object.keys(CONTEXT_MODEL).filter((k) => !k.startsWith('context'));
/**
 * The extension methods the page lists (AsJwt, AsBasic, TryParseJwt, TryParseBasic, Encrypt,
 * Decrypt, VerifyNoRevocation) need no entry: they hang off string, byte[] and X509Certificate2,
 * whose members are not checked.
 */

;// CONCATENATED MODULE: ./src/validate/expressions/catalog/allowed-types.ts


function read(fullName, supported) {
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
const ALLOWED_TYPES = ALLOWED_TYPE_ROWS.map(([t, m]) => read(t.replace(/<.*>$/, ''), m));
const BY_FULL_NAME = new Map(ALLOWED_TYPES.map((t) => [t.fullName, t]));
/** Simple name (and nested name such as `TimeZoneInfo.AdjustmentRule`) to its type. */
const BY_SIMPLE_NAME = new Map();
for (const t of ALLOWED_TYPES) {
    const ns = namespaceOf(t.fullName);
    BY_SIMPLE_NAME.set(t.fullName.slice(ns.length + 1), t);
}
/** Every namespace (and namespace prefix) of the list: `System`, `System.Text`, `Newtonsoft.Json.Linq`... */
const NAMESPACES = new Set();
for (const t of ALLOWED_TYPES) {
    const parts = namespaceOf(t.fullName).split('.');
    for (let i = 1; i <= parts.length; i++)
        NAMESPACES.add(parts.slice(0, i).join('.'));
}
/** The namespace of a listed type: everything before the first capitalised segment that is a type. */
function namespaceOf(fullName) {
    const parts = fullName.split('.');
    // Nested types (TimeZoneInfo.AdjustmentRule) keep their outer type out of the namespace.
    let i = parts.length - 1;
    if (parts.length > 2 && ['TimeZoneInfo'].includes(parts[i - 1]))
        i--;
    return parts.slice(0, i).join('.');
}
/** Keyword types and their System names (`string` is System.String). */
const KEYWORD_TYPE_NAMES = {
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
function lookupType(name) {
    const bare = name.replace(/^global::/, '');
    if (EXTRA.has(bare))
        return true;
    return BY_FULL_NAME.get(bare) ?? BY_SIMPLE_NAME.get(bare);
}
/**
 * .NET types people reach for that the list leaves out, with their namespace, so the message can say
 * "not allowed" rather than "not found". Not from the page: collected from the reported errors in
 * test/fixtures/expressions.
 */
const KNOWN_DISALLOWED = {
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

;// CONCATENATED MODULE: ./src/validate/expressions/catalog/string-members.ts
/**
 * Public members of System.String (.NET API reference, "String Class"), the LINQ operators it gets
 * as IEnumerable<char>, and the string extension methods of the policy expressions page (AsJwt,
 * AsBasic, TryParseJwt, TryParseBasic). Used only to catch a member written in the wrong case or a
 * JavaScript name (`.split`, `.toLowerCase()`): an unknown name in the right case is left alone,
 * since it may be an extension method this list does not hold.
 */
const STRING_MEMBERS = new Set(('Length Chars Clone CompareTo Contains CopyTo EndsWith Equals GetEnumerator GetHashCode GetType GetTypeCode ' +
    'IndexOf IndexOfAny Insert IsNormalized LastIndexOf LastIndexOfAny Normalize PadLeft PadRight Remove Replace ' +
    'Split StartsWith Substring ToCharArray ToLower ToLowerInvariant ToString ToUpper ToUpperInvariant Trim TrimEnd ' +
    'TrimStart Format Join Concat IsNullOrEmpty IsNullOrWhiteSpace Compare CompareOrdinal Copy Empty Intern IsInterned ' +
    'Aggregate All Any Append AsEnumerable Average Cast Count DefaultIfEmpty Distinct ElementAt ElementAtOrDefault ' +
    'Except First FirstOrDefault GroupBy Intersect Last LastOrDefault LongCount Max Min OfType OrderBy ' +
    'OrderByDescending Prepend Reverse Select SelectMany SequenceEqual Single SingleOrDefault Skip SkipWhile Sum ' +
    'Take TakeWhile ToArray ToDictionary ToHashSet ToList ToLookup Union Where Zip ' +
    'AsJwt AsBasic TryParseJwt TryParseBasic').split(' '));
/** JavaScript string members people write in C#, and the C# member that does the job. */
const JAVASCRIPT_STRING_MEMBERS = {
    toLowerCase: 'ToLower',
    toUpperCase: 'ToUpper',
    includes: 'Contains',
    charAt: 'the indexer s[i]',
    padStart: 'PadLeft',
    padEnd: 'PadRight',
    slice: 'Substring',
    trimLeft: 'TrimStart',
    trimRight: 'TrimEnd',
    localeCompare: 'string.Compare',
};

;// CONCATENATED MODULE: ./src/validate/expressions/semantics.ts



const UNKNOWN = { t: 'unknown' };
const MAX_TREE_DEPTH = 1000;
const OBJECT = { t: 'object' };
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
const castHint = (what) => `context.Variables holds 'object': cast it, as in ((string)${what}), or read it typed with context.Variables.GetValueOrDefault<string>("name")`;
class Semantics {
    kind;
    problems = [];
    reads = [];
    locals = new Map();
    declared = new Set();
    constructor(kind) {
        this.kind = kind;
    }
    /** `declared` and `returns` come from the parser, which saw every declaration and return. */
    check(tree, declared, returns) {
        this.declared = declared;
        if (this.kind === 'single')
            this.expr(tree);
        else {
            const block = tree;
            for (const s of block.body)
                this.stmt(s);
            // No return at all is the reader's finding (expression-syntax); here only a path without one.
            if (!endsAlways(block.body) && returns > 0) {
                this.problem({ start: block.end, end: block.end }, 'Not all code paths return a value', 'every path of an @{...} block must end in return (or throw): add a return after the last if/else');
            }
        }
    }
    problem(at, message, hint) {
        this.problems.push({ start: at.start, end: at.end, message, hint });
    }
    // ---- types
    checkType(ref) {
        if (!ref)
            return;
        for (const a of ref.args)
            this.checkType(a);
        if (ref.keyword)
            return;
        if (lookupType(ref.name))
            return;
        const simple = ref.name.split('.').pop();
        if (ref.name === 'var')
            return;
        if (ref.name === 'dynamic') {
            this.problem(ref, "Usage of type 'dynamic' is not supported within expressions", 'policy expressions cannot bind dynamically: read JSON with JObject (body.As<JObject>()["name"]) or cast to the type you expect');
            return;
        }
        const ns = KNOWN_DISALLOWED[simple];
        if (ns || (ref.name.includes('.') && NAMESPACES.has(ref.name.split('.')[0])))
            this.problem(ref, `Usage of type '${ns && !ref.name.includes('.') ? `${ns}.${simple}` : ref.name}' is not supported within expressions`, 'APIM accepts only the .NET types of its list (see the "API Management policy expressions" page); rewrite with an allowed type');
        else
            this.problem(ref, `The type or namespace name '${ref.name}' could not be found (are you missing a using directive or an assembly reference?)`, 'policy expressions may use only the .NET types APIM lists, and the context model types (IResponse, Jwt, ...); check the spelling and case');
    }
    typeOfRef(ref) {
        if (ref.rank)
            return { t: 'value', name: ref.name + '[]' };
        if (ref.keyword)
            return ref.name === 'object' ? OBJECT : { t: 'value', name: ref.name };
        if (CONTEXT_MODEL[ref.name])
            return { t: 'model', name: ref.name };
        return { t: 'value', name: ref.name };
    }
    // ---- statements
    stmt(s) {
        switch (s.k) {
            case 'block':
                for (const x of s.body)
                    this.stmt(x);
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
                if (s.body.k === 'block')
                    this.stmt(s.body);
                else
                    this.expr(s.body);
                return;
            case 'declaration': {
                if (s.type !== 'var')
                    this.checkType(s.type);
                const declared = s.type === 'var' ? undefined : this.typeOfRef(s.type);
                for (const v of s.vars) {
                    const ty = v.init ? this.expr(v.init) : UNKNOWN;
                    if (declared && declared.t !== 'object' && ty.t === 'object' && s.type !== 'var')
                        this.problem(v.init, `Cannot implicitly convert type 'object' to '${s.type.name}'. An explicit conversion exists (are you missing a cast?)`, castHint('context.Variables["name"]').replace('(string)', `(${s.type.name})`));
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
                if (s.otherwise)
                    this.stmt(s.otherwise);
                return;
            case 'while':
            case 'do':
                this.condition(s.test);
                this.stmt(s.body);
                return;
            case 'for':
                for (const x of s.init)
                    this.stmt(x);
                if (s.test)
                    this.condition(s.test);
                for (const u of s.update)
                    this.expr(u);
                this.stmt(s.body);
                return;
            case 'foreach': {
                if (s.type !== 'var')
                    this.checkType(s.type);
                const it = this.expr(s.iterable);
                if (it.t === 'object')
                    this.problem(s.iterable, "foreach statement cannot operate on variables of type 'object' because 'object' does not contain a public instance definition for 'GetEnumerator'", castHint('context.Variables["name"]').replace('(string)', '(JArray)'));
                this.locals.set(s.name, s.type === 'var' ? UNKNOWN : this.typeOfRef(s.type));
                this.stmt(s.body);
                return;
            }
            case 'return':
                if (s.value)
                    this.expr(s.value);
                else if (this.kind === 'multi')
                    this.problem(s, "An object of a type convertible to 'object' is required", 'a policy expression returns a value: return something, e.g. return null;');
                return;
            case 'throw':
                if (s.value)
                    this.expr(s.value);
                return;
            case 'try':
                this.stmt(s.block);
                // Exception types in catch clauses are not checked: the page lists only System.Exception.
                for (const c of s.catches) {
                    if (c.name)
                        this.locals.set(c.name, UNKNOWN);
                    this.stmt(c.body);
                }
                if (s.final)
                    this.stmt(s.final);
                return;
            case 'switch':
                this.expr(s.value);
                for (const sec of s.sections) {
                    for (const l of sec.labels)
                        if (l !== 'default')
                            this.expr(l);
                    for (const x of sec.body)
                        this.stmt(x);
                }
                return;
            default:
                return;
        }
    }
    condition(e) {
        const ty = this.expr(e);
        if (ty.t === 'object')
            this.problem(e, "Cannot implicitly convert type 'object' to 'bool'. An explicit conversion exists (are you missing a cast?)", castHint('context.Variables["name"]').replace('(string)', '(bool)'));
    }
    // ---- expressions
    args(args) {
        for (const a of args) {
            if (a.declares) {
                this.checkType(a.declares.type);
                this.locals.set(a.declares.name, a.declares.type ? this.typeOfRef(a.declares.type) : UNKNOWN);
            }
            else
                this.expr(a.expr);
        }
    }
    expr(e) {
        // Chains (a.b.c..., a + b + c...) are parsed in loops but nest in the tree; past this depth the
        // rest is not judged (no finding: C# compiles long chains), so no input can overflow the stack.
        if (this.depth >= MAX_TREE_DEPTH)
            return UNKNOWN;
        this.depth++;
        try {
            return this.exprBody(e);
        }
        finally {
            this.depth--;
        }
    }
    depth = 0;
    exprBody(e) {
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
                for (const h of e.holes)
                    this.expr(h);
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
                    this.problem(e, "Cannot apply indexing with [] to an expression of type 'object'", castHint(sourceLess(e.target)).replace('(string)', '(JObject)'));
                return UNKNOWN;
            }
            case 'unary': {
                const ty = this.expr(e.operand);
                if (ty.t === 'object' && e.op !== '++' && e.op !== '--')
                    this.problem(e, `Operator '${e.op}' cannot be applied to operand of type 'object'`, castHint('context.Variables["name"]').replace('(string)', e.op === '!' ? '(bool)' : '(int)'));
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
                        this.problem(e.value, `Cannot implicitly convert type 'object' to '${local.name}'. An explicit conversion exists (are you missing a cast?)`, castHint('context.Variables["name"]'));
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
                if (e.pattern)
                    this.expr(e.pattern);
                if (e.declares)
                    this.locals.set(e.declares.name, e.type ? this.typeOfRef(e.type) : UNKNOWN);
                return { t: 'value', name: 'bool' };
            case 'paren':
                return this.expr(e.inner);
            case 'lambda':
                for (const p of e.params) {
                    this.checkType(p.type);
                    this.locals.set(p.name, p.type ? this.typeOfRef(p.type) : UNKNOWN);
                }
                if ('k' in e.body && e.body.k === 'block')
                    this.stmt(e.body);
                else
                    this.expr(e.body);
                return UNKNOWN;
            case 'new':
                this.checkType(e.type);
                if (e.type && !e.type.keyword && !e.sizes && !e.type.rank) {
                    const t = lookupType(e.type.name);
                    if (t && t !== true && !t.constructible)
                        this.problem(e.type, `Usage of the constructor of type '${t.fullName}' is not supported within expressions (allowed members: ${t.supported.replace(/`/g, '')})`);
                }
                if (e.args)
                    this.args(e.args);
                for (const s of e.sizes ?? [])
                    this.expr(s);
                for (const i of e.init?.items ?? [])
                    this.initItem(i);
                return e.type ? this.typeOfRef(e.sizes ? { ...e.type, rank: e.type.rank || 1 } : e.type) : UNKNOWN;
            case 'initializer':
                for (const i of e.init.items)
                    this.initItem(i);
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
    initItem(i) {
        if (i.k === 'assign' && i.op === '=' && i.target.k === 'name')
            this.expr(i.value);
        else
            this.expr(i);
    }
    name(e) {
        for (const a of e.typeArgs ?? [])
            this.checkType(a);
        const local = this.locals.get(e.name);
        if (local)
            return local;
        if (this.declared.has(e.name))
            return UNKNOWN;
        if (e.name === 'context')
            return { t: 'model', name: 'context' };
        // C# 7 discards (`out _`) and nameof(...) are not names a declaration introduces.
        if (e.name === '_' || e.name === 'nameof')
            return UNKNOWN;
        const type = lookupType(e.name);
        if (type)
            return { t: 'static', name: e.name, type: type === true ? undefined : type };
        if (NAMESPACES.has(e.name))
            return { t: 'namespace', name: e.name };
        const ns = KNOWN_DISALLOWED[e.name];
        if (ns) {
            this.problem(e, `Usage of type '${ns}.${e.name}' is not supported within expressions`, 'APIM accepts only the .NET types of its list (see the "API Management policy expressions" page); rewrite with an allowed type');
            return UNKNOWN;
        }
        const lower = e.name.toLowerCase();
        const hint = lower === 'context'
            ? "C# is case-sensitive: the implicit variable is 'context' (lower case)"
            : lower === 'json'
                ? 'C# has no JSON object: use JObject.Parse(...) or JsonConvert.SerializeObject(...)'
                : lower === 'console'
                    ? 'write traces with the trace policy or context.Trace(...)'
                    : "only 'context', names declared in the expression, and the allowed .NET types are in scope; check the spelling and case";
        this.problem(e, `The name '${e.name}' does not exist in the current context`, hint);
        return UNKNOWN;
    }
    member(e) {
        for (const a of e.typeArgs ?? [])
            this.checkType(a);
        const target = this.expr(e.target);
        const at = { start: e.nameStart, end: e.end };
        switch (target.t) {
            case 'namespace': {
                const full = `${target.name}.${e.name}`;
                if (BY_FULL_NAME.has(full))
                    return { t: 'static', name: full, type: BY_FULL_NAME.get(full) };
                if (NAMESPACES.has(full))
                    return { t: 'namespace', name: full };
                this.problem({ start: e.target.start, end: e.end }, `Usage of type '${full}' is not supported within expressions`, 'APIM accepts only the .NET types of its list (see the "API Management policy expressions" page)');
                return UNKNOWN;
            }
            case 'static': {
                const type = target.type;
                const nested = type && BY_FULL_NAME.get(`${type.fullName}.${e.name}`);
                if (nested)
                    return { t: 'static', name: nested.fullName, type: nested };
                if (type?.fullName === 'System.String')
                    return this.valueMember('string', e.name, at);
                return this.restrictedMember(type, e.name, at);
            }
            case 'object':
                if (!OBJECT_MEMBERS.has(e.name))
                    this.problem(at, `'object' does not contain a definition for '${e.name}' and no accessible extension method '${e.name}' accepting a first argument of type 'object' could be found`, castHint(sourceLess(e.target)));
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
    valueMember(type, name, at) {
        if (type === 'string') {
            if (!STRING_MEMBERS.has(name)) {
                const near = JAVASCRIPT_STRING_MEMBERS[name] ??
                    [...STRING_MEMBERS].find((m) => m.toLowerCase() === name.toLowerCase());
                if (near)
                    this.problem(at, `'string' does not contain a definition for '${name}' and no accessible extension method '${name}' accepting a first argument of type 'string' could be found`, `C# is not JavaScript and is case-sensitive: use ${near}`);
            }
            return name === 'Length' ? { t: 'value', name: 'int' } : UNKNOWN;
        }
        if (type === 'DateTime')
            return this.restrictedMember(BY_FULL_NAME.get('System.DateTime'), name, at);
        return UNKNOWN;
    }
    /** A member of a type whose members the page lists one by one (DateTime, Regex, Enum...). */
    restrictedMember(type, name, at, args = -1) {
        if (!type)
            return UNKNOWN;
        const refused = type.members
            ? !type.members.has(name) && !OBJECT_MEMBERS.has(name)
            : type.except?.has(name) && !(name === 'Create' && args !== 0);
        if (refused)
            this.problem(at, `Usage of member '${name}' of type '${type.fullName}' is not supported within expressions`, `the allowed members are: ${type.supported.replace(/`/g, '')}`);
        if (type.fullName === 'System.DateTime' && DATETIME_VALUED.has(name))
            return { t: 'value', name: 'DateTime' };
        return UNKNOWN;
    }
    modelMember(model, name, at) {
        const members = CONTEXT_MODEL[model];
        const m = members[name];
        if (!m) {
            if (OBJECT_MEMBERS.has(name))
                return UNKNOWN;
            const near = Object.keys(members).find((k) => k.toLowerCase() === name.toLowerCase() ||
                k.toLowerCase() === name.toLowerCase() + 's' ||
                k.toLowerCase() + 's' === name.toLowerCase());
            this.problem(at, `'${model}' does not contain a definition for '${name}'`, near
                ? `did you mean '${near}'? (C# is case-sensitive)`
                : `its members are: ${Object.keys(members).join(', ')}`);
            return UNKNOWN;
        }
        if (model === 'context' && name === 'Variables')
            return { t: 'variables' };
        if (CONTEXT_MODEL[m.type])
            return { t: 'model', name: m.type };
        return { t: 'value', name: m.type };
    }
    call(e) {
        const callee = e.callee;
        if (callee.k === 'member') {
            const target = this.expr(callee.target);
            for (const a of callee.typeArgs ?? [])
                this.checkType(a);
            this.args(e.args);
            if (target.t === 'variables') {
                if (callee.name === 'GetValueOrDefault' ||
                    callee.name === 'TryGetValue' ||
                    callee.name === 'ContainsKey')
                    this.recordRead(e.args[0]?.expr, callee.name === 'ContainsKey' || (callee.name === 'GetValueOrDefault' && e.args.length > 1));
                if (callee.name === 'GetValueOrDefault') {
                    if (callee.typeArgs?.length)
                        return this.typeOfRef(callee.typeArgs[0]);
                    // GetValueOrDefault<T>(name, default): T is inferred from the default; with no default it is object.
                    if (e.args.length < 2)
                        return OBJECT;
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
                        this.problem({ start: callee.nameStart, end: callee.end }, "The type arguments for method 'As<T>' cannot be inferred from the usage", 'name the type: Body.As<JObject>(), As<string>() ...');
                    else if (!BODY_AS_TYPES.includes(written))
                        this.problem(t, `Body.As<T> cannot read a body as '${written}'`, `T must be one of ${BODY_AS_TYPES.join(', ')}`);
                    return t ? this.typeOfRef(t) : UNKNOWN;
                }
                if (!members[callee.name] && !OBJECT_MEMBERS.has(callee.name))
                    return this.modelMember(target.name, callee.name, { start: callee.nameStart, end: callee.end });
                const m = members[callee.name];
                if (m && !m.method)
                    this.problem({ start: callee.nameStart, end: callee.end }, `Non-invocable member '${target.name}.${callee.name}' cannot be used like a method.`, `'${callee.name}' is a property: drop the parentheses (index a dictionary with ["name"])`);
                return UNKNOWN;
            }
            if (target.t === 'object' && !OBJECT_MEMBERS.has(callee.name)) {
                this.problem({ start: callee.nameStart, end: callee.end }, `'object' does not contain a definition for '${callee.name}' and no accessible extension method '${callee.name}' accepting a first argument of type 'object' could be found`, castHint(sourceLess(callee.target)));
                return UNKNOWN;
            }
            const at = { start: callee.nameStart, end: callee.end };
            if (target.t === 'static' && target.type) {
                if (target.type.fullName === 'System.String')
                    return this.valueMember('string', callee.name, at);
                return this.restrictedMember(target.type, callee.name, at, e.args.length);
            }
            if (target.t === 'value') {
                if (target.name.startsWith('IReadOnlyDictionary<string, string') &&
                    callee.name === 'GetValueOrDefault')
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
    binary(e) {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        const isObj = l.t === 'object' || r.t === 'object';
        const other = l.t === 'object' ? r : l;
        const otherName = other.t === 'value' ? other.name : other.t === 'object' ? 'object' : undefined;
        const typed = (n) => (n === 'number' ? 'int' : (n ?? '?'));
        if (isObj) {
            const report = () => this.problem(e, `Operator '${e.op}' cannot be applied to operands of type '${l.t === 'object' ? 'object' : typed(otherName)}' and '${r.t === 'object' ? 'object' : typed(otherName)}'`, castHint('context.Variables["name"]').replace('(string)', NUMERIC.has(otherName ?? '') ? '(int)' : '(string)'));
            if (['-', '*', '/', '%', '<', '>', '<=', '>=', '<<', '>>'].includes(e.op))
                report();
            else if (e.op === '+' && (NUMERIC.has(otherName ?? '') || otherName === 'object'))
                report();
            else if ((e.op === '==' || e.op === '!=') && (NUMERIC.has(otherName ?? '') || otherName === 'bool'))
                report();
            else if (e.op === '&&' || e.op === '||')
                this.problem(l.t === 'object' ? e.left : e.right, "Cannot implicitly convert type 'object' to 'bool'. An explicit conversion exists (are you missing a cast?)", castHint('context.Variables["name"]').replace('(string)', '(bool)'));
        }
        const names = [l, r].map((x) => (x.t === 'value' ? x.name : ''));
        if ((e.op === '==' || e.op === '!=') && names.includes('string[]') && names.includes('string'))
            this.problem(e, `Operator '${e.op}' cannot be applied to operands of type '${names[0]}' and '${names[1]}'`, 'a header or query parameter holds string[]: compare GetValueOrDefault("name", "") instead, or index it with [0]');
        if (['==', '!=', '<', '>', '<=', '>=', '&&', '||'].includes(e.op))
            return { t: 'value', name: 'bool' };
        if (e.op === '+' &&
            ((l.t === 'value' && l.name === 'string') || (r.t === 'value' && r.name === 'string')))
            return { t: 'value', name: 'string' };
        if (e.op === '??')
            return r.t === 'object' ? OBJECT : l;
        if (NUMERIC.has(otherName ?? '') && !isObj && l.t === 'value' && r.t === 'value')
            return { t: 'value', name: 'number' };
        return UNKNOWN;
    }
    recordRead(key, test) {
        if (!key || key.k !== 'literal' || key.type !== 'string')
            return;
        if (this.source?.[key.start] !== '"')
            return;
        const name = this.source.slice(key.start + 1, key.end - 1);
        if (name !== undefined && !name.includes('\\'))
            this.reads.push({ name, test, start: key.start, end: key.end });
    }
    /** The expression code, for reading literal names. */
    source;
}
/** A readable stand-in for an expression in a hint (the exact text is not needed). */
function sourceLess(e) {
    if (e.k === 'index' && e.target.k === 'member' && e.target.name === 'Variables')
        return 'context.Variables["name"]';
    return e.k === 'name' ? e.name : 'context.Variables["name"]';
}
/** True when control cannot run off the end of the statements (C#'s reachability, simplified). */
function endsAlways(stmts) {
    for (const s of stmts)
        if (ends(s))
            return true;
    return false;
}
function ends(s) {
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
            return ((s.final !== undefined && ends(s.final)) || (ends(s.block) && s.catches.every((c) => ends(c.body))));
        case 'switch':
            return (s.sections.some((x) => x.labels.includes('default')) &&
                s.sections.every((x) => endsAlways(x.body) && !breaks(x.body)));
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
function isTrue(e) {
    // A bool literal in a loop test is `true` in practice (`while (false)` is dead code nobody writes).
    return e === undefined || (e.k === 'literal' && e.type === 'bool');
}
/** A `break` that leaves this loop or switch (not one inside a nested loop or switch). */
function breaks(stmts) {
    return stmts.some((s) => {
        switch (s.k) {
            case 'break':
                return true;
            case 'block':
                return breaks(s.body);
            case 'if':
                return breaks([s.then]) || (s.otherwise ? breaks([s.otherwise]) : false);
            case 'try':
                return (breaks([s.block]) ||
                    s.catches.some((c) => breaks([c.body])) ||
                    (s.final ? breaks([s.final]) : false));
            case 'checkedBlock':
                return breaks([s.block]);
            case 'using':
                return breaks([s.body]);
            default:
                return false;
        }
    });
}

;// CONCATENATED MODULE: ./src/validate/expressions/analyze.ts


const cache = new WeakMap();
/**
 * Analyses an expression once (the document check and the repository rule both ask). The resolver
 * of the first call is the one used: one validation run has one set of named values.
 */
function analyzeExpression(expr, resolve) {
    let a = cache.get(expr);
    if (!a) {
        a = analyzeCode(expr.code, expr.kind, resolve);
        cache.set(expr, a);
    }
    return a;
}
function analyzeCode(code, kind, resolve) {
    const parsed = parseExpression(code, kind, resolve);
    if (!parsed.tree)
        return { syntax: parsed.errors.map((e) => inNamedValue(code, e)), problems: [], reads: [] };
    const sem = new Semantics(kind);
    sem.source = code;
    sem.check(parsed.tree, parsed.declared, parsed.returns);
    return { syntax: [], problems: sem.problems, reads: sem.reads };
}
/** An error inside a substituted named value says so: the code the user sees is only `{{name}}`. */
function inNamedValue(code, e) {
    const ref = /^\{\{[^{}]+\}\}/.exec(code.slice(e.start, e.end))?.[0];
    if (!ref)
        return e;
    return {
        ...e,
        message: e.message.includes(' (in the value of ') ? e.message : `${e.message} (in the value of ${ref})`,
        hint: `APIM puts the value of ${ref} into the code before compiling, so it must be C# where it stands; for text or JSON write "${ref}" inside a string (JObject.Parse("${ref}")).`,
    };
}

;// CONCATENATED MODULE: ./src/validate/expressions/origin.ts
/**
 * The file each policy element was read from, recorded by the expression check as it walks every
 * document, so the repository rule can name the file of an element met inside a composed effective
 * policy (whose elements are the originals). Keyed weakly by the node: nothing outlives the run.
 */
const elementFile = new WeakMap();
/** Where each variable read sits in its file (reads carry code offsets; the document check maps them). */
const readPosition = new WeakMap();

// EXTERNAL MODULE: ./src/policy/entities.ts
var entities = __webpack_require__(1239);
// EXTERNAL MODULE: ./src/policy/positions.ts
var positions = __webpack_require__(7238);
;// CONCATENATED MODULE: ./src/validate/expressions/positions.ts


/**
 * Maps an offset in an expression's decoded code back to the policy file. The reader decoded XML
 * entities (`&quot;` is one character of code but six of the file), so the raw text is walked from the
 * expression's start, entity by entity, with the reader's own entity rule.
 */
class ExpressionPositions {
    lines;
    starts = [0];
    text;
    constructor(fileText) {
        // The reader drops a byte order mark before counting columns; so must this.
        this.text = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
        this.lines = new positions/* LineMap */.H(this.text);
        for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    /** Line and column in the file of `offset` within the code of `expr`. */
    at(expr, offset) {
        // The code starts after '@(' or '@{'.
        let raw = (this.starts[expr.line - 1] ?? 0) + expr.column - 1 + 2;
        for (let decoded = 0; decoded < offset && raw < this.text.length; decoded++) {
            const e = this.text[raw] === '&' ? (0,entities/* entityAt */.n)(this.text, raw) : undefined;
            raw += e ? e.length : 1;
        }
        return this.lines.at(raw);
    }
}

;// CONCATENATED MODULE: ./src/validate/checks/expressions.ts



/**
 * Compiles every policy expression of a document the way APIM does on save, without a compiler: the
 * C# syntax (expression-compile) and what the allowed types and the context model permit
 * (expression-type). Each finding points at the exact line and column inside the policy file.
 */
const EXPRESSION_COMPILE = {
    id: 'expression-compile',
    category: 'syntax',
    severity: 'error',
    summary: 'A policy expression is not valid C#.',
    docs: 'Every `@(...)` and `@{...}` is read as C# 7, as APIM compiles it on save: character vs string literals ("Too many characters in character literal" is a string in single quotes), escape sequences ("Unrecognized escape sequence": a regular expression belongs in a verbatim string @"..."), interpolated strings, operators, casts, lambdas, object creation, and for `@{...}` the statements (declarations, if/else, loops, return, try). The message is the C# compiler\'s, with a hint to fix it.',
};
const EXPRESSION_TYPE = {
    id: 'expression-type',
    category: 'schema',
    severity: 'error',
    summary: 'A policy expression uses a type, member or value APIM refuses.',
    docs: 'Checks what APIM checks beyond syntax, using the "API Management policy expressions" page as data: a .NET type outside the allowed list (or a member the list leaves out, such as DateTime.ParseExact), a member the `context` object model does not have (`context.Request.Header`, `context.request`), `context.Variables[...]` used as a string, number or bool without a cast (it holds `object`; cast it or use `GetValueOrDefault<T>`), a name nothing declares, a body read as a type `As<T>` does not support, an `@{...}` block where some path ends without `return`.',
};
/** Every expression in the document with the element that holds it (attributes and text). */
function expressionSites(root) {
    const out = [];
    const stack = [root];
    while (stack.length) {
        const el = stack.pop();
        for (const a of el.attributes)
            if (a.expression)
                out.push({ expression: a.expression, element: el });
        for (let i = el.children.length - 1; i >= 0; i--) {
            const c = el.children[i];
            if (c.type === 'element')
                stack.push(c);
            else if (c.type === 'text' && c.expression)
                out.push({ expression: c.expression, element: el });
        }
    }
    return out;
}
/**
 * Named values APIM would put into the code before compiling: plain values the repository defines.
 * Secret and Key Vault values are never read (their text must not reach a message).
 */
function namedValueResolver(namedValues) {
    if (!namedValues.size)
        return undefined;
    let resolve = resolvers.get(namedValues);
    if (!resolve) {
        const plain = new Map();
        for (const [name, nv] of namedValues)
            if (!nv.secret && !nv.keyVault && typeof nv.value === 'string')
                plain.set(name.toLowerCase(), nv.value);
        resolve = (name) => plain.get(name.toLowerCase());
        resolvers.set(namedValues, resolve);
    }
    return resolve;
}
/** One resolver per run (the engine asks once per document). */
const resolvers = new WeakMap();
function checkExpressions(file, root, text, emit, resolve) {
    let positions;
    const at = (expr, start, end) => {
        positions ??= new ExpressionPositions(text);
        const a = positions.at(expr, start);
        const b = positions.at(expr, end);
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    };
    for (const { expression, element } of expressionSites(root)) {
        const analysis = analyzeExpression(expression, resolve);
        for (const e of analysis.syntax)
            emit(EXPRESSION_COMPILE, at(expression, e.start, e.end), e.message, e.hint);
        for (const p of analysis.problems)
            emit(EXPRESSION_TYPE, at(expression, p.start, p.end), p.message, p.hint);
        // Only elements that read variables matter to the unset-variable rule: only they are recorded.
        if (analysis.reads.length)
            elementFile.set(element, file);
        for (const r of analysis.reads)
            if (!r.test)
                readPosition.set(r, at(expression, r.start, r.end));
    }
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
const DOCUMENT = m('document-structure', 'schema', 'The document is not a valid `<policies>` or `<fragment>` document.', 'A policy document is `<policies>` with at most one each of inbound, backend, outbound, on-error. A fragment is `<fragment>` holding policies only: no sections, no `<base />`, no include-fragment. `<base />` stands directly in a section, and never in the global policy (APIM refuses it there: there is no parent policy).');
const NAMED_VALUE = m('named-value-reference', 'reference', 'A `{{named value}}` is neither defined in the repository nor declared external.', 'Define it under `named values/<id>/namedValueInformation.json` (its displayName is the name used in `{{...}}`), or list it under `namedValues.external` in .apim-gogs.yaml when another pipeline owns it. APIM rejects the policy with "Cannot find a property".');
const FRAGMENT = m('fragment-reference', 'reference', 'include-fragment names a fragment the repository does not hold.', 'Add `policy fragments/<id>/policy.xml`, or declare it under `fragments.external` in .apim-gogs.yaml. APIM rejects it: "Policy fragment with id ... could not be found".');
const BACKEND = m('backend-reference', 'reference', 'set-backend-service names a backend the repository does not hold.', 'Add `backends/<id>/backendInformation.json`, or declare it under `backends.external` in .apim-gogs.yaml.');
const LAYOUT = m('repository-layout', 'schema', 'A file in the repository layout cannot be used.', 'A policy.xml outside the APIOps layout, or an information JSON file that does not parse. Fix or move the file.');
const CHECK_RULES = [
    SYNTAX,
    EXPRESSION,
    EXPRESSION_COMPILE,
    EXPRESSION_TYPE,
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
            // APIM refuses expressions in both (MicrosoftDocs/azure-docs#103071), though the page does not say so.
            { name: 'status-code', type: 'integer', expressions: false },
            { name: 'content-type', expressions: false },
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
    let visits = walk_cache.get(root);
    if (!visits) {
        visits = [];
        if (root.name === 'fragment')
            list(root, undefined, false, visits);
        else if (root.name === 'policies') {
            for (const s of ast_childElements(root))
                if (isSection(s.name))
                    list(s, s.name, false, visits);
        }
        walk_cache.set(root, visits);
    }
    return visits;
}
const walk_cache = new WeakMap();
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

;// CONCATENATED MODULE: ./src/validate/rules/expression-variable-unset.ts



/**
 * A `context.Variables["x"]` read that nothing in the effective policy sets: at run time it throws
 * KeyNotFoundException (or GetValueOrDefault quietly gives the default). Judged on every effective
 * policy the reading element runs in (global -> product -> API -> operation, fragments expanded);
 * a read is reported only when no chain that runs it sets the variable. Elements outside any chain
 * (loose files, fragments nobody includes) are not judged: their caller is unknown.
 */
const expressionVariableUnset = {
    meta: {
        id: 'expression-variable-unset',
        category: 'lint',
        severity: 'warning',
        summary: 'An expression reads a context variable that no policy in its chain sets.',
        docs: 'Variables are set by set-variable and by policies with a `*variable-name` attribute (send-request response-variable-name, cache-lookup-value variable-name, validate-jwt output-token-variable-name, ...). A read through `context.Variables["x"]`, `GetValueOrDefault<T>("x")` without a default, or `TryGetValue` of a name no policy of the effective chain (or an included fragment) sets fails at run time. Reads guarded by `ContainsKey` or given a default are not reported. Rename the variable, or set it first.',
    },
    checkRepository(ctx) {
        // For each read: its file and whether any chain that runs it sets the name.
        const verdict = new Map();
        for (const e of ctx.effective) {
            const reads = [];
            const guarded = new Set();
            for (const { expression, element } of expressionSites(e.root)) {
                const file = elementFile.get(element);
                if (!file)
                    continue;
                for (const read of analyzeExpression(expression).reads) {
                    if (read.test)
                        guarded.add(read.name);
                    else
                        reads.push({ read, file });
                }
            }
            if (!reads.length)
                continue;
            const sets = new Set();
            collectSets(e.root, sets);
            for (const { read, file } of reads) {
                const v = verdict.get(read) ?? { file, set: false };
                v.set ||= sets.has(read.name) || guarded.has(read.name);
                verdict.set(read, v);
            }
        }
        for (const [read, v] of verdict) {
            if (v.set)
                continue;
            const at = readPosition.get(read);
            if (!at)
                continue;
            ctx.report(v.file, at, `The variable '${read.name}' is read here, but no policy of the effective chain sets it.`, `Set it first with <set-variable name="${read.name}" value="..." />, or check the spelling (names are case-sensitive).`);
        }
    },
};
/** Names set in a composed policy: set-variable, and any `*variable-name` attribute. */
function collectSets(root, into) {
    const stack = [root];
    while (stack.length) {
        const el = stack.pop();
        for (const a of el.attributes) {
            if ((el.name === 'set-variable' && a.name === 'name') || a.name.endsWith('variable-name'))
                into.add(a.value);
        }
        for (const c of el.children)
            if (c.type === 'element')
                stack.push(c);
    }
}

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


/**
 * Catalog categories whose policies only judge, throttle, check or observe the request: above
 * `<base />` they reject earlier or record more, but never change what the parent scope's policies
 * see, nor answer in their place. APIM's own default Starter product policy puts rate-limit and quota
 * there, and so do Microsoft's published snippets: a deliberate, common pattern, not a mistake.
 */
const JUDGING_CATEGORIES = new Set(['access-restriction', 'validation', 'logging']);
/** Policies outside those categories that are just as harmless above `<base />`. */
const HARMLESS = new Set([
    'base',
    // cors must come first: a preflight request is answered before authentication would refuse it.
    'cors',
    // Prepare values, read or keep a cached value: nothing the request carries changes.
    'set-variable',
    'cache-lookup-value',
    'cache-store-value',
    // Token throttling and content safety for AI backends: throttling by another measure.
    'azure-openai-token-limit',
    'llm-token-limit',
    'llm-content-safety',
    // The fragment's own policies are judged where the fragment is defined.
    'include-fragment',
]);
/** Policies that hold other policies: harmless when everything inside them is. */
const CONTAINERS = new Set(['choose', 'when', 'otherwise', 'limit-concurrency']);
function isHarmless(el) {
    if (CONTAINERS.has(el.name))
        return ast_childElements(el).every(isHarmless);
    if (HARMLESS.has(el.name))
        return true;
    const category = policySpec(el.name)?.category;
    return category !== undefined && JUDGING_CATEGORIES.has(category);
}
/**
 * A policy above `<base />` in inbound runs before the parent scope's policies have judged the
 * request. Only inbound is checked: in the other sections the parent's policies still run after and
 * have the last word, which is the safe order.
 */
const policyBeforeBase = {
    meta: {
        id: 'policy-before-base',
        category: 'lint',
        severity: 'warning',
        summary: 'Above `<base />` in inbound stand only policies that judge the request, such as throttling.',
        docs: "A policy above `<base />` in inbound runs before the parent scope's policies: a transformation, a backend change, an outgoing call or a response there happens before global authentication and throttling have judged the request. Policies that only judge or observe it may stand there: throttling (rate-limit and quota, as in APIM's default Starter product policy), access restrictions (ip-filter, check-header, validate-jwt), validation, logging, cors, set-variable and cached-value lookups, and choose or limit-concurrency holding only those. Move everything else below `<base />`. Outbound, backend and on-error are not checked: there the parent's policies run after the child's.",
    },
    checkDocument(ctx, report) {
        if (ctx.root.name !== 'policies' || ctx.scope === 'global')
            return;
        const inbound = ast_childElements(ctx.root).find((s) => s.name === 'inbound');
        if (!inbound)
            return;
        const elements = ast_childElements(inbound);
        const base = elements.findIndex((e) => e.name === 'base');
        for (const el of elements.slice(0, Math.max(base, 0))) {
            if (!isHarmless(el)) {
                report(el, `'${el.name}' stands above <base /> in 'inbound', so it changes or answers the request before the parent scope's policies judge it.`, 'Move it below <base />.');
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
    expressionVariableUnset,
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
    return `https://github.com/apim-gogs/apim-gogs/blob/main/docs/validation.md#${id.replace(/[^a-z0-9-]/g, '')}`;
}

// EXTERNAL MODULE: ./src/shared/version.ts
var shared_version = __webpack_require__(9189);
;// CONCATENATED MODULE: ./src/report/sarif.ts



const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules as tool.driver.rules (so alerts link to
 * their docs), results with repository-relative artifact locations under %SRCROOT%.
 */
function formatSarif(r, version = shared_version/* version */.r) {
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

/** Under the message column: two spaces, the 8-wide position, the 7-wide severity, two spaces. */
const HELP_INDENT = ' '.repeat(20);
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
            // The fix ("Did you mean 'rate-limit'?") under the message; a bare link is what the rule id's docs say.
            if (d.help && !/^https?:\/\/\S+$/.test(d.help))
                out.push(`${HELP_INDENT}help: ${d.help}`);
        }
        out.push('');
    }
    out.push((0,types/* summaryLine */.d)(r));
    return out.join('\n');
}

// EXTERNAL MODULE: ./src/report/formats.ts
var formats = __webpack_require__(5226);
;// CONCATENATED MODULE: ./src/report/index.ts









const FORMATTERS = {
    stylish: (r) => formatStylish(r),
    json: formatJson,
    sarif: (r) => formatSarif(r),
    github: formatGithub,
    'azure-pipelines': azure_pipelines/* formatAzurePipelines */.W,
    markdown: (r) => formatMarkdown(r),
};
/** Renders a validation result in one of the formats; an unknown format is a usage error. */
function formatReport(result, format) {
    if (!(0,formats/* isReportFormat */._)(format)) {
        throw new errors/* ConfigurationError */.j1(`Unknown report format '${format}'.`, `Use one of: ${formats/* REPORT_FORMATS */.E.join(', ')}.`);
    }
    return FORMATTERS[format](result);
}



// EXTERNAL MODULE: ./src/shared/diagnostic.ts
var diagnostic = __webpack_require__(3438);
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
 * A workspace's APIs compose global -> workspace policy -> API -> operation, with the workspace's
 * fragments and the service's; an API id in a workspace is not the service API of the same id.
 */
function effectivePolicies(policyFiles, productsOf) {
    const service = policyFiles.filter((p) => !p.workspaceId);
    const global = service.find((p) => p.scope === 'global' && p.root);
    const globalLevels = global?.root ? [{ file: global.file, root: global.root }] : [];
    const out = chains(service, productsOf, globalLevels, fragmentsOf(service));
    const workspaces = [...new Set(policyFiles.flatMap((p) => (p.workspaceId ? [p.workspaceId] : [])))].sort();
    for (const ws of workspaces) {
        const files = policyFiles.filter((p) => p.workspaceId === ws);
        const wsPolicy = files.find((p) => p.scope === 'workspace' && p.root);
        const levels = wsPolicy?.root
            ? [...globalLevels, { file: wsPolicy.file, root: wsPolicy.root }]
            : globalLevels;
        const fragments = new Map([...fragmentsOf(service), ...fragmentsOf(files)]);
        out.push(...chains(files, () => [], levels, fragments));
    }
    return out;
}
function fragmentsOf(files) {
    const fragments = new Map();
    for (const p of files)
        if (p.scope === 'fragment' && p.fragmentId && p.root)
            fragments.set(p.fragmentId, p.root);
    return fragments;
}
/** The effective policies of one set of APIs (the service's, or one workspace's) below `above`. */
function chains(policyFiles, productsOf, above, fragments) {
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
        const levels = [...above];
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

// EXTERNAL MODULE: ./src/policy/identity.ts
var identity = __webpack_require__(5446);
;// CONCATENATED MODULE: ./src/policy/products.ts



/**
 * Which APIs each product holds, from APIOps' `products/{p}/apis.json` (a list of API names, or of
 * objects with a `name`) or its `products/{p}/apis/{api}/` folders. Missing or unreadable files mean "unknown", never an error: the product
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
            // Through repo-file: no link is followed and an oversized file is not read (a refusal means "unknown").
            const text = await (0,repo_file/* readRepoText */.Cj)(root, `products/${product}/apis.json`);
            if (text === undefined)
                throw new Error('no apis.json');
            list = JSON.parse(text);
        }
        catch {
            // Current APIOps writes a folder per API instead: products/{p}/apis/{api}/productApiInformation.json.
            list = await (0,promises_.readdir)(external_node_path_default().join(root, 'products', product, 'apis'), { withFileTypes: true })
                .then((ds) => ds.filter((d) => d.isDirectory()).map((d) => d.name))
                .catch(() => undefined);
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

// EXTERNAL MODULE: ./src/validate/config.ts + 1 modules
var config = __webpack_require__(7219);
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
        // An error, as APIM has it: saving a global policy with <base /> fails ("not allowed in this scope").
        emit(DOCUMENT, el, inElement(el, 'Policy is not allowed in this scope (global): there is no parent policy.'), 'Remove <base /> from the global policy.');
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
    const read = (0,reader/* readPolicy */.T4)(text, { maxBytes: scope === 'fragment' ? FRAGMENT_MAX_BYTES : reader/* POLICY_MAX_BYTES */.gY });
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
    // Compiling expressions is the costliest check; a ruleset that turns both rules off skips it, except
    // for a file that deploys, whose syntax and schema findings no ruleset turns off (finalize).
    const off = (id) => (0,config/* ruleSetting */.lW)(settings.ruleset, id, file, settings.environment).severity === 'off';
    const wanted = !off(EXPRESSION_COMPILE.id) || !off(EXPRESSION_TYPE.id) || settings.deployable?.(file) === true;
    if (wanted && !settings.skipExpressions)
        checkExpressions(file, root, text, emit, namedValueResolver(settings.namedValues));
    if (settings.index)
        checkReferences(root, settings.index, emit);
    const env = settings.environment ? settings.ruleset.environments.get(settings.environment) : undefined;
    for (const rule of LINT_RULES) {
        if (!rule.checkDocument)
            continue;
        const setting = (0,config/* ruleSetting */.lW)(settings.ruleset, rule.meta.id, file, settings.environment);
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
        const setting = (0,config/* ruleSetting */.lW)(settings.ruleset, f.ruleId, f.file, settings.environment);
        const locked = (meta.category === 'syntax' || meta.category === 'schema') && settings.deployable?.(f.file) === true;
        if (!locked) {
            if (setting.severity === 'off')
                continue;
            if (!setting.severity && settings.ruleset.extends === 'none' && isLintRule(f.ruleId))
                continue;
            if (isSuppressed(suppressionsByFile.get(f.file) ?? [], f.ruleId, f.line))
                continue;
        }
        const d = {
            ruleId: f.ruleId,
            // Locked: the check's own severity, which no setting lowers or raises.
            severity: locked
                ? f.defaultSeverity
                : (setting.severity ?? f.defaultSeverity),
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
    const ruleset = await (0,config/* loadRuleset */.Xf)(options.root, options.configFile, ALL_RULES.map((r) => r.id));
    const loaded = options.repository ?? (await loadArtifacts(options.root, options.artifactsPath));
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
    const productApis = await loadProductApis(artifactsRoot(repo));
    const checked = validateLoaded(repo, ruleset, options, (api) => productApis.get(api) ?? []);
    return placeholders.length
        ? result([...checked.diagnostics, ...placeholders], checked.summary.files)
        : checked;
}
/** Files whose content reaches APIM: policies at a known scope and the layout's information JSON. */
function deployableFiles(repo) {
    return new Set([
        ...repo.policies.filter((p) => p.scope !== 'unknown').map((p) => p.file),
        ...repo.namedValues.map((n) => n.file),
        ...repo.backends.map((b) => b.file),
        ...repo.fragments.map((f) => f.file),
        ...repo.problems.filter((p) => p.unreadable).map((p) => p.file),
    ]);
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
    const deployable = deployableFiles(repo);
    const settings = {
        ruleset,
        environment: options.environment,
        index,
        namedValues: new Map(repo.namedValues.map((n) => [n.displayName, n])),
        deployable: (file) => deployable.has(file),
        skipExpressions: options.skipExpressions,
    };
    // What is deployed is always validated: `ignore` may only skip files that never deploy.
    for (const file of deployable) {
        if (!ruleset.ignore(file))
            continue;
        throw new errors/* ConfigurationError */.j1(`${ruleset.file ?? '.apim-gogs.yaml'}: ignore matches '${file}', a file apim-gogs deploys; every deployed file is validated.`, 'Narrow the ignore patterns to files that do not deploy (loose .xml files, folders outside the APIOps layout), or turn single lint rules off with overrides.');
    }
    const ignored = (file) => ruleset.ignore(file);
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
    // Two files for one APIM resource, reserved names: the deploy stage refuses them too.
    for (const p of (0,identity/* identityProblems */.LA)(repo))
        findings.push(finding(p.file, LAYOUT, { line: 1, column: 1 }, p.message));
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
        const setting = (0,config/* ruleSetting */.lW)(ruleset, rule.meta.id, '', options.environment);
        // A rule that is off everywhere need not run (no per-path override turns it back on).
        if (setting.severity === 'off' && !ruleset.overrides.some((o) => o.rules.has(rule.meta.id)))
            continue;
        rule.checkRepository({
            repo,
            effective,
            options: setting.options,
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
        namedValues: new Map((options.namedValues ?? []).map((n) => [n.displayName, n])),
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var node_modules_picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(node_modules_picomatch);
;// CONCATENATED MODULE: ./src/pipeline/file-targets.ts




/** What marks a repository root, strongest first: apim-gogs' ruleset, then git. */
const ROOT_MARKERS = (/* unused pure expression or super */ null && (['.apim-gogs.yaml', '.git']));
/**
 * One DIR: the repository itself (undefined: the caller reads it as a folder). Otherwise files and
 * globs, relative to `cwd`, whose repository root is `rootOption` or found by walking up from the
 * first of them.
 */
function resolveFileTargets(paths, cwd, rootOption) {
    if (paths.length === 0)
        return undefined;
    const kinds = paths.map((p) => ({ p, abs: path.resolve(cwd, p), glob: picomatch.scan(p).isGlob }));
    const plain = kinds.filter((k) => !k.glob);
    for (const k of plain)
        if (!existsSync(k.abs))
            throw new ConfigurationError(`${k.p} does not exist.`, 'Name policy files or the repository folder.');
    if (paths.length === 1 && plain.length === 1 && statSync(plain[0].abs).isDirectory() && !rootOption)
        return undefined;
    const folders = plain.filter((k) => statSync(k.abs).isDirectory());
    if (folders.length)
        throw new ConfigurationError(`${folders[0].p} is a folder: validate takes one repository folder, or files.`, 'Pass the repository folder alone, or the policy files (and --root for their repository).');
    const root = rootOption ? checkedRoot(path.resolve(cwd, rootOption)) : findRoot(kinds[0]);
    const files = kinds.map((k) => {
        const rel = path
            .relative(root, k.glob ? path.resolve(cwd, k.p) : k.abs)
            .split(path.sep)
            .join('/');
        if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel))
            throw new ConfigurationError(`${k.p} is outside the repository ${root}.`, 'Name files of one repository, or pass its folder with --root.');
        return rel;
    });
    return { root, files };
}
function checkedRoot(dir) {
    if (!existsSync(dir))
        throw new ConfigurationError(`--root ${dir} does not exist.`);
    if (!statSync(dir).isDirectory())
        throw new ConfigurationError(`--root ${dir} is a file, not a folder.`, 'Pass the folder of the policy repository (the one that holds .apim-gogs.yaml, .git or apis/).');
    return dir;
}
/**
 * The nearest ancestor holding `.apim-gogs.yaml` or `.git`; failing that, the nearest holding an
 * `apis/` folder (the APIOps layout without git); failing that, an error asking for --root.
 */
function findRoot(first) {
    const start = first.glob ? path.resolve(picomatch.scan(first.abs).base || '/') : path.dirname(first.abs);
    const ancestors = [];
    for (let dir = start;; dir = path.dirname(dir)) {
        ancestors.push(dir);
        if (dir === path.dirname(dir))
            break;
    }
    const marked = ancestors.find((d) => ROOT_MARKERS.some((m) => existsSync(path.join(d, m)))) ??
        ancestors.find((d) => existsSync(path.join(d, 'apis')) && statSync(path.join(d, 'apis')).isDirectory());
    if (!marked)
        throw new ConfigurationError(`No repository holds ${first.p}: no folder above it has .apim-gogs.yaml, .git or apis/.`, 'Pass the repository folder with --root.');
    return marked;
}
/** Whether a report's file (repository-relative) is one of the targets, a path or a glob. */
function fileFilter(files) {
    const matchers = files.map((f) => picomatch_default().scan(f).isGlob ? picomatch_default()(f, { dot: true }) : (x) => x === f);
    return (file) => matchers.some((m) => m(file));
}

// EXTERNAL MODULE: ./src/pipeline/user-file.ts
var user_file = __webpack_require__(8014);
;// CONCATENATED MODULE: ./src/pipeline/stages/validate-stage.ts









/**
 * The gate every door passes before any ARM call: validates the whole repository as it will be
 * deployed (templates rendered) and reports it. On a pull request only the files it changes are
 * annotated (the rest are still checked and counted).
 */
async function validateStage(host, s, source) {
    return host.logger.group('Validate policies', async () => {
        const env = s.validation.environment;
        const loaded = await loadEnvironmentRepository(source.path, {
            artifactsPath: s.validation.artifactsPath,
            environment: env,
            vars: s.validation.vars,
        }).catch((err) => {
            // Nothing to validate is not a failure of validate (a pre-commit run on a new repository);
            // a deployment still refuses it (it would deploy nothing from the wrong folder).
            if (!(err instanceof NoPolicyFilesError) || s.mode !== 'validate')
                throw err;
            host.logger.warning(`${err.message} ${err.hint ?? ''}`.trim());
            return undefined;
        });
        if (!loaded)
            return emptyValidation(host, s, source.path);
        const { repository, templateValues, apiops } = loaded;
        if (apiops) {
            host.logger.info(`APIOps overrides from ${apiops.file} applied for environment ${env}.`);
            for (const w of apiops.warnings)
                host.logger.warning(w);
        }
        const whole = await validateRepository({
            root: source.path,
            configFile: s.validation.config,
            environment: env,
            externalNamedValues: s.validation.externalNamedValues,
            repository,
            templateValues,
        });
        const result = s.validation.files ? onlyFiles(host, whole, repository, s.validation.files) : whole;
        await annotate(host, s, source, result);
        host.setOutput('diagnostics', String(result.diagnostics.length));
        await host.appendSummary(formatReport(result, 'markdown'));
        // The validate command's product is the report (data on the CLI's stdout, or a file); in every
        // other mode it is a log section.
        if (s.mode === 'validate') {
            const report = formatReport(result, s.report.format ?? 'stylish');
            if (s.report.file)
                await (0,user_file/* writeUserFile */.f)(s.report.file, `${report}\n`, 'output');
            else
                host.emitReport(report);
        }
        else if (!host.findingsInLog) {
            host.logger.info(formatReport(result, 'stylish'));
        }
        const failed = result.diagnostics.some((d) => (0,diagnostic/* atOrAbove */.kU)(d.severity, s.validation.failSeverity));
        return { result, failed, repository, templateValues };
    });
}
/**
 * `validate FILE…`: the findings (and the count) of the named files only. A file that is not a policy
 * of the repository is said so; none at all is a warning, not a failure.
 */
function onlyFiles(host, result, repository, files) {
    const wanted = fileFilter(files);
    const policies = repository.policies.map((p) => p.file).filter(wanted);
    if (policies.length === 0)
        host.logger.warning(`No policy file of the repository ${repository.root} matches ${files.join(' ')}: nothing to validate.`);
    const diagnostics = result.diagnostics.filter((d) => wanted(d.file));
    const count = (sev) => diagnostics.filter((d) => d.severity === sev).length;
    return {
        diagnostics,
        summary: {
            files: policies.length,
            errors: count('error'),
            warnings: count('warning'),
            infos: count('info'),
        },
    };
}
/** A repository without policy files, in validate mode: an empty report (exit 0 after the warning). */
async function emptyValidation(host, s, root) {
    const result = {
        diagnostics: [],
        summary: { files: 0, errors: 0, warnings: 0, infos: 0 },
    };
    host.setOutput('diagnostics', '0');
    const report = formatReport(result, s.report.format ?? 'stylish');
    if (s.report.file)
        await (0,user_file/* writeUserFile */.f)(s.report.file, `${report}\n`, 'output');
    else
        host.emitReport(report);
    const repository = {
        root,
        policies: [],
        namedValues: [],
        backends: [],
        fragments: [],
        problems: [],
    };
    return { result, failed: false, repository, templateValues: {} };
}
async function annotate(host, s, source, result) {
    let shown = result.diagnostics;
    if (s.pullRequest && source.gogs) {
        const g = source.gogs;
        const changed = await changedFiles(source.path, (0,credentials/* gitCredentials */.j)(g.gogsUrl, g.token, g.caFile), s.pullRequest.baseRef ?? g.defaultBranch);
        shown = shown.filter((d) => changed.has(d.file));
        const hidden = result.diagnostics.length - shown.length;
        if (hidden > 0)
            host.logger.info(`${hidden} finding(s) in files this pull request does not change are not annotated.`);
    }
    for (const d of shown)
        host.annotate(d);
}


/***/ }),

/***/ 8014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ writeUserFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);



/** Writes a file the user named (a report, a plan): a path that cannot be written is their mistake (exit 2). */
async function writeUserFile(file, text, option) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file)), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, text);
    }
    catch (err) {
        const code = err.code;
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Cannot write ${file} (${option}): ${code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is a file' : (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}.`, 'Name a file in a writable directory.');
    }
}


/***/ })

};
