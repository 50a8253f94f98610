#!/usr/bin/env bash
# Install compiled-ai with its test dependencies and run the whole test suite,
# including the end-to-end test that compiles a step with the embedded local model.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="dev,docile" source scripts/_venv.sh
# The BFCL tests need the bfcl-eval wheel pinned by the `bfcl` extra, but none of its
# ~150 declared dependencies (torch, vendor SDKs): install just the wheel (1.9 MB).
bfcl_pin=$(sed -n 's/^bfcl = \["\(bfcl-eval==[^"]*\)"\]$/\1/p' pyproject.toml)
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps "$bfcl_pin"
exec .venv/bin/python -m pytest "$@"
