"""``casewriter render``, ``types`` and ``templates`` through the real CLI (in-process ``main``
for speed, plus one subprocess run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casewriter.__main__ import main
from tests.conftest import run_cli_process

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"
CONTRACT_KEYS = [
    "case_type",
    "marketplace",
    "urgency",
    "subject",
    "body",
    "oer",
    "checklist",
    "ready",
    "warnings",
    "deadline",
]


def cli(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_render_json_contract_shape(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    case = tmp_path / "case.toml"
    case.write_text(EXAMPLE.read_text(encoding="utf-8").replace('oer = false', 'oer = true').replace(
        'urgency = "routine"', 'urgency = "urgent"').replace('shipment_id = "FBA17XKQ9M2Z"', 'shipment_id = "FBA17XKQ9M2Z"\n'),
        encoding="utf-8")  # fmt: skip
    code, out, err = cli(
        capsys, home, "render", str(case), "--format", "json", "--as-of", "2026-05-01"
    )
    assert code == 0, err
    data = json.loads(out)
    assert list(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert "FBA17XKQ9M2Z" in data["subject"]
    assert data["oer"]["title"] == "URGENT: Missing Inbound Inventory – OER Request – FBA17XKQ9M2Z"
    assert set(data["deadline"]) == {"opens", "closes", "safe_by", "days_left", "source"}
    assert data["deadline"]["closes"] == "2027-01-02" and data["deadline"]["safe_by"] is None
    for item in data["checklist"]:
        assert set(item) == {"slot", "label", "required", "status", "values", "reason"}


def test_render_text_markdown_and_out(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    code, out, _ = cli(capsys, home, "render", str(EXAMPLE), "--as-of", "2026-05-01")
    assert code == 0
    assert out.startswith("Subject: Missing units in shipment FBA17XKQ9M2Z")
    assert "\n" + "-" * 72 + "\nChecklist:" in out
    target = tmp_path / "out.md"
    code, out, _ = cli(
        capsys,
        home,
        "render",
        str(EXAMPLE),
        "--format",
        "markdown",
        "--out",
        str(target),
        "--as-of",
        "2026-05-01",
    )
    assert code == 0 and f"wrote {target}" in out
    assert target.read_text(encoding="utf-8").startswith("# Missing units in shipment FBA17XKQ9M2Z")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('case_type = "inbound-missing-unit"\n', "did you mean 'inbound-missing-units'"),
        (
            'case_type = "inbound-missing-units"\n[evidence]\nshipment = "FBA17XKQ9M2Z"\n',
            "evidence.shipment: inbound-missing-units has no such slot (did you mean 'shipment_id'?)",
        ),
        (
            'case_type = "inbound-missing-units"\n[facts]\nunits_shiped = 3\n',
            "did you mean 'units_shipped'",
        ),
        (
            'case_type = "inbound-missing-units"\n[facts]\nunits_shipped = "lots"\n',
            "facts.units_shipped: 'lots' is not a whole number",
        ),
        (
            'case_type = "inbound-missing-units"\n[facts]\ndelivered_date = "soon"\n',
            "facts.delivered_date:",
        ),
        ('case_type = "inbound-missing-units"\nurgency = "asap"\n', "urgency:"),
        ('case_type = "inbound-missing-units"\nmarketplace = "XX"\n', "unknown marketplace 'XX'"),
        ("case_type = [", "not valid TOML"),
    ],
)
def test_bad_case_files(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path, content: str, message: str
) -> None:
    case = tmp_path / "bad.toml"
    case.write_text(content, encoding="utf-8")
    code, out, err = cli(capsys, home, "render", str(case))
    assert code == 2 and out == ""
    assert err.startswith(f"casewriter: error: {case}: ") and message in err
    assert "Traceback" not in err


def test_missing_case_file_and_bad_as_of(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    code, _, err = cli(capsys, home, "render", str(tmp_path / "none.toml"))
    assert code == 2 and "no such case file" in err
    code, _, err = cli(capsys, home, "render", str(EXAMPLE), "--as-of", "later")
    assert code == 2 and "--as-of" in err


def test_types_and_templates_commands(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    code, out, _ = cli(capsys, home, "types", "--group", "inbound", "--json")
    data = json.loads(out)
    assert code == 0 and {t["group"] for t in data} == {"inbound"}
    imu = next(t for t in data if t["id"] == "inbound-missing-units")
    assert any(d["max_months"] == 9 and d["marketplaces"] == ["US"] for d in imu["deadlines"])
    code, out, _ = cli(capsys, home, "--lang", "zh", "types", "--group", "inbound")
    assert "FBA入库少件" in out
    code, out, _ = cli(capsys, home, "templates", "copy", "inbound-missing-units")
    assert (
        code == 0 and (home / "templates" / "case_types" / "inbound-missing-units.md.j2").is_file()
    )
    code, _, err = cli(capsys, home, "templates", "copy", "inbound-missing-units")
    assert code == 2 and "--force" in err
    code, _, _ = cli(capsys, home, "templates", "copy", "inbound-missing-units", "--force")
    assert code == 0
    code, out, _ = cli(capsys, home, "templates", "list", "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["case_types/inbound-missing-units.md.j2"]["overrides"] is True
    code, out, _ = cli(capsys, home, "templates", "show", "_base.md.j2")
    assert code == 0 and "Hello Selling Partner Support" in out
    code, out, _ = cli(capsys, home, "templates", "check")
    assert code == 0, out
    user_tpl = home / "templates" / "case_types" / "inbound-missing-units.md.j2"
    user_tpl.write_text(
        '{% extends "builtin/_base.md.j2" %}\n{% block request_text %}{{ facts.nope }}{% endblock %}\n{{ bogus_name }}\n',
        encoding="utf-8",
    )
    code, out, _ = cli(capsys, home, "templates", "check")
    assert code == 1 and "bogus_name" in out and str(user_tpl) in out


def test_templates_check_reports_broken_user_override(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    tpl = home / "templates" / "_base.md.j2"
    tpl.parent.mkdir(parents=True)
    tpl.write_text("fine\n{% if %}\n", encoding="utf-8")
    other = home / "templates" / "mine.md.j2"
    other.write_text('{% extends "builtin/_gone.md.j2" %}\n', encoding="utf-8")
    code, out, _ = cli(capsys, home, "templates", "check")
    assert code == 1
    assert f"{tpl} line 2" in out and "'builtin/_gone.md.j2', which does not exist" in out


def test_subprocess_render_does_not_import_textual(tmp_path: Path) -> None:
    home = tmp_path / "h"
    res = run_cli_process("render", str(tmp_path / "missing.toml"), home=home)
    assert res.code == 2 and res.err.startswith("casewriter: error:")
