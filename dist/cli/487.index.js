export const id = 487;
export const ids = [487];
export const modules = {

/***/ 66487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateStage: () => (/* binding */ validateStage)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/diagnostic.ts
var diagnostic = __webpack_require__(81400);
// EXTERNAL MODULE: ./src/gogs/git.ts
var git = __webpack_require__(87956);
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
var credentials = __webpack_require__(48830);
// EXTERNAL MODULE: ./src/policy/layout.ts + 1 modules
var layout = __webpack_require__(55832);
// EXTERNAL MODULE: ./src/policy/template.ts
var template = __webpack_require__(67886);
// EXTERNAL MODULE: ./src/report/index.ts + 7 modules
var report = __webpack_require__(79647);
// EXTERNAL MODULE: ./src/validate/index.ts + 6 modules
var validate = __webpack_require__(55655);
;// CONCATENATED MODULE: ./src/core/stages/validate-stage.ts








/**
 * Validates the whole checked-out repository and annotates the run. On a pull request only the files
 * it changes are annotated (the rest are still checked and counted).
 */
async function validateStage(host, inputs, co) {
    return host.logger.group('Validate policies', async () => {
        const repository = await (0,layout/* loadRepository */.r)(co.path);
        const templateValues = inputs.environment ? await (0,template/* loadEnvironmentValues */.c3)(co.path, inputs.environment) : {};
        const result = await (0,validate/* validateRepository */.FL)({
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
        host.logger.info((0,report/* formatReport */.CI)(result, 'stylish'));
        host.setOutput('diagnostics', String(result.diagnostics.length));
        await host.appendSummary((0,report/* formatReport */.CI)(result, 'markdown'));
        const failed = result.diagnostics.some((d) => (0,diagnostic/* atOrAbove */.kU)(d.severity, inputs.failSeverity));
        return { result, failed, repository, templateValues };
    });
}


/***/ })

};
