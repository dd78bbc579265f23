#!/usr/bin/env bash
# Formats (default) or checks (--check) every C++ file of the project with clang-format, using
# the repository's .clang-format (Google style, 100 columns).
# Usage: scripts/format.sh [--check]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
clang_format=${CLANG_FORMAT:-$(command -v clang-format || command -v clang-format-14 || true)}
if [ -z "$clang_format" ]; then
  echo "SKIP: clang-format not found (apt-get install clang-format)"
  exit 77
fi
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cc' '*.h' 2>/dev/null || find engine tests bench -name '*.cc' -o -name '*.h')
if [ "${1:-}" = "--check" ]; then
  "$clang_format" --dry-run -Werror "${files[@]}"
  echo "format: ${#files[@]} files follow .clang-format"
else
  "$clang_format" -i "${files[@]}"
fi
