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
    assert i18n.tn("home.count", 2, shown=1) == "共 2 个 Case，已显示 1 个"
    assert i18n.t("no.such.key") == "no.such.key"
    i18n.set_language("en")


def test_strings_are_grouped_by_screen_without_a_key_twice() -> None:
    """Each screen's strings are in their own module; ``t`` finds every one of them, and no
    key is defined by two modules (one would silently hide the other)."""
    from casewriter.tui.strings import CATALOG, MODULES, duplicate_keys

    assert duplicate_keys() == []
    assert sum(len(m.STRINGS) for m in MODULES) == len(CATALOG)
    names = {m.__name__.rsplit(".", 1)[1] for m in MODULES}
    assert names == {
        "common",
        "home",
        "detail",
        "settings",
        "scan",
        "health",
        "wizard",
        "wizard_items",
    }
    i18n.set_language("zh")
    assert i18n.t("wz.rev.filed", case_id="CW-000001", sc_id="1") == "CW-000001 已标记为已提交（1）"
    assert i18n.t("detail.title", id="CW-000002") == "Case CW-000002"
    i18n.set_language("en")
    assert i18n.t("scan.title") == "Scan reports"
