"""Serving: the OpenAI-compatible API over strategies (`ragtune serve`), API keys and tenants,
micro-batching, and a web page; plus a raw-generator app for tests (openai_compat)."""

from ragtune.serve.app import create_app, run_server
from ragtune.serve.keys import KeyStore

__all__ = ["create_app", "run_server", "KeyStore"]
