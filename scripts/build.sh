#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds Parallax in build/.
# Usage: scripts/build.sh [extra cmake -D options]
# Env: PARALLAX_BUILD_DIR (default: build), PARALLAX_JOBS (default: number of cores).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/install_deps.sh"
build_dir=${PARALLAX_BUILD_DIR:-$here/build}
jobs=${PARALLAX_JOBS:-$(nproc)}
cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs"
