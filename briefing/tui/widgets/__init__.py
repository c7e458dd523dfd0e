"""Provides the panes of the main screen, one pane per module, and the small building blocks they share."""
