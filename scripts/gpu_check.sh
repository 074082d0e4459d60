#!/usr/bin/env bash
# A fixed check of ragtune's GPU path, for a machine with an NVIDIA GPU: load the generator on
# the GPU (and time a batched generation), a 2-minute LoRA fine-tune (bf16), and a tiny compare
# of closed_book, rag and agentic on the tiny synthetic world. Prints its figures and writes
# them to gpu_check.json in the output folder (default: a new temporary folder).
#   RAGTUNE_TORCH=cuda bash scripts/setup.sh && bash scripts/gpu_check.sh [OUT_DIR]
# Without a GPU it says so and exits 0 having run nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo "gpu_check: no GPU found (nvidia-smi is missing or sees no device); nothing was run."
  exit 0
fi
VPY=${RAGTUNE_PYTHON:-.venv/bin/python}
if ! "$VPY" -c "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)" 2>/dev/null; then
  echo "gpu_check: $(nvidia-smi -L | head -1) is present, but this torch cannot use it (a CPU build?)."
  echo "  install the CUDA build first: RAGTUNE_TORCH=cuda bash scripts/setup.sh"
  exit 1
fi
export OMP_WAIT_POLICY=PASSIVE
exec "$VPY" scripts/gpu_check.py "$@"
