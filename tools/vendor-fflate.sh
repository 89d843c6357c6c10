#!/usr/bin/env bash
# Rebuild the vendored zip library from the pinned npm package (package.json: fflate, esbuild):
# only the four functions the Word download uses, tree-shaken, left readable (not minified).
set -euo pipefail
cd "$(dirname "$0")/.."
target=docs/assets/javascripts/vendor
version=$(node -p 'require("./node_modules/fflate/package.json").version')
entry=$(mktemp --suffix=.js -p .)
trap 'rm -f "$entry"' EXIT
echo 'export { strFromU8, strToU8, unzipSync, zipSync } from "fflate";' > "$entry"
npx esbuild "$entry" --bundle --format=esm --legal-comments=none --log-level=warning \
  --banner:js="// fflate $version (MIT, see fflate.LICENSE): strFromU8, strToU8, unzipSync, zipSync only. Built by tools/vendor-fflate.sh; do not edit." \
  --outfile="$target/fflate.js"
cp node_modules/fflate/LICENSE "$target/fflate.LICENSE"
