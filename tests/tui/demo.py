"""Run the TUI against the test fixtures, for a look in a real terminal (not collected by pytest).

    .venv/bin/python -m tests.tui.demo [--bidi app|terminal|off] [--theme NAME] [--empty] [--hostile]

`r` runs a fake refresh that reports progress over three seconds and then rebuilds with a new story on top.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from briefing.models import Briefing
from briefing.tui.app import BriefingApp
from tests.tui.fixtures import empty_briefing, hostile_briefing, refreshed_briefing, seed_briefing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bidi", choices=("app", "terminal", "off"), default="terminal")
    parser.add_argument("--theme", default=None)
    parser.add_argument("--empty", action="store_true")
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    first = empty_briefing if args.empty else hostile_briefing if args.hostile else seed_briefing
    builds: list[Callable[[], Briefing]] = [first]

    def build() -> Briefing:
        return builds[-1]()

    def refresh(progress: Callable[[int, int, str], None]) -> str:
        feeds = ["برقية المشرق", "المراقب الخليجي", "Harbour Post"]
        for done, feed in enumerate(feeds, 1):
            time.sleep(1)
            progress(done, len(feeds), feed)
        builds.append(refreshed_briefing)
        return "1 new article from 3 feeds"

    BriefingApp(build=build, refresh=refresh, theme=args.theme, bidi=args.bidi).run()


if __name__ == "__main__":
    main()
