"""briefing: a terminal news briefing for the Middle East, in Arabic and English."""

__version__ = "0.1.0"
