"""Catalog loading: validation errors name the file and the field; user files win by id."""

from __future__ import annotations

from pathlib import Path

import pytest

from casewriter.engine.catalog import Catalog
from casewriter.errors import CatalogError, NotFoundError
from casewriter.paths import AppPaths

DATA = Path(__file__).parent / "data" / "engine"
SRC = (DATA / "case_types" / "widget-lost.toml").read_text(encoding="utf-8")


@pytest.fixture
def epaths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path, config_dir=tmp_path, builtin_templates=DATA)


def write_user(paths: AppPaths, text: str, name: str = "widget-lost") -> Path:
    path = paths.user_templates / "case_types" / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fixture_catalog_and_rules(epaths: AppPaths) -> None:
    cat = Catalog.load(epaths)
    assert cat.ids() == ["widget-lost"]
    assert [r.source for r in cat.deadline_rules("widget-lost", "US")] == [
        "Test source A",
        "Test source B",
    ]
    assert [r.source for r in cat.deadline_rules("widget-lost", "DE")] == ["Test source C"]
    assert cat.groups() == {"inventory": [cat.get("widget-lost")]}
    with pytest.raises(NotFoundError, match="did you mean 'widget-lost'"):
        cat.get("widget-lots")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (
            'kind = "fnsku"',
            'kind = "fnskuu"',
            "evidence.1.kind: unknown kind 'fnskuu' (did you mean 'fnsku'?)",
        ),
        ('main_identifier = "shipment_id"', 'main_identifier = "shipment"', "main_identifier:"),
        ('clock_fact = "event_date"', 'clock_fact = "event_day"', "deadlines.0.clock_fact:"),
        ('group = "inventory"', 'group = "stuff"', "group:"),
        ('problem = "Lost Inventory"', 'problem = "Lost"\ncolour = "red"', "colour: unknown field"),
        ('type = "quantity"', 'type = "number"', "facts.0.type:"),
        ("max_days = 60", 'max_days = "sixty"', "deadlines.0.max_days:"),
        (
            'template = "case_types/widget-lost.md.j2"',
            'template = "case_types/nope.md.j2"',
            "template: 'case_types/nope.md.j2' not found",
        ),
        (
            'marketplaces = ["US"]',
            'marketplaces = ["XX"]',
            "deadlines.0.marketplaces: unknown marketplace 'XX'",
        ),
        ('id = "widget-lost"', 'id = "other"', "id: 'other' must equal the file name"),
    ],
)
def test_errors_name_file_and_field(epaths: AppPaths, old: str, new: str, field: str) -> None:
    assert old in SRC
    path = write_user(epaths, SRC.replace(old, new, 1))
    with pytest.raises(CatalogError) as err:
        Catalog.load(epaths)
    assert err.value.message.startswith(f"{path}: ")
    assert field in err.value.message


def test_bad_toml_and_non_strict_load(epaths: AppPaths) -> None:
    path = write_user(epaths, "id = [", name="broken")
    with pytest.raises(CatalogError, match=f"{path}: not valid TOML"):
        Catalog.load(epaths)
    cat = Catalog.load(epaths, strict=False)
    assert cat.ids() == ["widget-lost"] and len(cat.problems) == 1


def test_builtin_catalog_loads_if_complete() -> None:
    paths = AppPaths.under(Path("/nonexistent-home"))
    cat = Catalog.load(paths, strict=False)
    for ct in cat.all():
        assert ct.slot(ct.main_identifier) is not None
        assert ct.title.zh and ct.filed_at.en
