"""User-facing errors: one clear line saying what is wrong and how to fix it.

The CLI prints `error: <message>` (and the hint) for these and exits non-zero without a
traceback; anything else is a bug and keeps its traceback under `--debug`.
"""

from __future__ import annotations


class RagtuneError(Exception):
    """A problem the user can fix. `hint` says how."""

    exit_code = 2

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(RagtuneError):
    """Invalid ragtune.toml, environment variable or option."""


class ModelError(RagtuneError):
    """A model could not be found, loaded or reached."""


class InputError(RagtuneError):
    """Bad user data: a corpus, QA file or question that cannot be used."""


class IndexLockedError(RagtuneError):
    """The embedded index is open in another process."""
