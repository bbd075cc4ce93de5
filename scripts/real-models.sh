#!/usr/bin/env bash
# The real-model yardstick's sources: the EF Core model code of public applications nobody here wrote, at pinned
# commits, cut out of local git copies into one folder per model. The opt-in tests in
# tests/SchemaLint.Analyzers.Tests/RealModels read that folder (README, "Checking a change on real models").
#
#   scripts/real-models.sh REPOSITORIES OUTPUT
#
# REPOSITORIES holds one git copy per repository, named owner+name: a clone (owner+name/.git), a bare clone
# (owner+name.git or owner+name itself), or a mirror with the repository in owner+name/repo. Each needs the pinned
# commit; a repository that is missing or lacks it is reported with the clone command and skipped, so the other models
# are still cut. OUTPUT receives one folder per model, with a real-model.properties file saying how to compile it, and
# is emptied first. Nothing cut here belongs in this repository.
set -euo pipefail

fail() { echo "real-models.sh: $*" >&2; exit 1; }
[[ $# -eq 2 ]] || fail "usage: scripts/real-models.sh REPOSITORIES OUTPUT"
repositories=$1
output=$2
[[ -d "$repositories" ]] || fail "no folder $repositories"

# model | owner+name | commit | nullable context | implicit usings | the folders holding its entity types, contexts and
# configuration, space separated. The nullable context and implicit usings are the project's own (its .csproj and
# Directory.Build.props): they decide which properties EF Core makes required, so the tests compile each model with them.
# Why these four: Kavita configures a 57-entity model in OnModelCreating and attributes; eShopOnWeb splits two contexts
# over configuration classes; eShop's ordering service maps a DDD aggregate through backing fields; Smartstore adds its
# entity types from modules at run time, so the source reader must leave its model unknown rather than guess.
manifest=(
  "kavita|Kareadita+Kavita|ed7e9d4a6|warnings|false|API/Entities API/Data API/Extensions"
  "eshoponweb|dotnet-architecture+eShopOnWeb|2414014b|enable|false|src/ApplicationCore src/Infrastructure"
  "eshop-ordering|dotnet+eShop|5624ad5|disable|true|src/Ordering.Domain src/Ordering.Infrastructure"
  "smartstore|smartstore+Smartstore|087de664d|disable|false|src/Smartstore.Core/Catalog src/Smartstore.Core/Checkout src/Smartstore.Core/Common src/Smartstore.Core/Data src/Smartstore/Data"
)

git_dir_of() {
  local base="$repositories/$1"
  for candidate in "$base/repo" "$base/.git" "$base.git" "$base"; do
    if [[ -d "$candidate" ]] && git --git-dir="$candidate" rev-parse --git-dir >/dev/null 2>&1; then
      echo "$candidate"
      return
    fi
  done
}

rm -rf "$output"
mkdir -p "$output"
cut=0
for entry in "${manifest[@]}"; do
  IFS='|' read -r model repository commit nullable implicit_usings paths <<<"$entry"
  git_dir=$(git_dir_of "$repository")
  url="https://github.com/${repository/+//}"
  if [[ -z "$git_dir" ]]; then
    echo "real-models.sh: skipped $model: no git copy of $repository in $repositories (git clone $url $repositories/$repository)" >&2
    continue
  fi
  if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "real-models.sh: skipped $model: $git_dir lacks commit $commit (git --git-dir=$git_dir fetch $url)" >&2
    continue
  fi
  mkdir -p "$output/$model"
  # shellcheck disable=SC2086 # the paths are a space-separated list by design
  git --git-dir="$git_dir" archive "$commit" $paths | tar -x -C "$output/$model"
  printf 'nullable=%s\nimplicit-usings=%s\nsource=%s@%s\n' "$nullable" "$implicit_usings" "$repository" "$commit" >"$output/$model/real-model.properties"
  files=$(find "$output/$model" -name '*.cs' | wc -l)
  echo "$model: $repository at $commit, $files C# files"
  cut=$((cut + 1))
done

[[ $cut -gt 0 ]] || fail "no model could be cut; see the messages above"
echo "cut $cut of ${#manifest[@]} models into $output"
