"""Provides the interactive Textual front end of briefing (`briefing` / `briefing tui`).

Nothing here ranks, extracts or touches SQL: the app calls the `build` and `refresh` callables it is given
(the pipeline's functions) in thread workers and only displays the `Briefing` view-model they return.
Textual is imported nowhere outside this package.
"""
