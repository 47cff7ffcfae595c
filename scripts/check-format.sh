#!/usr/bin/env bash
# Fails when a C++ file is not clang-format clean (style in .clang-format). Run by CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find domain persistence cli gui tests bench -name '*.cpp' -o -name '*.h')
clang-format --dry-run -Werror $files
