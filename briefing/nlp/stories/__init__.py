"""Provides story clustering. Import the modules themselves; this file stays empty."""
