#!/usr/bin/env bash
# Unreadable files, checked for real. The test suite runs as root in CI, and root reads files whatever
# their permissions, so the permission tests skip there. This script runs the release binary as the
# unprivileged user `nobody` on a file and a class folder it cannot fully read, and checks that each
# problem is one line naming the file, with the rest of the folder still loaded.
# Usage: scripts/permissions-check.sh path/to/hemolab
set -euo pipefail
bin="$1"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null || ! id nobody >/dev/null 2>&1; then
  echo "permissions: skipped (needs root, setpriv and the user nobody to drop privileges)"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cp "$bin" "$work/hemolab"
"$work/hemolab" phantom --seed 3 --count 3 --out "$work/slices" > /dev/null 2>&1
for class in Normal Bleed; do
  mkdir -p "$work/folder/$class"
  cp "$work"/slices/slice-000[0-2].png "$work/folder/$class/"
done
chmod -R a+rX "$work"
chmod 000 "$work/folder/Bleed/slice-0001.png"
printf 'DICM' > "$work/locked.dcm"
chmod 000 "$work/locked.dcm"
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
fail() { echo "permissions: FAILED: $*"; exit 1; }

set +e
out="$(as_nobody "$work/hemolab" info "$work/locked.dcm" 2>&1)"
status=$?
set -e
[ "$status" -ne 0 ] || fail "info on an unreadable file exited 0"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "info printed more than one line: $out"
case "$out" in *locked.dcm*permission*) ;; *) fail "info did not name the file and the problem: $out" ;; esac
echo "ok    unreadable file: $out"

out="$(as_nobody "$work/hemolab" open "$work/folder" 2>&1)" || fail "open of a folder with one unreadable image failed: $out"
printf '%s\n' "$out" | grep -q 'Bleed/slice-0001.png: cannot be read (permission denied)' \
  || fail "open did not name the unreadable image: $out"
printf '%s\n' "$out" | grep -Eq 'Bleed +2 ' || fail "open did not keep the two readable Bleed images: $out"
echo "ok    class folder with one unreadable image: the other five still load"
