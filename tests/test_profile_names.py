"""A profile's two names (issue 12 §2): the store name as Amazon knows it goes into the case
text; the optional local name is only for casewriter's own screens and never reaches Amazon."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from casewriter.config import Profile, Settings, load_settings, save_settings
from casewriter.paths import AppPaths

SCENARIOS = Path(__file__).parent / "data" / "scenarios"

CONFIG = """\
default_profile = "sz"

[[profiles]]
id = "sz"
name = "Shenzhen Brightway Trading"
local_name = "深圳明途贸易"
default_marketplace = "US"
"""


def test_the_local_name_is_kept_in_the_config_and_left_out_when_empty(home: Path) -> None:
    paths = AppPaths.under(home)
    both = Profile(id="sz", name="Shenzhen Brightway Trading", local_name="深圳明途贸易")
    plain = Profile(id="nb", name="Northbay Goods")
    save_settings(paths, Settings(profiles=(both, plain)))
    loaded = load_settings(paths)
    assert loaded.profiles == (both, plain)
    assert [p.shown_name for p in loaded.profiles] == ["深圳明途贸易", "Northbay Goods"]
    save_settings(paths, Settings(profiles=(plain,)))
    assert "local_name" not in paths.config_file.read_text(encoding="utf-8")


def test_the_case_text_uses_the_store_name_never_the_local_name(  # type: ignore[no-untyped-def]
    cli, home: Path, tmp_path: Path
) -> None:
    (home / "config.toml").write_text(CONFIG, encoding="utf-8")
    folder = tmp_path / "case"
    shutil.copytree(SCENARIOS / "files", folder / "files")
    case = folder / "stranded.toml"
    text = (SCENARIOS / "s26-stranded.toml").read_text(encoding="utf-8")
    case.write_text('profile = "sz"\n' + text, encoding="utf-8")
    res = cli("render", str(case), "--json", "--as-of", "2026-05-10")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert "Shenzhen Brightway Trading" in data["body"]
    assert "深圳明途贸易" not in res.out
    assert not any(w.startswith("Text for Amazon") for w in data["warnings"])
