"""Provides the SQLite cache: `Store` and its errors."""

from briefing.store.store import SchemaTooNew, Store

__all__ = ["SchemaTooNew", "Store"]
