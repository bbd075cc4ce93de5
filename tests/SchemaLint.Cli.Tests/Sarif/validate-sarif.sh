#!/usr/bin/env bash
# Validates a SARIF log with Microsoft's SARIF multitool (npm package @microsoft/sarif-multitool), which checks the log
# against the official SARIF 2.1.0 JSON schema and the spec's rules. Installs the pinned version on first use into a
# cache folder outside the repository, so a fresh machine needs nothing installed by hand (only node and npm).
# Usage: validate-sarif.sh <log.sarif> <validator-output.sarif>; the validator's findings are in the output log.
set -euo pipefail

input=$1
output=$2
version=5.7.0
tools_dir=${SCHEMALINT_SARIF_TOOLS:-"${XDG_CACHE_HOME:-$HOME/.cache}/schemalint-tests/sarif-multitool-$version"}
multitool="$tools_dir/node_modules/.bin/sarif-multitool"

if [ ! -x "$multitool" ]; then
  mkdir -p "$tools_dir"
  npm install --prefix "$tools_dir" --no-audit --no-fund --no-save --loglevel=error "@microsoft/sarif-multitool@$version" >&2
fi

# The platform package marks its binary executable in a postinstall script, which npm may decline to run.
for binary in "$tools_dir"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool; do
  [ -f "$binary" ] && chmod u+x "$binary"
done

rm -f "$output"
"$multitool" validate "$input" --output "$output"
