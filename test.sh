#!/usr/bin/env bash
# Runs every test of Parley:
#   1. installs what the tests need if it is missing (Debian's postgresql, chromium and fonts-noto-cjk, via apt-get),
#   2. starts a throw-away PostgreSQL cluster (scripts/throwaway-postgres.sh) and exports
#      PARLEY_TEST_POSTGRES=Host=127.0.0.1;Port=…;Username=parley;Password=parley;Database=parley_test,
#   3. builds Parley.slnx once and runs every test project tests/*/*.csproj with a TRX logger (the
#      log scan, tests/Parley.LogScan.Tests, last: it reads the logs the others wrote to $PARLEY_TEST_LOGS),
#   4. ends with one line "N passed, M failed" (", K skipped" when K > 0), summed over the TRX files.
# Exit code 0 only when nothing failed and at least one test passed.
# Environment: PARLEY_TEST_RESULTS=DIR keeps the TRX files in DIR (otherwise a temporary folder,
# deleted at the end); PARLEY_TEST_PROJECTS="a.csproj b.csproj" runs only those projects.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
exec </dev/null
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=0

# shellcheck source=scripts/throwaway-postgres.sh
. scripts/throwaway-postgres.sh

configuration=Release
passed=0 failed=0 skipped=0
problems=()

summary() {
  local line="$passed passed, $failed failed"
  [ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
  echo "$line"
}

# Something went wrong before any test could run: say so, report it as a failure, stop.
abort() {
  echo "test.sh: $*" >&2
  failed=$((failed + 1))
  summary
  exit 1
}

results=
cleanup() {
  pg_stop >/dev/null 2>&1 || true
  if [ -n "$results" ] && [ -z "${PARLEY_TEST_RESULTS:-}" ]; then rm -rf "$results"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# 1. What the tests need.
have() { local path; path=$(command -v "$1" 2>/dev/null) && [ -x "$path" ]; }
missing=()
{ pg_bin_dir >/dev/null && pg_psql >/dev/null; } || missing+=(postgresql)
have chromium || missing+=(chromium)
# Chinese glyphs, so that the browser tests' screenshots of the zh-Hans pages are readable.
{ have fc-list && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; } || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}" >&2
  apt_install "${missing[@]}" || abort "could not install ${missing[*]}"
  { pg_bin_dir >/dev/null && pg_psql >/dev/null; } || abort "PostgreSQL binaries (initdb, pg_ctl, postgres, psql) still missing after apt-get install"
  have chromium || abort "chromium still missing after apt-get install"
fi

# 2. Throw-away PostgreSQL.
pg_start || abort "could not start the throw-away PostgreSQL cluster"
echo "test.sh: PostgreSQL on 127.0.0.1:$PG_PORT (PARLEY_TEST_POSTGRES=$PARLEY_TEST_POSTGRES)" >&2

# 3. Build once, then run each test project.
if [ -n "${PARLEY_TEST_PROJECTS:-}" ]; then
  read -r -a projects <<<"$PARLEY_TEST_PROJECTS"
else
  shopt -s nullglob
  projects=(tests/*/*.csproj)
  shopt -u nullglob
  # The log scan reads what the others logged, so it runs last.
  ordered=()
  for project in "${projects[@]}"; do [[ $project == *LogScan* ]] || ordered+=("$project"); done
  for project in "${projects[@]}"; do [[ $project == *LogScan* ]] && ordered+=("$project"); done
  projects=("${ordered[@]}")
fi
[ "${#projects[@]}" -gt 0 ] || abort "no test projects found (tests/*/*.csproj)"

if [ -n "${PARLEY_TEST_RESULTS:-}" ]; then
  results=$PARLEY_TEST_RESULTS
  mkdir -p "$results"
else
  results=$(mktemp -d /tmp/parley-test-results.XXXXXX)
fi

# Every test app logs here (tests/Parley.Tests/Infrastructure/LogCapture.cs); a fresh folder per run.
export PARLEY_TEST_LOGS="$results/logs"
rm -rf "$PARLEY_TEST_LOGS"

runnable=("${projects[@]}")
echo "test.sh: dotnet build Parley.slnx -c $configuration" >&2
if ! dotnet build Parley.slnx -c "$configuration" -nologo -v quiet -clp:ErrorsOnly; then
  # The solution did not build: count that, then build the test projects one by one, so that tests
  # whose project still builds run against fresh binaries and the others count as failures.
  echo "test.sh: the build of Parley.slnx failed" >&2
  failed=$((failed + 1))
  problems+=("the build of Parley.slnx failed")
  runnable=()
  for project in "${projects[@]}"; do
    if dotnet build "$project" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly; then
      runnable+=("$project")
    else
      failed=$((failed + 1))
      problems+=("$project did not build")
    fi
  done
fi

# Prints the value of one attribute of the TRX <Counters …/> element (0 when absent).
counter() {
  local value
  value=$(printf '%s' "$counters" | grep -ioE "[[:space:]]$1=\"[0-9]+\"" | head -n 1 | grep -oE '[0-9]+' || true)
  echo "${value:-0}"
}

for project in ${runnable[@]+"${runnable[@]}"}; do
  name=$(basename "$(dirname "$project")")-$(basename "$project" .csproj)
  trx="$results/$name.trx"
  rm -f "$trx"
  echo "test.sh: dotnet test $project" >&2
  set +e
  dotnet test "$project" -c "$configuration" --no-build --nologo \
    --results-directory "$results" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal"
  status=$?
  set -e
  if [ ! -f "$trx" ]; then
    echo "test.sh: $project produced no test results (exit code $status); counted as 1 failure" >&2
    failed=$((failed + 1))
    problems+=("$project produced no test results (exit code $status)")
    continue
  fi
  counters=$(tr '\n\r' '  ' <"$trx" | grep -ioE '<Counters[^>]*>' | head -n 1 || true)
  if [ -z "$counters" ]; then
    echo "test.sh: $trx has no <Counters> element; counted as 1 failure" >&2
    failed=$((failed + 1))
    problems+=("$project: no <Counters> in its TRX file")
    continue
  fi
  p=$(counter passed)
  f=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
  # Skipped tests: notExecuted, which the VSTest TRX logger leaves at 0 for skipped xunit tests
  # (it counts them only in total, not in executed), so take whichever is larger.
  s=$(counter notExecuted)
  [ $(( $(counter total) - $(counter executed) )) -gt "$s" ] && s=$(( $(counter total) - $(counter executed) ))
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  # dotnet test failed although the TRX shows no failed test (test host crashed, run aborted…).
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "test.sh: dotnet test $project exited with code $status but reported no failed test; counted as 1 failure" >&2
    failed=$((failed + 1))
    problems+=("$project: dotnet test exited with code $status")
  fi
done

[ -n "${PARLEY_TEST_RESULTS:-}" ] && echo "test.sh: TRX files in $results" >&2
for problem in ${problems[@]+"${problems[@]}"}; do echo "test.sh: FAILED: $problem" >&2; done
summary
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
