#!/usr/bin/env bash
# Bundles each front door with ncc into dist/ (committed; CI checks it matches the sources).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
# Type checking is `npm run build` (tsc); ncc only transpiles.
build() { npx ncc build "$1" -o "$2" --license licenses.txt --transpile-only --quiet; }
build src/doors/action/main.ts dist                              # GitHub Action: main step
build src/doors/action/post.ts dist/post                         # GitHub Action: post step (credential clean-up)
build src/doors/cli/main.ts dist/cli                      # apim-gogs CLI (package.json bin)
build src/doors/task/main.ts dist/azure-pipelines  # Azure DevOps task
chmod +x dist/cli/index.js
npx tsx scripts/gen-metadata.ts
