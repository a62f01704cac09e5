export const id = 363;
export const ids = [363];
export const modules = {

/***/ 4363:
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
// EXTERNAL MODULE: ./src/deploy/index.ts + 11 modules
var deploy = __webpack_require__(7378);
// EXTERNAL MODULE: ./src/gogs/client.ts + 1 modules
var gogs_client = __webpack_require__(4802);
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
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/markdown.ts
var markdown = __webpack_require__(1680);
// EXTERNAL MODULE: ./src/pipeline/connect.ts
var connect = __webpack_require__(6788);
;// CONCATENATED MODULE: ./src/shared/progress.ts
/** A live line is redrawn at most this often: a terminal needs no more, and stderr stays cheap. */
const LIVE_INTERVAL_MS = 100;
/**
 * @param words what the work is called on the live line (`Planning`) and in the closing line (`Planned`).
 * @param now the clock (tests pass their own, so that the times in the lines are fixed).
 */
function progressReporter(sink, words, now = () => performance.now()) {
    const started = now();
    const counts = new Map();
    let finished = 0;
    let total;
    let retries = 0;
    let drawn = -Infinity;
    const tally = () => [...counts].map(([change, n]) => `${n} ${change}`).join(', ') || 'none';
    const draw = (force = false) => {
        const t = now();
        if (!sink.live || (!force && t - drawn < LIVE_INTERVAL_MS))
            return;
        drawn = t;
        sink.live(`${words.doing} ${finished}${total !== undefined ? `/${total}` : ''}: ${tally()}`);
    };
    return {
        start(n) {
            total = n;
            draw(true);
        },
        done(kind, name, change, ms) {
            finished++;
            counts.set(change, (counts.get(change) ?? 0) + 1);
            if (sink.live)
                draw(finished === total);
            else
                sink.line(`${total !== undefined ? `[${finished}/${total}] ` : ''}${kind} ${name}: ${change} (${Math.round(ms)} ms)`);
        },
        retry(attempt, delayMs, reason) {
            retries++;
            // A notice always gets a line of its own, on a terminal too: a wait should be explained.
            sink.live?.(undefined);
            sink.line(`Retrying in ${formatSeconds(delayMs)} (attempt ${attempt + 1}): ${reason}.`);
            draw(true);
        },
        finish() {
            sink.live?.(undefined);
            const what = `${finished} resource${finished === 1 ? '' : 's'}`;
            const retried = retries ? `, ${retries} retr${retries === 1 ? 'y' : 'ies'}` : '';
            sink.line(`${words.done} ${what} in ${formatSeconds(now() - started)}: ${tally()}${retried}.`);
        },
    };
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/pipeline/progress.ts

/**
 * Runs a long piece of deploy work (plan's reads, apply's writes) with a progress reporter on the
 * host: one line per resource in a CI log (inside the step's group), a live counter on a terminal,
 * retry notices either way, and a closing line with the counts and the elapsed time.
 */
async function withProgress(host, words, work) {
    const progress = progressReporter({ line: (text) => host.logger.info(text), live: host.liveLine?.bind(host) }, words);
    try {
        return await work(progress, { onRetry: (...a) => progress.retry(...a) });
    }
    finally {
        progress.finish();
    }
}

// EXTERNAL MODULE: ./src/pipeline/user-file.ts
var user_file = __webpack_require__(8014);
;// CONCATENATED MODULE: ./src/pipeline/stages/azure-stage.ts











/** plan, deploy or verify against APIM. Returns the exit code. */
async function azureStage(host, s, source, validated) {
    try {
        return await planApplyVerify(host, s, source, validated);
    }
    catch (err) {
        // An unresolved template placeholder or a secret value in the repository is a finding in a
        // file, reported like validation's findings, before any write.
        if (!(err instanceof deploy/* DesiredStateError */.o7))
            throw err;
        for (const d of err.diagnostics)
            host.annotate(d);
        host.logger.error(`${err.message} ${err.hint ?? ''}`.trim());
        return errors/* ExitCode */.yU.Findings;
    }
}
async function planApplyVerify(host, s, source, validated) {
    const azure = s.azure;
    if (!source.commit)
        throw new errors/* ConfigurationError */.j1('The commit of the repository is unknown.', 'Pass --commit.');
    const connection = (0,connect/* connectApim */.C)(host, azure);
    const run = host.runInfo();
    const planOptions = {
        repository: validated.repository,
        connection,
        source: {
            commit: source.commit,
            ref: source.ref,
            repository: source.repositoryUrl,
            runUrl: source.runUrl,
        },
        environment: s.validation.environment,
        values: validated.templateValues,
        filters: azure.filters,
        // The ruleset validation used: a changed ruleset makes the plan full.
        configFile: s.validation.config ? external_node_path_default().resolve(source.path, s.validation.config) : undefined,
        logger: host.logger,
    };
    const tag = source.commit.slice(0, 12);
    if (s.mode === 'verify') {
        const result = await host.logger.group(`Verify live APIM ${azure.target.serviceName} against the commit`, () => withProgress(host, { doing: 'Checking', done: 'Checked' }, (progress, retry) => (0,deploy/* verifyDeployment */.lX)({ ...planOptions, includeExtra: azure.includeExtra, progress, retry })));
        const json = `${JSON.stringify(result, null, 2)}\n`;
        const text = (0,deploy/* renderDriftText */.j0)(result);
        const file = s.report.file ?? external_node_path_default().join(run.tempDir, `apim-gogs-drift-${tag}.json`);
        await (0,user_file/* writeUserFile */.f)(file, json, 'drift report');
        host.setOutput('drift', String(result.drift));
        host.setOutput('drift-report', file);
        emit(host, s, text, json);
        host.annotateRun(`${result.drift ? 'Drift' : 'No drift'}: APIM ${azure.target.serviceName} ${result.drift ? 'differs from' : 'matches'} commit ${source.commit}${source.ref ? ` (${source.ref})` : ''}.`);
        await host.appendSummary(`### Release gate\n\n${(0,markdown/* codeBlock */.DV)(text)}\n`);
        return result.exitCode;
    }
    const plan = await host.logger.group('Plan', () => withProgress(host, { doing: 'Planning', done: 'Planned' }, (progress, retry) => (0,deploy/* planDeployment */.HN)({ ...planOptions, prune: azure.prune, scope: azure.planScope, progress, retry })));
    const changes = plan.entries.filter((e) => e.action !== 'unchanged').length;
    const planJson = `${JSON.stringify((0,deploy/* planForOutput */.Oq)(plan), null, 2)}\n`;
    const planFile = s.mode === 'plan' && s.report.file ? s.report.file : external_node_path_default().join(run.tempDir, `apim-gogs-plan-${tag}.json`);
    await (0,user_file/* writeUserFile */.f)(planFile, planJson, 'plan');
    host.setOutput('plan', planFile);
    host.setOutput('changes', String(changes));
    host.setOutput('plan-scope', plan.scope.kind);
    host.logger.info(`Plan scope: ${plan.scope.kind} (${plan.scope.reason}).`);
    const planMarkdown = (0,deploy/* renderPlanMarkdown */.d$)(plan);
    host.logger.info(planLine(plan, changes));
    await host.appendSummary(planMarkdown);
    if (s.pullRequest && source.gogs)
        await commentOnPullRequest(host, source, s.pullRequest.number, planMarkdown);
    if (s.mode === 'plan') {
        emit(host, s, planMarkdown, planJson);
        return errors/* ExitCode */.yU.Ok;
    }
    const identity = await (0,deploy/* resolveIdentity */.XH)(connection.credential);
    const apply = { plan, connection, identity, concurrency: azure.concurrency, logger: host.logger };
    // Nothing to change makes no request: no Deploy group, no progress (the plan line said so).
    const result = changes
        ? await host.logger.group(`Deploy to APIM ${azure.target.serviceName}`, () => withProgress(host, { doing: 'Deploying', done: 'Deployed' }, (progress, retry) => (0,deploy/* applyPlan */.gj)({ ...apply, progress, retry })))
        : await (0,deploy/* applyPlan */.gj)(apply);
    const recordJson = `${JSON.stringify((0,deploy/* deploymentRecord */.lH)(plan, result), null, 2)}\n`;
    const recordFile = s.report.file ?? external_node_path_default().join(run.tempDir, `apim-gogs-record-${tag}.json`);
    await (0,user_file/* writeUserFile */.f)(recordFile, recordJson, 'record');
    host.setOutput('record', recordFile);
    const applyMarkdown = (0,deploy/* renderApplyMarkdown */.oY)(plan, result);
    emit(host, s, applyMarkdown, recordJson);
    host.annotateRun(`${result.exitCode === 0 ? 'Deployed' : 'Deployment failed for'} commit ${source.commit}${source.ref ? ` (${source.ref})` : ''} to APIM ${azure.target.serviceName}: ${describeOutcome(result.outcome)}.`, result.exitCode === 0 ? 'notice' : 'error');
    await host.appendSummary(applyMarkdown);
    return result.exitCode;
}
/** The command's product: text for people, JSON with --format json (the CLI's stdout; a log in CI). */
function emit(host, s, text, json) {
    const format = s.report.format ?? 'text';
    if (format !== 'text' && format !== 'json')
        throw new errors/* ConfigurationError */.j1(`Format "${format}" is not text or json for ${s.mode}.`);
    host.emitReport(format === 'json' ? json.trimEnd() : text);
}
function planLine(plan, changes) {
    const counts = Object.entries(plan.summary).map(([action, n]) => `${n} ${action}`);
    return `Plan: ${changes} change(s): ${counts.join(', ')}.`;
}
const describeOutcome = (o) => ({
    'no-changes': 'no changes',
    succeeded: 'succeeded',
    'rolled-back': 'rolled back, APIM is as it was',
    'rollback-incomplete': 'NOT fully rolled back, see the summary',
})[o] ?? o;
async function commentOnPullRequest(host, source, number, markdown) {
    const g = source.gogs;
    const { owner, name } = (0,repository_name/* parseRepositoryName */.$)(g.repository);
    const ca = g.caFile ? await (0,promises_.readFile)(g.caFile, 'utf8') : undefined;
    const client = new gogs_client/* GogsClient */.a({ url: g.gogsUrl, token: g.token, ca });
    const how = await upsertPullRequestComment(client, owner, name, number, markdown);
    host.logger.info(`Plan ${how} as a comment on pull request #${number}.`);
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
