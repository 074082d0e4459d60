"""Serving: the OpenAI-compatible API over strategies (and over a raw generator for tests)."""
