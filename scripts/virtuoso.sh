#!/usr/bin/env bash
# Install Debian's Virtuoso Open Source for the remote-store tests, if missing.
# The tests start and stop their own private instance on loopback (tests/store/virtuoso.py).
set -euo pipefail
case "${1:-ensure}" in
  ensure)
    if command -v virtuoso-t >/dev/null 2>&1; then exit 0; fi
    SUDO=""; if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq virtuoso-opensource >/dev/null
    ;;
  *) echo "usage: $0 ensure" >&2; exit 2 ;;
esac
