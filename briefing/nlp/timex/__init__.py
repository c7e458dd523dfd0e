"""Provides date expressions: the Arabic and English scanners and the resolver (`tagger`). Import the modules
themselves; this file stays empty."""
