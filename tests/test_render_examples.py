"""Every built-in example renders cleanly; golden outputs for case types whose text was read
against case-writing.md. Regenerate goldens only deliberately: CASEWRITER_REGEN_GOLDEN=1."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from casewriter.config import Settings
from casewriter.engine.case_report import format_text
from casewriter.engine.casefile import load_case_file
from casewriter.engine.rendering import Engine
from casewriter.errors import CasewriterError
from casewriter.paths import AppPaths

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "templates" / "examples").glob("*.toml"))
GOLDEN = Path(__file__).parent / "golden"
AS_OF = date(2026, 6, 30)
GOLDEN_TYPES = ["inbound-missing-units", "customer-return-not-received"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    paths = AppPaths.under(tmp_path_factory.mktemp("home"))
    return Engine.load(paths, Settings())  # strict: a broken built-in case type fails here


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_renders(engine: Engine, example: Path) -> None:
    draft = load_case_file(example, engine.catalog)
    assert draft.case_type == example.stem
    ct = engine.catalog.get(draft.case_type)
    try:
        case = engine.render(draft, as_of=AS_OF, strict=True)
        oer = engine.render(
            draft.model_copy(update={"oer": True, "urgency": "urgent"}), as_of=AS_OF, strict=True
        )
    except CasewriterError as exc:
        pytest.fail(exc.message)
    main_id = next(c.values[0] for c in case.checklist if c.slot == ct.main_identifier)
    assert main_id in case.subject
    assert (
        oer.oer is not None and oer.oer.title == f"URGENT: {ct.problem} – OER Request – {main_id}"
    )
    for text in (case.subject, case.body, oer.oer.request):
        for artefact in ("{{", "{%", "None", "[missing", "\n\n\n", " \n"):
            assert artefact not in text, f"{artefact!r} in {example.stem}"
    assert case.body.startswith("Hello")


@pytest.mark.parametrize("case_type", GOLDEN_TYPES)
def test_golden(engine: Engine, case_type: str) -> None:
    example = REPO / "templates" / "examples" / f"{case_type}.toml"
    assert case_type in engine.catalog and example.is_file()
    case = engine.render(load_case_file(example, engine.catalog), as_of=AS_OF)
    text = format_text(case).replace(str(REPO), "<repo>")
    data = (
        json.dumps(case.to_contract_json(), ensure_ascii=False, indent=2).replace(
            str(REPO), "<repo>"
        )
        + "\n"
    )
    for suffix, got in ((".txt", text), (".json", data)):
        path = GOLDEN / f"{case_type}{suffix}"
        if os.environ.get("CASEWRITER_REGEN_GOLDEN") == "1":
            path.write_text(got, encoding="utf-8")
        assert path.is_file(), (
            f"no golden {path.name}: read the output, then regenerate deliberately"
        )
        assert got == path.read_text(encoding="utf-8")
