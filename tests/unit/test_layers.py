"""The layering rules of docs/ARCHITECTURE.md hold: the import-linter contracts in pyproject.toml pass, they
cover every module of the core, and the project's own layer check (../shared/eval/layers_check.py) agrees."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.conftest import ROOT, need_shared

FRONT_ENDS = {"tui", "cli"}


def _contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {c["id"]: c for c in config["contracts"]}


def _top_level() -> set[str]:
    """Every module and package directly under briefing/, as `briefing.NAME`."""
    names = {p.stem for p in (ROOT / "briefing").glob("*.py")} - {"__init__", "__main__"}
    names |= {p.parent.name for p in (ROOT / "briefing").glob("*/__init__.py")}
    return {f"briefing.{n}" for n in names}


LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports())"


def test_the_import_contracts_are_kept() -> None:
    run = subprocess.run(
        [sys.executable, "-c", LINT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "BROKEN" not in run.stdout


def test_the_core_contract_names_every_module_but_the_front_ends() -> None:
    """A new module cannot slip past the rules: the textual ban lists every top-level module of the core."""
    core = set(_contracts()["core-no-textual"]["source_modules"])  # type: ignore[arg-type]
    expected = {m for m in _top_level() if m.split(".")[1] not in FRONT_ENDS}
    assert core == expected


def test_nlp_and_models_may_import_only_what_the_rules_allow() -> None:
    """nlp may use models and itself; models nothing: every other top-level module is forbidden to them."""
    contracts = _contracts()
    nlp_forbidden = set(contracts["nlp-pure"]["forbidden_modules"])  # type: ignore[arg-type]
    models_forbidden = set(contracts["models-leaf"]["forbidden_modules"])  # type: ignore[arg-type]
    assert nlp_forbidden == _top_level() - {"briefing.nlp", "briefing.models"}
    assert models_forbidden == _top_level() - {"briefing.models"}


def test_the_shared_layer_check_finds_no_violation_and_no_cycle() -> None:
    script = need_shared("eval", "layers_check.py")
    run = subprocess.run(
        [sys.executable, str(script), str(ROOT)], capture_output=True, text=True, timeout=120, check=True
    )
    assert run.stdout.strip().splitlines()[-1] == "layers: 0 violations, 0 modules in cycles", run.stdout
