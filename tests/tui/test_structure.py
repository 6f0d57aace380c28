"""How the TUI is put together (issue 11): screens hear about language and log changes through
the app's signals, not through hooks looked up by name; no mixin halves of a class; each
widget's style lives in its ``DEFAULT_CSS`` (no stylesheet files); and the first frame still
loads the home screen's styles only."""

from __future__ import annotations

import ast
from pathlib import Path

from casewriter.tui.app import CasewriterApp
from tests.tui.conftest import RunApp, calm

TUI = Path(__file__).resolve().parents[2] / "casewriter" / "tui"
SOURCES = {path.relative_to(TUI).as_posix(): path for path in sorted(TUI.rglob("*.py"))}


def _trees() -> dict[str, ast.Module]:
    return {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in SOURCES.items()}


def test_no_mixins_and_no_hooks_found_by_name() -> None:
    offenders: list[str] = []
    for name, tree in _trees().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Mixin"):
                offenders.append(f"{name}: class {node.name}")
            if isinstance(node, ast.Raise) and "NotImplementedError" in ast.unparse(node):
                offenders.append(f"{name}:{node.lineno} raises NotImplementedError")
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func) == "getattr"
                and "screen" in ast.unparse(node.args[0])
            ):
                offenders.append(f"{name}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []
    assert not (TUI / "messages.py").exists()  # LanguageChanged / CaseChanged are gone


def test_every_screen_that_shows_text_subscribes_to_the_language() -> None:
    """Each screen of the app re-labels itself on ``language_changed`` (and none is found by
    a method name from the app)."""
    screens = ["screens/home.py", "screens/case_detail.py", "screens/settings.py"]
    screens += ["screens/scan.py", "screens/health.py", "wizard/screen.py"]
    for name in screens:
        source = SOURCES[name].read_text(encoding="utf-8")
        assert "language_changed.subscribe(self" in source, name
    app = SOURCES["app.py"].read_text(encoding="utf-8")
    assert "self.language_changed.publish(" in app and "screen_stack" not in app


def test_styles_live_in_default_css() -> None:
    assert sorted(TUI.rglob("*.tcss")) == []
    offenders = [name for name, path in SOURCES.items() if "CSS_PATH" in path.read_text("utf-8")]
    assert offenders == []
    assert CasewriterApp.CSS_PATH is None


async def test_the_first_frame_loads_only_the_home_screens_styles(run_app: RunApp) -> None:
    def ours(app: object) -> set[str]:
        sources = app.stylesheet.source  # type: ignore[attr-defined]
        return {
            Path(path).resolve().relative_to(TUI).as_posix()
            for path, _variable in sources
            if path and Path(path).resolve().is_relative_to(TUI)
        }

    async with run_app() as pilot:
        loaded = ours(pilot.app)
        assert "screens/home.py" in loaded and "widgets/status_filter.py" in loaded
        later = {"wizard/", "dialogs/", "screens/case_detail", "screens/settings", "screens/scan"}
        assert [name for name in loaded if name.startswith(tuple(later))] == []
        await pilot.press("f2")  # a screen's styles come with it
        await calm(pilot)
        assert "screens/settings.py" in ours(pilot.app)
