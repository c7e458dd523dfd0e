"""briefing.nlp.text.lazy_re: a pattern compiled on first use behaves as the compiled pattern, and no code
uses one where only a real compiled pattern would do."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from briefing.nlp.text.lazy_re import LazyPattern, lazy_compile

ROOT = Path(__file__).resolve().parents[2] / "briefing"


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_the_compiled_one() -> None:
    source = r"(?P<day>\d{1,2}) (?:آذار|مارس)"
    lazy = lazy_compile(source, re.IGNORECASE)
    assert isinstance(lazy, LazyPattern) and lazy._compiled is None
    assert lazy.pattern == source and lazy._compiled is None  # building other patterns needs no compiling
    text = "يصل غدا في 17 آذار ويغادر في 19 مارس"
    real = re.compile(source, re.IGNORECASE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy._compiled is not None
    assert lazy.search(text) is not None and lazy.search(text).group("day") == "17"  # type: ignore[union-attr]
    assert lazy.sub("X", text) == real.sub("X", text)
    assert lazy.flags == real.flags and lazy.groupindex == real.groupindex
    assert "finditer" in vars(lazy)  # kept: the next call goes straight to the compiled pattern


def _lazy_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Name) and func.id == "lazy_compile":
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_no_module_hands_a_lazy_pattern_to_the_re_functions_or_checks_its_type() -> None:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in ROOT.rglob("*.py")}
    lazy = set().union(*(_lazy_names(tree) for tree in trees.values()))
    assert len(lazy) > 100  # the analyzers' patterns are lazy
    misuses: list[str] = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            is_re_call = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            if is_re_call and func.value.id == "re" and node.args:  # type: ignore[union-attr]
                first = node.args[0]
                if isinstance(first, ast.Name) and first.id in lazy:
                    misuses.append(f"{path.name}:{node.lineno}")
            if isinstance(func, ast.Name) and func.id == "isinstance" and "Pattern" in ast.unparse(node):
                misuses.append(f"{path.name}:{node.lineno}")
    assert misuses == []
