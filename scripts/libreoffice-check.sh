#!/usr/bin/env bash
# Export every template (blank zh-CN, blank en-US, and the examples) with `perf-eval template` and convert each
# to PDF with LibreOffice, failing on the first error. Not part of CI (LibreOffice is slow); run by hand:
#   scripts/libreoffice-check.sh [OUTDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/perf-eval-lo.XXXXXX")}"
mkdir -p "$out"
command -v soffice >/dev/null || { echo "libreoffice-check: soffice not found" >&2; exit 2; }
# A private profile so a running LibreOffice (or a stale lock) does not interfere.
profile="$(mktemp -d "${TMPDIR:-/tmp}/perf-eval-lo-profile.XXXXXX")"
trap 'rm -rf "$profile"' EXIT

kinds="declaration self-assessment indicator-system survey notice rectification"
files=()
for kind in $kinds; do
  node "$root/bin/perf-eval.js" template "$kind" -o "$out/$kind.xlsx" --force
  node "$root/bin/perf-eval.js" template "$kind" -o "$out/$kind.en-US.xlsx" --lang en-US --force
  files+=("$out/$kind.xlsx" "$out/$kind.en-US.xlsx")
done
for kind in declaration self-assessment survey notice; do
  node "$root/bin/perf-eval.js" template "$kind" -o "$out/$kind.example.xlsx" --example --force
  files+=("$out/$kind.example.xlsx")
done

failed=0
for f in "${files[@]}"; do
  pdf="${f%.xlsx}.pdf"
  rm -f "$pdf"
  if ! timeout 180 soffice "-env:UserInstallation=file://$profile" --headless --norestore --convert-to pdf --outdir "$out" "$f" >"$out/soffice.log" 2>&1; then
    echo "FAIL $f: soffice exited with an error" >&2
    cat "$out/soffice.log" >&2
    failed=1
  elif [ ! -s "$pdf" ]; then
    echo "FAIL $f: no PDF produced" >&2
    cat "$out/soffice.log" >&2
    failed=1
  elif grep -qi "error" "$out/soffice.log"; then
    echo "FAIL $f: soffice reported an error" >&2
    cat "$out/soffice.log" >&2
    failed=1
  else
    echo "ok   $(basename "$pdf") ($(stat -c %s "$pdf") bytes)"
  fi
done
if [ "$failed" -ne 0 ]; then exit 1; fi
echo "libreoffice-check: ${#files[@]} templates converted to PDF in $out"
