#!/usr/bin/env bash
# Creates .build-venv (gitignored) with pydicom and numpy, and prints the folder of pydicom's test
# files, for the DICOM tests that compare HemoLab with pydicom:
#   export HEMOLAB_PYDICOM_TESTFILES="$(scripts/pydicom-testfiles.sh)"
#   export HEMOLAB_PYDICOM_PYTHON="$PWD/.build-venv/bin/python"
# Progress goes to stderr; only the folder is printed on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
if ! "$venv/bin/python" -c "import pydicom, numpy" 2>/dev/null; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pydicom>=3,<4" numpy >&2
fi
"$venv/bin/python" -c \
  "import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), 'data', 'test_files'))"
