"""Provides text preparation: Arabic normalization, language detection, page furniture, sentence splitting,
number words, stop words and the cue word lists. Import the modules themselves; this file stays empty."""
