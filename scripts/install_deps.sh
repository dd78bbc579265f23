#!/usr/bin/env bash
# Installs the Debian packages Parallax builds and tests with, skipping those already present.
# Usage: scripts/install_deps.sh            (needs root or sudo for apt-get)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev libeigen3-dev libyaml-cpp-dev libboost-program-options-dev
  libicu-dev libgumbo-dev nlohmann-json3-dev libkainjow-mustache-dev libstemmer-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-jsonschema clang-format
  libre2-dev  # boilerplate rules (engine/ingest): linear-time matching, all patterns at once
  zlib1g-dev  # .html.gz inputs (engine/ingest/gzip_file.cc)
  clang libclang-rt-dev  # the sanitizer and fuzzing build of the test command (scripts/sanitize.sh)
  wordnet-base  # WordNet 3.0 database files, read by engine/align/wordnet.cc at run time
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "parallax: installing missing packages: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
