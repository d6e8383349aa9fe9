#!/usr/bin/env bash
# Create or update the project's two Python environments and its tools.
#
#   .venv       Python 3.11: action server, bot/, web app, tests
#   .venv-rasa  Python 3.10: Rasa Open Source 3.6.21 (needs Python 3.8-3.10)
#   nginx       Debian's package (scripts/nginx.sh), when missing
#
# Each environment is rebuilt only when its requirements file changed
# (a hash is kept inside the venv). Usage: scripts/setup_env.sh [--with-test-tools]
# --with-test-tools also installs Chromium (Debian package) and the widget's
# npm packages used by the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

PY311="${PY311:-python3.11}"
command -v "$PY311" >/dev/null 2>&1 || PY311=python3
PY310="${PY310:-}"
if [[ -z "$PY310" ]]; then
  if command -v pyenv >/dev/null 2>&1 && [[ -x "$(pyenv root)/versions/3.10.13/bin/python" ]]; then
    PY310="$(pyenv root)/versions/3.10.13/bin/python"
  else
    PY310="$(command -v python3.10 || true)"
  fi
fi
[[ -n "$PY310" ]] || { echo "Python 3.10 is needed for Rasa 3.6 (pyenv install 3.10.13)." >&2; exit 1; }

build_venv() {  # build_venv <dir> <python> <requirements file>
  local dir="$1" python="$2" requirements="$3" stamp
  stamp="$(sha256sum "$requirements" | cut -c1-16)"
  if [[ -f "$dir/.requirements-hash" && "$(cat "$dir/.requirements-hash")" == "$stamp" ]]; then
    return 0
  fi
  echo "==> Building $dir from $requirements (a few minutes the first time)"
  # An existing environment is updated in place; a broken one is rebuilt.
  if ! "$dir/bin/python" -c "import sys" >/dev/null 2>&1; then
    rm -rf "$dir"
    "$python" -m venv "$dir"
  fi
  # (grep drops pip's notes about this machine's unused local package folders)
  "$dir/bin/pip" install --quiet --upgrade pip 2>&1 | { grep -v "is ignored: it is neither" || true; }
  "$dir/bin/pip" install --quiet -r "$requirements" 2>&1 | { grep -v "is ignored: it is neither" || true; }
  echo "$stamp" > "$dir/.requirements-hash"
}

build_venv .venv "$PY311" requirements/app.txt
build_venv .venv-rasa "$PY310" requirements/rasa.txt
# The reverse proxy in front of the servers (Debian package, installed once).
scripts/nginx.sh

if [[ "${1:-}" == "--with-test-tools" ]]; then
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "==> Installing Chromium from Debian's packages"
    if [[ "$(id -u)" == 0 ]]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
  fi
fi

if [[ -f widget/package-lock.json ]]; then
  lockhash="$(sha256sum widget/package-lock.json | cut -c1-16)"
  if [[ ! -f widget/node_modules/.lock-hash || "$(cat widget/node_modules/.lock-hash)" != "$lockhash" ]]; then
    echo "==> Installing the widget's npm packages"
    (cd widget && npm ci --silent --no-audit --no-fund)
    echo "$lockhash" > widget/node_modules/.lock-hash
  fi
fi
