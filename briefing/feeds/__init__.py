"""Provides feed sources (config, OPML, samples), fetching and parsing."""
