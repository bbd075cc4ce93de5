#!/usr/bin/env bash
# Regenerates the synthetic EF Core applications, measures build, editing and audit cost at each size, runs the per-rule
# BenchmarkDotNet suite, and writes BENCHMARKS.md at the repository root.
#
#   bench/run.sh [--sizes 100,1000,5000] [--runs 5] [--edits 20] [--editing-runs 3] [--rules-size 1000] [--skip-rules]
#
# Per size: one discarded warm-up build of each configuration (without SchemaLint, with it, with Meziantou.Analyzer), then
# --runs rounds of the three builds back to back, order rotating (so 3 x (runs + 1) builds); --edits edits spread over
# entity files, configuration classes and the context, timed --editing-runs times on each garbage collector, each time in a
# child process started for it, the collectors alternating; --runs audit pairs. Ratios are judged only from 5 rounds and 20 edits.
# Run it on a quiet machine: the load average is printed before and after each size and lands in BENCHMARKS.md.
#
# Everything generated goes to bench/out/ (ignored by git). Time on 2 cores with the defaults, measured in run 5 (an hour in
# all): 100 entities about 1.5 minutes; 1,000 about 6 minutes (builds of 10-19 s); 5,000 about 30 minutes (18 builds of
# 36-59 s, 26 edits twice over, 6 audit pairs of about 80 s); the per-rule suite about 22 minutes on top. The server-GC
# editing pass (run 8) adds about a minute at 1,000 entities and a few at 5,000; each editing run beyond the first (run 25)
# about two minutes at 1,000 entities and ten at 5,000.
# Results of each size are saved as soon as it finishes, so an interrupted run can still be reported with
# `dotnet bench/SchemaLint.Bench/bin/Release/net10.0/SchemaLint.Bench.dll report`.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="100,1000,5000"
runs=5
edits=20
editing_runs=3
rules_size=1000
skip_rules=false
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --edits) edits="$2"; shift 2 ;;
    --editing-runs) editing_runs="$2"; shift 2 ;;
    --rules-size) rules_size="$2"; shift 2 ;;
    --skip-rules) skip_rules=true; shift ;;
    *) echo "Unknown option '$1'; use --sizes 100,1000,5000 --runs 5 --edits 20 --editing-runs 3 --rules-size 1000 --skip-rules." >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# Peak memory comes from GNU time's -v report.
if [ ! -x /usr/bin/time ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
  else
    echo "note: /usr/bin/time is missing and cannot be installed here; peak memory will not be reported." >&2
  fi
fi

dotnet build bench/SchemaLint.Bench/SchemaLint.Bench.csproj -c Release -nologo -v:q
bench=(dotnet bench/SchemaLint.Bench/bin/Release/net10.0/SchemaLint.Bench.dll)

# A fresh run: results of sizes from an earlier run must not mix into this report.
rm -rf bench/out/results bench/out/bdn
"${bench[@]}" measure --sizes "$sizes" --runs "$runs" --edits "$edits" --editing-runs "$editing_runs"
if [ "$skip_rules" = false ]; then
  if [ -f "bench/out/n$rules_size/csc-command.txt" ]; then
    "${bench[@]}" rules --size "$rules_size"
  else
    echo "note: no measured app with $rules_size entities; per-rule benchmarks skipped (pass --rules-size with a measured size)." >&2
  fi
fi
"${bench[@]}" report --output BENCHMARKS.md
