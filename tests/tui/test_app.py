"""App-level tests: a corrupt log stops ``casewriter`` with the CLI's one-line error before the
app starts; every UI string exists in both languages; ``casewriter new TYPE`` validates TYPE."""

from __future__ import annotations

from pathlib import Path

from casewriter.tui import i18n
from tests.conftest import run_cli


def test_corrupt_log_is_a_one_line_error(home: Path) -> None:
    db = home / "cases.db"
    db.write_bytes(b"this is not a database" * 20)
    before = db.read_bytes()
    result = run_cli(home=home)
    assert result.code == 1
    assert result.err.startswith("casewriter: error:") and result.err.count("\n") == 1
    assert "not a casewriter case log" in result.err
    assert db.read_bytes() == before


def test_every_string_has_both_languages() -> None:
    assert i18n.missing_translations() == []
    i18n.set_language("zh")
    assert i18n.t("home.count", shown=1, total=2) == "共 2 个案件，已显示 1 个"
    assert i18n.t("no.such.key") == "no.such.key"
    i18n.set_language("en")


def test_register_adds_strings() -> None:
    i18n.register({"test.hello": {"en": "Hello {name}", "zh": "你好 {name}"}})
    assert i18n.t("test.hello", name="A") == "Hello A"
    i18n.set_language("zh")
    assert i18n.t("test.hello", name="A") == "你好 A"
    i18n.set_language("en")
