"""Provides upcoming events. Import the modules themselves; this file stays empty."""
