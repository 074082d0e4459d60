"""ragtune: fine-tune, retrieve, or both? Build every option over one corpus and measure them."""

from ragtune import _runtime  # noqa: F401  (sets threading/offline env before torch loads)

__version__ = "0.1.0"
