"""Provides `KeysFooter`, Textual's footer with the help key kept in sight.

The footer lists the screen's keys left to right and cuts what does not fit; on a screen narrower than all
of them the help key (the one that lists every other key) fell off first. Here it is docked at the right
edge, so it shows at every width. The command palette's key would dock at the same spot and cover it, so
it is left out of the footer (the help screen lists `ctrl+p`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # noqa: PLC2701 (no public name; Textual is pinned exactly)

HELP_ACTION = "help"


class KeysFooter(Footer):
    """The footer, with the help key docked right."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)

    DEFAULT_CSS = """
    KeysFooter FooterKey.-help {
        dock: right;
        padding-right: 1;
    }
    """

    _composed_for: tuple[object, ...] | None = None
    """What the keys on show were composed from (`_keys_shown`), once the bindings are ready."""

    def _keys_shown(self) -> tuple[object, ...]:
        """Everything the footer's keys are made of: the screen's bindings on show (each with how its key is
        displayed, whether it is enabled and its tooltip) and whether the palette's key is shown."""
        shown = tuple(
            (binding, self.app.get_key_display(binding), enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or self.show_command_palette
        )
        return (self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE, shown)

    async def recompose(self) -> None:
        # Textual recomposes the footer each time the screen's bindings may have changed (the screen
        # resumed, the focus moved): before the first screen that was three times, each removing and
        # mounting every key again. When the keys on show are the ones composed, there is nothing to redo.
        if self.is_attached and self._composed_for is not None and self._composed_for == self._keys_shown():
            return
        await super().recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed_for = self._keys_shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A key starts compact and is bound to the footer's (not compact) once mounted: its class
                # went on and off again, each a restyle (about 5 ms a key, a dozen keys each time the
                # footer is recomposed). Set to the footer's value before mounting, it is never restyled.
                widget.set_reactive(FooterKey.compact, self.compact)
                if widget.action in {HELP_ACTION, f"app.{HELP_ACTION}"}:
                    widget.add_class("-help")
            yield widget
