#!/usr/bin/env bash
# The LibreOffice checks, now jest tests (test/libreoffice/): every template and example renders to exactly one
# A4 page (page images in test-artifacts/render/), and every portable copy recalculates in LibreOffice with no
# #NAME?/#VALUE! and the add-in's values. Needs soffice (apt-get install -y libreoffice-calc poppler-utils
# fonts-crosextra-carlito); without it the tests are skipped with a message. `npm test` runs them too.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx jest test/libreoffice --maxWorkers=1 "$@"
