#!/usr/bin/env bash
# Runs the benchmarks at full scale (1,000,000 members) on SQLite and on a throwaway PostgreSQL 15.
# usage: bench/run_benchmarks.sh [MEMBERS]   (takes several minutes; needs ~3 GB in /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-1000000}
scripts/install-deps.sh test
scripts/build.sh
servers=$(mktemp -d /tmp/memberdesk-bench-servers.XXXXXX)
trap 'scripts/test-servers.sh stop "$servers"' EXIT
scripts/test-servers.sh start "$servers"
source "$servers/env"
work=/tmp/memberdesk-bench
mkdir -p "$work"
build/bench/import_bench --members "$members" --work "$work" --pg "$MEMBERDESK_TEST_PG"
build/bench/lookup_bench --db "sqlite:$work/md_bench_ours.db"
build/bench/lookup_bench --db "${MEMBERDESK_TEST_PG%/*}/md_bench_ours"
build/bench/migration_bench --db "sqlite:$work/md_bench_ours.db"
build/bench/migration_bench --db "${MEMBERDESK_TEST_PG%/*}/md_bench_ours"
build/bench/points_bench --work "$work"
build/bench/points_bench --work "$work" --pg "$MEMBERDESK_TEST_PG"
build/bench/browser_loyalty_bench "$work" "$members"
build/bench/browser_loyalty_bench "$work" "$members" "$MEMBERDESK_TEST_PG"
# Re-rating ten orders per member (10 M orders at 1 M members: about an hour per backend), then the tier
# review of every member.
build/bench/rerate_bench --work "$work" --members "$members" --orders $((members * 10))
build/bench/rerate_bench --work "$work" --members "$members" --orders $((members * 10)) --pg "$MEMBERDESK_TEST_PG"
