#!/usr/bin/env bash
# Set up (when needed) and run every test: lint, worksheet checks, unit, site and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/setup.sh
setup_python
setup_browser_tools
export NO_MKDOCS_2_WARNING=1
echo "== ruff"; ruff check . && ruff format --check .
echo "== mypy"; mypy
echo "== eslint"; npx eslint docs/assets/javascripts "tests/**/*.mjs"
echo "== prettier"; npx prettier --check docs/assets/javascripts "tests/**/*.mjs"
# In GitHub Actions each problem becomes an annotation on its file and line in the pull request.
echo "== worksheets, data and pages"; mctoolkit check ${GITHUB_ACTIONS:+--format github}
echo "== tests"; python -m pytest -q "$@"
