"""``casewriter check`` and ``casewriter extract`` through the real CLI (``run_cli``: see
tests/conftest.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, run_cli


def test_check_json_is_the_contract_shape() -> None:
    result = run_cli(
        "check", "902-3159896-1390916", "９０２－３１５９８９６－１３９０９１６", "--json"
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [item["status"] for item in data] == ["valid", "valid"]
    assert data[1] == {
        "input": "９０２－３１５９８９６－１３９０９１６",
        "kind": "order_id",
        "status": "valid",
        "normalized": "902-3159896-1390916",
        "carrier": None,
        "reason": None,
        "suggestion": None,
    }


def test_check_with_kind_tracking_names_the_carrier() -> None:
    result = run_cli("check", "--kind", "tracking", "1zwx0692yp40636269", "UG123456789YP", "--json")
    assert result.code == 0  # unverified never blocks
    data = json.loads(result.out)
    assert [(d["kind"], d["status"], d["carrier"]) for d in data] == [
        ("tracking", "valid", "UPS"),
        ("tracking", "unverified", "Yanwen"),
    ]


def test_check_invalid_exits_2_with_reason_and_suggestion() -> None:
    result = run_cli("check", "--kind", "order_id", "9O2-3159896-1390916")
    assert result.code == 2
    assert "✗" in result.out or "X" in result.out
    assert "did you mean 902-3159896-1390916?" in result.out
    data = json.loads(run_cli("check", "--kind", "asin", "X00000E5TX", "--json").out)
    assert data[0]["status"] == "invalid" and "FNSKU" in data[0]["reason"]


def test_check_text_mode_one_line_per_value() -> None:
    result = run_cli("check", "B0C7QX3N5L", "RR123456785TW", "LP00987654321012")
    assert result.code == 0
    lines = result.out.strip().splitlines()
    assert len(lines) == 3
    assert "asin" in lines[0] and "valid" in lines[0]
    assert "Chunghwa Post" in lines[1]
    assert "unverified" in lines[2] and "Cainiao" in lines[2]


def test_check_reads_stdin_when_no_values() -> None:
    result = run_cli("check", "--json", stdin="FBA17XKQ9M2Z\n\n  X003KQ7ZP1 \n")
    assert result.code == 0, result.err
    assert [d["kind"] for d in json.loads(result.out)] == ["shipment_id", "fnsku"]


def test_check_unknown_kind_is_a_one_line_error() -> None:
    result = run_cli("check", "--kind", "isbn13", "0306406152")
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("casewriter: error: unknown kind")
    assert "Traceback" not in result.err


def test_check_no_values_and_empty_stdin_is_a_usage_error() -> None:
    result = run_cli("check", stdin="")
    assert result.code == 2 and result.err.startswith("casewriter: error:")


def test_extract_json_from_stdin(tmp_path: Path) -> None:
    text = "订单号：113-7746201-5580934，货件FBA17XKQ9M2Z少了4件"
    result = run_cli("extract", "--json", "--as-of", "2026-12-06", stdin=text)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data == {
        "marketplace": "US",
        "as_of": "2026-12-06",
        "quantities": [
            {
                "value": 4,
                "role": "missing",
                "word": "少了",
                "text": "少了4件",
                "start": 38,
                "end": 42,
            }
        ],
        "dates": [],
        "carriers": [],
        "amounts": [],
        "problems": [],
        "identifiers": [
            {
                "kind": "order_id",
                "value": "113-7746201-5580934",
                "status": "valid",
                "start": 4,
                "end": 23,
            },
            {
                "kind": "shipment_id",
                "value": "FBA17XKQ9M2Z",
                "status": "valid",
                "start": 26,
                "end": 38,
            },
        ],
    }


def test_extract_file_table_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "mail.txt"
    path.write_text("Case ID: 1723459876\nASIN B0C7QX3N5L\n", encoding="utf-8")
    result = run_cli("extract", str(path))
    assert result.code == 0
    assert "case_id" in result.out and "B0C7QX3N5L" in result.out
    missing = run_cli("extract", str(tmp_path / "nope.txt"))
    assert (
        missing.code == 2
        and missing.err.startswith("casewriter: error:")
        and missing.err.count("\n") == 1
    )
    folder = run_cli("extract", str(tmp_path))
    assert folder.code == 2 and "Traceback" not in folder.err


def test_extract_binary_and_legacy_encodings_never_crash(tmp_path: Path) -> None:
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 20 + b" FBA17XKQ9M2Z \xff\xfe")
    result = run_cli("extract", str(binary), "--json")
    assert result.code == 0, result.err
    assert "FBA17XKQ9M2Z" in result.out
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("订单号：113-7746201-5580934".encode("gbk"))
    data = json.loads(run_cli("extract", str(gbk), "--json").out)
    assert data["identifiers"][0]["start"] == 4


def test_fast_paths_import_no_heavy_libraries() -> None:
    script = (
        "import sys, io, contextlib\n"
        "from casewriter.__main__ import main\n"
        "sys.stdin = io.StringIO('113-7746201-5580934')\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for argv in (['check', 'B0C7QX3N5L', '--json'], ['extract', '-'], ['check', '4006381333931']):\n"
        "        main(argv)\n"
        "    try:\n"
        "        main(['--version'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'jinja2', 'pydantic'))\n"
        "print(heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
