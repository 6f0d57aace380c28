"""Property tests for the case-file loader and the renderer behind it: any bytes, any JSON
shape, any mix of real and made-up keys gives a Draft or a clear ``UsageError`` (exit 2 at the
CLI), never another exception; and whatever loads also renders."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casewriter.config import Settings
from casewriter.engine.casefile import draft_from_data, load_case_file
from casewriter.engine.rendering import Engine
from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from tests.conftest import REPO, run_cli

ENGINE = Engine.load(AppPaths.under(REPO / "tests" / "data" / "no-home"), Settings())
CATALOG = ENGINE.catalog
CASE_TYPES = sorted(ct.id for ct in CATALOG.all())
SLOT_KEYS = sorted({slot.key for ct in CATALOG.all() for slot in ct.evidence})
FACT_KEYS = sorted({fact.key for ct in CATALOG.all() for fact in ct.facts})
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**12),
    st.integers(),  # past any bound: refused where it enters, never an overflow later
    st.dates(),  # 0001-01-01 … 9999-12-31: date + claim window must not overflow
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(["2026-04-03", "04/03/2026", "2026年4月3日", "FBA17XKQ9M2Z", "X003KQ7ZP1",
                     "113-7746201-5580934", "1Z12345E6605272234", "９０２－３１５９８９６", "24,99",
                     "9999-12-31", "12/31/9999", "0001-01-01", "1e308"]),
)  # fmt: skip
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=6)


@st.composite
def case_data(draw: st.DrawFn) -> dict[str, Any]:
    """A case file that is partly right: real case types, slots and facts mixed with noise."""
    data: dict[str, Any] = {
        "case_type": draw(st.sampled_from(CASE_TYPES))
        if draw(st.integers(0, 4))
        else draw(st.text(max_size=20)),
        "marketplace": draw(st.sampled_from(["US", "UK", "DE", "JP", "amazon.co.uk", "XX", ""])),
    }
    if draw(st.booleans()):
        data["urgency"] = draw(st.sampled_from(["routine", "high", "urgent", "URGENT", "soon"]))
    if draw(st.booleans()):
        data["oer"] = draw(st.one_of(st.booleans(), st.text(max_size=5)))
    keys = st.one_of(st.sampled_from(SLOT_KEYS + FACT_KEYS), st.text(min_size=1, max_size=12))
    data["evidence"] = draw(st.dictionaries(keys, values, max_size=5))
    data["facts"] = draw(st.dictionaries(keys, values, max_size=5))
    if draw(st.booleans()):
        data["profile"] = draw(
            st.one_of(st.text(max_size=10), st.fixed_dictionaries({"name": st.text(max_size=10)}))
        )
    if draw(st.booleans()):
        data["attachments"] = draw(st.lists(st.fixed_dictionaries(
            {"slot": st.sampled_from(SLOT_KEYS), "path": st.text(max_size=15)}), max_size=2))  # fmt: skip
    return data


@PROPS
@given(case_data())
def test_any_case_data_loads_or_fails_clearly_and_renders(data: dict[str, Any]) -> None:
    try:
        draft = draft_from_data(data, CATALOG, "fuzz.toml", base_dir=REPO)
    except UsageError as exc:
        assert "fuzz.toml" in exc.message  # names the file (the CLI folds it onto one line)
        return
    try:
        rendered = ENGINE.render(draft, as_of=date(2026, 6, 30))
    except UsageError:
        return  # e.g. an unknown marketplace reported by the engine: a clear error
    assert rendered.case_type == draft.case_type
    assert rendered.subject.strip()
    assert "{{" not in rendered.body and "None" not in rendered.subject


@PROPS
@given(st.binary(max_size=300), st.sampled_from([".toml", ".json"]))
def test_any_bytes_as_a_case_file_fail_clearly(tmp_path_factory: pytest.TempPathFactory,
                                               raw: bytes, suffix: str) -> None:  # fmt: skip
    path = tmp_path_factory.mktemp("fuzz") / f"case{suffix}"
    path.write_bytes(raw)
    try:
        load_case_file(path, CATALOG)
    except UsageError as exc:
        assert str(path) in exc.message or path.name in exc.message
        return


def test_cli_reports_a_garbage_case_file_in_one_line(tmp_path: Path) -> None:
    for name, raw in (("bad.toml", b"case_type = [\x00\xff"), ("bad.json", b'{"case_type": 3}')):
        path = tmp_path / name
        path.write_bytes(raw)
        result = run_cli("render", str(path), home=tmp_path)
        assert result.code == 2, result.err
        assert result.err.startswith("casewriter: error: ") and len(result.err.splitlines()) == 1
        assert "Traceback" not in result.err


def test_case_data_strategy_sometimes_loads() -> None:
    """The property above is only meaningful if the generator also produces loadable drafts."""
    example = {
        "case_type": "warehouse-lost",
        "marketplace": "US",
        "evidence": {"fnsku": "X003KQ7ZP1"},
    }
    assert draft_from_data(example, CATALOG, "fuzz.toml").case_type == "warehouse-lost"
    assert json.dumps(example)
