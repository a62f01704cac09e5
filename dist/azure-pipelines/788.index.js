export const id = 788;
export const ids = [788];
export const modules = {

/***/ 9737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uF: () => (/* binding */ ApimConnection),
  OZ: () => (/* binding */ ArmTimeoutError),
  Dv: () => (/* binding */ armErrorInfo),
  Up: () => (/* binding */ connectionFailed),
  SU: () => (/* binding */ explainArmError),
  ao: () => (/* binding */ isWrite)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@azure/arm-apimanagement/dist/esm/index.js + 155 modules
var esm = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/deploy/credentials.ts + 1 modules
var credentials = __webpack_require__(3688);
;// CONCATENATED MODULE: ./src/deploy/throttle.ts
/** ARM's documented refill rates, assumed until the answers show the real one. */
const DOCUMENTED_REFILL = { reads: 25, writes: 10 };
/** The refill rate is measured over at least this long (shorter windows are noise). */
const MIN_WINDOW_MS = 500;
const MAX_WINDOW_MS = 3000;
class BucketEstimate {
    kind;
    now;
    sleep;
    remaining;
    syncedAt = 0;
    /** Requests that may have taken a token the last known count does not show yet. */
    pending = 0;
    inFlight = 0;
    answered = 0;
    highest = 0;
    refill;
    blockedUntil = 0;
    samples = [];
    /** How often a request waited for the bucket (for benchmarks and logs). */
    waits = 0;
    constructor(kind, now = Date.now, sleep = (ms) => new Promise((r) => setTimeout(r, ms))) {
        this.kind = kind;
        this.now = now;
        this.sleep = sleep;
    }
    /** The estimated tokens left now; undefined before ARM said anything. */
    estimate(at = this.now()) {
        if (this.remaining === undefined)
            return undefined;
        const refilled = ((at - this.syncedAt) / 1000) * this.refillRate();
        return Math.min(this.highest, this.remaining + refilled) - this.pending;
    }
    refillRate() {
        return this.refill ?? DOCUMENTED_REFILL[this.kind];
    }
    /** Tokens kept back for other clients of the same principal and for estimation error. */
    reserve() {
        return 2 + Math.ceil(this.highest * 0.02);
    }
    /** Waits until a request may go without emptying the bucket, then counts it as sent. */
    async acquire() {
        for (;;) {
            const at = this.now();
            if (at < this.blockedUntil) {
                await this.sleep(this.blockedUntil - at);
                continue;
            }
            const left = this.estimate(at);
            if (left === undefined || left > this.reserve())
                break;
            this.waits++;
            await this.sleep(Math.max(5, ((this.reserve() + 1 - left) / this.refillRate()) * 1000));
        }
        this.inFlight++;
        this.pending++;
    }
    /** An answer arrived (or the request failed without one: `remaining` undefined). */
    settle(remaining, status, retryAfterMs) {
        this.inFlight = Math.max(0, this.inFlight - 1);
        const at = this.now();
        if (status === 429) {
            this.blockedUntil = Math.max(this.blockedUntil, at + (retryAfterMs ?? 1000));
            // ARM's bucket is empty; after the hold it has refilled by the hold's worth, and requests go at
            // the refill's pace. The estimate restarts at the reserve, not at 0: the reserve grows with the
            // largest count seen (2%), and refilling to it from 0 took days for a large bucket (the soak hung).
            // Only a bucket ARM has described can be estimated: with no count ever seen, the hold is all.
            if (this.highest > 0)
                this.sync(at, this.reserve());
            else
                this.pending = this.inFlight;
            return;
        }
        // No count in the answer: the request still took a token, so it stays counted until the next one.
        if (remaining === undefined)
            return;
        this.answered++;
        this.learn(at, remaining);
        this.sync(at, remaining);
    }
    sync(at, remaining) {
        this.remaining = remaining;
        this.syncedAt = at;
        this.highest = Math.max(this.highest, remaining);
        // Requests still in flight may or may not be in this count: assume they are not (they will be).
        this.pending = this.inFlight;
    }
    /** Refill = how much the count rose beyond what the answers in between took, per second. */
    learn(at, remaining) {
        this.samples.push({ at, remaining, answered: this.answered });
        while (this.samples.length > 1 && at - this.samples[0].at > MAX_WINDOW_MS)
            this.samples.shift();
        const first = this.samples[0];
        if (at - first.at < MIN_WINDOW_MS)
            return;
        // A full bucket does not refill, and one near the top may have been full in between: only a
        // window spent clearly below the top says anything about the refill rate.
        const top = this.highest - Math.max(2, this.highest * 0.05);
        if (first.remaining >= top || remaining >= top)
            return;
        const rate = (remaining - first.remaining + (this.answered - first.answered)) / ((at - first.at) / 1000);
        if (rate > 0)
            this.refill = this.refill === undefined ? rate : (this.refill + rate) / 2;
    }
}
const kindOf = (method) => (method === 'GET' || method === 'HEAD' ? 'reads' : 'writes');
function retryAfterMs(value) {
    if (!value)
        return undefined;
    const secs = Number(value);
    if (Number.isFinite(secs))
        return secs * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
/** One estimate per kind for one connection (one principal), as a pipeline policy. */
class ArmBudget {
    reads = new BucketEstimate('reads');
    writes = new BucketEstimate('writes');
    policy() {
        return {
            name: 'apimGogsArmBudget',
            sendRequest: async (request, next) => {
                const kind = kindOf(request.method);
                const bucket = this[kind];
                await bucket.acquire();
                let response;
                try {
                    response = await next(request);
                }
                catch (err) {
                    const r = err.response;
                    bucket.settle(remainingOf(r, kind), r?.status, retryAfterMs(r?.headers.get('retry-after')));
                    throw err;
                }
                bucket.settle(remainingOf(response, kind), response.status, retryAfterMs(response.headers.get('retry-after')));
                return response;
            },
        };
    }
}
function remainingOf(response, kind) {
    const v = response?.headers.get(`x-ms-ratelimit-remaining-subscription-${kind}`);
    const n = v === undefined ? NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
}

;// CONCATENATED MODULE: ./src/deploy/client.ts





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
class ApimConnection {
    credential;
    target;
    client;
    records = [];
    /** ARM's remaining-request budget as seen from here; every request waits on it (throttle.ts). */
    budget = new ArmBudget();
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
            credentialScopes: [credentials/* ARM_SCOPE */.G9],
            retryOptions: { maxRetries: 0 },
            userAgentOptions: { userAgentPrefix: 'apim-gogs' },
        });
        this.servicePrefix = (`/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}` +
            `/providers/Microsoft.ApiManagement/service/${target.serviceName}`).toLowerCase();
        // Outermost of the two, so a request waiting for ARM's budget is not yet timed or timing out.
        this.client.pipeline.addPolicy(this.budget.policy(), { afterPhase: 'Retry' });
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
                // Our own timer, not the SDK's `request.timeout`: the SDK clears its timer only when an answer
                // arrives, so after a dropped connection it stayed armed and kept the process alive for the
                // whole timeout. This one is cleared however the request ends.
                const timeoutMs = request.timeout || this.requestTimeoutMs;
                request.timeout = 0;
                const outer = request.abortSignal;
                const abort = new AbortController();
                let timedOut = false;
                const handle = setTimeout(() => {
                    timedOut = true;
                    abort.abort();
                }, timeoutMs);
                const onOuterAbort = () => abort.abort();
                if (outer?.aborted)
                    abort.abort();
                else
                    outer?.addEventListener('abort', onOuterAbort);
                request.abortSignal = abort.signal;
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
                    if (err?.name === 'AbortError' && timedOut && !outer?.aborted) {
                        throw new ArmTimeoutError(request.method, resource, timeoutMs);
                    }
                    throw err;
                }
                finally {
                    clearTimeout(handle);
                    outer?.removeEventListener('abort', onOuterAbort);
                    request.abortSignal = outer;
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
const CONNECTION_FAILED = /REQUEST_TIMEOUT|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|other side closed|UND_ERR|terminated/i;
/** A request that got no answer: the connection failed, was dropped, or timed out. */
function connectionFailed(err) {
    return CONNECTION_FAILED.test(`${err?.code ?? ''} ${armErrorInfo(err).message}`);
}
function explainArmError(err, target) {
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
    // Throttling or an outage that outlasted every retry is Azure's, not a bug: say so, and that
    // nothing was written by this call.
    if (info.status === 429 || (info.status ?? 0) >= 500 || (!info.status && connectionFailed(err))) {
        const what = info.status
            ? `kept answering ${info.status}${info.code ? ` ${info.code}` : ''}`
            : 'kept failing';
        return new errors/* ConfigurationError */.j1(`ARM ${what} for ${where} after every retry: ${info.message}`, 'This is on Azure’s side (throttling or an outage) and nothing was changed in APIM: run the step again later.');
    }
    return err;
}


/***/ }),

/***/ 1816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ contentHash),
/* harmony export */   _Y: () => (/* binding */ stableJson),
/* harmony export */   uN: () => (/* binding */ comparableText)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _provenance_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2692);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3334);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7514);
/* harmony import */ var _xml_canonical_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1113);





/**
 * The comparable text of a resource's content: equal texts mean nothing to deploy. Provenance is never
 * part of it. With `redact`, credentials-like values are replaced by markers (redact.ts): that text is
 * for people (diffs), never for deciding equality. `desired` decides which fields count (a backend field the repository does not set is
 * APIM's business, e.g. defaults it fills in).
 */
function comparableText(kind, props, desired, options = {}) {
    const redact = options.redact === true;
    if (!props)
        return '';
    if ((0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .isXmlKind */ .q0)(kind)) {
        let text = (0,_xml_canonical_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalOrRaw */ .u3)(String(props.value ?? ''));
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
            view.value = secret && redact ? (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactedMarker */ .h)(props.value) : props.value;
        if (desired.keyVault !== undefined || kv) {
            view.keyVault = {
                secretIdentifier: kv?.secretIdentifier,
                identityClientId: kv?.identityClientId ?? undefined,
            };
        }
        view.tags = (props.tags ?? []).filter((t) => !(0,_provenance_js__WEBPACK_IMPORTED_MODULE_1__/* .isProvenanceTag */ .Q2)(t)).sort();
        return stableJson(view);
    }
    // backend: the fields the repository sets
    const view = {};
    for (const k of Object.keys(desired).sort()) {
        if (k === 'provisioningState')
            continue;
        view[k] = k === 'description' ? (0,_provenance_js__WEBPACK_IMPORTED_MODULE_1__/* .stripDescriptionProvenance */ .oe)(props[k]) : props[k];
    }
    return stableJson(redact ? (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactSecrets */ .f)(view) : view);
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
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex')}`;
}


/***/ }),

/***/ 9988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(370);

/**
 * Runs `fn` over `items` with at most `limit` in flight (p-limit); results in input order. The first
 * rejection rejects the whole, as Promise.all does; a limit below 1 runs one at a time.
 */
function mapLimit(items, limit, fn) {
    return (0,p_limit__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A)(Math.max(1, Math.floor(limit))).map(items, fn);
}


/***/ }),

/***/ 3688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G9: () => (/* binding */ ARM_SCOPE),
  GO: () => (/* binding */ createCredential),
  XH: () => (/* binding */ resolveIdentity)
});

// UNUSED EXPORTS: AUTH_KINDS, DEFAULT_AUDIENCE, identityOf, parseAuthKind, signInError

// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 161 modules
var esm = __webpack_require__(8188);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/deploy/jwt.ts
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

;// CONCATENATED MODULE: ./src/deploy/credentials.ts



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
            inner = new esm/* ClientAssertionCredential */.XI(tenantId, clientId, async () => {
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
            inner = new esm/* AzurePipelinesCredential */.QW(need(options.tenantId, 'tenant-id', auth), need(options.clientId, 'client-id', auth), need(options.serviceConnectionId, 'azureServiceConnection', auth), need(options.systemAccessToken ?? process.env.SYSTEM_ACCESSTOKEN, 'System.AccessToken', auth), common);
            break;
        }
        case 'managed-identity':
            inner = options.clientId
                ? new esm/* ManagedIdentityCredential */.NC({ clientId: options.clientId })
                : new esm/* ManagedIdentityCredential */.NC();
            break;
        case 'workload-identity': {
            const tokenFilePath = options.tokenFilePath ?? process.env.AZURE_FEDERATED_TOKEN_FILE;
            inner = new esm/* WorkloadIdentityCredential */.R9({
                ...common,
                tenantId: need(options.tenantId ?? process.env.AZURE_TENANT_ID, 'tenant-id', auth),
                clientId: need(options.clientId ?? process.env.AZURE_CLIENT_ID, 'client-id', auth),
                tokenFilePath: need(tokenFilePath, 'a token file (AZURE_FEDERATED_TOKEN_FILE)', auth),
            });
            break;
        }
        case 'azure-cli':
            inner = new esm/* AzureCliCredential */.nG(options.tenantId ? { tenantId: options.tenantId } : {});
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
        throw new ConfigurationError(`Unknown auth '${value}'.`, `Use one of: ${AUTH_KINDS.join(', ')}.`);
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


/***/ }),

/***/ 7378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uF: () => (/* reexport */ client/* ApimConnection */.uF),
  o7: () => (/* reexport */ DesiredStateError),
  gj: () => (/* reexport */ applyPlan),
  GO: () => (/* reexport */ credentials/* createCredential */.GO),
  lH: () => (/* reexport */ deploymentRecord),
  HN: () => (/* reexport */ planDeployment),
  Oq: () => (/* reexport */ planForOutput),
  oY: () => (/* reexport */ renderApplyMarkdown),
  j0: () => (/* reexport */ renderDriftText),
  d$: () => (/* reexport */ renderPlanMarkdown),
  XH: () => (/* reexport */ credentials/* resolveIdentity */.XH),
  lX: () => (/* reexport */ verifyDeployment)
});

// UNUSED EXPORTS: AUTH_KINDS, DEFAULT_AUDIENCE, blame, canonicalPolicy, desiredState, identityOf, loadEnvironmentValues, parseAuthKind, parseResourceKey, policiesEqual, readProvenance, renderBlameText, renderTemplate

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/deploy/client.ts + 1 modules
var client = __webpack_require__(9737);
// EXTERNAL MODULE: ./src/deploy/compare.ts
var compare = __webpack_require__(1816);
// EXTERNAL MODULE: ./src/deploy/resources.ts
var deploy_resources = __webpack_require__(7514);
// EXTERNAL MODULE: ./src/deploy/retry.ts
var deploy_retry = __webpack_require__(5001);
;// CONCATENATED MODULE: ./src/deploy/checked-write.ts




/** Someone else changed the resource: apim-gogs leaves it alone and names it. */
class ConcurrentChange extends Error {
    key;
    afterUnknownOutcome;
    constructor(key, 
    /** An earlier attempt of ours may have been applied (its answer was lost) before the change. */
    afterUnknownOutcome) {
        super(`${key} was changed by someone else`);
        this.key = key;
        this.afterUnknownOutcome = afterUnknownOutcome;
    }
}
/**
 * Reads a resource for comparison. A secret named value's value is not in a GET, so it is fetched
 * (listValue) to compare what is really there; Key Vault references have no value of their own.
 */
async function readForCheck(conn, kind, ref, retry) {
    const now = await (0,deploy_retry/* withArmRetry */.J6)(() => (0,deploy_resources/* readResource */.R_)(conn, ref), retry);
    if (kind === 'namedValue' && now.exists && now.properties?.secret === true && !now.properties.keyVault) {
        const value = await (0,deploy_retry/* withArmRetry */.J6)(() => (0,deploy_resources/* readSecretValue */.kq)(conn, ref), retry);
        return { ...now, properties: { ...now.properties, value } };
    }
    return now;
}
/** Whether the live resource holds `props` (provenance aside; the fields `props` sets). */
function holds(kind, now, props) {
    return now.exists && (0,compare/* comparableText */.uN)(kind, now.properties, props) === (0,compare/* comparableText */.uN)(kind, props, props);
}
/**
 * A write whose lost answer is checked, never blindly repeated or blamed on someone else. After an
 * attempt whose outcome is unknown (connection dropped, timed out, 5xx), the next attempt first reads
 * the resource: when it already shows the write, that is the result; when it shows something else
 * than what the write replaces, someone else changed it. A 412 after such an attempt is read the
 * same way, since the ETag our own lost write moved is as stale as one moved by someone else.
 */
async function checkedWrite(w) {
    let unknown = false;
    const read = () => readForCheck(w.conn, w.kind, w.ref, w.retry);
    return (0,deploy_retry/* withArmRetry */.J6)(async () => {
        if (unknown) {
            const now = await read();
            const done = w.landed(now);
            if (done !== undefined)
                return done;
            if (w.replaces && !w.replaces(now))
                throw new ConcurrentChange(w.key, true);
        }
        try {
            return await w.attempt();
        }
        catch (err) {
            if ((0,client/* armErrorInfo */.Dv)(err).status === 412) {
                if (unknown || w.othersCount) {
                    const done = w.landed(await read());
                    if (done !== undefined)
                        return done;
                }
                throw new ConcurrentChange(w.key, unknown);
            }
            if ((0,deploy_retry/* outcomeUnknown */.Hu)(err)) {
                unknown = true;
                w.onOutcomeUnknown?.(err);
            }
            throw err;
        }
    }, w.retry);
}

// EXTERNAL MODULE: ./src/deploy/provenance.ts
var deploy_provenance = __webpack_require__(2692);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/version.ts
var version = __webpack_require__(9189);
// EXTERNAL MODULE: ./src/validate/config.ts + 1 modules
var config = __webpack_require__(7219);
;// CONCATENATED MODULE: ./src/deploy/record-state.ts






/** The canonical filter text, undefined when nothing is filtered. */
function filterKey(filters) {
    const apis = [...new Set(filters?.apis ?? [])].sort();
    const products = [...new Set(filters?.products ?? [])].sort();
    if (!apis.length && !products.length)
        return undefined;
    return `apis=${apis.join(',')};products=${products.join(',')}`;
}
/** The ruleset file in effect: the configured one, else .apim-gogs.yaml/.yml in the checkout. */
function rulesetFile(root, configFile) {
    if (configFile)
        return external_node_path_default().resolve(root, configFile);
    return config/* CONFIG_NAMES */.We.map((n) => external_node_path_default().join(root, n)).find((f) => (0,external_node_fs_.existsSync)(f));
}
async function recordStateFor(options) {
    const state = { version: version/* version */.r };
    const filters = filterKey(options.filters);
    if (filters)
        state.filters = filters;
    if (options.overrides)
        state.overrides = true;
    const file = rulesetFile(options.root, options.configFile);
    if (file) {
        const text = await (0,external_node_fs_promises_.readFile)(file).catch(() => undefined);
        if (text)
            state.ruleset = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    }
    return state;
}
const major = (v) => v.split('.')[0];
/**
 * Why the recorded state does not allow an incremental plan (undefined when it does). A deployment
 * limited to some APIs or products left the others at an older commit, so only a plan with the same
 * filters may start from it; an unfiltered record serves any filter.
 */
function stateMismatch(recorded, now) {
    if (!recorded || typeof recorded.version !== 'string') {
        return 'the deployment record was written by an apim-gogs that does not record its plan state';
    }
    if (major(recorded.version) !== major(now.version)) {
        return `the deployment record was written by apim-gogs ${recorded.version}, another major version than ${now.version}`;
    }
    if (recorded.filters && recorded.filters !== now.filters) {
        return `the recorded deployment was limited to ${recorded.filters}; this plan's filters differ`;
    }
    if (recorded.overrides || now.overrides) {
        return 'template values were given outside the repository (--var), so the recorded rendering cannot be compared';
    }
    if ((recorded.ruleset ?? '') !== (now.ruleset ?? '')) {
        return 'the ruleset (.apim-gogs.yaml or config) changed since the recorded deployment';
    }
    return undefined;
}
/**
 * The record value with `state` added; history is shortened when needed to stay within APIM's 4096
 * characters for a named value (the last deployment and the state always stay).
 */
function record_state_withRecordState(recordText, state) {
    if (!state)
        return recordText;
    const record = JSON.parse(recordText);
    const history = Array.isArray(record.history) ? record.history : [];
    for (let n = history.length; n >= 0; n--) {
        const text = JSON.stringify({ ...record, history: history.slice(0, n), state });
        if (text.length <= 4096 || n === 0)
            return text;
    }
    return recordText;
}

;// CONCATENATED MODULE: ./src/deploy/deployment-record.ts






/** A deployment longer than this can lose its lease to another that starts after it runs out. */
const LEASE_MS = 60 * 60_000;
/** Nothing was written: the deployment did not start, and says why. */
class DeploymentRefused extends Error {
}
const refOf = (environment) => (0,deploy_resources/* refFor */.zh)('namedValue', { name: (0,deploy_provenance/* recordName */.xD)(environment) });
async function readDeploymentRecord(conn, environment, retry) {
    const live = await (0,deploy_retry/* withArmRetry */.J6)(() => (0,deploy_resources/* readResource */.R_)(conn, refOf(environment)), retry);
    if (!live.exists)
        return { exists: false };
    const value = typeof live.properties?.value === 'string' ? live.properties.value : undefined;
    return { exists: true, etag: live.etag, value, lease: leaseIn(value) };
}
/** The lease another run holds now, if any. */
function activeLease(record, now = Date.now()) {
    const lease = record?.lease;
    return lease && Date.parse(lease.until) > now ? lease : undefined;
}
/** Takes the lease; returns the record as written (its ETag guards the record's release). */
async function claimLease(conn, environment, atPlan, p, retry) {
    const name = (0,deploy_provenance/* recordName */.xD)(environment);
    const held = activeLease(atPlan);
    if (held) {
        throw new DeploymentRefused(`Another deployment to '${environment}' is running: commit ${held.commit} since ${held.since} (its lease in the named value ${name} runs until ${held.until}). Nothing was written. Deploy again when it has finished; if that run was killed, its lease runs out at ${held.until}.`);
    }
    const now = Date.now();
    const lease = {
        run: conn.correlationId,
        commit: p.commit,
        since: new Date(now).toISOString(),
        until: new Date(now + LEASE_MS).toISOString(),
    };
    const value = JSON.stringify({ ...recordObject(atPlan.value, environment), lease });
    try {
        const etag = await writeRecord(conn, environment, value, atPlan.exists ? atPlan.etag : undefined, retry);
        return { value, etag };
    }
    catch (err) {
        if (err instanceof ConcurrentChange)
            throw new DeploymentRefused(`The deployment record ${name} changed after this plan read it: another deployment to '${environment}' ran or started in between, and this plan may not match what it left. Nothing was written. Plan and deploy again.`);
        throw new DeploymentRefused(`The deployment lease (named value ${name}) could not be taken: ${(0,client/* armErrorInfo */.Dv)(err).message} Nothing was written.`);
    }
}
/**
 * Releases the lease: after a deployment that succeeded, the record names the new commit (and the
 * state the next incremental plan starts from); after one that failed it names the commit it named
 * before, without the incremental state when APIM was left partly changed (the next plan reads all).
 */
async function releaseLease(conn, environment, claimed, outcome, retry) {
    const record = recordObject(claimed.value, environment);
    delete record.lease;
    let value;
    if ('deployed' in outcome) {
        value = record_state_withRecordState((0,deploy_provenance/* nextRecord */.Pv)(environment, (0,deploy_provenance/* parseRecord */.Hh)(JSON.stringify(record)), outcome.deployed), outcome.state);
    }
    else {
        if (outcome.dropState)
            delete record.state;
        value = JSON.stringify(record);
    }
    try {
        await writeRecord(conn, environment, value, claimed.etag, retry);
    }
    catch (err) {
        if (err instanceof ConcurrentChange)
            throw new Error(`someone else changed it while this deployment ran (a deployment that outlived its lease of ${LEASE_MS / 60_000} minutes?)`);
        throw err;
    }
}
/**
 * Writes the record without a lease (a deployment record for a service deployed otherwise: the bench
 * sets one up this way).
 */
async function writeDeploymentRecord(conn, environment, p, retry, state) {
    const current = await readDeploymentRecord(conn, environment, retry);
    const value = withRecordState(nextRecord(environment, parseRecord(current.value), p), state);
    await writeRecord(conn, environment, value, current.exists ? current.etag : undefined, retry);
}
/** One checked write of the record: a lost answer is read back, never blindly repeated. */
async function writeRecord(conn, environment, value, ifMatch, retry) {
    const ref = refOf(environment);
    const name = (0,deploy_provenance/* recordName */.xD)(environment);
    return checkedWrite({
        conn,
        kind: 'namedValue',
        ref,
        key: ref.key,
        retry,
        attempt: async () => (await (0,deploy_resources/* writeResource */.ER)(conn, ref, { displayName: name, value, secret: false, tags: ['apim-gogs'] }, ifMatch)).etag,
        landed: (now) => (now.exists && now.properties?.value === value ? (now.etag ?? '') : undefined),
        replaces: ifMatch ? undefined : (now) => !now.exists,
    });
}
function recordObject(value, environment) {
    try {
        const parsed = JSON.parse(value ?? '');
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            return { ...parsed };
    }
    catch {
        // Not a record apim-gogs can read: it is replaced by one it can.
    }
    return { environment };
}
/**
 * The lease in a record, when it has the shape apim-gogs writes. The record is live APIM content
 * (anyone with access may write it), and its commit and times reach logs and summaries: a lease of
 * any other shape is not one apim-gogs took, and is ignored.
 */
function leaseIn(value) {
    const lease = recordObject(value, '').lease;
    if (!lease || typeof lease.run !== 'string' || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(lease.commit ?? ''))
        return undefined;
    const since = isoTime(lease.since);
    const until = isoTime(lease.until);
    return since && until ? { run: lease.run, commit: lease.commit, since, until } : undefined;
}
function isoTime(value) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value))
        return undefined;
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

// EXTERNAL MODULE: ./src/deploy/concurrency.ts
var deploy_concurrency = __webpack_require__(9988);
;// CONCATENATED MODULE: ./src/deploy/apply.ts









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
    const provenance = (0,deploy_provenance/* provenanceFor */.x6)(plan.source, options.identity, plan.environment);
    const changes = plan.entries.filter((e) => e.action !== 'unchanged');
    const done = [];
    const warnings = [];
    const environment = plan.environment;
    const useRecord = changes.length > 0 && options.writeRecord !== false && environment && plan.record;
    // The lease: no other deployment to this environment writes until this one has finished, and a
    // plan made before another deployment ended is refused before anything is written.
    let claimed;
    if (useRecord) {
        try {
            claimed = await claimLease(conn, environment, plan.record, provenance, retry);
        }
        catch (err) {
            if (!(err instanceof DeploymentRefused))
                throw err;
            logger?.error(err.message);
            return notStarted((0,deploy_resources/* refFor */.zh)('namedValue', { name: (0,deploy_provenance/* recordName */.xD)(environment) }).key, err.message, provenance, conn.records.slice(firstRecord));
        }
    }
    let failure;
    let failedEntry;
    let failureError;
    /** Entries an attempt of which ended without a known outcome (its answer was lost). */
    const uncertain = new Set();
    /**
     * When an attempt at an entry was last given up on while APIM may still have been working on it
     * (no answer in time): such a write can land later still.
     */
    const givenUpAt = new Map();
    const target = { conn, retry };
    const runOne = async (entry) => {
        const d = { entry };
        const { kind, ref, key } = entry;
        const onOutcomeUnknown = (err) => {
            uncertain.add(entry);
            if (stillRunning(err))
                givenUpAt.set(entry, Date.now());
        };
        if (entry.action === 'delete') {
            await checkedWrite({
                ...target,
                kind,
                ref,
                key,
                attempt: () => (0,deploy_resources/* deleteResource */.o8)(conn, ref, entry.etag ?? '*').then(() => true),
                landed: (now) => (now.exists ? undefined : true),
                onOutcomeUnknown,
            });
            done.push(d);
            return;
        }
        const live = entry.live;
        if (kind === 'namedValue' && live?.secret === true && !live.keyVault && entry.action === 'update') {
            d.secretValue = await (0,deploy_retry/* withArmRetry */.J6)(() => (0,deploy_resources/* readSecretValue */.kq)(conn, ref), retry);
        }
        const body = written(entry, provenance);
        const result = await checkedWrite({
            ...target,
            kind,
            ref,
            key,
            attempt: () => (0,deploy_resources/* writeResource */.ER)(conn, ref, body, entry.action === 'update' ? entry.etag : undefined),
            landed: (now) => (holds(kind, now, body) ? { etag: now.etag } : undefined),
            // A create carries no If-Match: after a lost answer, only an absent resource is still ours to create.
            replaces: entry.action === 'create' ? (now) => !now.exists : undefined,
            onOutcomeUnknown,
        });
        d.etagAfter = result.etag;
        done.push(d);
    };
    if (changes.length) {
        options.progress?.start?.(changes.length);
        const writePhases = PHASES.map((kinds) => changes.filter((e) => e.action !== 'delete' && kinds.includes(e.kind)));
        const deletePhases = [...PHASES]
            .reverse()
            .map((kinds) => changes.filter((e) => e.action === 'delete' && kinds.includes(e.kind)));
        for (const phase of [...writePhases, ...deletePhases]) {
            if (failure || phase.length === 0)
                continue;
            await (0,deploy_concurrency/* mapLimit */.s)(phase, concurrency, async (entry) => {
                if (failure)
                    return; // after the first failure no further write starts
                try {
                    const t0 = performance.now();
                    await runOne(entry);
                    options.progress?.done(entry.kind, entry.key, entry.action, performance.now() - t0);
                }
                catch (err) {
                    if (!failure) {
                        failureError = err;
                        failure = describeFailure(entry, err);
                        failedEntry = entry;
                    }
                    else {
                        warnings.push(`${entry.key}: also failed: ${(0,client/* armErrorInfo */.Dv)(err).message}`);
                        // A second failure whose outcome is unknown is examined by the rollback too.
                        if (mayHaveWritten(err))
                            done.push({ entry, etagAfter: undefined });
                    }
                }
            });
        }
    }
    const restored = [];
    const notRestored = [];
    if (failure && failedEntry) {
        logger?.warning(`Deployment failed at ${failure.key}: ${failure.message}. Rolling back ${done.length} change(s).`);
        // The failed write itself may have been applied (unknown outcome, long-running operation that
        // failed late): the rollback examines it too. A 412 on a first attempt wrote nothing of ours.
        if (mayHaveWritten(failureError))
            done.push({ entry: failedEntry });
        const undo = async (d) => {
            try {
                const did = await rollbackOne(conn, d, provenance, retry, uncertain.has(d.entry));
                if (did && !restored.includes(d.entry.key))
                    restored.push(d.entry.key);
            }
            catch (err) {
                const info = (0,client/* armErrorInfo */.Dv)(err);
                notRestored.push({
                    key: d.entry.key,
                    reason: err instanceof ConcurrentChange
                        ? 'changed by someone else after apim-gogs wrote it'
                        : info.message,
                });
            }
        };
        for (const d of [...done].reverse())
            await undo(d);
        // A create given up on may land after the rollback looked: it carries no If-Match that the
        // rollback's writes could make stale. It is looked at again once it cannot be pending any more
        // (one request timeout after it was given up on, the time APIM already had to answer it).
        const lateCreates = done.filter((d) => d.entry.action === 'create' &&
            givenUpAt.has(d.entry) &&
            !notRestored.some((n) => n.key === d.entry.key));
        if (lateCreates.length) {
            const until = Math.max(...lateCreates.map((d) => givenUpAt.get(d.entry) ?? 0)) + conn.requestTimeoutMs;
            const waitMs = Math.max(0, until - Date.now());
            logger?.info(`Waiting ${Math.ceil(waitMs / 1000)} s: ${lateCreates.length} create(s) got no answer in time and may still land; they are checked again after.`);
            await (0,promises_.setTimeout)(waitMs);
            for (const d of lateCreates)
                await undo(d);
        }
    }
    let recordWritten = false;
    if (claimed && environment) {
        // Exit 4 leaves APIM partly at the new commit while the record names the old one: a later
        // incremental plan (which trusts the record) could miss what stayed changed. Dropping the
        // record's state makes the next plan read everything.
        const outcome = failure
            ? { failed: true, dropState: notRestored.length > 0 }
            : { deployed: provenance, state: plan.recordState };
        try {
            await releaseLease(conn, environment, claimed, outcome, retry);
            recordWritten = !failure;
        }
        catch (err) {
            warnings.push(`The deployment record ${(0,deploy_provenance/* recordName */.xD)(environment)} could not be written (${err instanceof Error ? err.message : String(err)}): ${failure && notRestored.length
                ? 'run the next plan with plan-scope: full'
                : 'the next plan reads everything, or delete its lease if it is left'}.`);
        }
    }
    const requests = conn.records.slice(firstRecord);
    const writes = requests.filter(client/* isWrite */.ao).length;
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
/** A deployment refused before its first write: APIM is as it was (exit 3), and the reason is named. */
function notStarted(key, message, provenance, requests) {
    const writes = requests.filter(client/* isWrite */.ao).length;
    return {
        outcome: 'rolled-back',
        exitCode: errors/* ExitCode */.yU.RolledBack,
        provenance,
        applied: [],
        failure: { key, message, concurrentChange: true },
        restored: [],
        notRestored: [],
        requests,
        writes,
        reads: requests.length - writes,
        recordWritten: false,
        warnings: [],
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
    const info = (0,client/* armErrorInfo */.Dv)(err);
    return {
        key: entry.key,
        status: info.status,
        code: info.code,
        concurrentChange: false,
        message: info.message,
    };
}
/** What apim-gogs writes for a create or update: the rendered content with its provenance stamp. */
function written(entry, provenance) {
    return (0,deploy_provenance/* stamp */.iE)(entry.kind, entry.desired ?? {}, provenance);
}
/**
 * Whether APIM may still be working on a request this run gave up on: no answer within the request
 * timeout, or a gateway's 504. (A dropped connection or a 5xx is taken as the end of APIM's work on it.)
 */
function stillRunning(err) {
    return err instanceof client/* ArmTimeoutError */.OZ || (0,client/* armErrorInfo */.Dv)(err).status === 504;
}
/**
 * Whether a failed write may have changed the resource: any failure but a 412 on a write none of
 * whose attempts had an unknown outcome (that one was refused before anything was written).
 */
function mayHaveWritten(err) {
    return !(err instanceof ConcurrentChange) || err.afterUnknownOutcome;
}
/**
 * Undoes one change, only where APIM still holds what apim-gogs wrote: a resource that holds
 * anything else was changed by someone else afterwards, and is theirs (ConcurrentChange: left alone
 * and named). Returns false when there was nothing to undo.
 */
async function rollbackOne(conn, d, provenance, retry, 
/** An attempt of the forward write ended without a known outcome: it may land late. */
givenUp, round = 0) {
    const { entry } = d;
    const { kind, ref, key } = entry;
    const snapshot = entry.live ? (0,deploy_resources/* writableProperties */.Oi)(kind, entry.live) : undefined;
    if (snapshot && d.secretValue !== undefined)
        snapshot.value = d.secretValue;
    const isSnapshot = (now) => snapshot !== undefined && holds(kind, now, snapshot);
    const read = () => readForCheck(conn, kind, ref, retry);
    // One rollback write, checked like the forward path's: `done` tells from a read that it landed.
    const undo = (attempt, done, replaces) => checkedWrite({
        ...{ conn, kind, ref, key, retry, replaces, othersCount: true },
        attempt: () => attempt().then(() => true),
        landed: (now) => (done(now) ? true : undefined),
    });
    // The old content is in place, but a forward attempt given up on may land yet: it carries the ETag
    // the resource has now in If-Match, so writing the same content again moves the ETag and APIM
    // refuses the late write (412). If that late write lands first, the fence meets a 412: look again.
    const fence = async (now) => {
        if (!givenUp || !snapshot)
            return false;
        try {
            await undo(() => (0,deploy_resources/* writeResource */.ER)(conn, ref, snapshot, now.etag ?? '*'), isSnapshot);
            return false;
        }
        catch (err) {
            if (err instanceof ConcurrentChange && round < 2)
                return rollbackOne(conn, d, provenance, retry, givenUp, round + 1);
            // The fence itself failed (its long-running operation failed, say): what counts is what APIM
            // holds. The old content is restored whatever the fence did; anything else is named.
            if (!(err instanceof ConcurrentChange) && isSnapshot(await read()))
                return false;
            throw err;
        }
    };
    if (entry.action === 'delete') {
        // Re-create what was deleted, unless it exists again (the delete did not happen, or someone
        // else made a new one: theirs).
        if (!snapshot)
            throw new Error('no snapshot to restore');
        const now = await read();
        if (now.exists) {
            if (isSnapshot(now))
                return fence(now);
            throw new ConcurrentChange(key, false);
        }
        return undo(() => (0,deploy_resources/* writeResource */.ER)(conn, ref, snapshot, undefined), isSnapshot, (n) => !n.exists);
    }
    // Read first, even when our write's answer gave an ETag: a long-running write's ETag comes from
    // the poller's last read, which may already show a change someone made after ours (the soak found
    // such edits overwritten). Restore only what still holds exactly what apim-gogs wrote.
    const now = await read();
    if (!now.exists) {
        if (entry.action === 'create')
            return false; // the create did not happen, or was undone since
        throw new ConcurrentChange(key, true); // deleted since: by someone else
    }
    if (entry.action === 'update' && isSnapshot(now))
        return fence(now); // the update did not happen (yet)
    if (!holds(kind, now, written(entry, provenance)))
        throw new ConcurrentChange(key, true);
    const etag = now.etag;
    const ifMatch = etag ?? '*';
    if (entry.action === 'create') {
        return undo(() => (0,deploy_resources/* deleteResource */.o8)(conn, ref, ifMatch), (n) => !n.exists);
    }
    if (!snapshot)
        throw new Error('no snapshot to restore');
    return undo(() => (0,deploy_resources/* writeResource */.ER)(conn, ref, snapshot, ifMatch), isSnapshot);
}

;// CONCATENATED MODULE: ./src/deploy/blame.ts





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

// EXTERNAL MODULE: ./src/deploy/credentials.ts + 1 modules
var credentials = __webpack_require__(3688);
// EXTERNAL MODULE: ./src/policy/identity.ts
var identity = __webpack_require__(5446);
// EXTERNAL MODULE: ./src/policy/template.ts
var template = __webpack_require__(7886);
// EXTERNAL MODULE: ./src/deploy/xml-canonical.ts
var xml_canonical = __webpack_require__(1113);
;// CONCATENATED MODULE: ./src/deploy/desired.ts





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
    // Two files for one resource (ids differ in case only) or a reserved name: nothing deploys.
    const diagnostics = (0,identity/* identityProblems */.LA)(repo).map((p) => diag('deploy/resource-identity', p.file, p.message, 'APIM ids are case-insensitive; keep one file per resource.'));
    // A file that could not be read (too large, not UTF-8, not JSON) is never skipped: it stops the deployment.
    for (const p of repo.problems) {
        if (p.unreadable)
            diagnostics.push(diag('deploy/unreadable-file', p.file, p.message, 'Fix the file; nothing was deployed.'));
    }
    const resources = [];
    // APIM ids are case-insensitive: so are the filters.
    const lower = (xs) => xs?.length ? new Set(xs.map((x) => x.toLowerCase())) : undefined;
    const apis = lower(filters.apis);
    const products = lower(filters.products);
    // A workspace's fragment is not the service fragment of the same id: key by workspace too.
    const fragmentKey = (ws, id) => `${ws ?? ''}/${id}`;
    const fragmentInfo = new Map(repo.fragments.map((f) => [fragmentKey(f.workspaceId, f.id), f]));
    for (const p of repo.policies) {
        let ref;
        // Workspace resources go to the workspace's own ARM resources (workspaces/{ws}/...).
        const ws = p.workspaceId ? { workspaceId: p.workspaceId } : {};
        switch (p.scope) {
            case 'global':
                ref = (0,deploy_resources/* refFor */.zh)('globalPolicy');
                break;
            case 'workspace':
                ref = (0,deploy_resources/* refFor */.zh)('globalPolicy', ws);
                break;
            case 'product':
                if (products && !products.has(p.productId.toLowerCase()))
                    continue;
                ref = (0,deploy_resources/* refFor */.zh)('productPolicy', { productId: p.productId, ...ws });
                break;
            case 'api':
                if (apis && !apis.has(p.apiId.toLowerCase()))
                    continue;
                ref = (0,deploy_resources/* refFor */.zh)('apiPolicy', { apiId: p.apiId, ...ws });
                break;
            case 'operation':
                if (apis && !apis.has(p.apiId.toLowerCase()))
                    continue;
                ref = (0,deploy_resources/* refFor */.zh)('operationPolicy', { apiId: p.apiId, operationId: p.operationId, ...ws });
                break;
            case 'fragment':
                ref = (0,deploy_resources/* refFor */.zh)('fragment', { name: p.fragmentId, ...ws });
                break;
            default:
                continue; // a loose file is validated, never deployed
        }
        const rendered = (0,template/* renderTemplate */.Xm)(p.text, values, p.file);
        diagnostics.push(...rendered.diagnostics);
        if ((0,xml_canonical/* provenanceComment */.lR)((0,xml_canonical/* readForCompare */.rY)(rendered.text))) {
            // Only apim-gogs writes this comment; one in the file would be taken for (or hide) the real stamp.
            diagnostics.push(diag('deploy/reserved-comment', p.file, `'${p.file}' holds a comment starting with 'apim-gogs:' where apim-gogs writes its provenance stamp.`, "Remove the comment or reword it so it does not start with 'apim-gogs:'."));
            continue;
        }
        const properties = { value: rendered.text, format: (0,xml_canonical/* detectPolicyFormat */.Vz)(rendered.text) };
        if (p.scope === 'fragment') {
            const info = fragmentInfo.get(fragmentKey(p.workspaceId, p.fragmentId));
            if (info?.description !== undefined) {
                properties.description = (0,template/* renderJson */.hF)(info.description, values, info.file, diagnostics, 'description');
            }
        }
        resources.push({ ref, file: p.file, properties });
    }
    for (const nv of repo.namedValues) {
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
        const ref = (0,deploy_resources/* refFor */.zh)('namedValue', { name: nv.id, workspaceId: nv.workspaceId });
        resources.push({ ref, file: nv.file, properties });
    }
    for (const b of repo.backends) {
        const properties = (0,template/* renderJson */.hF)(b.properties, values, b.file, diagnostics);
        const ref = (0,deploy_resources/* refFor */.zh)('backend', { name: b.id, workspaceId: b.workspaceId });
        resources.push({ ref, file: b.file, properties });
    }
    return { resources, diagnostics };
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/diff/array.js + 1 modules
var array = __webpack_require__(8965);
;// CONCATENATED MODULE: ./src/deploy/diff.ts

/**
 * A unified line diff for plan output: changed lines with `context` lines around them, `- ` / `+ ` /
 * two-space prefixes, and `  ...` where unchanged lines are left out. Inputs are canonical texts
 * (xml-canonical.ts) or pretty JSON, so every line it shows is a real change. Myers' algorithm (jsdiff).
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
/**
 * Beyond this many changed lines the plan shows the whole text replaced instead of searching on: Myers
 * costs (lines x edits), and a plan shows a reviewer at most 60 diff lines anyway. At 500 a complete
 * rewrite of a 6000-line policy gives up in well under a second; at 5000 it took 29 s.
 */
const MAX_EDIT_LENGTH = 500;
function diffOps(a, b) {
    const changes = (0,array/* diffArrays */.E)(a, b, { maxEditLength: MAX_EDIT_LENGTH });
    if (!changes)
        return [...a.map((line) => ({ kind: '-', line })), ...b.map((line) => ({ kind: '+', line }))];
    return changes.flatMap((c) => c.value.map((line) => ({ kind: c.added ? '+' : c.removed ? '-' : ' ', line })));
}

// EXTERNAL MODULE: ./src/gogs/git.ts + 6 modules
var git = __webpack_require__(2652);
// EXTERNAL MODULE: ./src/policy/apiops-config.ts
var apiops_config = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/deploy/incremental-scope.ts








/**
 * The resources a plan reads, the scope it ran in, and the state its deployment will record. `desired`
 * is the plan's desired state, in plan order; `values` what it was rendered with.
 */
async function scopeResources(o) {
    const root = o.repository.root;
    const fileValues = o.environment ? await (0,template/* loadEnvironmentValues */.c3)(root, o.environment) : {};
    const recordState = await recordStateFor({
        root,
        configFile: o.configFile,
        filters: o.filters,
        overrides: Object.entries(o.values).some(([k, v]) => fileValues[k] !== v),
    });
    const decision = await decideScope({ ...o, request: o.request ?? 'auto', state: recordState });
    const resources = decision.kind === 'incremental' ? o.desired.filter((d) => decision.keys.has(d.ref.key)) : o.desired;
    const scope = {
        kind: decision.kind,
        reason: decision.reason,
        base: decision.base,
        read: resources.length,
        skipped: o.desired.length - resources.length,
    };
    o.logger?.info(scope.kind === 'incremental'
        ? `Incremental plan: ${scope.read} of ${o.desired.length} resource(s) can differ from ${incremental_scope_short(scope.base)}; reading only those.`
        : `Full plan: reading all ${scope.read} resource(s): ${scope.reason}.`);
    return { resources, scope, recordState };
}
const full = (reason, base) => ({ kind: 'full', reason, base });
const incremental_scope_short = (sha) => sha.slice(0, 12);
/** Decides the plan's scope; one ARM read (the record) and a few local git calls. */
async function decideScope(o) {
    if (o.request === 'full')
        return full('plan-scope: full was asked');
    if (o.prune)
        return full('prune is set, and finding what to delete needs every live resource');
    if (!o.environment)
        return full('no environment is set, so APIM holds no deployment record to start from');
    const name = (0,deploy_provenance/* recordName */.xD)(o.environment);
    const local = o.local ?? localChanges(o.repository.root);
    const live = o.record ?? (await readDeploymentRecord(o.connection, o.environment, o.retry));
    if (!live.exists)
        return full(`APIM holds no deployment record for '${o.environment}' (named value ${name})`);
    const record = (0,deploy_provenance/* parseRecord */.Hh)(live.value);
    if (!record)
        return full(`the deployment record ${name} cannot be read`);
    const base = record.last.commit;
    const mismatch = stateMismatch(record.state, o.state);
    if (mismatch)
        return full(mismatch, base);
    const changed = await changedSince(o.repository.root, base, local);
    if (typeof changed === 'string')
        return full(changed, base);
    const unexplained = [...changed].find((f) => !explained(f, o.repository.artifactsPath));
    if (unexplained !== undefined)
        return full(`'${unexplained}' changed since ${incremental_scope_short(base)}, and it may change how any resource renders`, base);
    const valuesAtBase = await environmentValuesAt(o, base, changed);
    if (valuesAtBase === 'configuration')
        return full(`environment values changed and configuration.${o.environment}.yaml may use them anywhere`, base);
    const renderedAtBase = valuesAtBase
        ? new Map(desiredState(o.repository, valuesAtBase, o.filters ?? {}).resources.map((d) => [
            d.ref.key,
            JSON.stringify(d.properties),
        ]))
        : undefined;
    const keys = new Set();
    for (const d of o.desired) {
        const fileChanged = sourcesOf(d).some((f) => changed.has(f));
        const valueChanged = renderedAtBase && renderedAtBase.get(d.ref.key) !== JSON.stringify(d.properties);
        if (fileChanged || valueChanged)
            keys.add(d.ref.key);
    }
    return {
        kind: 'incremental',
        base,
        keys,
        reason: `APIM holds commit ${incremental_scope_short(base)} (the deployment record), an ancestor of this commit: only resources whose files or environment values changed since are read`,
    };
}
/** Every repository file a resource's rendering reads (a fragment also reads its information JSON). */
function sourcesOf(d) {
    return d.ref.kind === 'fragment'
        ? [d.file, d.file.replace(/[^/]*$/, 'policyFragmentInformation.json')]
        : [d.file];
}
const LAYOUT_TOPS = ['apis', 'products', 'policy fragments', 'named values', 'backends', 'workspaces'];
const INERT = /(^|\/)(README|CHANGELOG|LICENSE|CODEOWNERS)(\.[^/]*)?$|\.(md|txt|png|svg|jpe?g|gitignore|gitattributes)$/i;
/**
 * Whether a changed file's effect on the desired state is accounted for: a file of the layout (the
 * resource it belongs to is compared), the environment's values file (compared value by value), a
 * file no rendering reads (documentation, another environment's values, CI folders, files inside the
 * layout that are not policy.xml or an information JSON, loose policies, which are never deployed).
 * Anything else (an APIOps configuration.<env>.yaml, a file a later version may read) makes the plan full.
 */
function explained(file, artifactsPath) {
    if (INERT.test(file) || /^\.(github|azure-pipelines|vscode)\//.test(file))
        return true;
    if (/^environments\/[^/]+\.(ya?ml|json)$/.test(file))
        return true;
    if (config/* CONFIG_NAMES */.We.includes(file))
        return true; // the ruleset: compared by hash (record-state.ts)
    const prefix = artifactsPath ? `${artifactsPath}/` : '';
    if (!file.startsWith(prefix))
        return false;
    const rel = file.slice(prefix.length);
    return LAYOUT_TOPS.includes(rel.split('/')[0]) || /\.xml$/i.test(rel);
}
/**
 * Repository-relative files that differ between `base` and what is on disk (tracked changes and
 * files git does not track), or why that cannot be known.
 */
async function changedSince(root, base, local) {
    const run = (args) => (0,git/* git */.$)(args, { cwd: root, allowFailure: true });
    // Paths relative to the repository root even when it is a subfolder of the git work tree.
    const [ancestor, diff, onDisk] = await Promise.all([
        run(['merge-base', '--is-ancestor', base, 'HEAD']),
        run(['diff', '--name-only', '--no-renames', '--relative', '-z', base, 'HEAD', '--']),
        local,
    ]);
    if (!onDisk)
        return `${root} is not a git checkout, so what changed since the recorded commit cannot be known`;
    // 1: not an ancestor; anything else: the commit is not here (a shallow checkout, another history).
    if (ancestor.exitCode === 1)
        return `the recorded commit ${incremental_scope_short(base)} is not an ancestor of this commit (a force push, or an older commit deployed)`;
    if (ancestor.exitCode !== 0 || diff.exitCode !== 0) {
        const shallow = await run(['rev-parse', '--is-shallow-repository']);
        return shallow.stdout.trim() === 'true'
            ? `the recorded commit ${incremental_scope_short(base)} is not in this shallow checkout; set fetch-depth: 0 (or deep enough to reach it) for incremental plans`
            : `the recorded commit ${incremental_scope_short(base)} is not in the checkout`;
    }
    return new Set([...diff.stdout.split('\0'), ...onDisk].filter(Boolean));
}
/**
 * What differs on disk from HEAD: changed tracked files and files git does not track (undefined
 * outside a git work tree). Needs no record, so it can start before the plan renders anything: these
 * walk the whole work tree, the slow part of an incremental plan's set-up.
 */
function localChanges(root) {
    const run = (args) => (0,git/* git */.$)(args, { cwd: root, allowFailure: true });
    const result = Promise.all([
        run(['diff', '--name-only', '--no-renames', '--relative', '-z', 'HEAD', '--']),
        run(['ls-files', '--others', '-z', '--', '.']),
    ]).then(([tracked, untracked]) => tracked.exitCode === 0 && untracked.exitCode === 0
        ? [...tracked.stdout.split('\0'), ...untracked.stdout.split('\0')]
        : undefined);
    result.catch(() => undefined); // a plan that turns full never awaits it
    return result;
}
/**
 * The template values the base commit rendered with, when its environment file differs from the
 * checkout's (undefined when it does not, so the values are the same). Values from outside the
 * repository make the plan full before this is asked (record-state.ts).
 */
async function environmentValuesAt(o, base, changed) {
    const env = o.environment;
    const files = template/* ENVIRONMENT_FILE_EXTENSIONS */.AD.map((ext) => (0,template/* environmentFile */.qU)(env, ext));
    if (!files.some((f) => changed.has(f)))
        return undefined;
    // Values also reach resources through APIOps overrides ({#token#}), rendered when the repository
    // was loaded: a changed value could change any resource the configuration names.
    if (await (0,apiops_config/* findApiopsConfiguration */.gX)(o.repository.root, env, o.repository.artifactsPath))
        return 'configuration';
    for (const file of files) {
        const shown = await (0,git/* git */.$)(['show', `${base}:./${file}`], { cwd: o.repository.root, allowFailure: true });
        if (shown.exitCode === 0)
            return (0,template/* parseEnvironmentValues */.zq)(shown.stdout, file);
    }
    return {};
}

// EXTERNAL MODULE: ./src/deploy/workspaces.ts
var workspaces = __webpack_require__(6425);
;// CONCATENATED MODULE: ./src/deploy/plan.ts












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
        throw (0,client/* explainArmError */.SU)(err, options.connection.target);
    }
}
/** Reads at a time unless the caller says: ARM's read budget is larger than its write budget. */
const DEFAULT_READ_CONCURRENCY = 16;
async function plan(options) {
    // git walks the work tree while the desired state renders (incremental-scope.ts).
    const local = options.scope !== 'full' && !options.prune && options.environment
        ? localChanges(options.repository.root)
        : undefined;
    const desired = desiredState(options.repository, options.values ?? {}, options.filters ?? {});
    const errors = desired.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length)
        throw new DesiredStateError(errors);
    const conn = options.connection;
    const concurrency = options.readConcurrency ?? DEFAULT_READ_CONCURRENCY;
    const retry = options.retry;
    const all = [...desired.resources].sort(byOrder);
    const record = options.environment
        ? await readDeploymentRecord(conn, options.environment, retry)
        : undefined;
    const running = activeLease(record);
    const { resources, scope, recordState } = await scopeResources({
        ...options,
        record,
        request: options.scope,
        prune: options.prune === true,
        desired: all,
        values: options.values ?? {},
        local,
    });
    options.progress?.start?.(resources.length);
    const entries = await (0,deploy_concurrency/* mapLimit */.s)(resources, concurrency, async (d) => {
        const t0 = performance.now();
        const live = await (0,deploy_retry/* withArmRetry */.J6)(() => (0,deploy_resources/* readResource */.R_)(conn, d.ref), retry);
        const entry = entryFor(d, live);
        options.progress?.done(entry.kind, entry.key, entry.action, performance.now() - t0);
        return entry;
    });
    if (options.prune) {
        // APIM ids are case-insensitive: `apis/Echo` in the repository is the live `apis/echo`, not a delete.
        const wanted = new Set(all.map((r) => r.ref.key.toLowerCase()));
        const candidates = (await listLive(conn, concurrency, retry)).filter((c) => !wanted.has(c.ref.key.toLowerCase()));
        for (const c of candidates) {
            if (!(0,deploy_provenance/* isManaged */.yF)(c.ref.kind, c.live.properties))
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
                beforeHash: (0,compare/* contentHash */.Ae)((0,compare/* comparableText */.uN)(c.ref.kind, c.live.properties, c.live.properties ?? {})),
                liveProvenance: (0,deploy_provenance/* readProvenance */.Ch)(c.ref.kind, c.live.properties),
                diff: lineDiff((0,compare/* comparableText */.uN)(c.ref.kind, c.live.properties, c.live.properties ?? {}, { redact: true }), ''),
            });
        }
    }
    const summary = { create: 0, update: 0, delete: 0, unchanged: 0 };
    for (const e of entries)
        summary[e.action]++;
    summary.unchanged += scope.skipped;
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
        warnings: [
            ...desired.diagnostics.filter((d) => d.severity !== 'error').map((d) => `${d.file}: ${d.message}`),
            ...(running
                ? [
                    `A deployment of commit ${running.commit} to '${options.environment}' has been running since ${running.since}: this plan may be out of date when it ends, and a deployment of it now is refused.`,
                ]
                : []),
        ],
        scope,
        recordState,
        record,
    };
}
function byOrder(a, b) {
    return (deploy_resources/* KIND_ORDER */.ML.indexOf(a.ref.kind) - deploy_resources/* KIND_ORDER */.ML.indexOf(b.ref.kind) ||
        (a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0));
}
/** The plan entry for one desired resource against its live state. */
function entryFor(d, live) {
    const base = { key: d.ref.key, kind: d.ref.kind, ref: d.ref, file: d.file };
    const after = (0,compare/* comparableText */.uN)(d.ref.kind, d.properties, d.properties);
    if (!live.exists) {
        return {
            ...base,
            action: 'create',
            desired: d.properties,
            afterHash: (0,compare/* contentHash */.Ae)(after),
            diff: lineDiff('', (0,compare/* comparableText */.uN)(d.ref.kind, d.properties, d.properties, { redact: true })),
        };
    }
    const before = (0,compare/* comparableText */.uN)(d.ref.kind, live.properties, d.properties);
    const liveProvenance = (0,deploy_provenance/* readProvenance */.Ch)(d.ref.kind, live.properties);
    if (before === after) {
        return {
            ...base,
            action: 'unchanged',
            etag: live.etag,
            beforeHash: (0,compare/* contentHash */.Ae)(before),
            afterHash: (0,compare/* contentHash */.Ae)(after),
            liveProvenance,
        };
    }
    return {
        ...base,
        action: 'update',
        etag: live.etag,
        desired: d.properties,
        live: live.properties,
        beforeHash: (0,compare/* contentHash */.Ae)(before),
        afterHash: (0,compare/* contentHash */.Ae)(after),
        // Shown to people: the same texts with credentials-like values redacted (compare.ts, redact.ts).
        diff: lineDiff((0,compare/* comparableText */.uN)(d.ref.kind, live.properties, d.properties, { redact: true }), (0,compare/* comparableText */.uN)(d.ref.kind, d.properties, d.properties, { redact: true })),
        liveProvenance,
    };
}
function inFilters(ref, filters) {
    if (filters?.apis?.length && (ref.kind === 'apiPolicy' || ref.kind === 'operationPolicy')) {
        return filters.apis.some((a) => a.toLowerCase() === ref.apiId.toLowerCase());
    }
    if (filters?.products?.length && ref.kind === 'productPolicy')
        return filters.products.some((p) => p.toLowerCase() === ref.productId.toLowerCase());
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
        (0,deploy_retry/* withArmRetry */.J6)(() => collect(client.namedValue.listByService(rg, svc)), retry),
        (0,deploy_retry/* withArmRetry */.J6)(() => collect(client.backend.listByService(rg, svc)), retry),
        (0,deploy_retry/* withArmRetry */.J6)(() => collect(client.policyFragment.listByService(rg, svc)), retry),
        (0,deploy_retry/* withArmRetry */.J6)(() => collect(client.product.listByService(rg, svc)), retry),
        (0,deploy_retry/* withArmRetry */.J6)(() => collect(client.api.listByService(rg, svc)), retry),
    ]);
    const refs = [(0,deploy_resources/* refFor */.zh)('globalPolicy')];
    for (const nv of namedValues)
        if (nv.name && !(0,identity/* isReservedId */.Wm)(nv.name))
            refs.push((0,deploy_resources/* refFor */.zh)('namedValue', { name: nv.name }));
    for (const b of backends)
        if (b.name)
            refs.push((0,deploy_resources/* refFor */.zh)('backend', { name: b.name }));
    for (const f of fragments)
        if (f.name)
            refs.push((0,deploy_resources/* refFor */.zh)('fragment', { name: f.name }));
    for (const p of products)
        if (p.name)
            refs.push((0,deploy_resources/* refFor */.zh)('productPolicy', { productId: p.name }));
    const operations = await (0,deploy_concurrency/* mapLimit */.s)(apis.filter((a) => a.name && !a.name.includes(';rev=')), concurrency, async (a) => (0,deploy_retry/* withArmRetry */.J6)(() => collect(client.apiOperation.listByApi(rg, svc, a.name)), retry));
    apis
        .filter((a) => a.name && !a.name.includes(';rev='))
        .forEach((a, i) => {
        refs.push((0,deploy_resources/* refFor */.zh)('apiPolicy', { apiId: a.name }));
        for (const o of operations[i])
            if (o.name)
                refs.push((0,deploy_resources/* refFor */.zh)('operationPolicy', { apiId: a.name, operationId: o.name }));
    });
    refs.push(...(await (0,workspaces/* workspaceRefs */.q2)(conn, concurrency, retry)));
    const lives = await (0,deploy_concurrency/* mapLimit */.s)(refs, concurrency, (ref) => (0,deploy_retry/* withArmRetry */.J6)(() => (0,deploy_resources/* readResource */.R_)(conn, ref), retry));
    return refs.map((ref, i) => ({ ref, live: lives[i] })).filter((x) => x.live.exists);
}

// EXTERNAL MODULE: ./src/deploy/redact.ts
var redact = __webpack_require__(3334);
// EXTERNAL MODULE: ./src/shared/markdown.ts
var markdown = __webpack_require__(1680);
;// CONCATENATED MODULE: ./src/deploy/render.ts


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
/*
 * Everything from the repository or from APIM (resource ids, file names, diff lines, messages) goes
 * through the one escaper (shared/markdown.ts): Gogs renders a comment's markdown and strips every
 * tag it does not know, so an unescaped `<set-backend-service base-url=...>` in a diff would show as
 * a blank line to the reviewer.
 */
/** Markdown for the run summary / Gogs PR comment. */
function renderPlanMarkdown(plan, options = {}) {
    const s = plan.summary;
    const lines = [];
    lines.push(`### ${options.title ?? 'apim-gogs plan'}${plan.environment ? ` — ${plan.environment}` : ''}`);
    lines.push('');
    lines.push(`Commit ${(0,markdown/* codeSpan */.SS)(plan.source.commit)}${plan.source.ref ? ` (${(0,markdown/* inlineText */.ln)(plan.source.ref)})` : ''} → APIM ${(0,markdown/* codeSpan */.SS)(plan.service.serviceName)}: ` +
        `**${s.create}** to create, **${s.update}** to update, **${s.delete}** to delete, ${s.unchanged} unchanged.`);
    if (plan.scope)
        lines.push('', scopeLine(plan.scope));
    const changes = plan.entries.filter((e) => e.action !== 'unchanged');
    if (changes.length === 0) {
        lines.push('', 'No changes: APIM already matches this commit.');
    }
    else {
        lines.push('', '| Change | Resource | File |', '| --- | --- | --- |');
        for (const e of changes)
            lines.push(`| ${ICON[e.action]} | ${(0,markdown/* codeSpan */.SS)(e.key)} | ${e.file ? (0,markdown/* codeSpan */.SS)(e.file) : ''} |`);
        const withDiff = changes.filter((e) => e.diff);
        for (const e of withDiff.slice(0, MAX_DIFFS)) {
            const diffLines = (e.diff ?? '').split('\n');
            const shown = diffLines.length > MAX_DIFF_LINES
                ? [...diffLines.slice(0, MAX_DIFF_LINES), `… ${diffLines.length - MAX_DIFF_LINES} more line(s)`]
                : diffLines;
            lines.push('', `<details><summary>${ICON[e.action]} ${(0,markdown/* codeSpan */.SS)(e.key)}</summary>`, '', (0,markdown/* codeBlock */.DV)(shown.join('\n')), '', '</details>');
        }
        if (withDiff.length > MAX_DIFFS) {
            lines.push('', `… and ${withDiff.length - MAX_DIFFS} more diff(s) in the plan file.`);
        }
    }
    for (const w of plan.warnings)
        lines.push('', `> ⚠️ ${(0,markdown/* inlineText */.ln)(w)}`);
    return lines.join('\n');
}
/** Which scope ran and why; an incremental plan says what it did not look at. */
function scopeLine(scope) {
    if (scope.kind === 'full')
        return `Scope: **full** (read all ${scope.read} resources): ${scope.reason}.`;
    return (`Scope: **incremental** since \`${scope.base?.slice(0, 12)}\` (read ${scope.read} of ${scope.read + scope.skipped} resources): ${scope.reason}. ` +
        'Changes made in APIM outside apim-gogs to the other resources are not seen here; `verify` and `plan-scope: full` read everything.');
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
        lines.push('', `**Failed at ${(0,markdown/* codeSpan */.SS)(result.failure.key)}:** ${(0,markdown/* inlineText */.ln)(result.failure.message)}`);
        lines.push('', `Rolled back: ${result.restored.length ? result.restored.map(markdown/* codeSpan */.SS).join(', ') : 'nothing to roll back'}.`);
        if (result.notRestored.length) {
            lines.push('', '**Left changed (not restored):**');
            for (const n of result.notRestored)
                lines.push(`- ${(0,markdown/* codeSpan */.SS)(n.key)}: ${(0,markdown/* inlineText */.ln)(n.reason)}`);
        }
    }
    else if (result.applied.length) {
        lines.push('', '| Change | Resource |', '| --- | --- |');
        for (const a of result.applied)
            lines.push(`| ${a.action} | ${(0,markdown/* codeSpan */.SS)(a.key)} |`);
    }
    for (const w of result.warnings)
        lines.push('', `> ⚠️ ${(0,markdown/* inlineText */.ln)(w)}`);
    return lines.join('\n');
}
/**
 * The plan as people and later steps get it (the `plan` output, `--format json`): live and desired
 * content with credentials-like fields redacted. The rollback snapshot in memory keeps the real values;
 * a plan file is an artifact anyone with access to the run can read.
 */
function planForOutput(plan) {
    return {
        ...plan,
        entries: plan.entries.map((e) => ({
            ...e,
            ...(e.live ? { live: (0,redact/* redactSecrets */.f)(e.live) } : {}),
            ...(e.desired ? { desired: (0,redact/* redactSecrets */.f)(e.desired) } : {}),
        })),
    };
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

;// CONCATENATED MODULE: ./src/deploy/verify.ts

/**
 * The release gate: does live APIM match the commit? Read-only. Provenance never counts as drift.
 */
async function verifyDeployment(options) {
    // The release gate reads everything: drift on resources no commit touched is what it is for.
    const plan = await planDeployment({ ...options, scope: 'full', prune: options.includeExtra === true });
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

;// CONCATENATED MODULE: ./src/deploy/index.ts
/**
 * Deploy: the public API of src/deploy (what src/pipeline calls).
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
 *
 * Apply
 *   applyPlan(options: ApplyOptions): Promise<ApplyResult>
 *     { plan, connection, identity: Identity, concurrency? (4), writeRecord? (true), logger? }
 *     result.exitCode: 0 ok / no changes, 3 failed and rolled back, 4 not fully rolled back (result.notRestored)
 *   renderApplyMarkdown(plan, result): string
 *
 * Release gate
 *   verifyDeployment(options: VerifyOptions): Promise<VerifyResult>           // PlanOptions + includeExtra?
 *     result.exitCode: 1 drift, 0 none; renderDriftText(result): string; JSON.stringify(result) for JSON.
 *
 * Blame
 *   blame({ connection, resource, environment?, lookupAuthor?: (sha) => Promise<AuthorInfo|undefined> }): Promise<BlameResult>
 *   renderBlameText(result): string
 */














/***/ }),

/***/ 2692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ stripXmlProvenance),
/* harmony export */   Ch: () => (/* binding */ readProvenance),
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   Pv: () => (/* binding */ nextRecord),
/* harmony export */   Q2: () => (/* binding */ isProvenanceTag),
/* harmony export */   RI: () => (/* reexport safe */ _policy_identity_js__WEBPACK_IMPORTED_MODULE_2__.RI),
/* harmony export */   iE: () => (/* binding */ stamp),
/* harmony export */   oe: () => (/* binding */ stripDescriptionProvenance),
/* harmony export */   x6: () => (/* binding */ provenanceFor),
/* harmony export */   xD: () => (/* binding */ recordName),
/* harmony export */   yF: () => (/* binding */ isManaged)
/* harmony export */ });
/* unused harmony exports MANAGED_TAG, COMMIT_TAG_PREFIX, stampXml, readXmlProvenance */
/* harmony import */ var _policy_entities_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1239);
/* harmony import */ var _policy_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5446);
/* harmony import */ var _xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1113);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7514);




const MANAGED_TAG = 'apim-gogs';
const COMMIT_TAG_PREFIX = 'apim-gogs-commit-';

const DESCRIPTION_MARKER = `\n${_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVENANCE_MARKER */ .BE} `;
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
/**
 * Adds the provenance comment at its one position: right after the root start tag, or right before a
 * self-closing root (which has no content). Nothing else of the text changes, so removing the comment
 * (stripXmlProvenance) gives back exactly the validated text.
 */
function stampXml(value, p) {
    const comment = `<!-- ${_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVENANCE_MARKER */ .BE} ${commentJson(p)} -->`;
    const tag = (0,_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .readForCompare */ .rY)(value).rootTag;
    if (!tag)
        return `${comment}\n${value}`;
    if (tag.selfClosing)
        return `${value.slice(0, tag.start)}${comment}\n${value.slice(tag.start)}`;
    return `${value.slice(0, tag.end)}\n${comment}${value.slice(tag.end)}`;
}
/** The text without apim-gogs' provenance comment (and the line break stampXml put with it). */
function stripXmlProvenance(value) {
    const read = (0,_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .readForCompare */ .rY)(value);
    const c = (0,_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .provenanceComment */ .lR)(read);
    const tag = read.rootTag;
    if (!c || !tag)
        return value;
    // Only whitespace lies between the comment and the root tag (the reader keeps any other text).
    if (c.offset >= tag.end)
        return value.slice(0, tag.end) + value.slice(c.end);
    return value.slice(0, c.offset) + value.slice(tag.start);
}
function readXmlProvenance(value) {
    const c = (0,_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .provenanceComment */ .lR)((0,_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .readForCompare */ .rY)(value));
    if (!c)
        return undefined;
    const json = c.value.trimStart().slice(_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVENANCE_MARKER */ .BE.length).trim();
    // Entities as a writer may have escaped them, through the product's one decoder.
    const decoded = (0,_policy_entities_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeEntities */ .S)(json, true);
    return parseProvenance('value' in decoded ? decoded.value : json);
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
        ? description.startsWith(`${_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVENANCE_MARKER */ .BE} `)
            ? ''
            : description
        : description.slice(0, at);
    return d === '' ? undefined : d;
}
function readDescriptionProvenance(description) {
    if (typeof description !== 'string')
        return undefined;
    const at = description.lastIndexOf(`${_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVENANCE_MARKER */ .BE} `);
    return at === -1 ? undefined : parseProvenance(description.slice(at + _xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVENANCE_MARKER */ .BE.length + 1).trim());
}
function isProvenanceTag(tag) {
    return tag === MANAGED_TAG || tag.startsWith(COMMIT_TAG_PREFIX);
}
/** Desired properties with provenance added (what is PUT). */
function stamp(kind, props, p) {
    if ((0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .isXmlKind */ .q0)(kind))
        return { ...props, value: stampXml(String(props.value ?? ''), p) };
    if (kind === 'backend') {
        const user = stripDescriptionProvenance(props.description);
        return {
            ...props,
            description: `${user ?? ''}${user ? '\n' : ''}${_xml_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVENANCE_MARKER */ .BE} ${JSON.stringify(p)}`,
        };
    }
    if (kind === 'namedValue') {
        const tags = (props.tags ?? []).filter((t) => !isProvenanceTag(t));
        return { ...props, tags: [...tags, MANAGED_TAG, `${COMMIT_TAG_PREFIX}${p.commit}`] };
    }
    return props;
}
/** Provenance as stored on a live resource, when apim-gogs deployed it. */
function readProvenance(kind, props) {
    if (!props)
        return undefined;
    if ((0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .isXmlKind */ .q0)(kind))
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
    return readProvenance(kind, props) !== undefined;
}
function recordName(environment) {
    return `${_policy_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .RECORD_PREFIX */ .RI}${environment}`;
}
function parseRecord(value) {
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


/***/ }),

/***/ 3334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ redactSecrets),
/* harmony export */   h: () => (/* binding */ redactedMarker)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Redaction for what people read (plan diffs, PR comments, drift reports, records): live content is
 * untrusted and a repository file chosen by a pull-request author decides which live fields a plan
 * shows (`{"credentials":{}}` on a backend), so credentials-like fields never appear as values.
 * A redacted value shows as `<redacted 1a2b3c4d>`: a keyed digest, random per process, so one plan
 * still shows whether a secret changed, but nothing that can be guessed or linked across runs.
 */
/** Keys whose whole subtree is secret (backend credentials, authorization, certificates, passwords). */
const SECRET_KEY = /^(credentials|authorization|parameter|password|secret|clientSecret|certificate|certificates|certificateIds|certificatePassword|token|apiKey|subscriptionKey|sharedAccessKey|connectionString)$/i;
const KEY = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(32);
function redactedMarker(value) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', KEY)
        .update(JSON.stringify(value) ?? '')
        .digest('hex');
    return `<redacted ${digest.slice(0, 8)}>`;
}
/** A copy of `value` with every leaf under a secret key replaced by its marker (object keys stay). */
function redactSecrets(value, secret = false) {
    if (Array.isArray(value))
        return value.map((v) => redactSecrets(v, secret));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecrets(v, secret || SECRET_KEY.test(k))]));
    }
    return secret && value !== undefined && value !== null ? redactedMarker(value) : value;
}


/***/ }),

/***/ 7514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ writeResource),
/* harmony export */   ML: () => (/* binding */ KIND_ORDER),
/* harmony export */   Oi: () => (/* binding */ writableProperties),
/* harmony export */   R_: () => (/* binding */ readResource),
/* harmony export */   kq: () => (/* binding */ readSecretValue),
/* harmony export */   o8: () => (/* binding */ deleteResource),
/* harmony export */   q0: () => (/* binding */ isXmlKind),
/* harmony export */   zh: () => (/* binding */ refFor)
/* harmony export */ });
/* unused harmony exports POLICY_KINDS, isPolicyKind, parseResourceKey */
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
function refFor(kind, ids = {}) {
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
    if (ids.workspaceId)
        ref.key = `workspaces/${seg(ids.workspaceId)}/${ref.key}`;
    return ref;
}
/** Parses a resource key (as printed by plan and accepted by blame); also accepts APIOps file paths. */
function parseResourceKey(input) {
    const ws = /^\/*workspaces[\\/]([^\\/]+)(?:[\\/](.*))?$/.exec(input);
    if (ws) {
        const inner = parseServiceKey(ws[2] ?? '');
        if (!inner)
            return undefined;
        const { kind, key: _key, ...ids } = inner;
        return refFor(kind, { ...ids, workspaceId: decodeURIComponent(ws[1]) });
    }
    return parseServiceKey(input);
}
function parseServiceKey(input) {
    const p = input
        .replace(/\\/g, '/')
        .replace(/^\/+|\/+$/g, '')
        .replace(/\/policy\.xml$/, '')
        .replace(/\/(policyFragmentInformation|namedValueInformation|backendInformation)\.json$/, '');
    const parts = p.split('/').map((x) => decodeURIComponent(x));
    const [a, b, c, d, e, f] = parts;
    if (p === 'policies/policy' || p === 'policy' || p === 'policy.xml' || p === '')
        return refFor('globalPolicy');
    if (a === 'products' && b && (parts.length === 2 || (c === 'policies' && parts.length === 4))) {
        return refFor('productPolicy', { productId: b });
    }
    if (a === 'apis' && b && (parts.length === 2 || (c === 'policies' && parts.length === 4))) {
        return refFor('apiPolicy', { apiId: b });
    }
    if (a === 'apis' &&
        b &&
        c === 'operations' &&
        d &&
        (parts.length === 4 || (e === 'policies' && f && parts.length === 6))) {
        return refFor('operationPolicy', { apiId: b, operationId: d });
    }
    if ((a === 'policyFragments' || a === 'policy fragments') && b && parts.length === 2)
        return refFor('fragment', { name: b });
    if ((a === 'namedValues' || a === 'named values') && b && parts.length === 2)
        return refFor('namedValue', { name: b });
    if (a === 'backends' && b && parts.length === 2)
        return refFor('backend', { name: b });
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
async function readResource(conn, ref) {
    const { client, resourceGroup: rg, serviceName: svc } = conn;
    const raw = {};
    const o = capture(raw);
    const x = { ...o, format: 'rawxml' };
    const ws = ref.workspaceId;
    try {
        switch (ref.kind) {
            case 'globalPolicy':
                await (ws
                    ? client.workspacePolicy.get(rg, svc, ws, 'policy', x)
                    : client.policy.get(rg, svc, 'policy', x));
                break;
            case 'productPolicy':
                await (ws
                    ? client.workspaceProductPolicy.get(rg, svc, ws, ref.productId, 'policy', x)
                    : client.productPolicy.get(rg, svc, ref.productId, 'policy', x));
                break;
            case 'apiPolicy':
                await (ws
                    ? client.workspaceApiPolicy.get(rg, svc, ws, ref.apiId, 'policy', x)
                    : client.apiPolicy.get(rg, svc, ref.apiId, 'policy', x));
                break;
            case 'operationPolicy':
                await (ws
                    ? client.workspaceApiOperationPolicy.get(rg, svc, ws, ref.apiId, ref.operationId, 'policy', x)
                    : client.apiOperationPolicy.get(rg, svc, ref.apiId, ref.operationId, 'policy', x));
                break;
            case 'fragment':
                await (ws
                    ? client.workspacePolicyFragment.get(rg, svc, ws, ref.name, x)
                    : client.policyFragment.get(rg, svc, ref.name, x));
                break;
            case 'namedValue':
                await (ws
                    ? client.workspaceNamedValue.get(rg, svc, ws, ref.name, o)
                    : client.namedValue.get(rg, svc, ref.name, o));
                break;
            case 'backend':
                await (ws
                    ? client.workspaceBackend.get(rg, svc, ws, ref.name, o)
                    : client.backend.get(rg, svc, ref.name, o));
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
async function readSecretValue(conn, ref) {
    const { client, resourceGroup: rg, serviceName: svc } = conn;
    const r = ref.workspaceId
        ? await client.workspaceNamedValue.listValue(rg, svc, ref.workspaceId, ref.name)
        : await client.namedValue.listValue(rg, svc, ref.name);
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
    const ws = ref.workspaceId;
    let etag;
    switch (ref.kind) {
        case 'globalPolicy':
            etag = (await (ws
                ? client.workspacePolicy.createOrUpdate(rg, svc, ws, 'policy', policy, o)
                : client.policy.createOrUpdate(rg, svc, 'policy', policy, o))).eTag;
            break;
        case 'productPolicy':
            etag = (await (ws
                ? client.workspaceProductPolicy.createOrUpdate(rg, svc, ws, ref.productId, 'policy', policy, o)
                : client.productPolicy.createOrUpdate(rg, svc, ref.productId, 'policy', policy, o))).eTag;
            break;
        case 'apiPolicy':
            etag = (await (ws
                ? client.workspaceApiPolicy.createOrUpdate(rg, svc, ws, ref.apiId, 'policy', policy, o)
                : client.apiPolicy.createOrUpdate(rg, svc, ref.apiId, 'policy', policy, o))).eTag;
            break;
        case 'operationPolicy': {
            const [api, op] = [ref.apiId, ref.operationId];
            etag = (await (ws
                ? client.workspaceApiOperationPolicy.createOrUpdate(rg, svc, ws, api, op, 'policy', policy, o)
                : client.apiOperationPolicy.createOrUpdate(rg, svc, api, op, 'policy', policy, o))).eTag;
            break;
        }
        case 'fragment': {
            const body = { ...policy, description: properties.description };
            etag = (await (ws
                ? client.workspacePolicyFragment.beginCreateOrUpdateAndWait(rg, svc, ws, ref.name, body, lro)
                : client.policyFragment.beginCreateOrUpdateAndWait(rg, svc, ref.name, body, lro))).eTag;
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
            etag = (await (ws
                ? client.workspaceNamedValue.beginCreateOrUpdateAndWait(rg, svc, ws, ref.name, body, lro)
                : client.namedValue.beginCreateOrUpdateAndWait(rg, svc, ref.name, body, lro))).eTag;
            break;
        }
        case 'backend': {
            const { type, provisioningState: _p, ...rest } = properties;
            const body = { ...rest, ...(type !== undefined ? { typePropertiesType: type } : {}) };
            etag = (await (ws
                ? client.workspaceBackend.createOrUpdate(rg, svc, ws, ref.name, body, o)
                : client.backend.createOrUpdate(rg, svc, ref.name, body, o))).eTag;
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
    const ws = ref.workspaceId;
    const m = ifMatch;
    try {
        switch (ref.kind) {
            case 'globalPolicy':
                await (ws
                    ? client.workspacePolicy.delete(rg, svc, ws, 'policy', m)
                    : client.policy.delete(rg, svc, 'policy', m));
                break;
            case 'productPolicy':
                await (ws
                    ? client.workspaceProductPolicy.delete(rg, svc, ws, ref.productId, 'policy', m)
                    : client.productPolicy.delete(rg, svc, ref.productId, 'policy', m));
                break;
            case 'apiPolicy':
                await (ws
                    ? client.workspaceApiPolicy.delete(rg, svc, ws, ref.apiId, 'policy', m)
                    : client.apiPolicy.delete(rg, svc, ref.apiId, 'policy', m));
                break;
            case 'operationPolicy':
                await (ws
                    ? client.workspaceApiOperationPolicy.delete(rg, svc, ws, ref.apiId, ref.operationId, 'policy', m)
                    : client.apiOperationPolicy.delete(rg, svc, ref.apiId, ref.operationId, 'policy', m));
                break;
            case 'fragment':
                await (ws
                    ? client.workspacePolicyFragment.delete(rg, svc, ws, ref.name, m)
                    : client.policyFragment.delete(rg, svc, ref.name, m));
                break;
            case 'namedValue':
                await (ws
                    ? client.workspaceNamedValue.delete(rg, svc, ws, ref.name, m)
                    : client.namedValue.delete(rg, svc, ref.name, m));
                break;
            case 'backend':
                await (ws
                    ? client.workspaceBackend.delete(rg, svc, ws, ref.name, m)
                    : client.backend.delete(rg, svc, ref.name, m));
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


/***/ }),

/***/ 5001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hu: () => (/* binding */ outcomeUnknown),
/* harmony export */   J6: () => (/* binding */ withArmRetry)
/* harmony export */ });
/* unused harmony exports isTransient, retryReason */
/* harmony import */ var _shared_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3091);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9737);


function isTransient(err) {
    const info = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .armErrorInfo */ .Dv)(err);
    if (info.status === 429 ||
        info.status === 500 ||
        info.status === 502 ||
        info.status === 503 ||
        info.status === 504) {
        return true;
    }
    if (info.status === 409 && info.code === 'PessimisticConcurrencyConflict')
        return true;
    if (!info.status)
        return (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .connectionFailed */ .Up)(err);
    return false;
}
/** Whether the request may have reached the server and been applied (the outcome is unknown). */
function outcomeUnknown(err) {
    const info = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .armErrorInfo */ .Dv)(err);
    return !info.status || info.status >= 500;
}
/** Why a request is retried, for the progress log: `429 TooManyRequests, Retry-After 3 s`, `503 ...`, `dropped connection (ECONNRESET)`. */
function retryReason(err) {
    const info = (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .armErrorInfo */ .Dv)(err);
    if (!info.status) {
        const code = err?.code;
        return `dropped connection (${code || info.message})`;
    }
    const what = `${info.status}${info.code ? ` ${info.code}` : ''}`;
    return info.retryAfterMs !== undefined ? `${what}, Retry-After ${info.retryAfterMs / 1000} s` : what;
}
/** ARM's retry policy on the one retry loop (src/shared/retry.ts). */
async function withArmRetry(fn, options = {}) {
    return (0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .b)(fn, isTransient, {
        attempts: options.attempts ?? 5,
        baseDelayMs: options.baseDelayMs ?? 500,
        maxDelayMs: options.maxDelayMs ?? 30_000,
        delayFor: (err) => (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .armErrorInfo */ .Dv)(err).retryAfterMs,
        onRetry: (attempt, delay, err) => options.onRetry?.(attempt, delay, retryReason(err)),
    });
}


/***/ }),

/***/ 6425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kJ: () => (/* binding */ listWorkspaceIds),
/* harmony export */   q2: () => (/* binding */ workspaceRefs)
/* harmony export */ });
/* unused harmony export listWorkspace */
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9988);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7514);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5001);



/**
 * The APIM workspaces of a service and what apim-gogs manages in each (policy, named values, backends,
 * fragments, API, operation and product policies), as refs for prune, verify's extra check and extract.
 * A service without workspaces (or a tier that has none) answers an empty list, or 400/404 on the
 * workspace list: both mean "no workspaces", never a failed plan.
 */
const collect = async (it) => {
    const out = [];
    for await (const x of it)
        out.push(x);
    return out;
};
const named = (xs) => xs.map((x) => x.name).filter((n) => !!n);
/** Workspace ids of the service, sorted; empty when the service has none or no workspace support. */
async function listWorkspaceIds(conn, retry) {
    const { client, resourceGroup: rg, serviceName: svc } = conn;
    try {
        return named(await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withArmRetry */ .J6)(() => collect(client.workspace.listByService(rg, svc)), retry)).sort();
    }
    catch (err) {
        const status = err.statusCode;
        if (status === 400 || status === 404)
            return [];
        throw err;
    }
}
async function listWorkspace(conn, workspaceId, concurrency, retry) {
    const { client, resourceGroup: rg, serviceName: svc } = conn;
    const ws = workspaceId;
    const arm = (fn) => (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withArmRetry */ .J6)(fn, retry);
    const [namedValues, backends, fragments, products, apis] = await Promise.all([
        arm(() => collect(client.workspaceNamedValue.listByService(rg, svc, ws))),
        arm(() => collect(client.workspaceBackend.listByWorkspace(rg, svc, ws))),
        arm(() => collect(client.workspacePolicyFragment.listByService(rg, svc, ws))),
        arm(() => collect(client.workspaceProduct.listByService(rg, svc, ws))),
        arm(() => collect(client.workspaceApi.listByService(rg, svc, ws))),
    ]);
    const apiIds = named(apis)
        .filter((a) => !a.includes(';rev='))
        .sort();
    const operations = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimit */ .s)(apiIds, concurrency, async (a) => named(await arm(() => collect(client.workspaceApiOperation.listByApi(rg, svc, ws, a)))).sort());
    return {
        workspaceId,
        namedValues: named(namedValues).sort(),
        backends: named(backends).sort(),
        fragments: named(fragments).sort(),
        products: named(products).sort(),
        apis: apiIds.map((id, i) => ({ id, operations: operations[i] })),
    };
}
/** Every resource of the managed kinds in every workspace (each may or may not exist: read to know). */
async function workspaceRefs(conn, concurrency, retry) {
    const ids = await listWorkspaceIds(conn, retry);
    const listings = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimit */ .s)(ids, concurrency, (ws) => listWorkspace(conn, ws, concurrency, retry));
    return listings.flatMap((l) => {
        const workspaceId = l.workspaceId;
        return [
            (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .refFor */ .zh)('globalPolicy', { workspaceId }),
            ...l.namedValues.map((name) => (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .refFor */ .zh)('namedValue', { name, workspaceId })),
            ...l.backends.map((name) => (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .refFor */ .zh)('backend', { name, workspaceId })),
            ...l.fragments.map((name) => (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .refFor */ .zh)('fragment', { name, workspaceId })),
            ...l.products.map((productId) => (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .refFor */ .zh)('productPolicy', { productId, workspaceId })),
            ...l.apis.flatMap((a) => [
                (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .refFor */ .zh)('apiPolicy', { apiId: a.id, workspaceId }),
                ...a.operations.map((operationId) => (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .refFor */ .zh)('operationPolicy', { apiId: a.id, operationId, workspaceId })),
            ]),
        ];
    });
}


/***/ }),

/***/ 1113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ PROVENANCE_MARKER),
/* harmony export */   Vz: () => (/* binding */ detectPolicyFormat),
/* harmony export */   lR: () => (/* binding */ provenanceComment),
/* harmony export */   rY: () => (/* binding */ readForCompare),
/* harmony export */   u3: () => (/* binding */ canonicalOrRaw)
/* harmony export */ });
/* unused harmony exports PolicyXmlError, normalizeText, canonicalPolicy, policiesEqual */
/* harmony import */ var _policy_reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5171);
/* harmony import */ var _policy_expression_scanner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1029);


/**
 * Semantic comparison of APIM policy XML. Both sides (the repository file and what APIM returns with
 * `format=rawxml`) are reduced to one canonical text: attributes sorted, entities decoded, CRLF made LF,
 * indentation and blank lines dropped, `<a></a>` equal to `<a />`. Two policies are equal exactly when
 * their canonical texts are equal; the readable diff is a line diff of the canonical texts, so it only
 * ever shows real changes.
 *
 * The tree comes from the validator's own expression-aware reader (policy/reader.ts): one tokenizer and
 * one entity decoder for the product, so what is compared and deployed is read exactly as it was
 * validated (an `@("<!--")` inside an expression is code to both, never a comment).
 *
 * What is deliberately not significant: whitespace at the start and end of every line of text, blank
 * lines, attribute order and quoting, entity escaping (`=>` vs `=&gt;`), and the provenance comment
 * apim-gogs itself puts at its one place (see provenance.ts). Whitespace inside a line, every other
 * comment, element order and every character of an expression are significant.
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
/** The marker that opens the provenance comment (`<!-- apim-gogs: {...} -->`). */
const PROVENANCE_MARKER = 'apim-gogs:';
/**
 * Reads a policy for comparison. Live content is whatever APIM holds, so no size limit of ours applies
 * here (the deploy path refuses an oversized repository file long before).
 */
function readForCompare(text) {
    return (0,_policy_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .readPolicy */ .T4)(text, { maxBytes: Number.MAX_SAFE_INTEGER });
}
/**
 * The provenance comment apim-gogs wrote, found only at its one position: the first child of the
 * root element, or (for a self-closing root, which has no children) the node right before the root.
 * Found as a real comment node by the expression-aware reader, so text inside an expression or a
 * comment further down can never be taken for it.
 */
function provenanceComment(read) {
    const root = read.root;
    const tag = read.rootTag;
    if (!root || !tag)
        return undefined;
    const first = root.children[0];
    if (first?.type === 'comment')
        return isMarked(first.value) ? first : undefined;
    if (root.children.length > 0)
        return undefined;
    const before = read.comments.filter((c) => c.end <= tag.start).pop();
    return before && isMarked(before.value) ? before : undefined;
}
const isMarked = (value) => value.trimStart().startsWith(PROVENANCE_MARKER);
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
/**
 * The canonical text of a policy: one line per element, comment and text line, two-space indentation.
 * Equal canonical text means the same policy. Throws PolicyXmlError for text that is not a policy.
 */
function canonicalPolicy(text) {
    const read = readForCompare(text);
    if (!read.root) {
        const e = read.errors[0];
        throw new PolicyXmlError(e?.message ?? 'The document has no root element.', e?.line ?? 1, e?.column ?? 1);
    }
    const stamp = provenanceComment(read);
    const body = [];
    const seen = new Set();
    const comment = (value, pad) => `${pad}<!-- ${normalizeText(value).replace(/\n/g, ' ')} -->`;
    // Iterative walk: nesting depth is bounded by the reader, but recursion is not needed.
    const stack = [{ node: read.root, pad: '' }];
    while (stack.length) {
        const { node: n, pad } = stack.pop();
        if ('close' in n) {
            body.push(`${pad}</${n.close}>`);
        }
        else if (n.type === 'comment') {
            seen.add(n);
            body.push(comment(n.value, pad));
        }
        else if (n.type === 'text') {
            const t = normalizeText(n.value);
            if (t)
                for (const l of t.split('\n'))
                    body.push(pad + l);
        }
        else {
            const attrs = [...n.attributes]
                .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
                .map((a) => ` ${a.name}="${escapeAttr(normalizeText(a.value))}"`)
                .join('');
            const kids = mergeText(n.children.filter((c) => c !== stamp));
            if (!kids.some((c) => c.type !== 'text' || normalizeText(c.value))) {
                body.push(`${pad}<${n.name}${attrs} />`);
                continue;
            }
            body.push(`${pad}<${n.name}${attrs}>`);
            stack.push({ node: { close: n.name }, pad });
            for (let i = kids.length - 1; i >= 0; i--)
                stack.push({ node: kids[i], pad: `${pad}  ` });
        }
    }
    // Comments outside the root element (before it or after it) count too, in their place.
    const outside = read.comments.filter((c) => c !== stamp && !seen.has(c));
    const rootStart = read.rootTag.start;
    return [
        ...outside.filter((c) => c.end <= rootStart).map((c) => comment(c.value, '')),
        ...body,
        ...outside.filter((c) => c.offset > rootStart).map((c) => comment(c.value, '')),
    ].join('\n');
}
/** Adjacent text pieces (text and CDATA, or text split by a dropped comment) are one text. */
function mergeText(nodes) {
    const merged = [];
    for (const n of nodes) {
        const last = merged[merged.length - 1];
        if (n.type === 'text' && last?.type === 'text')
            merged[merged.length - 1] = { ...last, value: last.value + n.value };
        else
            merged.push(n);
    }
    return merged;
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
const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
const RAW_ONLY = /<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
/**
 * The format a repository policy is written in. Raw policy format keeps `<`, `&&`, `"` unescaped in
 * expressions; the XML-escaped form (`@(a &lt; b)`) has entity references there instead. A policy whose
 * expressions hold entity references and no raw `<` or `&` is sent as `xml` (APIM decodes it); anything
 * else as `rawxml` (sent as `rawxml`, an escaped expression would reach the C# compiler as `&lt;`).
 */
function detectPolicyFormat(text) {
    let entities = false;
    for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) {
        if (!(0,_policy_expression_scanner_js__WEBPACK_IMPORTED_MODULE_1__/* .startsExpression */ .I)(text, i))
            continue;
        const r = (0,_policy_expression_scanner_js__WEBPACK_IMPORTED_MODULE_1__/* .scanExpression */ .O)(text, i);
        if (!r.ok)
            return 'rawxml';
        const expr = text.slice(i, r.end);
        if (RAW_ONLY.test(expr))
            return 'rawxml';
        if (ENTITY.test(expr))
            entities = true;
        i = r.end - 1;
    }
    return entities ? 'xml' : 'rawxml';
}


/***/ }),

/***/ 6788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ connectApim)
/* harmony export */ });
/* harmony import */ var _deploy_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7378);

/** Signs in the way the settings say (lazily: the first ARM request gets the token) and points the SDK at the service. */
function connectApim(host, azure) {
    const credential = (0,_deploy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createCredential */ .GO)({
        auth: azure.auth,
        tenantId: azure.tenantId,
        clientId: azure.clientId,
        authorityHost: azure.authorityHost,
        audience: azure.audience,
        getIdToken: (aud) => host.getIdToken(aud),
        serviceConnectionId: host.azureServiceConnection?.()?.id,
    });
    return new _deploy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .ApimConnection */ .uF(credential, azure.target);
}


/***/ })

};
