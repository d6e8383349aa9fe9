#!/usr/bin/env bash
# Install nginx from Debian's packages when it is missing (the reverse proxy
# that is DigiPoint's one public entry; see deploy/nginx.conf.j2). The package's
# own service is not used: supervisord runs nginx with a per-run config.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then exit 0; fi
echo "==> Installing nginx from Debian's packages"
sudo=()
[[ "$(id -u)" == 0 ]] || sudo=(sudo)
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq nginx-light >/dev/null
