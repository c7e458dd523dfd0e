"""Provides sentence ranking. Import the modules themselves; this file stays empty."""
