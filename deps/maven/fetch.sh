#!/usr/bin/env bash
# Usage: deps/maven/fetch.sh NAME   (NAME = a folder of deps/maven holding a pom.xml)
# Copies NAME's runtime dependency closure into
#   ${LAKEHOUSE_CACHE:-$HOME/.cache/lakehouse}/jars/NAME-<sha256(pom) first 12 hex>/
# and prints that directory (only that, on stdout). Idempotent: a finished directory carries
# a .complete marker and a second run returns at once; editing the pom gives a new directory.
set -euo pipefail
name="${1:?usage: fetch.sh NAME}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pom="$here/$name/pom.xml"
[[ -f "$pom" ]] || { echo "fetch.sh: no pom at $pom" >&2; exit 2; }
cache="${LAKEHOUSE_CACHE:-$HOME/.cache/lakehouse}"
sha="$(sha256sum "$pom" | cut -c1-12)"
out="$cache/jars/$name-$sha"
marker="$out/.complete"
if [[ -f "$marker" ]]; then
  echo "$out"
  exit 0
fi
mkdir -p "$cache/jars"
tmp="$(mktemp -d "$cache/jars/.$name-$sha.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
# -DincludeScope=runtime = compile + runtime scopes (no test/provided/system).
# prependGroupId avoids two artifacts with the same file name overwriting each other.
chmod 755 "$tmp"
if ! mvn -B -q -f "$pom" dependency:copy-dependencies \
      -DincludeScope=runtime -Dmdep.prependGroupId=true \
      -DoutputDirectory="$tmp" >"$tmp/.mvn.log" 2>&1; then
  cat "$tmp/.mvn.log" >&2
  echo "fetch.sh: mvn failed for $name" >&2
  exit 1
fi
rm -f "$tmp/.mvn.log"
ls "$tmp"/*.jar >/dev/null 2>&1 || { echo "fetch.sh: no jars copied for $name" >&2; exit 1; }
date -u +%FT%TZ > "$tmp/.complete"
if [[ -f "$marker" ]]; then          # a concurrent run finished first: keep its copy
  rm -rf "$tmp"
else
  rm -rf "$out"                      # leftover of an interrupted run (no marker)
  mv -T "$tmp" "$out" 2>/dev/null || { [[ -f "$marker" ]] || { echo "fetch.sh: cannot create $out" >&2; exit 1; }; rm -rf "$tmp"; }
fi
trap - EXIT
echo "$out"
