#!/usr/bin/env bash
# Installs headless Chromium (Debian package `chromium`) for the browser
# tests of the web UI, unless a Chromium is already there. Idempotent and
# quiet; .ci/run calls it before `make test`. Without Chromium the browser
# tests skip with a message; with it they run.
set -euo pipefail
for name in chromium chromium-browser google-chrome; do
	if command -v "$name" >/dev/null 2>&1; then
		exit 0
	fi
done
if [ "$(id -u)" != 0 ]; then
	echo "install-chromium.sh: Chromium is not installed; run as root to install it (apt-get install chromium)" >&2
	exit 1
fi
echo "install-chromium.sh: installing chromium" >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
