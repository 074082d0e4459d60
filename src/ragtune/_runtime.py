"""Process-wide runtime policy, applied before torch or transformers are imported.

Measured here: with another busy process, 2-thread torch generation went from 1.2 s to 45 s
because OpenMP workers spin; OMP_WAIT_POLICY=PASSIVE brought it back to 1.4 s. It only
works if set before torch loads, so ragtune sets it at package import unless the user did.
Offline by default: nothing may be fetched from a model hub.
"""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# CTranslate2 multiplies with Intel MKL on Intel CPUs and with oneDNN elsewhere. MKL's int8
# products gave garbage on an AVX-512 Xeon (2026-12-02: "L'Étoile, la Marseillaise, ..." for
# "What is the capital of France?", whatever ONEDNN_MAX_CPU_ISA said), oneDNN's the measured
# text; oneDNN on every CPU also makes the ISA cap (ONEDNN_MAX_CPU_ISA) apply everywhere.
os.environ.setdefault("CT2_USE_MKL", "0")
if os.environ.get("RAGTUNE_ONLINE", "").lower() not in ("1", "true", "yes"):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
