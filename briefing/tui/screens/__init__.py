"""Provides the app's screens: the main briefing screen and the key-bindings help."""
