#!/usr/bin/env bash
# The GLP-1 flow end to end with the embedded local model: compile the coverage rule,
# extract facts from chart notes with a bounded model call at run time, park the note
# with a suspicious HbA1c in the human-review queue, resolve it, run it again, audit.
# Uses its own data directory (build/glp1_home) so it leaves your queue and log alone.
set -uo pipefail
cd "$(dirname "$0")/.."
EXTRAS="" source scripts/_venv.sh
set +e
cai=.venv/bin/compiled-ai
export COMPILED_AI_HOME="$PWD/build/glp1_home"
rm -rf "$COMPILED_AI_HOME"
cases=examples/glp1_prior_auth/cases
$cai compile examples/glp1_prior_auth/spec.yaml -o build/glp1 --provider local || exit $?
$cai verify build/glp1 || exit $?
for case in t2d obesity_step_therapy suspicious_a1c injection; do
  echo "== $case"
  $cai run build/glp1 -i "$cases/$case.json" --provider local --transaction "demo-$case"
  echo "(exit $?)"
done
$cai review list
item=$($cai review list --json | .venv/bin/python -c \
  'import json,sys; print(next(i["id"] for i in json.load(sys.stdin) if i["transaction"] == "demo-suspicious_a1c"))')
echo '{"has_t2d_diagnosis": true, "current_a1c": 8.1, "bmi": 29.4, "has_step_therapy_failure": null}' \
  > build/glp1_resolution.json
$cai review resolve "$item" --output build/glp1_resolution.json --by demo \
  --note "outside lab report reads 8.1%; 81 was a transcription error"
echo "== suspicious_a1c again, after review"
$cai run build/glp1 -i "$cases/suspicious_a1c.json" --provider local || exit $?
$cai audit list
$cai audit verify
