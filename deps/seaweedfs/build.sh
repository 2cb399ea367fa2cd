#!/usr/bin/env bash
# Build the SeaweedFS `weed` binary from the pinned Go module (see go.mod in this folder).
# Idempotent: skips the build when the cached binary already exists. Prints the binary's path on stdout.
#
#   deps/seaweedfs/build.sh            # -> $LAKEHOUSE_CACHE/seaweedfs/<pseudo-version>/weed
#
# Uses the normal Go module cache (~/go/pkg/mod) and build cache (~/.cache/go-build).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${LAKEHOUSE_CACHE:-$HOME/.cache/lakehouse}"

# The pinned version is read from go.mod, so go.mod stays the single source of truth.
version="$(awk '$1 == "require" && $2 == "github.com/seaweedfs/seaweedfs" {print $3}' "$here/go.mod")"
if [[ -z "$version" ]]; then
  echo "build.sh: cannot find the seaweedfs requirement in $here/go.mod" >&2
  exit 1
fi

out_dir="$cache/seaweedfs/$version"
out="$out_dir/weed"
if [[ -x "$out" ]]; then
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { echo "build.sh: go is not installed (need Go >= 1.26)" >&2; exit 1; }

commit="${version##*-}"       # 12-hex commit suffix of the pseudo-version
mkdir -p "$out_dir"
tmp="$(mktemp "$out_dir/weed.XXXXXX")"
trap 'rm -f "$tmp"' EXIT

echo "build.sh: building weed $version (first build takes several minutes)" >&2
(
  cd "$here"
  CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=readonly" \
    go build -trimpath \
      -ldflags "-s -w -X github.com/seaweedfs/seaweedfs/weed/util/version.COMMIT=${commit:0:8}" \
      -o "$tmp" github.com/seaweedfs/seaweedfs/weed
)
chmod 0755 "$tmp"
mv -f "$tmp" "$out"      # atomic: a half-written binary is never at $out
trap - EXIT
echo "$out"
