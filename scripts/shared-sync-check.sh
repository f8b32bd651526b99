#!/usr/bin/env bash
# Compare the copies in this repository with the steering repository's shared folder
# (docs/contract/README.md). Usage: scripts/shared-sync-check.sh DIR, where DIR is that folder.
# Prints each file that differs or is missing and exits 1 if any does; not run by make or tests.
set -euo pipefail
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 DIR   (DIR: the steering repository's shared folder)" >&2
  exit 2
fi
src=$1
top=$(cd "$(dirname "$0")/.." && pwd)
status=0
check() {  # check SOURCE COPY
  if ! cmp -s "$1" "$2"; then
    echo "differs: $2 (from $1)"
    status=1
  fi
}
check "$src/contract/advies.md" "$top/docs/contract/advies.md"
for f in "$src"/cases/*.json "$src/cases/README.md"; do
  check "$f" "$top/docs/cases/$(basename "$f")"
done
for f in "$top"/docs/cases/*.json; do
  [ -e "$src/cases/$(basename "$f")" ] || { echo "not in $src/cases: $f"; status=1; }
done
for f in "$src"/bronnen/*.md; do
  check "$f" "$top/docs/bronnen/$(basename "$f")"
done
check "$src/data/gemeenten-2024.csv" "$top/src/politiebijstand/rules/data/gemeenten-2024.csv"
[ $status -eq 0 ] && echo "the copies are identical"
exit $status
