#!/usr/bin/env bash
# Installs dependencies, builds, and opens VideoScore Studio on a freshly generated demo project.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
cmake --build build -j"$(nproc)"
exec build/app/videoscore-studio/videoscore-studio --demo "$@"
