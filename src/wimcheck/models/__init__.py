"""Pydantic models of the files wimcheck reads and writes (the edges of the core)."""
