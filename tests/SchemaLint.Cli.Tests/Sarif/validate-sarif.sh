#!/usr/bin/env bash
# Validates a SARIF log twice, with tools from the npm registry, installed (pinned) on first use into a cache folder
# outside the repository, so a fresh machine needs only node and npm:
#  1. strictly against the SARIF 2.1.0 JSON schema that Microsoft's SARIF multitool ships (sarif-2.1.0.json, JSON Schema
#     draft 2020-12), with ajv-cli: the multitool's own `validate` skips schema checks on logs it can deserialize
#     (a result level "severe" passes it), so the schema check cannot be left to it;
#  2. with the multitool's `validate` (@microsoft/sarif-multitool), for the spec rules beyond the schema (SARIF1xxx/2xxx).
# Usage: validate-sarif.sh <log.sarif> <multitool-output.sarif>
# Exit code 0: the schema accepts the log; 3: it does not (ajv's errors on stdout); the multitool's findings are in the output log.
set -euo pipefail

input=$1
output=$2
multitool_version=5.7.0
tools_dir=${SCHEMALINT_SARIF_TOOLS:-"${XDG_CACHE_HOME:-$HOME/.cache}/schemalint-tests/sarif-tools-$multitool_version"}

if [ ! -x "$tools_dir/node_modules/.bin/ajv" ] || [ ! -x "$tools_dir/node_modules/.bin/sarif-multitool" ]; then
  mkdir -p "$tools_dir"
  npm install --prefix "$tools_dir" --no-audit --no-fund --no-save --loglevel=error \
    "@microsoft/sarif-multitool@$multitool_version" ajv-cli@5.0.0 ajv-formats@3.0.1 >&2
fi

platform_dir=$(ls -d "$tools_dir"/node_modules/@microsoft/sarif-multitool-*/ | head -n 1)
# The platform package marks its binary executable in a postinstall script, which npm may decline to run.
chmod u+x "$platform_dir/Sarif.Multitool"

# ajv needs a .json extension to read the log as JSON.
copy=$(mktemp --suffix=.json)
trap 'rm -f "$copy"' EXIT
cp "$input" "$copy"
schema_status=0
"$tools_dir/node_modules/.bin/ajv" validate --spec=draft2020 --strict=false --all-errors --errors=line \
  -c ajv-formats -s "$platform_dir/sarif-2.1.0.json" -d "$copy" 2>&1 || schema_status=3

# Called directly: the npm wrapper passes arguments through a shell.
rm -f "$output"
"$platform_dir/Sarif.Multitool" validate "$input" --output "$output" >&2
exit $schema_status
