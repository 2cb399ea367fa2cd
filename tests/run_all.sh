#!/usr/bin/env bash
# The whole test suite, as `./lakehouse test` runs it:
#   1. installs what the end-to-end tests need (idempotent, cached);
#   2. the C++ unit tests (ctest), without the tests that need live servers;
#   3. pytest: the Spark SQL model tests, then the end-to-end tests against a
#      stack of their own (own home and ports; stopped and purged at the end),
#      which also run the C++ integration tests against its PostgreSQL and S3.
# Extra arguments go to pytest (e.g. -k restart).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${LAKEHOUSE_BUILD_DIR:-$repo/build}"
cache="${LAKEHOUSE_CACHE:-$HOME/.cache/lakehouse}"
export LAKEHOUSE_REPO="$repo"

"$build/src/cli/lakehouse" install

echo "== C++ unit tests (ctest)"
ctest --test-dir "$build" --output-on-failure -j2 -E 'Integration|PgTest'

echo "== pytest: SQL models and end to end"
set +e
"$cache/venv/spark/bin/python" -m pytest -p no:cacheprovider "$repo/tests" "$@"
rc=$?
set -e
if [[ $rc -eq 5 ]]; then
  echo "run_all.sh: pytest collected no tests; that is a failure here" >&2
  exit 1
fi
exit $rc
