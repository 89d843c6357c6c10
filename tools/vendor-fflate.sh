#!/usr/bin/env bash
# Rebuild the vendored zip library from the pinned npm package (package.json: fflate, esbuild):
# only the four functions the Word download uses, tree-shaken and minified as libraries ship
# (its readable source is the pinned package; the project's own code is never minified).
set -euo pipefail
cd "$(dirname "$0")/.."
target=docs/assets/javascripts/vendor
version=$(node -p 'require("./node_modules/fflate/package.json").version')
entry=$(mktemp --suffix=.js -p .)
trap 'rm -f "$entry"' EXIT
echo 'export { strFromU8, strToU8, unzipSync, zipSync } from "fflate";' > "$entry"
npx esbuild "$entry" --bundle --minify --format=esm --legal-comments=none --log-level=warning \
  --banner:js="// fflate $version (MIT, see fflate.LICENSE): strFromU8, strToU8, unzipSync, zipSync only, minified. Built by tools/vendor-fflate.sh; do not edit." \
  --outfile="$target/fflate.js"
# The export list on a line of its own, the form the offline copy's script joiner reads.
sed -i 's/}export{/}\nexport{/' "$target/fflate.js"
cp node_modules/fflate/LICENSE "$target/fflate.LICENSE"
