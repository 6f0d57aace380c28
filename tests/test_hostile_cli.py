"""Hostile text through every CLI command's text output (issue 10, item 3).

The corpus (``tests/hostile.py``: markup, OSC 52 ended by BEL and by ``ESC \\``, ``ESC [ 2 J``,
8-bit C1, bidi overrides, NUL, a 10,000-character line, CJK, emoji, combining marks) goes into
the log through ``render --save`` of a case file and ``log note``/``log reply`` (and, for one
case per string, the store), into report cells for ``scan``, into ``check``/``extract`` input,
into a user case type and template for ``types``/``templates``, and into arguments that error
lines quote. Each command runs for real (``run_cli``: its stdout and stderr are bytes, read back
as from a pipe); they must hold no raw control or bidi character, show each control as its
visible escape and the printable text literally, and never print a traceback. JSON output
stays exact.

The log is filled once per module (the commands only read it), so the whole file runs in a few
seconds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from casewriter.store.model import NewCase
from tests.conftest import SAMPLES, CliResult, run_cli, run_cli_process
from tests.hostile import (
    ARGV_CORPUS,
    CORPUS,
    SHORT_CORPUS,
    assert_all_shown,
    assert_all_start_shown,
    assert_no_raw_control,
)

PROFILE_NAME = "Shop [/] \x1b[31mred\u202e"
PROFILE_SHOWN = "Shop [/] \\x1b[31mred\\u202e"
NOTE = "\n".join(h.raw for h in ARGV_CORPUS)
REPLY = " | ".join(h.raw for h in ARGV_CORPUS if h.name != "long-line")


@dataclass
class Logged:
    root: Path
    home: Path
    case_file: Path
    ids: dict[str, str]  # corpus name -> id of the case whose subject is that string

    def run(self, *args: str, stdin: str | None = None, process: bool = False) -> CliResult:
        env = {
            "XDG_DATA_HOME": str(self.root / "xdg-data"),
            "XDG_CONFIG_HOME": str(self.root / "xdg-config"),
        }
        runner = run_cli_process if process else run_cli
        result = runner(*args, home=self.home, stdin=stdin, env=env)
        assert "Traceback" not in result.err and "internal error" not in result.err, result.err
        assert_no_raw_control(result.out, f"stdout of {args[:3]}")
        assert_no_raw_control(result.err, f"stderr of {args[:3]}")
        return result


def _case_file(folder: Path) -> Path:
    data = {
        "case_type": "general",
        "marketplace": "US",
        "profile": {"name": PROFILE_NAME, "merchant_token": "A2NBGOODS7XQ1"},
        "facts": {"topic": "Refund [/] \x1b]52;c;ZXZpbA==\x07 pending"},
        "evidence": {"reference": "REF [shipment ID] \x9b2J"},
        "narrative": {
            "what_happened": "\n".join(h.raw for h in SHORT_CORPUS),
            "request": "Please refund [@click=app.quit]now[/].",
            "checked": [h.raw for h in CORPUS],
        },
    }
    path = folder / "hostile-case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


SUBJECT_SHOWN = "Refund [/] \\x1b]52;c;ZXZpbA==\\x07 pending – REF [shipment ID] \\x9b2J"


def _one_case_per_string(home: Path) -> dict[str, str]:
    """A case whose subject and body are each corpus string, overdue for a follow-up."""
    store = CaseStore.open(AppPaths.under(home))
    ids: dict[str, str] = {}
    try:
        for h in CORPUS:
            case = store.save_new(
                NewCase(
                    profile=h.raw[:40],
                    marketplace="US",
                    case_type="general",
                    subject=h.raw,
                    body=f"hostile body {h.raw}",
                    draft={"case_type": "general", "facts": {"topic": h.raw}},
                    identifiers=[],
                )
            )
            store.set_follow_up(case.id, datetime.now(UTC) - timedelta(hours=2))
            ids[h.name] = case.id
    finally:
        store.close()
    return ids


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Logged:
    root = tmp_path_factory.mktemp("hostile-cli")
    home = root / "home"
    home.mkdir()
    setup = Logged(root, home, _case_file(root), {})
    saved = setup.run("render", "--save", str(setup.case_file))
    assert saved.code == 0, saved.err
    assert "CW-000001" in saved.err
    assert setup.run("log", "note", "CW-000001", NOTE).code == 0
    assert setup.run("log", "reply", "CW-000001", "--from", "amazon", REPLY).code == 0
    setup.ids = _one_case_per_string(home)
    return setup


# -- render ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_render_shows_controls_as_escapes(logged: Logged, fmt: str) -> None:
    result = logged.run("render", str(logged.case_file), "--format", fmt)
    assert result.code == 0, result.err
    assert_all_shown(result.out, f"render --format {fmt}")
    assert SUBJECT_SHOWN in result.out
    assert PROFILE_SHOWN in result.out


def test_render_out_file_is_the_text_as_shown(logged: Logged, tmp_path: Path) -> None:
    """``render --out FILE`` writes the paste text as the screen shows it (documented)."""
    target = tmp_path / "case.txt"
    result = logged.run("render", str(logged.case_file), "--out", str(target))
    assert result.code == 0, result.err
    written = target.read_text(encoding="utf-8")
    assert_no_raw_control(written, "render --out")
    assert_all_shown(written, "render --out")
    screen = logged.run("render", str(logged.case_file)).out
    assert written == screen


def test_render_json_is_exact(logged: Logged, tmp_path: Path) -> None:
    result = logged.run("render", str(logged.case_file), "--json")
    assert result.code == 0, result.err
    body = json.loads(result.out)["body"]
    for h in CORPUS:
        assert h.raw in body, h.name
    assert "\\u009b" in result.out and "\\u202e" in result.out  # escaped in the JSON text
    target = tmp_path / "case.json"
    assert logged.run("render", str(logged.case_file), "--json", "--out", str(target)).code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["body"] == body


# -- the log --------------------------------------------------------------------------------


def test_log_show_escapes_body_notes_and_profile(logged: Logged) -> None:
    result = logged.run("log", "show", "CW-000001")
    assert result.code == 0, result.err
    assert_all_shown(result.out, "log show")  # body (checked list) and the note
    assert PROFILE_SHOWN in result.out
    assert "\\x1b]52;c;ZXZpbA==\\x07" in result.out


def test_log_show_json_is_exact(logged: Logged) -> None:
    result = logged.run("log", "show", "CW-000001", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    texts = [e.get("text", "") for e in data["events"]]
    assert NOTE in texts and REPLY in texts
    assert all(h.raw in data["body"] for h in CORPUS)


@pytest.mark.parametrize(
    "args",
    [("log", "list", "--limit", "100"), ("log", "due"), ("log", "search", "hostile")],
    ids=["list", "due", "search"],
)
def test_log_tables_escape_every_subject(logged: Logged, args: tuple[str, ...]) -> None:
    result = logged.run(*args)
    assert result.code == 0, result.err
    assert_all_start_shown(result.out, " ".join(args), length=28)
    for h in SHORT_CORPUS:  # each row line stays one line, whatever the subject held
        line = next(line for line in result.out.splitlines() if h.shown[:28] in line)
        assert logged.ids[h.name] in line or args[1] == "search", (h.name, line)


def test_log_stats_and_export(logged: Logged) -> None:
    assert logged.run("log", "stats").code == 0
    exported = logged.run("log", "export", "--format", "json")
    assert exported.code == 0, exported.err
    cases = {c["id"]: c for c in json.loads(exported.out)["cases"]}
    for h in CORPUS:
        assert cases[logged.ids[h.name]]["subject"] == h.raw, h.name


# -- scan -----------------------------------------------------------------------------------

HOSTILE_CELLS = {
    "ShipmentId": "FBA17XKQ9M2Z[/]\x1b]52;c;ZXZpbA==\x1b\\",
    "ShipmentName": "Name [b] \x1b[2J \u202e",
    "ShipmentStatus": "WORKING\x9b",
    "FulfillmentNetworkSKU": "X003KQ7ZP1\x07",
}


def hostile_report(folder: Path) -> Path:
    """The sample inbound report with hostile cells in its first row."""
    lines = (SAMPLES / "FBA_INBOUND_SHIPMENT_ITEMS.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    row = lines[1].split("\t")
    for column, value in HOSTILE_CELLS.items():
        row[header.index(column)] = value
    path = folder / "FBA_INBOUND_SHIPMENT_ITEMS.tsv"
    path.write_text("\n".join([lines[0], "\t".join(row), *lines[2:]]) + "\n", encoding="utf-8")
    return path


def test_scan_escapes_report_cells(logged: Logged, tmp_path: Path) -> None:
    report = hostile_report(tmp_path)
    result = logged.run("scan", str(report), "--as-of", "2026-05-01")
    assert result.code == 0, result.err
    assert "FBA17XKQ9M2Z[/]\\x1b]52;" in result.out
    assert "X003KQ7ZP1\\x07" in result.out
    assert "WORKING\\x9b" in result.out
    data = json.loads(logged.run("scan", str(report), "--as-of", "2026-05-01", "--json").out)
    ids = [f["ids"].get("shipment_id") for f in data["findings"]]
    assert any(i is not None and "\x1b]52;" in i for i in ids)  # exact in JSON


# -- check / extract ------------------------------------------------------------------------


def test_check_arguments_and_stdin(logged: Logged) -> None:
    values = [h.raw for h in ARGV_CORPUS if h.name != "long-line"]
    result = logged.run("check", *values)
    assert result.code in (0, 2), result.err
    # check normalizes what it echoes (upper case, no spaces): the escapes are still there
    assert "\\x1b]52;c;zxzpba==\\x07" in result.out.lower()
    assert "\\x9b2j" in result.out.lower()
    assert "FBA货件编号有误" in result.out
    piped = logged.run("check", stdin="\n".join(h.raw for h in CORPUS) + "\n")
    assert piped.code in (0, 2), piped.err
    assert "\\x00" in piped.out and "\\x9b" in piped.out


def test_extract_from_hostile_text(logged: Logged, tmp_path: Path) -> None:
    source = tmp_path / "chat.txt"
    text = "\n".join(h.raw for h in CORPUS)
    source.write_text(f"{text}\nshipment FBA17XKQ9M2Z\x1b[2J order 113-7746201-5580937\n")
    result = logged.run("extract", str(source))
    assert result.code == 0, result.err
    assert "FBA17XKQ9M2Z" in result.out and "113-7746201-5580937" in result.out
    assert logged.run("extract", "-", stdin=text).code == 0


# -- user case types and templates ----------------------------------------------------------


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML; DEL must be escaped too)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


@pytest.fixture(scope="module")
def user_templates(logged: Logged) -> Path:
    folder = logged.home / "templates" / "case_types"
    folder.mkdir(parents=True, exist_ok=True)
    builtin = AppPaths.under(logged.home).builtin_templates / "case_types"
    title = _toml_string(" | ".join(h.raw for h in SHORT_CORPUS))
    source = (builtin / "general.toml").read_text(encoding="utf-8")
    source = source.replace('id = "general"', 'id = "hostile-type"')
    source = source.replace("case_types/general.md.j2", "case_types/hostile-type.md.j2")
    source = re.sub(
        r"^title = .*$", lambda _: f"title = {{ en = {title}, zh = {title} }}", source, flags=re.M
    )
    source = re.sub(
        r"^filed_at = .*$",
        lambda _: f"filed_at = {{ en = {title}, zh = {title} }}",
        source,
        flags=re.M,
    )
    (folder / "hostile-type.toml").write_text(source, encoding="utf-8")
    body = (builtin / "general.md.j2").read_text(encoding="utf-8")
    comment = "\n".join(h.raw for h in CORPUS)
    (folder / "hostile-type.md.j2").write_text(f"{body}\n{{# {comment} #}}\n", encoding="utf-8")
    return folder


def test_types_escape_user_case_type_text(logged: Logged, user_templates: Path) -> None:
    result = logged.run("types")
    assert result.code == 0, result.err
    line = next(line for line in result.out.splitlines() if line.startswith("hostile-type"))
    assert " | ".join(h.shown for h in SHORT_CORPUS) in line
    assert_all_shown(result.out, "types", SHORT_CORPUS)


def test_templates_list_and_show(logged: Logged, user_templates: Path) -> None:
    odd = user_templates / "odd\x1b[2J\u202ename.md.j2"
    odd.write_text("x", encoding="utf-8")
    try:
        listed = logged.run("templates", "list")
        assert listed.code == 0, listed.err
        assert "odd\\x1b[2J\\u202ename.md.j2" in listed.out
    finally:
        odd.unlink()
    shown = logged.run("templates", "show", "case_types/hostile-type.md.j2")
    assert shown.code == 0, shown.err
    # `templates show` prints the file's exact bytes: its lone CR is a control, shown escaped
    assert_all_shown(shown.out, "templates show", tuple(h for h in CORPUS if "\r" not in h.raw))
    assert "nul \\x00 bs \\x08 del \\x7f cr \\x0d bell \\x07 vt \\x0b ff \\x0c end" in shown.out


# -- error lines that quote input -----------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--kind", "\x1b]52;c;ZXZpbA==\x07"),
        ("render", "missing-\x1b[2J\u202e.toml"),
        ("log", "show", "CW-\x1b[2J\x9b"),
        ("log", "follow-up", "CW-000001", "\x1b[2Jsoon"),
        ("\x1b[2Jnot-a-command",),
        ("scan", "no-such-\x1b[2J.tsv"),
    ],
    ids=["check-kind", "render-missing", "log-show", "follow-up", "command", "scan-missing"],
)
def test_error_lines_escape_what_they_quote(logged: Logged, args: tuple[str, ...]) -> None:
    result = logged.run(*args)
    assert result.code == 2, (result.code, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("casewriter: error: "), result.err
    assert "\\x1b" in lines[0], lines[0]


def test_argument_that_is_not_utf8_is_refused_in_one_line(logged: Logged) -> None:
    """A raw 8-bit byte (``\\x9b`` is CSI on some terminals) in an argument is not text."""
    before = logged.run("log", "show", "CW-000001", "--json").out
    # A real process: the byte reaches its argv the way a shell passes it.
    result = logged.run("log", "note", "CW-000001", "note \udc9b2J", process=True)  # 0x9b
    assert result.code == 2
    assert result.err == (
        "casewriter: error: argument 4 is not valid UTF-8 text: b'note \\x9b2J'\n"
    )
    assert logged.run("log", "show", "CW-000001", "--json").out == before  # nothing written
