export const id = 7;
export const ids = [7];
export const modules = {

/***/ 97007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  azureStage: () => (/* binding */ azureStage)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/azure/connect.ts
var connect = __webpack_require__(67677);
// EXTERNAL MODULE: ./src/azure/index.ts + 13 modules
var azure = __webpack_require__(6944);
// EXTERNAL MODULE: ./src/gogs/client.ts + 2 modules
var gogs_client = __webpack_require__(75732);
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
var repository_name = __webpack_require__(21104);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/core/stages/azure-stage.ts








/** plan, deploy or verify against APIM. Returns the exit code. */
async function azureStage(host, inputs, co, loaded) {
    try {
        return await planApplyVerify(host, inputs, co, loaded);
    }
    catch (err) {
        // An unresolved template placeholder or a secret value in the repository is a finding in a
        // file, reported like validation's findings, before any write.
        if (!(err instanceof azure/* DesiredStateError */.o7))
            throw err;
        for (const d of err.diagnostics)
            host.annotate(d);
        host.logger.error(`${err.message} ${err.hint ?? ''}`.trim());
        return errors/* ExitCode */.yU.Findings;
    }
}
async function planApplyVerify(host, inputs, co, loaded) {
    const get = (name) => host.getInput(name)?.trim() || undefined;
    const credential = (0,connect/* readCredential */.Yz)(get, host);
    const apim = new azure/* ApimConnection */.uF(credential, (0,connect/* readTarget */._E)(get));
    const concurrency = (0,connect/* readConcurrency */.WC)(get);
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
        filters: { apis: (0,connect/* readList */.LD)(get, 'apis'), products: (0,connect/* readList */.LD)(get, 'products') },
        concurrency,
        logger: host.logger,
    };
    if (inputs.mode === 'verify') {
        const result = await host.logger.group('Verify live APIM against the commit', () => (0,azure/* verifyDeployment */.lX)(planOptions));
        const file = external_node_path_default().join(run.tempDir, `apim-gogs-drift-${co.sha.slice(0, 12)}.json`);
        await (0,promises_.writeFile)(file, `${JSON.stringify(result, null, 2)}\n`);
        const text = (0,azure/* renderDriftText */.j0)(result);
        host.logger.info(text);
        host.setOutput('drift', String(result.drift));
        host.setOutput('drift-report', file);
        await host.appendSummary(`#### Release gate\n\n\`\`\`\n${text}\n\`\`\`\n`);
        return result.exitCode;
    }
    const plan = await host.logger.group('Plan', () => (0,azure/* planDeployment */.HN)({ ...planOptions, prune: (0,connect/* readPrune */.fq)(get) }));
    const planFile = external_node_path_default().join(run.tempDir, `apim-gogs-plan-${co.sha.slice(0, 12)}.json`);
    await (0,azure/* writePlanFile */.J)(planFile, plan);
    const changes = plan.entries.filter((e) => e.action !== 'unchanged').length;
    host.setOutput('plan', planFile);
    host.setOutput('changes', String(changes));
    const planMarkdown = (0,azure/* renderPlanMarkdown */.d$)(plan);
    const counts = Object.entries(plan.summary).map(([action, n]) => `${n} ${action}`);
    host.logger.info(`Plan: ${changes} change(s): ${counts.join(', ')}.`);
    await host.appendSummary(planMarkdown);
    if (inputs.pullRequest)
        await commentOnPullRequest(host, inputs, planMarkdown);
    if (inputs.mode === 'plan')
        return errors/* ExitCode */.yU.Ok;
    const identity = await (0,azure/* resolveIdentity */.XH)(credential);
    const result = await host.logger.group('Deploy', () => (0,azure/* applyPlan */.gj)({ plan, connection: apim, identity, concurrency, logger: host.logger }));
    const recordFile = external_node_path_default().join(run.tempDir, `apim-gogs-record-${co.sha.slice(0, 12)}.json`);
    await (0,azure/* writeRecordFile */.PU)(recordFile, plan, result);
    host.setOutput('record', recordFile);
    await host.appendSummary((0,azure/* renderApplyMarkdown */.oY)(plan, result));
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


/***/ })

};
