# Sourced by serve.sh and test.sh: installs what is missing, quickly when nothing is.
# Python packages go into .venv (pinned by constraints.txt); the browser tests also need
# Debian's chromium, nginx, poppler-utils (pdftotext) and libreoffice-writer-nogui (converts the
# Word downloads in the tests), and npm packages (package-lock.json: the JavaScript linters
# ESLint and Prettier, axe-core, Lighthouse).

# A fresh Debian or Ubuntu has python3 without its venv module ("ensurepip is not available"):
# install python3-venv as root or with sudo, as for chromium below, or say what to install.
check_python_venv() {
  python3 -c "import ensurepip, venv" >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if command -v apt-get >/dev/null && { [ -z "$sudo" ] || command -v sudo >/dev/null; }; then
    echo "Installing the Debian package python3-venv ..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
    python3 -c "import ensurepip, venv" >/dev/null 2>&1 && return 0
  fi
  echo "Python's venv module is missing: install the package python3-venv (sudo apt-get install python3-venv), then run this again." >&2
  return 1
}

setup_python() {
  local stamp=.venv/.installed
  local wanted
  wanted=$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
  if [ ! -x .venv/bin/pip ]; then
    check_python_venv || return 1
    echo "Creating the Python environment in .venv ..."
    python3 -m venv --clear .venv
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "Installing Python packages (pinned) ..."
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[site,test]"
    echo "$wanted" > "$stamp"
  fi
  # shellcheck disable=SC1091
  . .venv/bin/activate
}

setup_browser_tools() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  command -v libreoffice >/dev/null || missing+=(libreoffice-writer-nogui)  # opens the Word files
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]} ..."
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  local lock
  lock=$(sha256sum package-lock.json | cut -c1-16)
  if [ "$(cat node_modules/.installed 2>/dev/null)" != "$lock" ]; then
    echo "Installing npm test packages (pinned) ..."
    npm ci --no-audit --no-fund --silent
    echo "$lock" > node_modules/.installed
  fi
}
