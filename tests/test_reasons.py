"""Every reason a reader or the importer can give has a Vietnamese wording for the window."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from viewer.core.reasons import in_vietnamese, known

CORE = Path(__file__).parent.parent / "viewer" / "core"
# Which argument of each call is the reason a user reads.
REASON_ARGUMENT = {"ReadError": 0, "SourceProblem": 1, "FileOutcome": 2}


def _rendered(node: ast.expr, filler: str) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else filler for part in node.values
        )
    return None


def _reasons_in_the_code() -> list[tuple[str, list[str]]]:
    found = []
    for path in [*sorted((CORE / "readers").glob("*.py")), CORE / "importer.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            index = REASON_ARGUMENT.get(name)
            if index is None or len(node.args) <= index:
                continue
            forms = [_rendered(node.args[index], filler) for filler in ("X", "")]
            if forms[0]:
                found.append((f"{path.name}: {forms[0]}", [f for f in forms if f]))
    return found


REASONS = _reasons_in_the_code()


def test_the_code_was_read():
    assert len(REASONS) > 30


@pytest.mark.parametrize(("where", "forms"), REASONS, ids=[w for w, _ in REASONS])
def test_every_reason_has_a_vietnamese_wording(where, forms):
    assert any(known(form) for form in forms), f"add {where!r} to viewer/core/reasons.py"


def test_placeholders_are_carried_over():
    assert in_vietnamese("the file is empty") == "tệp trống"
    assert in_vietnamese("the file is 200 MB; articles larger than 20 MB are refused") == (
        "tệp nặng 200 MB; không nhận bài báo lớn hơn 20 MB"
    )
    assert in_vietnamese("same file as “Thăm xã Biện Thượng” (data/000.txt)") == (
        "trùng tệp với “Thăm xã Biện Thượng” (data/000.txt)"
    )
    never_seen = "something no reader says"
    assert in_vietnamese(never_seen) == never_seen
