#!/usr/bin/env bash
# A larger run of the source reader's fuzz campaign than CI's: COUNT mutations (default 20000) from SEED (default random).
# Usage: bench/fuzz.sh [COUNT] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export SCHEMALINT_FUZZ_COUNT="${1:-20000}"
export SCHEMALINT_FUZZ_SEED="${2:-$RANDOM}"
echo "== fuzzing the source reader: $SCHEMALINT_FUZZ_COUNT mutations, seed $SCHEMALINT_FUZZ_SEED"
dotnet test tests/SchemaLint.Analyzers.Tests --nologo --filter "FullyQualifiedName~SourceModel.FuzzTests" --logger "console;verbosity=normal"
