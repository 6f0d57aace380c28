"""``casewriter.documents``: TOML and JSON documents read through one parser wrapper, so each
way a document can be bad is the same one line for both, naming the document and its kind, in
the error class the caller asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from casewriter.documents import MAX_NESTING, parse_json, parse_toml
from casewriter.errors import CaseFileError, UsageError

PARSERS: dict[str, Callable[..., Any]] = {"TOML": parse_toml, "JSON": parse_json}
#: kind -> (a good document, a bad one, 5,000 digits, nested n levels deep)
DOCS: dict[str, tuple[str, str, str, Callable[[int], str]]] = {
    "TOML": ('a = 1\n[b]\nc = "少件"\n', "a = = 1\n", "n = " + "9" * 5000 + "\n",
             lambda n: "x = " + "[" * n + "]" * n + "\n"),
    "JSON": ('{"a": 1, "b": {"c": "少件"}}', '{"a": 1,}', "[" + "9" * 5000 + "]",
             lambda n: "[" * n + "]" * n),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_both_parsers_fail_the_same_ways_in_one_line(kind: str) -> None:
    parse = PARSERS[kind]
    good, bad, long_number, nested = DOCS[kind]
    assert parse(good, "case.x") == {"a": 1, "b": {"c": "少件"}}
    assert parse(nested(MAX_NESTING - 1), "case.x") is not None
    cases = [
        (bad, f"case.x: not valid {kind}: "),
        (long_number, f"case.x: not valid {kind}: a number is too long"),
        (nested(MAX_NESTING + 1), f"case.x: not valid {kind}: nested too deeply (more than "
                                  f"{MAX_NESTING} levels)"),
        (nested(200_000), f"case.x: not valid {kind}: nested too deeply (more than "
                          f"{MAX_NESTING} levels)"),
    ]  # fmt: skip
    for text, message in cases:
        with pytest.raises(UsageError) as caught:
            parse(text, "case.x")
        assert caught.value.message.startswith(message) and "\n" not in caught.value.message
        with pytest.raises(CaseFileError):
            parse(text, "case.x", CaseFileError)
