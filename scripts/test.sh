#!/usr/bin/env bash
# Install compiled-ai with its test dependencies and run the whole test suite,
# including the end-to-end test that compiles a step with the embedded local model.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="dev,docile" source scripts/_venv.sh
exec .venv/bin/python -m pytest "$@"
