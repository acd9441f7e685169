#!/usr/bin/env bash
# Runs every test: installs what the tests need, starts a throw-away PostgreSQL, runs each test
# project, and ends with one line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")"
. scripts/throwaway-postgres.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
pg_install_if_missing || exit 1
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing chromium…" >&2
  apt_install chromium || exit 1
fi

results=$(mktemp -d /tmp/parley-results.XXXXXX)
trap 'pg_stop; rm -rf "$results"' EXIT
trap 'exit 130' INT TERM
pg_start || { echo "test.sh: could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }

if ! dotnet build Parley.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "test.sh: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0 failed=0 skipped=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --logger "console;verbosity=normal" 2>&1 | grep -vE '^\s*(Passed|Skipped) ' || true
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "test.sh: $name produced no results"
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
