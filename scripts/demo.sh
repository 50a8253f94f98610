#!/usr/bin/env bash
# Install compiled-ai, compile the GLP-1 prior-authorisation example with the embedded
# local model, verify the artifact and run it on the sample cases.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="" source scripts/_venv.sh
cai=.venv/bin/compiled-ai
$cai compile examples/prior_auth/spec.yaml -o build/prior_auth
$cai verify build/prior_auth
for case in examples/prior_auth/cases/*.json; do
  echo "== $case"
  $cai run build/prior_auth --input "$case"
done
$cai run build/prior_auth --input examples/prior_auth/cases/case1.json --repeat 1000 >/dev/null
$cai audit verify
