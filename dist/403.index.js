export const id = 403;
export const ids = [403];
export const modules = {

/***/ 3403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  extractStage: () => (/* binding */ extractStage)
});

// EXTERNAL MODULE: ./src/deploy/credentials.ts + 1 modules
var credentials = __webpack_require__(3688);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/deploy/client.ts + 1 modules
var client = __webpack_require__(9737);
// EXTERNAL MODULE: ./src/deploy/concurrency.ts
var concurrency = __webpack_require__(9988);
// EXTERNAL MODULE: ./src/deploy/provenance.ts
var provenance = __webpack_require__(2692);
// EXTERNAL MODULE: ./src/deploy/resources.ts
var resources = __webpack_require__(7514);
// EXTERNAL MODULE: ./src/deploy/retry.ts
var deploy_retry = __webpack_require__(5001);
// EXTERNAL MODULE: ./src/deploy/workspaces.ts
var workspaces = __webpack_require__(6425);
;// CONCATENATED MODULE: ./src/deploy/extract/read-instance.ts





const collect = async (it) => {
    const out = [];
    for await (const x of it)
        out.push(x);
    return out;
};
/** Names, sorted, so that two extracts of one instance write the same files in the same order. */
const names = (items) => items
    .map((i) => i.name)
    .filter((n) => !!n)
    .sort();
const rootOf = (apiId) => apiId.replace(/;rev=\d+$/i, '').toLowerCase();
function serviceLevel(conn) {
    const { client: c, resourceGroup: rg, serviceName: svc } = conn;
    return {
        namedValues: () => c.namedValue.listByService(rg, svc),
        backends: () => c.backend.listByService(rg, svc),
        fragments: () => c.policyFragment.listByService(rg, svc),
        products: () => c.product.listByService(rg, svc),
        apis: () => c.api.listByService(rg, svc),
        revisions: (api) => c.apiRevision.listByService(rg, svc, api),
        operations: (api) => c.apiOperation.listByApi(rg, svc, api),
        getApi: (id, o) => c.api.get(rg, svc, id, o),
        getProduct: (id, o) => c.product.get(rg, svc, id, o),
        productApis: (id) => c.productApi.listByProduct(rg, svc, id),
    };
}
function workspaceLevel(conn, ws) {
    const { client: c, resourceGroup: rg, serviceName: svc } = conn;
    return {
        workspaceId: ws,
        namedValues: () => c.workspaceNamedValue.listByService(rg, svc, ws),
        backends: () => c.workspaceBackend.listByWorkspace(rg, svc, ws),
        fragments: () => c.workspacePolicyFragment.listByService(rg, svc, ws),
        products: () => c.workspaceProduct.listByService(rg, svc, ws),
        apis: () => c.workspaceApi.listByService(rg, svc, ws),
        revisions: (api) => c.workspaceApiRevision.listByService(rg, svc, ws, api),
        operations: (api) => c.workspaceApiOperation.listByApi(rg, svc, ws, api),
        getApi: (id, o) => c.workspaceApi.get(rg, svc, ws, id, o),
        getProduct: (id, o) => c.workspaceProduct.get(rg, svc, ws, id, o),
        // A workspace product's APIs are links whose apiId is the API's full id; the layout names the API.
        productApis: (id) => (async function* () {
            for await (const link of c.workspaceProductApiLink.listByProduct(rg, svc, ws, id))
                if (link.apiId)
                    yield { name: link.apiId.split('/').pop() };
        })(),
    };
}
async function readInstance(options) {
    const { connection: conn, retry } = options;
    const snapshot = await readLevel(options, serviceLevel(conn));
    const want = options.workspaces?.length
        ? new Set(options.workspaces.map((w) => w.toLowerCase()))
        : undefined;
    const ids = (await (0,workspaces/* listWorkspaceIds */.kJ)(conn, retry)).filter((id) => !want || want.has(id.toLowerCase()));
    if (!ids.length)
        return snapshot;
    snapshot.workspaces = [];
    for (const id of ids) {
        let body;
        await (0,deploy_retry/* withArmRetry */.J6)(() => conn.client.workspace.get(conn.resourceGroup, conn.serviceName, id, {
            onResponse: (r) => void (body = r.bodyAsText ?? undefined),
        }), retry);
        const properties = body ? (JSON.parse(body).properties ?? {}) : {};
        const content = await readLevel(options, workspaceLevel(conn, id));
        const prefixed = (xs) => xs.map((x) => `workspaces/${id}/${x}`);
        snapshot.secretsWithoutKeyVault.push(...prefixed(content.secretsWithoutKeyVault));
        snapshot.credentialPlaceholders.push(...content.credentialPlaceholders);
        snapshot.workspaces.push({ id, properties: withoutStatus(properties), content });
    }
    return snapshot;
}
async function readLevel(options, level) {
    const { connection: conn, retry } = options;
    const limit = options.concurrency ?? 4;
    const ws = level.workspaceId ? { workspaceId: level.workspaceId } : {};
    const arm = (fn) => (0,deploy_retry/* withArmRetry */.J6)(fn, retry);
    const policyOf = async (ref) => {
        const live = await arm(() => (0,resources/* readResource */.R_)(conn, ref));
        return live.exists && typeof live.properties?.value === 'string'
            ? (0,provenance/* stripXmlProvenance */.$J)(live.properties.value)
            : undefined;
    };
    /** The ARM properties of an API or product as sent (the SDK's typed objects flatten them). */
    const rawProperties = async (get) => {
        let body;
        await arm(() => get({ onResponse: (r) => void (body = r.bodyAsText ?? undefined) }));
        const parsed = body ? JSON.parse(body) : {};
        return parsed.properties ?? {};
    };
    const wantApis = options.apis?.length ? new Set(options.apis.map(rootOf)) : undefined;
    const wantProducts = options.products?.length
        ? new Set(options.products.map((p) => p.toLowerCase()))
        : undefined;
    const [nvList, backendList, fragmentList, productList, apiList] = await Promise.all([
        arm(() => collect(level.namedValues())),
        arm(() => collect(level.backends())),
        arm(() => collect(level.fragments())),
        arm(() => collect(level.products())),
        arm(() => collect(level.apis())),
    ]);
    const snapshot = {
        globalPolicy: await policyOf((0,resources/* refFor */.zh)('globalPolicy', ws)),
        namedValues: [],
        backends: [],
        fragments: [],
        apis: [],
        products: [],
        secretsWithoutKeyVault: [],
        credentialPlaceholders: [],
    };
    const nvIds = names(nvList).filter((n) => !n.startsWith(provenance/* RECORD_PREFIX */.RI));
    snapshot.namedValues = await (0,concurrency/* mapLimit */.s)(nvIds, limit, async (id) => {
        const live = await arm(() => (0,resources/* readResource */.R_)(conn, (0,resources/* refFor */.zh)('namedValue', { name: id, ...ws })));
        return { id, properties: namedValueProperties(live.properties ?? {}) };
    });
    for (const nv of snapshot.namedValues)
        if (nv.properties.secret === true && !nv.properties.keyVault)
            snapshot.secretsWithoutKeyVault.push(nv.id);
    snapshot.backends = await (0,concurrency/* mapLimit */.s)(names(backendList), limit, async (id) => {
        const live = await arm(() => (0,resources/* readResource */.R_)(conn, (0,resources/* refFor */.zh)('backend', { name: id, ...ws })));
        // A workspace backend's placeholders carry the workspace: a service backend of the same id is another.
        const named = level.workspaceId ? `${level.workspaceId}-${id}` : id;
        return {
            id,
            properties: backendProperties(named, live.properties ?? {}, snapshot.credentialPlaceholders),
        };
    });
    snapshot.fragments = (await (0,concurrency/* mapLimit */.s)(names(fragmentList), limit, async (id) => {
        const live = await arm(() => (0,resources/* readResource */.R_)(conn, (0,resources/* refFor */.zh)('fragment', { name: id, ...ws })));
        const p = live.properties ?? {};
        if (typeof p.value !== 'string')
            return undefined;
        return {
            id,
            value: (0,provenance/* stripXmlProvenance */.$J)(p.value),
            ...(typeof p.description === 'string' && p.description ? { description: p.description } : {}),
        };
    })).filter((f) => !!f);
    // Revisions that are not current are APIs of their own in the layout (`orders;rev=2`).
    const currentIds = names(apiList).filter((id) => !wantApis || wantApis.has(rootOf(id)));
    const revisions = await (0,concurrency/* mapLimit */.s)(currentIds, limit, (id) => arm(() => collect(level.revisions(id))));
    // A set: should a list ever include revisions as well, each is still read once.
    const apiIds = [
        ...new Set([
            ...currentIds,
            ...revisions.flatMap((list) => list.filter((r) => !r.isCurrent && r.apiId).map((r) => r.apiId.split('/').pop())),
        ]),
    ].sort();
    snapshot.apis = await (0,concurrency/* mapLimit */.s)(apiIds, limit, async (id) => {
        const [properties, policy, operations] = await Promise.all([
            rawProperties((o) => level.getApi(id, o)),
            policyOf((0,resources/* refFor */.zh)('apiPolicy', { apiId: id, ...ws })),
            arm(() => collect(level.operations(id))),
        ]);
        const ops = await (0,concurrency/* mapLimit */.s)(names(operations), limit, async (op) => ({
            id: op,
            policy: await policyOf((0,resources/* refFor */.zh)('operationPolicy', { apiId: id, operationId: op, ...ws })),
        }));
        return {
            id,
            properties: withoutStatus(properties),
            ...(policy !== undefined ? { policy } : {}),
            operations: ops.filter((o) => o.policy !== undefined),
        };
    });
    const productIds = names(productList).filter((id) => !wantProducts || wantProducts.has(id.toLowerCase()));
    snapshot.products = await (0,concurrency/* mapLimit */.s)(productIds, limit, async (id) => {
        const [properties, policy, apis] = await Promise.all([
            rawProperties((o) => level.getProduct(id, o)),
            policyOf((0,resources/* refFor */.zh)('productPolicy', { productId: id, ...ws })),
            arm(() => collect(level.productApis(id))),
        ]);
        return {
            id,
            properties: withoutStatus(properties),
            ...(policy !== undefined ? { policy } : {}),
            apis: names(apis),
        };
    });
    return snapshot;
}
/** Without what the service sets on its own (status, times): it is not configuration. */
function withoutStatus(p) {
    const { provisioningState: _p, createdDateTime: _c, updatedDateTime: _u, ...rest } = p;
    return rest;
}
/** What a namedValueInformation.json holds: never a secret's value, never apim-gogs' provenance tags. */
function namedValueProperties(p) {
    const out = { displayName: p.displayName, secret: p.secret === true };
    const tags = Array.isArray(p.tags)
        ? p.tags.filter((t) => typeof t === 'string' && !(0,provenance/* isProvenanceTag */.Q2)(t))
        : [];
    if (tags.length)
        out.tags = tags;
    const kv = p.keyVault;
    if (kv?.secretIdentifier) {
        out.keyVault = {
            secretIdentifier: kv.secretIdentifier,
            ...(kv.identityClientId ? { identityClientId: kv.identityClientId } : {}),
        };
    }
    else if (p.secret !== true && typeof p.value === 'string') {
        out.value = p.value;
    }
    return out;
}
/**
 * A backend as backendInformation.json holds it. Credentials are never written as values: a header or
 * query value, or an authorization parameter, that is not a `{{named value}}` reference becomes a
 * `#{placeholder}#` the user fills (environments/<env>.yaml, or better a secret named value), and is
 * listed in `placeholders`.
 */
function backendProperties(id, p, placeholders) {
    const rest = withoutStatus(p);
    const credentials = rest.credentials;
    if (credentials) {
        const hold = (value, name) => {
            if (/^\{\{[^{}]+\}\}$/.test(value.trim()))
                return value;
            const placeholder = `backend-${id}-${name}`.replace(/[^A-Za-z0-9_.-]/g, '-');
            placeholders.push(placeholder);
            return `#{${placeholder}}#`;
        };
        const copy = structuredClone(credentials);
        for (const where of ['header', 'query'])
            for (const [k, values] of Object.entries(copy[where] ?? {}))
                copy[where][k] = values.map((v, i) => hold(v, `${where}-${k}${values.length > 1 ? `-${i + 1}` : ''}`));
        if (copy.authorization?.parameter)
            copy.authorization.parameter = hold(copy.authorization.parameter, 'authorization');
        rest.credentials = copy;
    }
    const description = (0,provenance/* stripDescriptionProvenance */.oe)(rest.description);
    if (description === undefined)
        delete rest.description;
    else
        rest.description = description;
    return rest;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/deploy/compare.ts
var compare = __webpack_require__(1816);
;// CONCATENATED MODULE: ./src/deploy/extract/write-layout.ts



/**
 * Writes a snapshot in the APIOps layout, file names as APIOps' extractor writes them:
 *   policy.xml
 *   named values/{n}/namedValueInformation.json
 *   backends/{b}/backendInformation.json
 *   policy fragments/{f}/policy.xml + policyFragmentInformation.json
 *   apis/{a}/apiInformation.json, apis/{a}/policy.xml, apis/{a}/operations/{o}/policy.xml
 *   products/{p}/productInformation.json, products/{p}/policy.xml, products/{p}/apis/{a}/productApiInformation.json
 *   workspaces/{ws}/workspaceInformation.json, and the same layout again below workspaces/{ws}/
 * Information files are `{ "properties": {...} }` with keys sorted, so two extracts of one instance
 * are byte for byte the same whatever order ARM answered in.
 */
/** Folders a full extract looks in for files of its own that APIM no longer has. */
const OWNED_FOLDERS = ['named values', 'backends', 'policy fragments', 'apis', 'products', 'workspaces'];
/** The files extract writes; nothing else in the repository is ever removed (specifications, diagnostics, ...). */
const OWNED_FILES = new Set([
    'policy.xml',
    'namedValueInformation.json',
    'backendInformation.json',
    'policyFragmentInformation.json',
    'apiInformation.json',
    'productInformation.json',
    'productApiInformation.json',
    'workspaceInformation.json',
]);
async function writeLayout(dir, snapshot, options) {
    const files = [];
    const put = async (rel, text) => {
        assertSafeSegments(rel);
        await (0,promises_.mkdir)(external_node_path_default().dirname(external_node_path_default().join(dir, rel)), { recursive: true });
        await (0,promises_.writeFile)(external_node_path_default().join(dir, rel), text);
        files.push(rel);
    };
    const info = (properties) => `${(0,compare/* stableJson */._Y)({ properties })}
`;
    /** One level: the service at '', a workspace at 'workspaces/{ws}/'. */
    const writeLevel = async (base, level) => {
        if (level.globalPolicy !== undefined)
            await put(`${base}policy.xml`, level.globalPolicy);
        for (const nv of level.namedValues)
            await put(`${base}named values/${nv.id}/namedValueInformation.json`, info(nv.properties));
        for (const b of level.backends)
            await put(`${base}backends/${b.id}/backendInformation.json`, info(b.properties));
        for (const f of level.fragments) {
            await put(`${base}policy fragments/${f.id}/policy.xml`, f.value);
            await put(`${base}policy fragments/${f.id}/policyFragmentInformation.json`, info(f.description !== undefined ? { description: f.description } : {}));
        }
        for (const a of level.apis) {
            await put(`${base}apis/${a.id}/apiInformation.json`, info(a.properties));
            if (a.policy !== undefined)
                await put(`${base}apis/${a.id}/policy.xml`, a.policy);
            for (const o of a.operations)
                await put(`${base}apis/${a.id}/operations/${o.id}/policy.xml`, o.policy);
        }
        for (const p of level.products) {
            await put(`${base}products/${p.id}/productInformation.json`, info(p.properties));
            if (p.policy !== undefined)
                await put(`${base}products/${p.id}/policy.xml`, p.policy);
            for (const api of p.apis)
                await put(`${base}products/${p.id}/apis/${api}/productApiInformation.json`, info({}));
        }
    };
    await writeLevel('', snapshot);
    for (const w of snapshot.workspaces ?? []) {
        await put(`workspaces/${w.id}/workspaceInformation.json`, info(w.properties));
        await writeLevel(`workspaces/${w.id}/`, w.content);
    }
    // A full extract removes its own files of resources APIM no longer has, and only those.
    if (options.replace)
        await removeStale(dir, new Set(files));
    return files;
}
async function removeStale(dir, written) {
    const visit = async (rel) => {
        const entries = await (0,promises_.readdir)(external_node_path_default().join(dir, rel), { withFileTypes: true }).catch(() => []);
        for (const e of entries) {
            const child = `${rel}/${e.name}`;
            if (e.isDirectory())
                await visit(child);
            else if (e.isFile() && OWNED_FILES.has(e.name) && !written.has(child))
                await (0,promises_.rm)(external_node_path_default().join(dir, child));
        }
        // Folders left empty go too (git does not keep them anyway).
        await (0,promises_.rmdir)(external_node_path_default().join(dir, rel)).catch(() => undefined);
    };
    for (const f of OWNED_FOLDERS)
        await visit(f);
    if (!written.has('policy.xml'))
        await (0,promises_.rm)(external_node_path_default().join(dir, 'policy.xml'), { force: true });
}
/** Names come from APIM (untrusted): never let one climb out of the folder. */
function assertSafeSegments(rel) {
    for (const s of rel.split('/')) {
        if (s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0')) {
            throw new Error(`Refusing to write '${rel}': a resource name from APIM is not a safe folder name.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/deploy/extract/index.ts




async function extractInstance(options) {
    let snapshot;
    try {
        snapshot = await readInstance({
            connection: options.connection,
            apis: options.filters?.apis,
            products: options.filters?.products,
            workspaces: options.filters?.workspaces,
            concurrency: options.concurrency,
            retry: options.retry,
        });
    }
    catch (err) {
        throw (0,client/* explainArmError */.SU)(err, options.connection.target);
    }
    const prefix = (options.artifactsPath ?? '').replace(/^\.\/?|\/+$/g, '');
    const filtered = !!(options.filters?.apis?.length ||
        options.filters?.products?.length ||
        options.filters?.workspaces?.length);
    // A filtered extract adds to what is there; a full one replaces the folders it owns.
    const written = await writeLayout(external_node_path_default().join(options.root, prefix), snapshot, { replace: !filtered });
    const files = written.map((f) => (prefix ? `${prefix}/${f}` : f));
    const levels = [snapshot, ...(snapshot.workspaces ?? []).map((w) => w.content)];
    const sum = (f) => levels.reduce((n, l) => n + f(l), 0);
    const counts = {
        policies: sum((l) => (l.globalPolicy !== undefined ? 1 : 0) +
            l.apis.reduce((n, a) => n + (a.policy !== undefined ? 1 : 0) + a.operations.length, 0) +
            l.products.filter((p) => p.policy !== undefined).length),
        fragments: sum((l) => l.fragments.length),
        namedValues: sum((l) => l.namedValues.length),
        backends: sum((l) => l.backends.length),
        apis: sum((l) => l.apis.length),
        products: sum((l) => l.products.length),
        workspaces: snapshot.workspaces?.length ?? 0,
    };
    const log = options.logger;
    log?.info(`Extracted ${options.connection.serviceName}: ${counts.policies} policies, ${counts.fragments} fragments, ` +
        `${counts.namedValues} named values, ${counts.backends} backends, ${counts.apis} APIs, ${counts.products} products` +
        `${counts.workspaces ? ` (with ${counts.workspaces} workspace(s))` : ''} ` +
        `into ${files.length} files${prefix ? ` under ${prefix}/` : ''}.`);
    if (snapshot.secretsWithoutKeyVault.length) {
        log?.warning(`${snapshot.secretsWithoutKeyVault.length} secret named value(s) were written without their value, which is never extracted: ` +
            `${snapshot.secretsWithoutKeyVault.join(', ')}. Until namedValueInformation.json references a Key Vault secret ` +
            `(keyVault.secretIdentifier), deployments leave them as they are in APIM.`);
    }
    if (snapshot.credentialPlaceholders.length) {
        log?.warning(`${snapshot.credentialPlaceholders.length} backend credential value(s) were written as placeholders, never as values: ` +
            `${snapshot.credentialPlaceholders.map((p) => `#{${p}}#`).join(', ')}. Give each a value in environments/<env>.yaml, ` +
            `or better, keep the value in a secret named value and reference it as {{name}}: until then a deployment stops at the placeholder.`);
    }
    return {
        files,
        counts,
        secretsWithoutKeyVault: snapshot.secretsWithoutKeyVault,
        credentialPlaceholders: snapshot.credentialPlaceholders,
    };
}

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/gogs/client.ts + 1 modules
var gogs_client = __webpack_require__(4802);
// EXTERNAL MODULE: ./src/gogs/credentials.ts
var gogs_credentials = __webpack_require__(8830);
// EXTERNAL MODULE: ./src/gogs/git.ts
var git = __webpack_require__(7956);
// EXTERNAL MODULE: ./src/gogs/repository-name.ts
var repository_name = __webpack_require__(1104);
;// CONCATENATED MODULE: ./src/gogs/push-branch.ts






/** Checks before any work that the token may push; says which access is missing otherwise. */
async function assertCanPush(options) {
    const { owner, name } = (0,repository_name/* parseRepositoryName */.$)(options.repository);
    const ca = options.caFile ? await (0,promises_.readFile)(options.caFile, 'utf8') : undefined;
    const repo = await new gogs_client/* GogsClient */.a({ url: options.gogsUrl, token: options.token, ca }).getRepository(owner, name);
    if (!repo.permissions.push && !repo.permissions.admin) {
        throw new errors/* ConfigurationError */.j1(`The Gogs token cannot push to ${repo.fullName}: gogs-push commits the extract to a new branch, which needs write access.`, 'Use a token of a user with write access to the repository for the extract step only (deployments need just read access), or extract without gogs-push.');
    }
    return repo.defaultBranch;
}
/** Commits and pushes; undefined when nothing under `paths` changed (no branch is pushed). */
async function pushBranch(options) {
    const cwd = options.cwd;
    const creds = (0,gogs_credentials/* gitCredentials */.j)(options.gogsUrl, options.token, options.caFile);
    await (0,git/* git */.$)(['checkout', '--quiet', '-B', options.branch], { cwd });
    await (0,git/* git */.$)(['add', '--all', '--', ...options.paths], { cwd });
    const changed = (await (0,git/* git */.$)(['diff', '--cached', '--name-only'], { cwd })).stdout
        .split('\n')
        .filter(Boolean);
    if (changed.length === 0)
        return undefined;
    await (0,git/* git */.$)([
        '-c',
        `user.name=${options.author.name}`,
        '-c',
        `user.email=${options.author.email}`,
        'commit',
        '--quiet',
        '--no-verify',
        '-m',
        options.message,
    ], { cwd });
    const commit = (await (0,git/* git */.$)(['rev-parse', 'HEAD'], { cwd })).stdout.trim();
    await (0,git/* git */.$)(['push', '--quiet', 'origin', `HEAD:refs/heads/${options.branch}`], { cwd, env: creds.env });
    const { owner, name } = (0,repository_name/* parseRepositoryName */.$)(options.repository);
    const base = options.gogsUrl.endsWith('/') ? options.gogsUrl : `${options.gogsUrl}/`;
    const compareUrl = new URL(`${owner}/${name}/compare/${encodeURIComponent(options.base)}...${encodeURIComponent(options.branch)}`, base).toString();
    options.logger?.info(`Pushed ${changed.length} changed file(s) to branch ${options.branch} (${commit.slice(0, 12)}). Open the pull request: ${compareUrl}`);
    return { branch: options.branch, commit, compareUrl, changed: changed.length };
}

// EXTERNAL MODULE: ./src/pipeline/connect.ts
var connect = __webpack_require__(6788);
;// CONCATENATED MODULE: ./src/pipeline/stages/extract-stage.ts





/**
 * mode: extract — the live instance written into the source as the APIOps layout; with gogs-push,
 * committed to a new branch (named after the service and the time) of the Gogs repository, whose
 * compare link opens the pull request. Outputs: `extract-files`, and with gogs-push `branch`,
 * `commit-sha` of the extract commit and `compare-url`.
 */
async function extractStage(host, s, source, options) {
    if (!s.azure)
        throw new errors/* ConfigurationError */.j1('extract needs the Azure inputs (subscription-id, resource-group, service-name).');
    const gogs = source.gogs;
    if (options.push && !gogs)
        throw new errors/* ConfigurationError */.j1('gogs-push needs the Gogs repository (gogs-url, repository, token): it commits the extract there.', 'Run extract in the action or the task, or with `apim-gogs run --mode extract`, or extract without gogs-push.');
    if (options.push && gogs) {
        host.logger.info(`gogs-push: the token must have write access to ${gogs.repository} (this step pushes a branch; deployments need only read access).`);
        await assertCanPush({
            gogsUrl: gogs.gogsUrl,
            repository: gogs.repository,
            token: gogs.token,
            caFile: gogs.caFile,
        });
    }
    const connection = (0,connect/* connectApim */.C)(host, s.azure);
    const result = await host.logger.group(`Extract ${s.azure.target.serviceName}`, () => extractInstance({
        connection,
        root: source.path,
        artifactsPath: options.artifactsPath,
        filters: { ...s.azure.filters, workspaces: s.azure.workspaces },
        concurrency: s.azure.concurrency,
        logger: host.logger,
    }));
    host.setOutput('extract-files', String(result.files.length));
    const counts = Object.entries(result.counts)
        .map(([k, n]) => `| ${k} | ${n} |`)
        .join('\n');
    await host.appendSummary(`### Extract of ${s.azure.target.serviceName}\n\n| kind | count |\n|---|---|\n${counts}\n\n` +
        (result.secretsWithoutKeyVault.length
            ? `Secret named values written without a value (add a Key Vault reference): ${result.secretsWithoutKeyVault.join(', ')}\n\n`
            : ''));
    if (!options.push || !gogs)
        return errors/* ExitCode */.yU.Ok;
    const identity = await (0,credentials/* resolveIdentity */.XH)(connection.credential);
    const at = new Date();
    const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    const t = s.azure.target;
    const pushed = await pushBranch({
        gogsUrl: gogs.gogsUrl,
        repository: gogs.repository,
        token: gogs.token,
        caFile: gogs.caFile,
        cwd: source.path,
        base: gogs.defaultBranch,
        branch: `apim-gogs/extract-${t.serviceName}-${stamp}`,
        message: `Extract APIM ${t.serviceName} at ${at.toISOString()}\n\n` +
            `Instance: /subscriptions/${t.subscriptionId}/resourceGroups/${t.resourceGroup}/providers/Microsoft.ApiManagement/service/${t.serviceName}\n` +
            `Time: ${at.toISOString()}\n` +
            `Identity: oid ${identity.oid ?? '?'}, appid ${identity.appid ?? '?'}, tenant ${identity.tid ?? '?'}\n` +
            `Files: ${result.files.length} (apim-gogs extract)`,
        paths: [options.artifactsPath?.replace(/^\.\/?|\/+$/g, '') || '.'],
        author: { name: 'apim-gogs extract', email: 'apim-gogs@localhost' },
        logger: host.logger,
    });
    if (!pushed) {
        host.logger.info(`The repository already matches ${t.serviceName}: no branch pushed.`);
        return errors/* ExitCode */.yU.Ok;
    }
    host.setOutput('branch', pushed.branch);
    host.setOutput('commit-sha', pushed.commit);
    host.setOutput('compare-url', pushed.compareUrl);
    await host.appendSummary(`Pushed branch \`${pushed.branch}\` (${pushed.changed} file(s)). [Open the pull request](${pushed.compareUrl})\n\n`);
    return errors/* ExitCode */.yU.Ok;
}


/***/ })

};
