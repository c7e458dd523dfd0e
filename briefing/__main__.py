"""Provides `python -m briefing`, the same as the `briefing` command."""

from briefing.cli import run

if __name__ == "__main__":
    run()
