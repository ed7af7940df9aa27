#!/usr/bin/env bash
# Install what the export tests drive from outside Python, when it is missing:
#   chromium      headless browser for the HTML page tests (Debian package)
#   fonts-wqy-microhei  a CJK font, so labels in the browser tests and screenshots are
#                 characters, not boxes (Debian package, Apache-2.0/GPL-3 with font exception)
#   raptor2-utils `rapper`, an independent Turtle parser (Debian package)
#   tools/cypher-lint  Neo4j's Cypher parser (npm @neo4j-cypher/language-support)
# Idempotent; needs root (or sudo) for apt-get, and node/npm for the Cypher parser.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  missing+=(fonts-wqy-microhei fontconfig)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-system: cannot install ${missing[*]} (not root, no sudo)" >&2; exit 1; fi
  echo "setup-system: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d tools/cypher-lint/node_modules/@neo4j-cypher/language-support ]; then
  command -v npm >/dev/null 2>&1 || { echo "setup-system: npm is needed for tools/cypher-lint" >&2; exit 1; }
  echo "setup-system: installing tools/cypher-lint (npm ci)"
  (cd tools/cypher-lint && npm ci --no-audit --no-fund --loglevel=error)
fi
