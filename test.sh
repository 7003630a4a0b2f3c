#!/usr/bin/env bash
# The test command: installs what the tests run for real when it is missing, then runs `dotnet test` with the
# arguments given (./test.sh --filter "FullyQualifiedName~Sync"). Where both are installed, plain `dotnet test` is the same.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages: Chromium (the browser tests drive it) and Prometheus (one test scrapes /metrics with it).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: the tests need ${missing[*]}, and this machine has no apt-get to install them." >&2
    echo "Install ${missing[*]} with your system's package manager (on PATH), then run ./test.sh again." >&2
    exit 2
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      echo "test.sh: the tests need ${missing[*]}; installing them takes root." >&2
      echo "Run: sudo apt-get install --no-install-recommends ${missing[*]}   then ./test.sh again." >&2
      exit 2
    fi
  fi
  echo "test.sh: installing ${missing[*]} (Debian packages the tests run)..."
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec dotnet test "$@"
