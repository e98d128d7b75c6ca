#!/usr/bin/env bash
# Rebuilds the web UI's static assets (internal/web/static) from web/src
# with the npm packages pinned in package-lock.json. Go embeds the result,
# which is committed: building or installing dossier needs no Node.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
