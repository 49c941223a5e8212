#!/usr/bin/env bash
# Fails when a tracked C++ file differs from .clang-format (Debian 12's clang-format 14).
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"
git ls-files -z '*.cpp' '*.h' | xargs -0 "$CLANG_FORMAT" --dry-run --Werror
