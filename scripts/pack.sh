#!/usr/bin/env bash
# Packs every SchemaLint package into one folder, to use as a NuGet package source (README.md, "Add it to your project"):
#   SchemaLint.Analyzers          analyzers and quick fixes (IDE and build)
#   SchemaLint.Core               the rule engine (a dependency of SchemaLint.EntityFrameworkCore)
#   SchemaLint.EntityFrameworkCore  the test-suite API (SchemaAudit.Run/Verify)
#   schemalint                    the console command, a .NET tool
#
# Usage: scripts/pack.sh [folder] [extra dotnet pack arguments...]    (default folder: ./packages)
# All four share one version (Directory.Build.props). Without bash, run the same `dotnet pack` for each project below.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="${1:-$root/packages}"
shift || true
mkdir -p "$output"
output="$(cd "$output" && pwd)"

for project in SchemaLint.Analyzers.Package SchemaLint.Core SchemaLint.EntityFrameworkCore SchemaLint.Cli; do
    dotnet pack "$root/src/$project/$project.csproj" -c Release -o "$output" -nologo -v:q "$@"
done

echo "SchemaLint packages in $output:"
ls -1 "$output"/*.nupkg | sed "s|^$output/|  |"
