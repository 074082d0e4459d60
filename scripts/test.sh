#!/usr/bin/env bash
# The README's second command: set up if needed, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "${CI:-}" = "true" ]; then
  # A fresh model cache every CI run, so the GGUF -> safetensors conversion path is exercised.
  RAGTUNE_CACHE=$(mktemp -d -t ragtune-cache-XXXX)
  export RAGTUNE_CACHE
  set -- --durations=30 "$@"  # the suite must stay under 30 minutes on CI's two cores: show where it goes
  trap 'rm -rf "$RAGTUNE_CACHE"' EXIT
fi
export OMP_WAIT_POLICY=PASSIVE
# Not exec: the EXIT trap above must run to delete the CI model cache (about 2.7 GB a run).
status=0
.venv/bin/python -m pytest "$@" || status=$?
exit "$status"
