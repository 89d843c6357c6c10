#!/usr/bin/env bash
# Set up (when needed), build and serve the toolkit at http://127.0.0.1:8000/ with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/setup.sh
setup_python
export NO_MKDOCS_2_WARNING=1
echo "The toolkit will be served at http://127.0.0.1:8000/ (Estonian: http://127.0.0.1:8000/et/). Stop with Ctrl+C."
exec mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
