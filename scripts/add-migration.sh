#!/usr/bin/env bash
# Adds a migration for both providers: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Parley --context SqliteParleyDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project src/Parley --context PostgresParleyDbContext --output-dir Data/Migrations/Postgres
