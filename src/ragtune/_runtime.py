"""Process-wide runtime policy, applied before torch or transformers are imported.

Measured here: with another busy process, 2-thread torch generation went from 1.2 s to 45 s
because OpenMP workers spin; OMP_WAIT_POLICY=PASSIVE brought it back to 1.4 s. It only
works if set before torch loads, so ragtune sets it at package import unless the user did.
Offline by default: nothing may be fetched from a model hub.
"""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
if os.environ.get("RAGTUNE_ONLINE", "").lower() not in ("1", "true", "yes"):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
