export const id = 741;
export const ids = [741];
export const modules = {

/***/ 6741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  azureStage: () => (/* binding */ azureStage)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/parse-boolean.ts
var parse_boolean = __webpack_require__(1233);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@azure/arm-apimanagement/dist/esm/index.js + 155 modules
var esm = __webpack_require__(7893);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 161 modules
var dist_esm = __webpack_require__(8188);
;// CONCATENATED MODULE: ./src/azure/jwt.ts
/**
 * Reads the claims of a JWT without verifying it — only to explain a failed sign-in (iss/sub/aud)
 * and to record who deployed (oid/appid/tid). Never logs or returns the token itself.
 */
function decodeJwtClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const json = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return json && typeof json === 'object' && !Array.isArray(json)
            ? json
            : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/azure/credentials.ts



const AUTH_KINDS = [
    'github-oidc',
    'azure-devops',
    'managed-identity',
    'workload-identity',
    'azure-cli',
];
const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';
const ARM_SCOPE = 'https://management.azure.com/.default';
function need(value, name, auth) {
    if (!value)
        throw new errors/* ConfigurationError */.j1(`auth '${auth}' needs ${name}.`, `Set the ${name} input.`);
    return value;
}
function createCredential(options) {
    const { auth } = options;
    const common = options.authorityHost
        ? { authorityHost: options.authorityHost, disableInstanceDiscovery: true }
        : {};
    let inner;
    let lastAssertion;
    let idTokenFailure;
    switch (auth) {
        case 'github-oidc': {
            const tenantId = need(options.tenantId, 'tenant-id', auth);
            const clientId = need(options.clientId, 'client-id', auth);
            const getIdToken = options.getIdToken;
            if (!getIdToken)
                throw new errors/* ConfigurationError */.j1("auth 'github-oidc' needs the host's ID-token service.");
            const audience = options.audience ?? DEFAULT_AUDIENCE;
            inner = new dist_esm/* ClientAssertionCredential */.XI(tenantId, clientId, async () => {
                try {
                    idTokenFailure = undefined;
                    lastAssertion = await getIdToken(audience);
                }
                catch (err) {
                    throw (idTokenFailure = idTokenError(err));
                }
                return lastAssertion;
            }, common);
            break;
        }
        case 'azure-devops': {
            inner = new dist_esm/* AzurePipelinesCredential */.QW(need(options.tenantId, 'tenant-id', auth), need(options.clientId, 'client-id', auth), need(options.serviceConnectionId, 'azureServiceConnection', auth), need(options.systemAccessToken ?? process.env.SYSTEM_ACCESSTOKEN, 'System.AccessToken', auth), common);
            break;
        }
        case 'managed-identity':
            inner = options.clientId
                ? new dist_esm/* ManagedIdentityCredential */.NC({ clientId: options.clientId })
                : new dist_esm/* ManagedIdentityCredential */.NC();
            break;
        case 'workload-identity': {
            const tokenFilePath = options.tokenFilePath ?? process.env.AZURE_FEDERATED_TOKEN_FILE;
            inner = new dist_esm/* WorkloadIdentityCredential */.R9({
                ...common,
                tenantId: need(options.tenantId ?? process.env.AZURE_TENANT_ID, 'tenant-id', auth),
                clientId: need(options.clientId ?? process.env.AZURE_CLIENT_ID, 'client-id', auth),
                tokenFilePath: need(tokenFilePath, 'a token file (AZURE_FEDERATED_TOKEN_FILE)', auth),
            });
            break;
        }
        case 'azure-cli':
            inner = new dist_esm/* AzureCliCredential */.nG(options.tenantId ? { tenantId: options.tenantId } : {});
            break;
        default:
            throw new errors/* ConfigurationError */.j1(`Unknown auth '${String(auth)}'.`, `Use one of: ${AUTH_KINDS.join(', ')}.`);
    }
    return {
        auth,
        async getToken(scopes, opts) {
            try {
                return await inner.getToken(scopes, opts);
            }
            catch (err) {
                // The identity library wraps our getAssertion error; throw ours, with its hint.
                throw idTokenFailure ?? signInError(err, auth, lastAssertion, options);
            }
        },
    };
}
function parseAuthKind(value) {
    const v = (value ?? 'github-oidc');
    if (!AUTH_KINDS.includes(v)) {
        throw new errors/* ConfigurationError */.j1(`Unknown auth '${value}'.`, `Use one of: ${AUTH_KINDS.join(', ')}.`);
    }
    return v;
}
function idTokenError(err) {
    if (err instanceof errors/* ConfigurationError */.j1)
        return err;
    const msg = (0,errors/* errorMessage */.gJ)(err);
    if (/ACTIONS_ID_TOKEN_REQUEST|id-token|permission/i.test(msg) ||
        !process.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
        return new errors/* ConfigurationError */.j1(`Could not get an OIDC ID token from the CI host: ${msg}`, "Give the job 'permissions: id-token: write' (GitHub Actions), so ACTIONS_ID_TOKEN_REQUEST_URL is set.");
    }
    return new errors/* ConfigurationError */.j1(`Could not get an OIDC ID token from the CI host: ${msg}`);
}
/** Turns a token-exchange failure into a message that says what to fix. */
function signInError(err, auth, assertion, options) {
    if (err instanceof errors/* ConfigurationError */.j1)
        return err;
    const msg = (0,errors/* errorMessage */.gJ)(err);
    if (/AADSTS700213|AADSTS70021|AADSTS700211|AADSTS700212|federated|No matching federated identity/i.test(msg)) {
        const claims = assertion ? decodeJwtClaims(assertion) : undefined;
        const shown = claims
            ? `iss=${String(claims.iss)}, sub=${String(claims.sub)}, aud=${JSON.stringify(claims.aud)}`
            : '(the ID token could not be read)';
        return new errors/* ConfigurationError */.j1(`Azure rejected the federated sign-in for app ${options.clientId ?? '?'} in tenant ${options.tenantId ?? '?'}: ` +
            `the CI token does not match any federated credential. Token claims: ${shown}. Azure said: ${firstLine(msg)}`, claims
            ? `Add a federated credential to the app registration with issuer '${String(claims.iss)}', subject '${String(claims.sub)}' and audience '${options.audience ?? DEFAULT_AUDIENCE}'.`
            : 'Check the federated credentials of the app registration (issuer, subject, audience).');
    }
    return new errors/* ConfigurationError */.j1(`Sign-in to Azure with auth '${auth}' failed: ${firstLine(msg)}`);
}
function firstLine(s) {
    const line = s.split('\n').find((l) => l.trim() !== '') ?? s;
    return line.length > 600 ? `${line.slice(0, 600)}...` : line;
}
function identityOf(accessToken) {
    const c = decodeJwtClaims(accessToken);
    if (!c)
        return {};
    const s = (v) => (typeof v === 'string' ? v : undefined);
    return { oid: s(c.oid), appid: s(c.appid) ?? s(c.azp), tid: s(c.tid) };
}
/** Gets an ARM token once and reads the identity from it. */
async function resolveIdentity(credential) {
    const token = await credential.getToken(ARM_SCOPE);
    return token ? identityOf(token.token) : {};
}

;// CONCATENATED MODULE: ./src/azure/client.ts




/** An ARM request that got no answer in time: it may or may not have been applied. */
class ArmTimeoutError extends Error {
    code = 'REQUEST_TIMEOUT';
    constructor(method, resource, ms) {
        super(`ARM did not answer ${method} ${resource} within ${ms} ms.`);
    }
}
/**
 * The real @azure/arm-apimanagement client pointed at one service, with every request recorded.
 * The SDK's own retries are off (maxRetries 0): apim-gogs retries itself (retry.ts) so that every
 * attempt is counted and a write whose outcome is unknown is checked before it is repeated.
 */
class client_ApimConnection {
    credential;
    target;
    client;
    records = [];
    correlationId;
    pollIntervalMs;
    requestTimeoutMs;
    servicePrefix;
    constructor(credential, target, options = {}) {
        this.credential = credential;
        this.target = target;
        this.correlationId = options.correlationId ?? (0,external_node_crypto_.randomUUID)();
        this.pollIntervalMs = options.pollIntervalMs ?? 500;
        this.requestTimeoutMs = options.requestTimeoutMs ?? 120_000;
        this.client = new esm/* ApiManagementClient */.TM(credential, target.subscriptionId, {
            endpoint: target.endpoint ?? 'https://management.azure.com',
            credentialScopes: [ARM_SCOPE],
            retryOptions: { maxRetries: 0 },
            userAgentOptions: { userAgentPrefix: 'apim-gogs' },
        });
        this.servicePrefix = (`/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}` +
            `/providers/Microsoft.ApiManagement/service/${target.serviceName}`).toLowerCase();
        this.client.pipeline.addPolicy(this.recorder(), { afterPhase: 'Retry' });
    }
    get resourceGroup() {
        return this.target.resourceGroup;
    }
    get serviceName() {
        return this.target.serviceName;
    }
    recorder() {
        return {
            name: 'apimGogsRecorder',
            sendRequest: async (request, next) => {
                if (!request.headers.has('x-ms-correlation-request-id')) {
                    request.headers.set('x-ms-correlation-request-id', this.correlationId);
                }
                if (!request.timeout)
                    request.timeout = this.requestTimeoutMs;
                const started = Date.now();
                const at = new Date(started).toISOString();
                const resource = this.resourceOf(request.url);
                try {
                    const response = await next(request);
                    this.records.push({
                        method: request.method,
                        resource,
                        status: response.status,
                        durationMs: Date.now() - started,
                        requestId: response.headers.get('x-ms-request-id') ?? undefined,
                        correlationId: response.headers.get('x-ms-correlation-request-id') ?? this.correlationId,
                        at,
                    });
                    return response;
                }
                catch (err) {
                    this.records.push({
                        method: request.method,
                        resource,
                        status: 0,
                        durationMs: Date.now() - started,
                        correlationId: this.correlationId,
                        at,
                    });
                    if (err?.name === 'AbortError' && !request.abortSignal?.aborted) {
                        throw new ArmTimeoutError(request.method, resource, request.timeout);
                    }
                    throw err;
                }
            },
        };
    }
    resourceOf(url) {
        let p;
        try {
            p = new URL(url).pathname;
        }
        catch {
            return url;
        }
        const lower = p.toLowerCase();
        const at = lower.indexOf(this.servicePrefix);
        return at === -1 ? p : p.slice(at + this.servicePrefix.length).replace(/^\//, '') || '.';
    }
}
function isWrite(r) {
    if (r.method === 'GET' || r.method === 'HEAD')
        return false;
    if (r.method === 'POST' && /\/(listValue|listSecrets)$/i.test(r.resource))
        return false;
    return true;
}
function armErrorInfo(err) {
    const e = err;
    const info = { status: e?.statusCode, code: e?.code, message: e?.message ?? String(err) };
    const body = e?.response?.bodyAsText;
    if (body) {
        try {
            const parsed = JSON.parse(body);
            if (parsed.error?.code)
                info.code = parsed.error.code;
            if (parsed.error?.message) {
                const details = (parsed.error.details ?? []).map((d) => d.message).filter(Boolean);
                info.message = parsed.error.message + (details.length ? ` ${details.join(' ')}` : '');
            }
        }
        catch {
            // not JSON: keep the SDK's message
        }
    }
    const headers = e?.response?.headers;
    const ra = headers?.get('retry-after');
    if (ra) {
        const secs = Number(ra);
        if (Number.isFinite(secs))
            info.retryAfterMs = secs * 1000;
        else {
            const date = Date.parse(ra);
            if (!Number.isNaN(date))
                info.retryAfterMs = Math.max(0, date - Date.now());
        }
    }
    info.requestId = headers?.get('x-ms-request-id') ?? undefined;
    return info;
}
/**
 * The user's mistakes among ARM errors, as ConfigurationErrors that say what to do: no role on the
 * service (403 AuthorizationFailed), a token ARM refuses (401), a service that does not exist.
 */
function client_explainArmError(err, target) {
    if (err instanceof errors/* ConfigurationError */.j1)
        return err;
    const info = armErrorInfo(err);
    const where = `APIM service '${target.serviceName}' (resource group '${target.resourceGroup}', subscription ${target.subscriptionId})`;
    if (info.status === 403) {
        return new errors/* ConfigurationError */.j1(`The signed-in identity has no role on ${where}: ${info.message}`, "Assign the 'API Management Service Contributor' role (or a custom role with policy, named value, fragment and backend write) on the APIM service to the app's service principal.");
    }
    if (info.status === 401) {
        return new errors/* ConfigurationError */.j1(`ARM refused the access token for ${where}: ${info.message}`, 'Check tenant-id and the Azure endpoint.');
    }
    if (info.status === 404 &&
        /ResourceNotFound|ResourceGroupNotFound|SubscriptionNotFound/.test(info.code ?? '') &&
        /service|resource group|subscription/i.test(info.message)) {
        return new errors/* ConfigurationError */.j1(`${where} was not found: ${info.message}`, 'Check subscription-id, resource-group and service-name.');
    }
    return err;
}

// EXTERNAL MODULE: ./src/azure/azure-inputs.ts
var azure_inputs = __webpack_require__(1072);
;// CONCATENATED MODULE: ./src/azure/connect.ts






const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function readTarget(get) {
    const need = (name) => {
        const v = get(name);
        if (!v)
            throw new errors/* ConfigurationError */.j1(`Input ${name} is required.`, `Set ${name}: ${azure_inputs/* AZURE_INPUTS */.w[name].description}.`);
        return v;
    };
    const subscriptionId = need('subscription-id');
    if (!UUID.test(subscriptionId))
        throw new errors/* ConfigurationError */.j1(`Input subscription-id "${subscriptionId}" is not a subscription id (a UUID).`);
    const endpoint = get('arm-endpoint');
    if (endpoint && !/^https:\/\//i.test(endpoint)) {
        throw new errors/* ConfigurationError */.j1(`Input arm-endpoint "${endpoint}" is not https.`, 'The Azure SDK sends bearer tokens over https only.');
    }
    return {
        subscriptionId,
        resourceGroup: need('resource-group'),
        serviceName: need('service-name'),
        endpoint: endpoint || undefined,
    };
}
/** The host's own way to sign in when the auth input is not given. */
const defaultAuth = {
    github: 'github-oidc',
    'azure-pipelines': 'azure-devops',
    cli: 'azure-cli',
};
function readCredential(get, host) {
    const authorityHost = get('authority-host');
    // In Azure Pipelines the service connection names the tenant and the app registration.
    const connection = host.azureServiceConnection?.();
    if (authorityHost && !/^https:\/\//i.test(authorityHost)) {
        throw new errors/* ConfigurationError */.j1(`Input authority-host "${authorityHost}" is not https.`);
    }
    return createCredential({
        auth: parseAuthKind(get('auth') ?? defaultAuth[host.name]),
        tenantId: get('tenant-id') ?? connection?.tenantId,
        clientId: get('client-id') ?? connection?.clientId,
        authorityHost: authorityHost || undefined,
        audience: get('audience') ?? azure_inputs/* AZURE_INPUTS */.w.audience.default,
        getIdToken: (aud) => host.getIdToken(aud),
        serviceConnectionId: connection?.id,
    });
}
/** Signs in (lazily: the first ARM request gets the token) and points the SDK at the service. */
function connectAzure(get, host) {
    return new ApimConnection(readCredential(get, host), readTarget(get));
}
function readConcurrency(get) {
    const raw = get('concurrency') ?? azure_inputs/* AZURE_INPUTS */.w.concurrency.default;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 64)
        throw new errors/* ConfigurationError */.j1(`Input concurrency "${raw}" is not a whole number from 1 to 64.`);
    return n;
}
function readList(get, name) {
    const v = get(name);
    const list = v
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    return list?.length ? list : undefined;
}
function readPrune(get) {
    return (0,parse_boolean/* parseBoolean */.y)(get('prune') ?? 'false', 'prune');
}

;// CONCATENATED MODULE: ./src/azure/xml-canonical.ts
/**
 * Semantic comparison of APIM policy XML. Both sides (the repository file and what APIM returns with
 * `format=rawxml`) are reduced to one canonical text: attributes sorted, entities decoded, CRLF made LF,
 * indentation and blank lines dropped, `<a></a>` equal to `<a />`. Two policies are equal exactly when
 * their canonical texts are equal; the readable diff is a line diff of the canonical texts, so it only
 * ever shows real changes.
 *
 * Raw policy XML is not XML: `@(...)` and `@{...}` expressions keep `"`, `<`, `>` and `&&` unescaped,
 * also inside attribute values. The tokenizer below finds each expression's extent itself (balanced
 * brackets, C# string/char/verbatim literals, comments) before it treats anything as markup.
 *
 * What is deliberately not significant: whitespace at the start and end of every line of text, blank
 * lines, attribute order and quoting, entity escaping (`=>` vs `=&gt;`), and the provenance comment
 * apim-gogs itself puts at the top of a policy (see provenance.ts). Whitespace inside a line, comments
 * (other than the provenance comment), element order and every character of an expression are significant.
 */
class PolicyXmlError extends Error {
    line;
    column;
    constructor(message, line, column) {
        super(`${message} (line ${line}, column ${column})`);
        this.line = line;
        this.column = column;
    }
}
/** The marker that opens the provenance comment; comments starting with it are never compared. */
const PROVENANCE_MARKER = 'apim-gogs:';
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
/** Parses raw or escaped policy XML into a tree (entities decoded). Throws PolicyXmlError. */
function parsePolicyXml(text) {
    const src = text.replace(/^\uFEFF/, '');
    const root = { type: 'element', name: '#root', attributes: [], children: [] };
    const stack = [root];
    let i = 0;
    const fail = (message, at) => {
        const before = src.slice(0, at);
        const line = before.split('\n').length;
        throw new PolicyXmlError(message, line, at - before.lastIndexOf('\n'));
    };
    const top = () => stack[stack.length - 1];
    let textStart = -1;
    let textBuf = '';
    const flushText = () => {
        if (textStart !== -1) {
            top().children.push({ type: 'text', value: decodeEntities(textBuf) });
            textStart = -1;
            textBuf = '';
        }
    };
    while (i < src.length) {
        const c = src[i];
        if (c === '@' && (src[i + 1] === '(' || src[i + 1] === '{')) {
            const end = expressionEnd(src, i + 1);
            if (end === -1)
                fail('Unterminated policy expression', i);
            if (textStart === -1)
                textStart = i;
            textBuf += src.slice(i, end);
            i = end;
            continue;
        }
        if (c !== '<') {
            if (textStart === -1)
                textStart = i;
            textBuf += c;
            i++;
            continue;
        }
        if (src.startsWith('<!--', i)) {
            const end = src.indexOf('-->', i + 4);
            if (end === -1)
                fail('Unterminated comment', i);
            flushText();
            top().children.push({ type: 'comment', value: src.slice(i + 4, end) });
            i = end + 3;
        }
        else if (src.startsWith('<![CDATA[', i)) {
            const end = src.indexOf(']]>', i + 9);
            if (end === -1)
                fail('Unterminated CDATA section', i);
            if (textStart === -1)
                textStart = i;
            // Escape so the later decode gives back the CDATA content unchanged.
            textBuf += src.slice(i + 9, end).replace(/&/g, '&amp;');
            i = end + 3;
        }
        else if (src.startsWith('<!', i)) {
            fail('DTDs and entity declarations are not allowed in a policy', i);
        }
        else if (src.startsWith('<?', i)) {
            const end = src.indexOf('?>', i + 2);
            if (end === -1)
                fail('Unterminated processing instruction', i);
            i = end + 2;
        }
        else if (src[i + 1] === '/') {
            flushText();
            NAME.lastIndex = i + 2;
            const m = NAME.exec(src);
            if (!m)
                fail('Malformed end tag', i);
            const name = m[0];
            let j = i + 2 + name.length;
            while (/\s/.test(src[j] ?? ''))
                j++;
            if (src[j] !== '>')
                fail(`Malformed end tag </${name}>`, i);
            if (stack.length === 1 || top().name !== name)
                fail(`Unexpected end tag </${name}>`, i);
            stack.pop();
            i = j + 1;
        }
        else {
            flushText();
            NAME.lastIndex = i + 1;
            const m = NAME.exec(src);
            if (!m)
                fail("'<' that starts no element (escape it as &lt;)", i);
            const el = { type: 'element', name: m[0], attributes: [], children: [] };
            let j = i + 1 + el.name.length;
            const seen = new Set();
            for (;;) {
                const ws = j;
                while (/\s/.test(src[j] ?? ''))
                    j++;
                if (src[j] === '>' || src.startsWith('/>', j))
                    break;
                if (j === ws)
                    fail(`Malformed start tag <${el.name}>`, j);
                NAME.lastIndex = j;
                const a = NAME.exec(src);
                if (!a)
                    fail(`Malformed attribute in <${el.name}>`, j);
                const attr = a[0];
                j += attr.length;
                while (/\s/.test(src[j] ?? ''))
                    j++;
                if (src[j] !== '=')
                    fail(`Attribute '${attr}' has no value`, j);
                j++;
                while (/\s/.test(src[j] ?? ''))
                    j++;
                const q = src[j];
                if (q !== '"' && q !== "'")
                    fail(`Attribute '${attr}' value is not quoted`, j);
                const start = j + 1;
                let k = start;
                if (src[k] === '@' && (src[k + 1] === '(' || src[k + 1] === '{')) {
                    const end = expressionEnd(src, k + 1);
                    if (end !== -1)
                        k = end;
                }
                const close = src.indexOf(q, k);
                if (close === -1)
                    fail(`Unterminated value of attribute '${attr}'`, j);
                if (seen.has(attr))
                    fail(`Duplicate attribute '${attr}'`, j);
                seen.add(attr);
                el.attributes.push([attr, decodeEntities(src.slice(start, close))]);
                j = close + 1;
            }
            el.attributes.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
            top().children.push(el);
            if (src[j] === '>') {
                stack.push(el);
                i = j + 1;
            }
            else {
                i = j + 2;
            }
        }
    }
    flushText();
    if (stack.length > 1)
        fail(`Element <${top().name}> is not closed`, src.length);
    return root.children;
}
/**
 * Index just past the expression whose opening bracket is at `open` (`(` or `{`), or -1. Skips C#
 * string, verbatim-string, char literals and comments so brackets inside them do not count.
 */
function expressionEnd(src, open) {
    const opener = src[open];
    const closer = opener === '(' ? ')' : '}';
    let depth = 0;
    let i = open;
    while (i < src.length) {
        const c = src[i];
        if (c === '"' || (c === '@' && src[i + 1] === '"') || (c === '$' && src[i + 1] === '"')) {
            const verbatim = c === '@' || (c === '$' && src[i - 1] === '@');
            i = c === '"' ? i + 1 : i + 2;
            while (i < src.length) {
                if (verbatim && src[i] === '"' && src[i + 1] === '"')
                    i += 2;
                else if (!verbatim && src[i] === '\\')
                    i += 2;
                else if (src[i] === '"')
                    break;
                else
                    i++;
            }
            i++;
            continue;
        }
        if (c === "'") {
            const close = src[i + 1] === '\\' ? src.indexOf("'", i + 3) : src.indexOf("'", i + 2);
            if (close !== -1 && close - i <= 8) {
                i = close + 1;
                continue;
            }
        }
        if (c === '/' && src[i + 1] === '/') {
            const nl = src.indexOf('\n', i);
            i = nl === -1 ? src.length : nl;
            continue;
        }
        if (c === '/' && src[i + 1] === '*') {
            const end = src.indexOf('*/', i + 2);
            i = end === -1 ? src.length : end + 2;
            continue;
        }
        if (c === opener)
            depth++;
        else if (c === closer && --depth === 0)
            return i + 1;
        i++;
    }
    return -1;
}
const NAMED_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeEntities(s) {
    return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e) => {
        if (e[0] !== '#')
            return NAMED_ENTITIES[e];
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    });
}
/** Whitespace that never matters: line endings, indentation, trailing spaces, blank lines. */
function normalizeText(s) {
    return s
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join('\n');
}
function escapeAttr(v) {
    return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#10;');
}
function isProvenance(node) {
    return node.type === 'comment' && node.value.trim().startsWith(PROVENANCE_MARKER);
}
/**
 * The canonical text of a policy: one line per element, comment and text line, two-space indentation.
 * Equal canonical text means the same policy. Throws PolicyXmlError for text that is not a policy.
 */
function canonicalPolicy(text) {
    const out = [];
    const walk = (nodes, depth) => {
        const pad = '  '.repeat(depth);
        // Adjacent text pieces (split by a dropped comment) are one text.
        const merged = [];
        for (const n of nodes) {
            if (isProvenance(n))
                continue;
            const last = merged[merged.length - 1];
            if (n.type === 'text' && last?.type === 'text')
                merged[merged.length - 1] = { type: 'text', value: last.value + n.value };
            else
                merged.push(n);
        }
        for (const n of merged) {
            if (n.type === 'text') {
                const t = normalizeText(n.value);
                if (t)
                    for (const l of t.split('\n'))
                        out.push(pad + l);
            }
            else if (n.type === 'comment') {
                out.push(`${pad}<!-- ${normalizeText(n.value).replace(/\n/g, ' ')} -->`);
            }
            else {
                const attrs = n.attributes.map(([k, v]) => ` ${k}="${escapeAttr(normalizeText(v))}"`).join('');
                const kids = n.children.filter((c) => !(c.type === 'text' && !normalizeText(c.value)) && !isProvenance(c));
                if (kids.length === 0) {
                    out.push(`${pad}<${n.name}${attrs} />`);
                }
                else {
                    out.push(`${pad}<${n.name}${attrs}>`);
                    walk(n.children, depth + 1);
                    out.push(`${pad}</${n.name}>`);
                }
            }
        }
    };
    walk(parsePolicyXml(text), 0);
    return out.join('\n');
}
/** Canonical text, or the normalized raw text when the policy does not parse (so it still compares). */
function canonicalOrRaw(text) {
    try {
        return canonicalPolicy(text);
    }
    catch {
        return normalizeText(text);
    }
}
function policiesEqual(a, b) {
    return canonicalOrRaw(a) === canonicalOrRaw(b);
}
/**
 * The format a repository policy is written in. Raw policy format keeps `<`, `&&`, `"` unescaped in
 * expressions; the XML-escaped form (`@(a &lt; b)`) has entity references there instead. A policy whose
 * expressions hold entity references and no raw `<` or `&` is sent as `xml` (APIM decodes it); anything
 * else as `rawxml` (sent as `rawxml`, an escaped expression would reach the C# compiler as `&lt;`).
 */
function detectPolicyFormat(text) {
    let entities = false;
    for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) {
        if (text[i + 1] !== '(' && text[i + 1] !== '{')
            continue;
        const end = expressionEnd(text, i + 1);
        if (end === -1)
            return 'rawxml';
        const expr = text.slice(i, end);
        if (/<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(expr))
            return 'rawxml';
        if (/&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/.test(expr))
            entities = true;
        i = end - 1;
    }
    return entities ? 'xml' : 'rawxml';
}

;// CONCATENATED MODULE: ./src/azure/resources.ts
const POLICY_KINDS = ['globalPolicy', 'productPolicy', 'apiPolicy', 'operationPolicy'];
const isPolicyKind = (k) => POLICY_KINDS.includes(k);
/** Whether the content is policy XML (policies and fragments). */
const isXmlKind = (k) => isPolicyKind(k) || k === 'fragment';
/** Apply order: dependencies first (deletes run in the reverse order). */
const KIND_ORDER = [
    'namedValue',
    'backend',
    'fragment',
    'globalPolicy',
    'productPolicy',
    'apiPolicy',
    'operationPolicy',
];
const seg = (s) => encodeURIComponent(s);
function resources_refFor(kind, ids = {}) {
    const ref = { kind, key: '', ...ids };
    switch (kind) {
        case 'globalPolicy':
            ref.key = 'policies/policy';
            break;
        case 'productPolicy':
            ref.key = `products/${seg(ids.productId)}/policies/policy`;
            break;
        case 'apiPolicy':
            ref.key = `apis/${seg(ids.apiId)}/policies/policy`;
            break;
        case 'operationPolicy':
            ref.key = `apis/${seg(ids.apiId)}/operations/${seg(ids.operationId)}/policies/policy`;
            break;
        case 'fragment':
            ref.key = `policyFragments/${seg(ids.name)}`;
            break;
        case 'namedValue':
            ref.key = `namedValues/${seg(ids.name)}`;
            break;
        case 'backend':
            ref.key = `backends/${seg(ids.name)}`;
            break;
    }
    return ref;
}
/** Parses a resource key (as printed by plan and accepted by blame); also accepts APIOps file paths. */
function resources_parseResourceKey(input) {
    const p = input
        .replace(/\\/g, '/')
        .replace(/^\/+|\/+$/g, '')
        .replace(/\/policy\.xml$/, '')
        .replace(/\/(policyFragmentInformation|namedValueInformation|backendInformation)\.json$/, '');
    const parts = p.split('/').map((x) => decodeURIComponent(x));
    const [a, b, c, d, e, f] = parts;
    if (p === 'policies/policy' || p === 'policy' || p === 'policy.xml' || p === '')
        return resources_refFor('globalPolicy');
    if (a === 'products' && b && (parts.length === 2 || (c === 'policies' && parts.length === 4))) {
        return resources_refFor('productPolicy', { productId: b });
    }
    if (a === 'apis' && b && (parts.length === 2 || (c === 'policies' && parts.length === 4))) {
        return resources_refFor('apiPolicy', { apiId: b });
    }
    if (a === 'apis' &&
        b &&
        c === 'operations' &&
        d &&
        (parts.length === 4 || (e === 'policies' && f && parts.length === 6))) {
        return resources_refFor('operationPolicy', { apiId: b, operationId: d });
    }
    if ((a === 'policyFragments' || a === 'policy fragments') && b && parts.length === 2)
        return resources_refFor('fragment', { name: b });
    if ((a === 'namedValues' || a === 'named values') && b && parts.length === 2)
        return resources_refFor('namedValue', { name: b });
    if (a === 'backends' && b && parts.length === 2)
        return resources_refFor('backend', { name: b });
    return undefined;
}
const capture = (raw) => ({
    onResponse: (r) => void (raw.response = r),
});
function statusOf(err) {
    return err?.statusCode;
}
function parseBody(response) {
    const text = response.bodyAsText;
    if (!text)
        return undefined;
    const json = JSON.parse(text);
    return json.properties ?? {};
}
/** Reads one resource raw: exists, ETag and ARM properties (policies with format=rawxml). */
async function resources_readResource(conn, ref) {
    const { client, resourceGroup: rg, serviceName: svc } = conn;
    const raw = {};
    const o = capture(raw);
    const x = { ...o, format: 'rawxml' };
    try {
        switch (ref.kind) {
            case 'globalPolicy':
                await client.policy.get(rg, svc, 'policy', x);
                break;
            case 'productPolicy':
                await client.productPolicy.get(rg, svc, ref.productId, 'policy', x);
                break;
            case 'apiPolicy':
                await client.apiPolicy.get(rg, svc, ref.apiId, 'policy', x);
                break;
            case 'operationPolicy':
                await client.apiOperationPolicy.get(rg, svc, ref.apiId, ref.operationId, 'policy', x);
                break;
            case 'fragment':
                await client.policyFragment.get(rg, svc, ref.name, x);
                break;
            case 'namedValue':
                await client.namedValue.get(rg, svc, ref.name, o);
                break;
            case 'backend':
                await client.backend.get(rg, svc, ref.name, o);
                break;
        }
    }
    catch (err) {
        if (statusOf(err) === 404)
            return { exists: false };
        // The SDK may fail to deserialize a body it got (apiPolicy.get); the raw response is what we use.
        if (!(raw.response && raw.response.status === 200))
            throw err;
    }
    const response = raw.response;
    return { exists: true, etag: response.headers.get('etag') ?? undefined, properties: parseBody(response) };
}
/** The secret value of a named value (POST listValue); kept in memory only, for rollback. */
async function readSecretValue(conn, name) {
    const r = await conn.client.namedValue.listValue(conn.resourceGroup, conn.serviceName, name);
    return r.value;
}
/**
 * Creates or replaces one resource with `properties`. `ifMatch` is the ETag it must still have
 * (undefined for a create). Long-running operations are awaited; one that ends Failed throws.
 */
async function writeResource(conn, ref, properties, ifMatch) {
    const { client, resourceGroup: rg, serviceName: svc } = conn;
    const raw = {};
    const o = { ...capture(raw), ...(ifMatch ? { ifMatch } : {}) };
    const lro = { ...o, updateIntervalInMs: conn.pollIntervalMs };
    const policy = {
        value: String(properties.value ?? ''),
        format: properties.format === 'xml' ? 'xml' : 'rawxml',
    };
    let etag;
    switch (ref.kind) {
        case 'globalPolicy':
            etag = (await client.policy.createOrUpdate(rg, svc, 'policy', policy, o)).eTag;
            break;
        case 'productPolicy':
            etag = (await client.productPolicy.createOrUpdate(rg, svc, ref.productId, 'policy', policy, o)).eTag;
            break;
        case 'apiPolicy':
            etag = (await client.apiPolicy.createOrUpdate(rg, svc, ref.apiId, 'policy', policy, o)).eTag;
            break;
        case 'operationPolicy':
            etag = (await client.apiOperationPolicy.createOrUpdate(rg, svc, ref.apiId, ref.operationId, 'policy', policy, o)).eTag;
            break;
        case 'fragment': {
            const body = { ...policy, description: properties.description };
            etag = (await client.policyFragment.beginCreateOrUpdateAndWait(rg, svc, ref.name, body, lro)).eTag;
            break;
        }
        case 'namedValue': {
            const kv = properties.keyVault;
            const body = {
                displayName: properties.displayName,
                value: properties.value,
                secret: properties.secret === true,
                tags: properties.tags,
                keyVault: kv
                    ? { secretIdentifier: kv.secretIdentifier, identityClientId: kv.identityClientId }
                    : undefined,
            };
            etag = (await client.namedValue.beginCreateOrUpdateAndWait(rg, svc, ref.name, body, lro)).eTag;
            break;
        }
        case 'backend': {
            const { type, provisioningState: _p, ...rest } = properties;
            const body = { ...rest, ...(type !== undefined ? { typePropertiesType: type } : {}) };
            etag = (await client.backend.createOrUpdate(rg, svc, ref.name, body, o)).eTag;
            break;
        }
    }
    if (!etag)
        etag = raw.response?.headers.get('etag') ?? undefined;
    let props;
    try {
        props = raw.response ? parseBody(raw.response) : undefined;
    }
    catch {
        props = undefined;
    }
    return { etag, properties: props };
}
/** Deletes one resource; `ifMatch` is required by ARM (the ETag it must still have). 404 is success. */
async function deleteResource(conn, ref, ifMatch) {
    const { client, resourceGroup: rg, serviceName: svc } = conn;
    try {
        switch (ref.kind) {
            case 'globalPolicy':
                await client.policy.delete(rg, svc, 'policy', ifMatch);
                break;
            case 'productPolicy':
                await client.productPolicy.delete(rg, svc, ref.productId, 'policy', ifMatch);
                break;
            case 'apiPolicy':
                await client.apiPolicy.delete(rg, svc, ref.apiId, 'policy', ifMatch);
                break;
            case 'operationPolicy':
                await client.apiOperationPolicy.delete(rg, svc, ref.apiId, ref.operationId, 'policy', ifMatch);
                break;
            case 'fragment':
                await client.policyFragment.delete(rg, svc, ref.name, ifMatch);
                break;
            case 'namedValue':
                await client.namedValue.delete(rg, svc, ref.name, ifMatch);
                break;
            case 'backend':
                await client.backend.delete(rg, svc, ref.name, ifMatch);
                break;
        }
    }
    catch (err) {
        if (statusOf(err) === 404)
            return;
        throw err;
    }
}
/** Properties safe to PUT back (read-only and status fields removed). */
function writableProperties(kind, props) {
    const { provisioningState: _p, ...rest } = props;
    if (isXmlKind(kind)) {
        const out = { value: rest.value, format: 'rawxml' };
        if (kind === 'fragment' && rest.description !== undefined)
            out.description = rest.description;
        return out;
    }
    if (kind === 'namedValue') {
        const kv = rest.keyVault;
        const out = { displayName: rest.displayName, secret: rest.secret === true };
        if (rest.value !== undefined)
            out.value = rest.value;
        if (rest.tags !== undefined)
            out.tags = rest.tags;
        if (kv)
            out.keyVault = { secretIdentifier: kv.secretIdentifier, identityClientId: kv.identityClientId };
        return out;
    }
    return rest;
}

;// CONCATENATED MODULE: ./src/azure/provenance.ts


const MANAGED_TAG = 'apim-gogs';
const COMMIT_TAG_PREFIX = 'apim-gogs-commit-';
const RECORD_PREFIX = 'apim-gogs-deployment-';
const DESCRIPTION_MARKER = `\n${PROVENANCE_MARKER} `;
function provenanceFor(source, identity, environment) {
    const p = { commit: source.commit };
    if (source.ref)
        p.ref = source.ref;
    if (source.repository)
        p.repository = source.repository;
    if (source.runUrl)
        p.run = source.runUrl;
    if (identity.oid)
        p.oid = identity.oid;
    if (identity.appid)
        p.appid = identity.appid;
    if (identity.tid)
        p.tid = identity.tid;
    if (environment)
        p.environment = environment;
    p.at = new Date().toISOString();
    return p;
}
/** JSON safe inside an XML comment (no `--`, which JSON can escape as `-\u002d`). */
function commentJson(p) {
    return JSON.stringify(p).replace(/--/g, '-\\u002d');
}
const ROOT_START = /^(\s*(?:<\?[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*)*)(<(policies|fragment)\b(?:"[^"]*"|'[^']*'|[^>"'])*?>)/;
/** Adds the provenance comment after the root start tag (or before everything when there is no root). */
function stampXml(value, p) {
    const clean = stripXmlProvenance(value);
    const comment = `<!-- ${PROVENANCE_MARKER} ${commentJson(p)} -->`;
    const m = ROOT_START.exec(clean);
    if (!m || m[2].endsWith('/>'))
        return `${comment}\n${clean}`;
    const at = m[0].length;
    return `${clean.slice(0, at)}\n${comment}${clean.slice(at)}`;
}
const PROV_COMMENT = new RegExp(`[ \\t]*<!--\\s*${PROVENANCE_MARKER}([\\s\\S]*?)-->[ \\t]*\\r?\\n?`, 'g');
function stripXmlProvenance(value) {
    return value.replace(PROV_COMMENT, '');
}
function readXmlProvenance(value) {
    PROV_COMMENT.lastIndex = 0;
    const m = PROV_COMMENT.exec(value);
    PROV_COMMENT.lastIndex = 0;
    if (!m)
        return undefined;
    return parseProvenance(m[1].trim().replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'));
}
function parseProvenance(text) {
    try {
        const p = JSON.parse(text);
        return typeof p.commit === 'string' ? p : undefined;
    }
    catch {
        return undefined;
    }
}
function stripDescriptionProvenance(description) {
    if (typeof description !== 'string')
        return undefined;
    const at = description.indexOf(DESCRIPTION_MARKER);
    const d = at === -1
        ? description.startsWith(`${PROVENANCE_MARKER} `)
            ? ''
            : description
        : description.slice(0, at);
    return d === '' ? undefined : d;
}
function readDescriptionProvenance(description) {
    if (typeof description !== 'string')
        return undefined;
    const at = description.lastIndexOf(`${PROVENANCE_MARKER} `);
    return at === -1 ? undefined : parseProvenance(description.slice(at + PROVENANCE_MARKER.length + 1).trim());
}
function isProvenanceTag(tag) {
    return tag === MANAGED_TAG || tag.startsWith(COMMIT_TAG_PREFIX);
}
/** Desired properties with provenance added (what is PUT). */
function stamp(kind, props, p) {
    if (isXmlKind(kind))
        return { ...props, value: stampXml(String(props.value ?? ''), p) };
    if (kind === 'backend') {
        const user = stripDescriptionProvenance(props.description);
        return {
            ...props,
            description: `${user ?? ''}${user ? '\n' : ''}${PROVENANCE_MARKER} ${JSON.stringify(p)}`,
        };
    }
    if (kind === 'namedValue') {
        const tags = (props.tags ?? []).filter((t) => !isProvenanceTag(t));
        return { ...props, tags: [...tags, MANAGED_TAG, `${COMMIT_TAG_PREFIX}${p.commit}`] };
    }
    return props;
}
/** Provenance as stored on a live resource, when apim-gogs deployed it. */
function provenance_readProvenance(kind, props) {
    if (!props)
        return undefined;
    if (isXmlKind(kind))
        return readXmlProvenance(String(props.value ?? ''));
    if (kind === 'backend')
        return readDescriptionProvenance(props.description);
    if (kind === 'namedValue') {
        const tag = (props.tags ?? []).find((t) => t.startsWith(COMMIT_TAG_PREFIX));
        return tag ? { commit: tag.slice(COMMIT_TAG_PREFIX.length) } : undefined;
    }
    return undefined;
}
/** True when apim-gogs deployed the live resource (prune only ever deletes these). */
function isManaged(kind, props) {
    if (kind === 'namedValue')
        return (props?.tags ?? []).includes(MANAGED_TAG);
    return provenance_readProvenance(kind, props) !== undefined;
}
function provenance_recordName(environment) {
    return `${RECORD_PREFIX}${environment}`;
}
function provenance_parseRecord(value) {
    if (typeof value !== 'string')
        return undefined;
    try {
        const r = JSON.parse(value);
        return r && r.last && typeof r.last.commit === 'string' ? r : undefined;
    }
    catch {
        return undefined;
    }
}
/** The next record value: `p` first, then up to 9 earlier ones, within APIM's 4096-character limit. */
function nextRecord(environment, previous, p) {
    const history = [
        p,
        ...(previous?.history ?? []).filter((h) => h.commit !== p.commit || h.at !== p.at),
    ].slice(0, 10);
    for (let n = history.length; n >= 1; n--) {
        const text = JSON.stringify({ environment, last: p, history: history.slice(0, n) });
        if (text.length <= 4096)
            return text;
    }
    return JSON.stringify({ environment, last: p, history: [] });
}

;// CONCATENATED MODULE: ./src/azure/compare.ts




/**
 * The comparable text of a resource's content: equal texts mean nothing to deploy. Provenance is never
 * part of it. `desired` decides which fields count (a backend field the repository does not set is
 * APIM's business, e.g. defaults it fills in).
 */
function comparableText(kind, props, desired) {
    if (!props)
        return '';
    if (isXmlKind(kind)) {
        let text = canonicalOrRaw(String(props.value ?? ''));
        if (kind === 'fragment' && desired.description !== undefined) {
            text += `\n<!-- description: ${String(props.description ?? '')} -->`;
        }
        return text;
    }
    if (kind === 'namedValue') {
        const kv = props.keyVault;
        const secret = props.secret === true;
        const view = { displayName: props.displayName, secret };
        if (!secret || desired.value !== undefined)
            view.value = props.value;
        if (desired.keyVault !== undefined || kv) {
            view.keyVault = {
                secretIdentifier: kv?.secretIdentifier,
                identityClientId: kv?.identityClientId ?? undefined,
            };
        }
        view.tags = (props.tags ?? []).filter((t) => !isProvenanceTag(t)).sort();
        return stableJson(view);
    }
    // backend: the fields the repository sets
    const view = {};
    for (const k of Object.keys(desired).sort()) {
        if (k === 'provisioningState')
            continue;
        view[k] = k === 'description' ? stripDescriptionProvenance(props[k]) : props[k];
    }
    return stableJson(view);
}
/** JSON with sorted keys, two-space indented, undefined dropped: a stable line-diffable text. */
function stableJson(value) {
    return JSON.stringify(sortDeep(value), null, 2) ?? '';
}
function sortDeep(value) {
    if (Array.isArray(value))
        return value.map(sortDeep);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .filter((k) => value[k] !== undefined)
            .map((k) => [k, sortDeep(value[k])]));
    }
    return value;
}
function contentHash(text) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/azure/retry.ts

const TRANSIENT_NETWORK = /REQUEST_TIMEOUT|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|other side closed|UND_ERR|terminated/i;
function isTransient(err) {
    const info = armErrorInfo(err);
    if (info.status === 429 ||
        info.status === 500 ||
        info.status === 502 ||
        info.status === 503 ||
        info.status === 504) {
        return true;
    }
    if (info.status === 409 && info.code === 'PessimisticConcurrencyConflict')
        return true;
    if (!info.status) {
        const code = err?.code ?? '';
        return TRANSIENT_NETWORK.test(`${code} ${info.message}`);
    }
    return false;
}
/** Whether the request may have reached the server and been applied (the outcome is unknown). */
function outcomeUnknown(err) {
    const info = armErrorInfo(err);
    return !info.status || info.status >= 500;
}
async function retry_withArmRetry(fn, options = {}) {
    const attempts = options.attempts ?? 5;
    const base = options.baseDelayMs ?? 500;
    const max = options.maxDelayMs ?? 30_000;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (attempt >= attempts || !isTransient(err))
                throw err;
            const info = armErrorInfo(err);
            const delay = Math.min(max, info.retryAfterMs ?? base * 2 ** (attempt - 1));
            options.onRetry?.(attempt, delay, `${info.status ?? 'network'} ${info.code ?? ''}`.trim());
            await new Promise((r) => setTimeout(r, delay));
        }
    }
}

;// CONCATENATED MODULE: ./src/azure/apply.ts






class ConcurrentChange extends Error {
}
/** Phases of creates/updates, in dependency order; deletes run the phases in reverse. */
const PHASES = [
    ['namedValue', 'backend'],
    ['fragment'],
    ['globalPolicy', 'productPolicy', 'apiPolicy', 'operationPolicy'],
];
/**
 * Applies a plan: named values and backends, then fragments, then policies (deletes after, in
 * reverse), at most `concurrency` writes at a time. Every update and delete carries the plan-time ETag
 * in If-Match; a 412 means someone changed the resource since the plan: stop, roll back, name it.
 * On any failure every change already made is undone in reverse order (snapshots PUT back, created
 * resources deleted). A plan with nothing to change makes no request at all.
 */
async function applyPlan(options) {
    const { plan, connection: conn, logger } = options;
    const concurrency = options.concurrency ?? 4;
    const retry = options.retry;
    const firstRecord = conn.records.length;
    const provenance = provenanceFor(plan.source, options.identity, plan.environment);
    const changes = plan.entries.filter((e) => e.action !== 'unchanged');
    const done = [];
    const warnings = [];
    let failure;
    let failedEntry;
    const runOne = async (entry) => {
        const d = { entry };
        if (entry.action === 'delete') {
            await retry_withArmRetry(() => deleteResource(conn, entry.ref, entry.etag ?? '*'), retry).catch((err) => {
                if (armErrorInfo(err).status === 412)
                    throw new ConcurrentChange(entry.key);
                throw err;
            });
            done.push(d);
            return;
        }
        const live = entry.live;
        if (entry.kind === 'namedValue' && live?.secret === true && !live.keyVault && entry.action === 'update') {
            d.secretValue = await retry_withArmRetry(() => readSecretValue(conn, entry.ref.name), retry);
        }
        const body = stamp(entry.kind, entry.desired ?? {}, provenance);
        let unknown = false;
        const result = await retry_withArmRetry(async () => {
            try {
                return await writeResource(conn, entry.ref, body, entry.action === 'update' ? entry.etag : undefined);
            }
            catch (err) {
                if (armErrorInfo(err).status === 412) {
                    // After an attempt whose outcome is unknown, our own write may be what changed the ETag.
                    if (unknown) {
                        const now = await resources_readResource(conn, entry.ref);
                        if (now.exists && sameContent(entry.kind, now.properties, body))
                            return { etag: now.etag };
                    }
                    throw new ConcurrentChange(entry.key);
                }
                if (outcomeUnknown(err))
                    unknown = true;
                throw err;
            }
        }, retry);
        d.etagAfter = result.etag;
        done.push(d);
    };
    if (changes.length) {
        const writePhases = PHASES.map((kinds) => changes.filter((e) => e.action !== 'delete' && kinds.includes(e.kind)));
        const deletePhases = [...PHASES]
            .reverse()
            .map((kinds) => changes.filter((e) => e.action === 'delete' && kinds.includes(e.kind)));
        for (const phase of [...writePhases, ...deletePhases]) {
            if (failure || phase.length === 0)
                continue;
            let next = 0;
            const worker = async () => {
                while (!failure && next < phase.length) {
                    const entry = phase[next++];
                    try {
                        await runOne(entry);
                    }
                    catch (err) {
                        if (!failure) {
                            failure = describeFailure(entry, err);
                            failedEntry = entry;
                        }
                        else {
                            warnings.push(`${entry.key}: also failed: ${armErrorInfo(err).message}`);
                            // A second failure whose outcome is unknown is restored too.
                            if (!(err instanceof ConcurrentChange))
                                done.push({ entry, etagAfter: undefined });
                        }
                    }
                }
            };
            await Promise.all(Array.from({ length: Math.min(concurrency, phase.length) }, worker));
        }
    }
    const restored = [];
    const notRestored = [];
    if (failure && failedEntry) {
        logger?.warning(`Deployment failed at ${failure.key}: ${failure.message}. Rolling back ${done.length} change(s).`);
        // The failed write itself may have been applied (unknown outcome, long-running operation that
        // failed late): restore it too, unless someone else changed it (then it is theirs).
        if (!failure.concurrentChange)
            done.push({ entry: failedEntry });
        for (const d of [...done].reverse()) {
            try {
                const did = await rollbackOne(conn, d, retry);
                if (did)
                    restored.push(d.entry.key);
            }
            catch (err) {
                const info = armErrorInfo(err);
                notRestored.push({
                    key: d.entry.key,
                    reason: err instanceof ConcurrentChange
                        ? 'changed by someone else after apim-gogs wrote it'
                        : info.message,
                });
            }
        }
    }
    let recordWritten = false;
    if (!failure && changes.length && options.writeRecord !== false && plan.environment) {
        try {
            await writeDeploymentRecord(conn, plan.environment, provenance, retry);
            recordWritten = true;
        }
        catch (err) {
            warnings.push(`The deployment record could not be written: ${armErrorInfo(err).message}`);
        }
    }
    const requests = conn.records.slice(firstRecord);
    const writes = requests.filter(isWrite).length;
    const outcome = !changes.length
        ? 'no-changes'
        : !failure
            ? 'succeeded'
            : notRestored.length
                ? 'rollback-incomplete'
                : 'rolled-back';
    return {
        outcome,
        exitCode: outcome === 'rolled-back'
            ? errors/* ExitCode */.yU.RolledBack
            : outcome === 'rollback-incomplete'
                ? errors/* ExitCode */.yU.RollbackIncomplete
                : 0,
        provenance,
        applied: done
            .filter((d) => d.entry !== failedEntry || d.etagAfter !== undefined)
            .map((d) => ({
            key: d.entry.key,
            kind: d.entry.kind,
            action: d.entry.action,
            etagBefore: d.entry.etag,
            etagAfter: d.etagAfter,
            beforeHash: d.entry.beforeHash,
            afterHash: d.entry.afterHash,
        })),
        failure,
        restored,
        notRestored,
        requests,
        writes,
        reads: requests.length - writes,
        recordWritten,
        warnings,
    };
}
function describeFailure(entry, err) {
    if (err instanceof ConcurrentChange) {
        return {
            key: entry.key,
            status: 412,
            concurrentChange: true,
            message: `${entry.key} was changed in APIM after the plan read it (ETag ${entry.etag ?? 'none'} no longer matches); nothing was overwritten.`,
        };
    }
    const info = armErrorInfo(err);
    return {
        key: entry.key,
        status: info.status,
        code: info.code,
        concurrentChange: false,
        message: info.message,
    };
}
function sameContent(kind, live, written) {
    return comparableText(kind, live, written) === comparableText(kind, written, written);
}
/** Undoes one change. Returns false when there was nothing to undo. Throws when it cannot. */
async function rollbackOne(conn, d, retry) {
    const { entry } = d;
    // Find the current ETag: ours when we know it, otherwise read (the write's outcome was unknown).
    let etag = d.etagAfter;
    if (!etag) {
        const now = await retry_withArmRetry(() => resources_readResource(conn, entry.ref), retry);
        if (entry.action === 'create') {
            if (!now.exists)
                return false;
            etag = now.etag;
        }
        else if (entry.action === 'update') {
            if (!now.exists)
                etag = undefined;
            else if (entry.live && sameContent(entry.kind, now.properties, entry.live))
                return false;
            else
                etag = now.etag;
        }
        else if (now.exists) {
            return false; // the delete did not happen
        }
    }
    if (entry.action === 'create') {
        await retry_withArmRetry(() => deleteResource(conn, entry.ref, etag ?? '*'), retry).catch(concurrent(entry.key));
        return true;
    }
    if (!entry.live)
        throw new Error('no snapshot to restore');
    const snapshot = writableProperties(entry.kind, entry.live);
    if (d.secretValue !== undefined)
        snapshot.value = d.secretValue;
    await retry_withArmRetry(() => writeResource(conn, entry.ref, snapshot, entry.action === 'delete' ? undefined : etag), retry).catch(concurrent(entry.key));
    return true;
}
const concurrent = (key) => (err) => {
    if (armErrorInfo(err).status === 412)
        throw new ConcurrentChange(key);
    throw err;
};
/**
 * Writes the service-level record of the last deployed commit for the environment (named value
 * `apim-gogs-deployment-<environment>`); applyPlan calls it after a deployment that changed something.
 */
async function writeDeploymentRecord(conn, environment, p, retry) {
    const ref = resources_refFor('namedValue', { name: provenance_recordName(environment) });
    const current = await retry_withArmRetry(() => resources_readResource(conn, ref), retry);
    const value = nextRecord(environment, provenance_parseRecord(current.properties?.value), p);
    await retry_withArmRetry(() => writeResource(conn, ref, { displayName: provenance_recordName(environment), value, secret: false, tags: ['apim-gogs'] }, current.exists ? current.etag : undefined), retry);
}

;// CONCATENATED MODULE: ./src/azure/blame.ts





/** Answers "which commit, run and identity put this live resource there" from APIM alone. */
async function blame(options) {
    const ref = parseResourceKey(options.resource);
    if (!ref) {
        throw new ConfigurationError(`'${options.resource}' is not a resource apim-gogs manages.`, 'Use a key like policies/policy, apis/{api}/policies/policy, apis/{api}/operations/{op}/policies/policy, products/{p}/policies/policy, policyFragments/{id}, namedValues/{id}, backends/{id}, or an APIOps path.');
    }
    const conn = options.connection;
    const live = await withArmRetry(() => readResource(conn, ref)).catch((err) => {
        throw explainArmError(err, conn.target);
    });
    if (!live.exists)
        return { key: ref.key, exists: false, managed: false };
    let provenance = readProvenance(ref.kind, live.properties);
    if (!provenance)
        return { key: ref.key, exists: true, managed: false };
    let source = 'resource';
    if (ref.kind === 'namedValue' && options.environment) {
        // Named values carry only the commit; the record of that deployment has the rest.
        const rec = await withArmRetry(() => readResource(conn, refFor('namedValue', { name: recordName(options.environment) })));
        const record = parseRecord(rec.properties?.value);
        const match = record?.history.find((h) => h.commit === provenance.commit);
        if (match) {
            provenance = { ...match };
            source = 'deployment-record';
        }
    }
    const author = options.lookupAuthor
        ? await options.lookupAuthor(provenance.commit).catch(() => undefined)
        : undefined;
    return { key: ref.key, exists: true, managed: true, provenance, author, source };
}
function renderBlameText(r) {
    if (!r.exists)
        return `${r.key}: does not exist in APIM.`;
    if (!r.managed || !r.provenance)
        return `${r.key}: no apim-gogs provenance (not deployed by apim-gogs, or changed by hand since).`;
    const p = r.provenance;
    const lines = [`${r.key}`, `  commit:     ${p.commit}${p.ref ? ` (${p.ref})` : ''}`];
    if (r.author)
        lines.push(`  author:     ${r.author.name ?? '?'}${r.author.email ? ` <${r.author.email}>` : ''}${r.author.date ? ` ${r.author.date}` : ''}`);
    if (r.author?.message)
        lines.push(`  message:    ${r.author.message.split('\n')[0]}`);
    if (p.repository)
        lines.push(`  repository: ${p.repository}`);
    if (p.run)
        lines.push(`  run:        ${p.run}`);
    if (p.oid || p.appid)
        lines.push(`  identity:   oid=${p.oid ?? '?'} appid=${p.appid ?? '?'}${p.tid ? ` tid=${p.tid}` : ''}`);
    if (p.at)
        lines.push(`  deployed:   ${p.at}${p.environment ? ` to ${p.environment}` : ''}`);
    if (r.source === 'deployment-record')
        lines.push('  (run and identity from the service-level deployment record)');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/policy/template.ts
var template = __webpack_require__(7886);
;// CONCATENATED MODULE: ./src/azure/desired.ts





/** A deployment that cannot start: every reason is a diagnostic with file and line. */
class DesiredStateError extends errors/* ConfigurationError */.j1 {
    diagnostics;
    constructor(diagnostics) {
        super(`${diagnostics.length} problem(s) stop the deployment: ` +
            diagnostics
                .slice(0, 5)
                .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)
                .join('; '), 'Fix the repository or the environment values; nothing was deployed.');
        this.diagnostics = diagnostics;
    }
}
const diag = (ruleId, file, message, help, severity = 'error') => ({
    ruleId,
    severity,
    category: 'security',
    file,
    line: 1,
    column: 1,
    message,
    help,
});
/**
 * The desired state: the repository's policies, fragments, named values and backends, rendered for the
 * environment (`#{name}#` placeholders, see policy/template.ts). A secret value stored in the
 * repository is an error and is never deployed; a secret named value without a Key Vault reference or
 * value is left unmanaged (warning).
 */
function desiredState(repo, values = {}, filters = {}) {
    const diagnostics = [];
    const resources = [];
    const apis = filters.apis?.length ? new Set(filters.apis) : undefined;
    const products = filters.products?.length ? new Set(filters.products) : undefined;
    const fragmentInfo = new Map(repo.fragments.map((f) => [f.id, f]));
    for (const p of repo.policies) {
        let ref;
        switch (p.scope) {
            case 'global':
                ref = resources_refFor('globalPolicy');
                break;
            case 'product':
                if (products && !products.has(p.productId))
                    continue;
                ref = resources_refFor('productPolicy', { productId: p.productId });
                break;
            case 'api':
                if (apis && !apis.has(p.apiId))
                    continue;
                ref = resources_refFor('apiPolicy', { apiId: p.apiId });
                break;
            case 'operation':
                if (apis && !apis.has(p.apiId))
                    continue;
                ref = resources_refFor('operationPolicy', { apiId: p.apiId, operationId: p.operationId });
                break;
            case 'fragment':
                ref = resources_refFor('fragment', { name: p.fragmentId });
                break;
            default:
                continue; // a loose file is validated, never deployed
        }
        const rendered = (0,template/* renderTemplate */.Xm)(p.text, values, p.file);
        diagnostics.push(...rendered.diagnostics);
        const properties = { value: rendered.text, format: detectPolicyFormat(rendered.text) };
        if (p.scope === 'fragment') {
            const info = fragmentInfo.get(p.fragmentId);
            if (info?.description !== undefined) {
                properties.description = (0,template/* renderJson */.hF)(info.description, values, info.file, diagnostics, 'description');
            }
        }
        resources.push({ ref, file: p.file, properties });
    }
    for (const nv of repo.namedValues) {
        if (nv.id.startsWith(RECORD_PREFIX)) {
            diagnostics.push(diag('deploy/reserved-name', nv.file, `Named value '${nv.id}' uses a name reserved for apim-gogs deployment records.`, 'Rename it.'));
            continue;
        }
        if (nv.secret && nv.value !== undefined && nv.value !== '' && !nv.keyVault) {
            diagnostics.push(diag('deploy/secret-in-repository', nv.file, `Named value '${nv.id}' is secret and its value is stored in the repository; it is not deployed.`, 'Remove the value and reference a Key Vault secret (keyVault.secretIdentifier) instead.'));
            continue;
        }
        if (nv.secret && !nv.keyVault) {
            diagnostics.push(diag('deploy/secret-unmanaged', nv.file, `Named value '${nv.id}' is secret without a Key Vault reference; apim-gogs leaves it as it is in APIM.`, 'Reference a Key Vault secret to manage it from the repository.', 'warning'));
            continue;
        }
        const rendered = (0,template/* renderJson */.hF)(nv.properties, values, nv.file, diagnostics);
        const properties = { displayName: rendered.displayName ?? nv.displayName, secret: nv.secret };
        if (!nv.keyVault && rendered.value !== undefined)
            properties.value = rendered.value;
        if (rendered.tags !== undefined)
            properties.tags = rendered.tags;
        if (nv.keyVault)
            properties.keyVault = rendered.keyVault;
        resources.push({ ref: resources_refFor('namedValue', { name: nv.id }), file: nv.file, properties });
    }
    for (const b of repo.backends) {
        const properties = (0,template/* renderJson */.hF)(b.properties, values, b.file, diagnostics);
        resources.push({ ref: resources_refFor('backend', { name: b.id }), file: b.file, properties });
    }
    return { resources, diagnostics };
}

;// CONCATENATED MODULE: ./src/azure/concurrency.ts
/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/azure/diff.ts
/**
 * A small unified line diff (longest common subsequence) for plan output. Inputs are canonical texts
 * (xml-canonical.ts) or pretty JSON, so every line it shows is a real change.
 */
function lineDiff(before, after, context = 3) {
    const a = before === '' ? [] : before.split('\n');
    const b = after === '' ? [] : after.split('\n');
    const ops = diffOps(a, b);
    // Keep changed lines plus `context` lines around them.
    const keep = new Array(ops.length).fill(false);
    ops.forEach((op, idx) => {
        if (op.kind !== ' ')
            for (let k = Math.max(0, idx - context); k <= Math.min(ops.length - 1, idx + context); k++)
                keep[k] = true;
    });
    const lines = [];
    let skipped = false;
    ops.forEach((op, idx) => {
        if (!keep[idx]) {
            skipped = true;
            return;
        }
        if (skipped && lines.length > 0)
            lines.push('  ...');
        skipped = false;
        lines.push(`${op.kind} ${op.line}`);
    });
    return lines.join('\n');
}
function diffOps(a, b) {
    // Trim a common prefix and suffix first: policies usually differ in a few lines.
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start])
        start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    const midA = a.slice(start, endA);
    const midB = b.slice(start, endB);
    const ops = a.slice(0, start).map((line) => ({ kind: ' ', line }));
    if (midA.length * midB.length > 4_000_000) {
        // Too large for the quadratic table: show it as a replacement.
        ops.push(...midA.map((line) => ({ kind: '-', line })), ...midB.map((line) => ({ kind: '+', line })));
    }
    else {
        const n = midA.length;
        const m = midB.length;
        const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
        for (let i = n - 1; i >= 0; i--) {
            for (let j = m - 1; j >= 0; j--) {
                lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        let i = 0;
        let j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && midA[i] === midB[j]) {
                ops.push({ kind: ' ', line: midA[i] });
                i++;
                j++;
            }
            else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.push({ kind: '-', line: midA[i++] });
            }
            else {
                ops.push({ kind: '+', line: midB[j++] });
            }
        }
    }
    ops.push(...a.slice(endA).map((line) => ({ kind: ' ', line })));
    return ops;
}

;// CONCATENATED MODULE: ./src/azure/plan.ts








/**
 * Compares the repository (rendered for the environment) with live APIM and says, per resource, create,
 * update, delete (prune only) or unchanged. Reads only; throws DesiredStateError before any request
 * when the repository cannot be deployed (unresolved placeholder, secret value in the repository).
 */
async function planDeployment(options) {
    try {
        return await plan(options);
    }
    catch (err) {
        throw client_explainArmError(err, options.connection.target);
    }
}
async function plan(options) {
    const desired = desiredState(options.repository, options.values ?? {}, options.filters ?? {});
    const errors = desired.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length)
        throw new DesiredStateError(errors);
    const conn = options.connection;
    const concurrency = options.concurrency ?? 4;
    const retry = options.retry;
    const resources = [...desired.resources].sort(byOrder);
    const entries = await mapLimit(resources, concurrency, async (d) => {
        const live = await retry_withArmRetry(() => resources_readResource(conn, d.ref), retry);
        return entryFor(d, live);
    });
    if (options.prune) {
        const wanted = new Set(resources.map((r) => r.ref.key));
        const candidates = (await listLive(conn, concurrency, retry)).filter((c) => !wanted.has(c.ref.key));
        for (const c of candidates) {
            if (!isManaged(c.ref.kind, c.live.properties))
                continue;
            if (!inFilters(c.ref, options.filters))
                continue;
            entries.push({
                key: c.ref.key,
                kind: c.ref.kind,
                ref: c.ref,
                action: 'delete',
                etag: c.live.etag,
                live: c.live.properties,
                beforeHash: contentHash(comparableText(c.ref.kind, c.live.properties, c.live.properties ?? {})),
                liveProvenance: provenance_readProvenance(c.ref.kind, c.live.properties),
                diff: lineDiff(comparableText(c.ref.kind, c.live.properties, c.live.properties ?? {}), ''),
            });
        }
    }
    const summary = { create: 0, update: 0, delete: 0, unchanged: 0 };
    for (const e of entries)
        summary[e.action]++;
    const t = conn.target;
    return {
        version: 1,
        createdAt: new Date().toISOString(),
        environment: options.environment,
        source: options.source,
        service: { subscriptionId: t.subscriptionId, resourceGroup: t.resourceGroup, serviceName: t.serviceName },
        prune: options.prune === true,
        entries,
        summary,
        warnings: desired.diagnostics.filter((d) => d.severity !== 'error').map((d) => `${d.file}: ${d.message}`),
    };
}
function byOrder(a, b) {
    return (KIND_ORDER.indexOf(a.ref.kind) - KIND_ORDER.indexOf(b.ref.kind) ||
        (a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0));
}
/** The plan entry for one desired resource against its live state. */
function entryFor(d, live) {
    const base = { key: d.ref.key, kind: d.ref.kind, ref: d.ref, file: d.file };
    const after = comparableText(d.ref.kind, d.properties, d.properties);
    if (!live.exists) {
        return {
            ...base,
            action: 'create',
            desired: d.properties,
            afterHash: contentHash(after),
            diff: lineDiff('', after),
        };
    }
    const before = comparableText(d.ref.kind, live.properties, d.properties);
    const liveProvenance = provenance_readProvenance(d.ref.kind, live.properties);
    if (before === after) {
        return {
            ...base,
            action: 'unchanged',
            etag: live.etag,
            beforeHash: contentHash(before),
            afterHash: contentHash(after),
            liveProvenance,
        };
    }
    return {
        ...base,
        action: 'update',
        etag: live.etag,
        desired: d.properties,
        live: live.properties,
        beforeHash: contentHash(before),
        afterHash: contentHash(after),
        diff: lineDiff(before, after),
        liveProvenance,
    };
}
function inFilters(ref, filters) {
    if (filters?.apis?.length && (ref.kind === 'apiPolicy' || ref.kind === 'operationPolicy')) {
        return filters.apis.includes(ref.apiId);
    }
    if (filters?.products?.length && ref.kind === 'productPolicy')
        return filters.products.includes(ref.productId);
    return true;
}
/** Every live resource of the managed kinds (for prune and drift): lists, then raw reads of policies. */
async function listLive(conn, concurrency, retry) {
    const { client, resourceGroup: rg, serviceName: svc } = conn;
    const collect = async (it) => {
        const out = [];
        for await (const x of it)
            out.push(x);
        return out;
    };
    const [namedValues, backends, fragments, products, apis] = await Promise.all([
        retry_withArmRetry(() => collect(client.namedValue.listByService(rg, svc)), retry),
        retry_withArmRetry(() => collect(client.backend.listByService(rg, svc)), retry),
        retry_withArmRetry(() => collect(client.policyFragment.listByService(rg, svc)), retry),
        retry_withArmRetry(() => collect(client.product.listByService(rg, svc)), retry),
        retry_withArmRetry(() => collect(client.api.listByService(rg, svc)), retry),
    ]);
    const refs = [resources_refFor('globalPolicy')];
    for (const nv of namedValues)
        if (nv.name && !nv.name.startsWith(RECORD_PREFIX))
            refs.push(resources_refFor('namedValue', { name: nv.name }));
    for (const b of backends)
        if (b.name)
            refs.push(resources_refFor('backend', { name: b.name }));
    for (const f of fragments)
        if (f.name)
            refs.push(resources_refFor('fragment', { name: f.name }));
    for (const p of products)
        if (p.name)
            refs.push(resources_refFor('productPolicy', { productId: p.name }));
    const operations = await mapLimit(apis.filter((a) => a.name && !a.name.includes(';rev=')), concurrency, async (a) => retry_withArmRetry(() => collect(client.apiOperation.listByApi(rg, svc, a.name)), retry));
    apis
        .filter((a) => a.name && !a.name.includes(';rev='))
        .forEach((a, i) => {
        refs.push(resources_refFor('apiPolicy', { apiId: a.name }));
        for (const o of operations[i])
            if (o.name)
                refs.push(resources_refFor('operationPolicy', { apiId: a.name, operationId: o.name }));
    });
    const lives = await mapLimit(refs, concurrency, (ref) => retry_withArmRetry(() => resources_readResource(conn, ref), retry));
    return refs.map((ref, i) => ({ ref, live: lives[i] })).filter((x) => x.live.exists);
}

;// CONCATENATED MODULE: ./src/azure/render.ts


/** Plan, results and records as markdown (run summary, PR comment) and JSON files. */
const ICON = {
    create: '+ create',
    update: '~ update',
    delete: '- delete',
    unchanged: 'unchanged',
};
const MAX_DIFF_LINES = 60;
/** Diffs shown in the markdown (a PR comment must stay readable); the plan file has them all. */
const MAX_DIFFS = 40;
function fence(text) {
    // A diff holding ``` cannot close our block early: use a longer fence.
    const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
    const f = '`'.repeat(longest + 1);
    return `${f}diff\n${text}\n${f}`;
}
const esc = (s) => s.replace(/\|/g, '\\|');
/** Markdown for the run summary / Gogs PR comment. */
function renderPlanMarkdown(plan, options = {}) {
    const s = plan.summary;
    const lines = [];
    lines.push(`### ${options.title ?? 'apim-gogs plan'}${plan.environment ? ` — ${plan.environment}` : ''}`);
    lines.push('');
    lines.push(`Commit \`${plan.source.commit}\`${plan.source.ref ? ` (${plan.source.ref})` : ''} → APIM \`${plan.service.serviceName}\`: ` +
        `**${s.create}** to create, **${s.update}** to update, **${s.delete}** to delete, ${s.unchanged} unchanged.`);
    const changes = plan.entries.filter((e) => e.action !== 'unchanged');
    if (changes.length === 0) {
        lines.push('', 'No changes: APIM already matches this commit.');
    }
    else {
        lines.push('', '| Change | Resource | File |', '| --- | --- | --- |');
        for (const e of changes)
            lines.push(`| ${ICON[e.action]} | \`${esc(e.key)}\` | ${e.file ? `\`${esc(e.file)}\`` : ''} |`);
        const withDiff = changes.filter((e) => e.diff);
        for (const e of withDiff.slice(0, MAX_DIFFS)) {
            const diffLines = (e.diff ?? '').split('\n');
            const shown = diffLines.length > MAX_DIFF_LINES
                ? [...diffLines.slice(0, MAX_DIFF_LINES), `… ${diffLines.length - MAX_DIFF_LINES} more line(s)`]
                : diffLines;
            lines.push('', `<details><summary>${ICON[e.action]} <code>${e.key}</code></summary>`, '', fence(shown.join('\n')), '', '</details>');
        }
        if (withDiff.length > MAX_DIFFS) {
            lines.push('', `… and ${withDiff.length - MAX_DIFFS} more diff(s) in the plan file.`);
        }
    }
    for (const w of plan.warnings)
        lines.push('', `> ⚠️ ${w}`);
    return lines.join('\n');
}
/** Markdown for the result of a deployment. */
function renderApplyMarkdown(plan, result) {
    const lines = [
        `### apim-gogs deploy${plan.environment ? ` — ${plan.environment}` : ''}: ${result.outcome}`,
        '',
    ];
    lines.push(`Commit \`${plan.source.commit}\`${plan.source.runUrl ? ` · [run](${plan.source.runUrl})` : ''} · identity \`${result.provenance.oid ?? result.provenance.appid ?? 'unknown'}\``);
    lines.push(`ARM requests: ${result.requests.length} (${result.writes} writes).`);
    if (result.failure) {
        lines.push('', `**Failed at \`${result.failure.key}\`:** ${result.failure.message}`);
        lines.push('', `Rolled back: ${result.restored.length ? result.restored.map((k) => `\`${k}\``).join(', ') : 'nothing to roll back'}.`);
        if (result.notRestored.length) {
            lines.push('', '**Left changed (not restored):**');
            for (const n of result.notRestored)
                lines.push(`- \`${n.key}\`: ${n.reason}`);
        }
    }
    else if (result.applied.length) {
        lines.push('', '| Change | Resource |', '| --- | --- |');
        for (const a of result.applied)
            lines.push(`| ${a.action} | \`${esc(a.key)}\` |`);
    }
    for (const w of result.warnings)
        lines.push('', `> ⚠️ ${w}`);
    return lines.join('\n');
}
/** Writes the plan as JSON (the `plan` output). */
async function writePlanFile(file, plan) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, `${JSON.stringify(plan, null, 2)}\n`);
}
/** The deployment record (the `record` output): every ARM request, hashes, identities. */
function deploymentRecord(plan, result) {
    return {
        version: 1,
        environment: plan.environment,
        source: plan.source,
        service: plan.service,
        provenance: result.provenance,
        outcome: result.outcome,
        exitCode: result.exitCode,
        failure: result.failure,
        changes: result.applied,
        restored: result.restored,
        notRestored: result.notRestored,
        requests: result.requests,
        warnings: result.warnings,
    };
}
async function writeRecordFile(file, plan, result) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, `${JSON.stringify(deploymentRecord(plan, result), null, 2)}\n`);
}

;// CONCATENATED MODULE: ./src/azure/verify.ts

/**
 * The release gate: does live APIM match the commit? Read-only. Provenance never counts as drift.
 */
async function verifyDeployment(options) {
    const plan = await planDeployment({ ...options, prune: options.includeExtra === true });
    const entries = plan.entries
        .filter((e) => e.action !== 'unchanged')
        .map((e) => ({
        key: e.key,
        drift: e.action === 'create' ? 'missing' : e.action === 'update' ? 'changed' : 'extra',
        file: e.file,
        diff: e.diff,
        liveProvenance: e.liveProvenance,
    }));
    return {
        commit: options.source.commit,
        environment: options.environment,
        drift: entries.length > 0,
        exitCode: entries.length > 0 ? 1 : 0,
        checked: plan.entries.length,
        entries,
    };
}
function renderDriftText(result) {
    const head = result.drift
        ? `Drift: ${result.entries.length} of ${result.checked} resource(s) differ from commit ${result.commit}.`
        : `No drift: all ${result.checked} resource(s) match commit ${result.commit}.`;
    const lines = [head];
    for (const e of result.entries) {
        lines.push('', `${e.drift.toUpperCase()} ${e.key}${e.file ? ` (${e.file})` : ''}`);
        if (e.liveProvenance)
            lines.push(`  live version deployed from ${e.liveProvenance.commit}${e.liveProvenance.run ? ` by ${e.liveProvenance.run}` : ''}`);
        if (e.diff)
            lines.push(...e.diff.split('\n').map((l) => `  ${l}`));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/azure/index.ts
/**
 * Deploy: the public API of src/azure (what src/core/run.ts and the CLI call).
 *
 * Sign-in and connection
 *   createCredential(options: CredentialOptions): FederatedCredential
 *     options.auth: 'github-oidc' | 'azure-devops' | 'managed-identity' | 'workload-identity' | 'azure-cli';
 *     github-oidc needs { tenantId, clientId, getIdToken: host.getIdToken } (audience default api://AzureADTokenExchange);
 *     azure-devops needs { tenantId, clientId, serviceConnectionId, systemAccessToken };
 *     authorityHost: Entra's host (the emulator's authorityHost in tests). Errors are ConfigurationErrors.
 *   resolveIdentity(credential): Promise<Identity>          // { oid, appid, tid } from the ARM token's claims
 *   new ApimConnection(credential, target: ServiceTarget, { correlationId?, pollIntervalMs? })
 *     target: { subscriptionId, resourceGroup, serviceName, endpoint? }; .records = every ARM request
 *
 * Plan (read-only)
 *   planDeployment(options: PlanOptions): Promise<Plan>
 *     { repository: PolicyRepository, connection, source: { commit, ref?, repository?, runUrl? },
 *       environment?, values?: Record<string,string>, filters?: { apis?, products? }, prune?, concurrency? (4) }
 *     throws DesiredStateError (.diagnostics, file/line) for an unresolved #{placeholder}# or a secret in the repo.
 *   loadEnvironmentValues(root, environment): Promise<Record<string,string>>   // environments/<env>.yaml|json
 *   renderPlanMarkdown(plan, { title? }): string                               // summary / Gogs PR comment
 *   writePlanFile(path, plan): Promise<void>                                   // the `plan` output
 *
 * Apply
 *   applyPlan(options: ApplyOptions): Promise<ApplyResult>
 *     { plan, connection, identity: Identity, concurrency? (4), writeRecord? (true), logger? }
 *     result.exitCode: 0 ok / no changes, 3 failed and rolled back, 4 not fully rolled back (result.notRestored)
 *   renderApplyMarkdown(plan, result): string
 *   writeRecordFile(path, plan, result): Promise<void>                         // the `record` output
 *
 * Release gate
 *   verifyDeployment(options: VerifyOptions): Promise<VerifyResult>           // PlanOptions + includeExtra?
 *     result.exitCode: 1 drift, 0 none; renderDriftText(result): string; JSON.stringify(result) for JSON.
 *
 * Blame
 *   blame({ connection, resource, environment?, lookupAuthor?: (sha) => Promise<AuthorInfo|undefined> }): Promise<BlameResult>
 *   renderBlameText(result): string
 */













// EXTERNAL MODULE: ./src/gogs/client.ts + 2 modules
var gogs_client = __webpack_require__(5732);
;// CONCATENATED MODULE: ./src/gogs/pr-comment.ts
const MARKER = '<!-- apim-gogs:plan -->';
/**
 * Puts the plan on a Gogs pull request as one comment, updated in place on every run. Gogs has no
 * pull-request API: a pull request is an issue with the same number. The comment is found again by
 * a hidden marker and by being the token user's own.
 */
async function upsertPullRequestComment(client, owner, name, pullRequest, markdown) {
    const body = `${MARKER}\n${markdown}`;
    const me = (await client.getUser()).login;
    const existing = (await client.listIssueComments(owner, name, pullRequest)).find((c) => c.user === me && c.body.startsWith(MARKER));
    if (existing) {
        await client.editIssueComment(owner, name, existing.id, body);
        return 'updated';
    }
    await client.createIssueComment(owner, name, pullRequest, body);
    return 'created';
}

// EXTERNAL MODULE: ./src/gogs/repository-name.ts
var repository_name = __webpack_require__(1104);
;// CONCATENATED MODULE: ./src/core/stages/azure-stage.ts








/** plan, deploy or verify against APIM. Returns the exit code. */
async function azureStage(host, inputs, co, loaded) {
    try {
        return await planApplyVerify(host, inputs, co, loaded);
    }
    catch (err) {
        // An unresolved template placeholder or a secret value in the repository is a finding in a
        // file, reported like validation's findings, before any write.
        if (!(err instanceof DesiredStateError))
            throw err;
        for (const d of err.diagnostics)
            host.annotate(d);
        host.logger.error(`${err.message} ${err.hint ?? ''}`.trim());
        return errors/* ExitCode */.yU.Findings;
    }
}
async function planApplyVerify(host, inputs, co, loaded) {
    const get = (name) => host.getInput(name)?.trim() || undefined;
    const credential = readCredential(get, host);
    const apim = new client_ApimConnection(credential, readTarget(get));
    const concurrency = readConcurrency(get);
    const run = host.runInfo();
    const planOptions = {
        repository: loaded.repository,
        connection: apim,
        source: {
            commit: co.sha,
            ref: co.ref,
            repository: new URL(inputs.repository, withSlash(inputs.gogsUrl)).toString(),
            runUrl: run.url,
        },
        environment: inputs.environment,
        values: loaded.templateValues,
        filters: { apis: readList(get, 'apis'), products: readList(get, 'products') },
        concurrency,
        logger: host.logger,
    };
    if (inputs.mode === 'verify') {
        const result = await host.logger.group('Verify live APIM against the commit', () => verifyDeployment(planOptions));
        const file = external_node_path_default().join(run.tempDir, `apim-gogs-drift-${co.sha.slice(0, 12)}.json`);
        await (0,promises_.writeFile)(file, `${JSON.stringify(result, null, 2)}\n`);
        const text = renderDriftText(result);
        host.logger.info(text);
        host.setOutput('drift', String(result.drift));
        host.setOutput('drift-report', file);
        await host.appendSummary(`#### Release gate\n\n\`\`\`\n${text}\n\`\`\`\n`);
        return result.exitCode;
    }
    const plan = await host.logger.group('Plan', () => planDeployment({ ...planOptions, prune: readPrune(get) }));
    const planFile = external_node_path_default().join(run.tempDir, `apim-gogs-plan-${co.sha.slice(0, 12)}.json`);
    await writePlanFile(planFile, plan);
    const changes = plan.entries.filter((e) => e.action !== 'unchanged').length;
    host.setOutput('plan', planFile);
    host.setOutput('changes', String(changes));
    const planMarkdown = renderPlanMarkdown(plan);
    const counts = Object.entries(plan.summary).map(([action, n]) => `${n} ${action}`);
    host.logger.info(`Plan: ${changes} change(s): ${counts.join(', ')}.`);
    await host.appendSummary(planMarkdown);
    if (inputs.pullRequest)
        await commentOnPullRequest(host, inputs, planMarkdown);
    if (inputs.mode === 'plan')
        return errors/* ExitCode */.yU.Ok;
    const identity = await resolveIdentity(credential);
    const result = await host.logger.group('Deploy', () => applyPlan({ plan, connection: apim, identity, concurrency, logger: host.logger }));
    const recordFile = external_node_path_default().join(run.tempDir, `apim-gogs-record-${co.sha.slice(0, 12)}.json`);
    await writeRecordFile(recordFile, plan, result);
    host.setOutput('record', recordFile);
    await host.appendSummary(renderApplyMarkdown(plan, result));
    return result.exitCode;
}
async function commentOnPullRequest(host, inputs, markdown) {
    const { owner, name } = (0,repository_name/* parseRepositoryName */.$)(inputs.repository);
    const ca = inputs.gogsCaFile ? await (0,promises_.readFile)(inputs.gogsCaFile, 'utf8') : undefined;
    const client = new gogs_client/* GogsClient */.a({ url: inputs.gogsUrl, token: inputs.token, ca });
    const how = await upsertPullRequestComment(client, owner, name, inputs.pullRequest, markdown);
    host.logger.info(`Plan ${how} as a comment on pull request #${inputs.pullRequest}.`);
}
const withSlash = (u) => (u.endsWith('/') ? u : `${u}/`);


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
