"""Provides JSON output: the CONTRACT.md shapes (from `briefing.codec`) with every string sanitized."""

from __future__ import annotations

import json
from typing import Any

from briefing.codec import analysis_to_dict, briefing_to_dict
from briefing.models import Analysis, Briefing
from briefing.safetext import clean_text, safe_url

_URL_KEYS = frozenset({"url"})


def _clean(value: Any, key: str = "") -> Any:
    if isinstance(value, str):
        return safe_url(value) if key in _URL_KEYS else clean_text(value)
    if isinstance(value, dict):
        return {k: _clean(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v, key) for v in value]
    return value


def dumps(data: Any) -> str:
    return json.dumps(_clean(data), ensure_ascii=False, indent=2) + "\n"


def briefing_json(b: Briefing) -> str:
    return dumps(briefing_to_dict(b))


def analysis_json(a: Analysis) -> str:
    # Offsets point into `text`, so the analysis text is printed exactly as analyzed (it was sanitized at
    # ingest or on input, and sanitizing again is the identity).
    return dumps(analysis_to_dict(a))


def analysis_line(a: Analysis, extra: dict[str, Any]) -> str:
    """The analysis as one JSON lines record: the `analysis_json` object with `extra` (where the article came
    from) first, on one line. U+2028 and U+2029 are escaped, so no reader splits a record."""
    line = json.dumps(_clean({**extra, **analysis_to_dict(a)}), ensure_ascii=False, separators=(",", ":"))
    return line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"
