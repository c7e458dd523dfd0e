"""Provides `lazy_compile`: a regular expression compiled on its first use, not when its module is imported.

The analyzers keep about 150 patterns at module level, and compiling a pattern is pure Python (`re._parser`,
`re._compiler`): compiled at import, they cost `briefing analyze` on one short file a tenth of a second or
more before any text is read, although an English article never uses the Arabic time and event patterns
(nor an Arabic one the English). A `lazy_compile` pattern has its source at once (`.pattern`, so other
patterns can be built from it) and compiles on the first other attribute it is asked for; from then on each
method (`search`, `finditer`, ...) is the compiled pattern's own, kept on the object, so a call costs what
it costs on a compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, cast


class LazyPattern:
    """A pattern and flags, compiled on first use (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # Only called for what the object does not have yet: compile, then keep the compiled attribute.
        if name.startswith("__"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._flags)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used. Typed as the compiled pattern, which it stands
    for in every use the analyzers make of one (methods and attributes; not `isinstance` or `re.sub(pattern,
    ...)`, which the unit test of this module checks are not used on one)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
