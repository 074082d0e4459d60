#!/usr/bin/env bash
# The README's first command: set up, then run the demo end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OMP_WAIT_POLICY=PASSIVE
exec .venv/bin/ragtune demo "$@"
