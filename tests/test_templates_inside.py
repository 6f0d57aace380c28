"""``templates show`` and ``templates copy`` accept only names inside the template folders: an
absolute path, ``..``, a drive letter or a symbolic link that leads out is refused in one line,
so ``show`` never prints another file and ``copy`` never writes outside the user folder; copying
the built-in file onto itself is a clear refusal, not an internal error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO, CliResult

BUILTIN = REPO / "templates"
# Names a user (or a script fed hostile input) might type; each leads out of the tree.
ESCAPES = [
    "/etc/passwd",
    "../../../../etc/passwd",
    "../../x",
    "builtin/../../../etc/hostname.j2",
    "case_types/../../../x.toml",
    "./_base.md.j2/..",
    "~/x.toml",
    "C:/x.toml",
    "..\\..\\x.toml",
    "case_types/",
    "",
]


def _one_line_error(res: CliResult, code: int = 2) -> None:
    assert res.code == code, res
    assert res.err.startswith("casewriter: error: ") and res.err.count("\n") == 1, res.err
    assert "Traceback" not in res.err and "internal error" not in res.err


@pytest.mark.parametrize("name", ESCAPES)
def test_show_refuses_names_outside_the_tree(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    res = cli("templates", "show", name)
    _one_line_error(res)
    assert "root:" not in res.out and res.out == ""


@pytest.mark.parametrize("name", ESCAPES)
def test_copy_refuses_names_outside_the_tree_and_writes_nothing(  # type: ignore[no-untyped-def]
    cli, home: Path, tmp_path: Path, name: str
) -> None:
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    res = cli("templates", "copy", name, "--force")
    _one_line_error(res)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_copy_of_a_real_built_in_file_outside_still_refused(
    cli, home: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A name that climbs out and back in to a real built-in file is still not a name."""
    climbing = "case_types/../_base.md.j2"
    res = cli("templates", "copy", climbing)
    _one_line_error(res)
    assert not (home / "templates").exists()


def test_show_and_copy_still_work_for_names_inside(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    res = cli("templates", "show", "_base.md.j2")
    assert res.code == 0 and res.out.startswith("# _base.md.j2 (builtin: ")
    res = cli("templates", "show", "builtin/case_types/warehouse.md.j2")
    assert res.code == 0 and "warehouse.md.j2" in res.out
    res = cli("templates", "copy", "warehouse-lost")
    assert res.code == 0, res
    copied = sorted(p.name for p in (home / "templates" / "case_types").iterdir())
    # the case type's file and the templates it names (shared with warehouse-damaged)
    assert copied == ["warehouse-lost.toml", "warehouse.md.j2", "warehouse.oer.md.j2"]
    for name in copied:
        shipped = (BUILTIN / "case_types" / name).read_bytes()
        assert (home / "templates" / "case_types" / name).read_bytes() == shipped
    user = home / "templates" / "case_types" / "warehouse-lost.toml"
    assert user.read_bytes() == (BUILTIN / "case_types" / "warehouse-lost.toml").read_bytes()
    res = cli("templates", "show", "warehouse-lost")
    assert res.code == 0 and "(user: " in res.out.splitlines()[0]


def test_a_user_link_leading_out_is_not_shown(cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("do not print me\n")
    (home / "templates").mkdir()
    (home / "templates" / "notes.md.j2").symlink_to(secret)
    res = cli("templates", "show", "notes.md.j2")
    _one_line_error(res)
    assert "leads outside" in res.err and "do not print me" not in res.out
    listing = cli("templates", "list")
    assert listing.code == 0 and "notes.md.j2" not in listing.out


def test_a_user_link_inside_the_tree_is_fine(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    folder = home / "templates"
    folder.mkdir()
    (folder / "mine.md.j2").write_text("Hello {{ seller }}\n")
    (folder / "alias.md.j2").symlink_to(folder / "mine.md.j2")
    res = cli("templates", "show", "alias.md.j2")
    assert res.code == 0 and "Hello {{ seller }}" in res.out


def test_copy_never_writes_through_a_linked_folder(cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside"
    outside.mkdir()
    (home / "templates").mkdir()
    (home / "templates" / "case_types").symlink_to(outside)
    res = cli("templates", "copy", "warehouse-lost", "--force")
    _one_line_error(res)
    assert "leads outside" in res.err
    assert list(outside.iterdir()) == []


def test_copy_replaces_a_link_at_the_target_instead_of_writing_through_it(  # type: ignore[no-untyped-def]
    cli, home: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.toml"
    victim.write_text("mine\n")
    folder = home / "templates"
    folder.mkdir()
    (folder / "_oer.md.j2").symlink_to(victim)
    res = cli("templates", "copy", "_oer.md.j2", "--force")
    assert res.code == 0, res
    assert victim.read_text() == "mine\n"
    assert not (folder / "_oer.md.j2").is_symlink()
    assert (folder / "_oer.md.j2").read_bytes() == (BUILTIN / "_oer.md.j2").read_bytes()


def test_copying_the_built_in_file_onto_itself_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A home whose templates folder is the built-in one (``--home`` at a checkout, or a link):
    the copy would be the file itself. One line, and the built-in file is untouched."""
    home = tmp_path / "checkout-like"
    home.mkdir()
    (home / "templates").symlink_to(BUILTIN)
    builtin_file = BUILTIN / "_base.md.j2"
    before = (
        builtin_file.stat().st_ino,
        builtin_file.stat().st_mtime_ns,
        builtin_file.read_bytes(),
    )
    res = cli("--home", str(home), "templates", "copy", "_base.md.j2", "--force")
    _one_line_error(res)
    assert "is the built-in file itself" in res.err
    after = (builtin_file.stat().st_ino, builtin_file.stat().st_mtime_ns, builtin_file.read_bytes())
    assert after == before


def test_copy_into_a_home_that_cannot_be_written_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home2"
    home.mkdir()
    (home / "templates").write_text("a file where the folder should be")
    res = cli("--home", str(home), "templates", "copy", "_oer.md.j2")
    _one_line_error(res, code=1)
    assert "cannot create" in res.err or "not a folder" in res.err


def test_show_of_a_non_utf8_or_non_regular_user_template_is_one_line(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    folder = home / "templates"
    folder.mkdir()
    (folder / "latin.md.j2").write_bytes(b"caf\xe9\n")
    res = cli("templates", "show", "latin.md.j2")
    _one_line_error(res)
    assert "not UTF-8" in res.err
    os.mkfifo(folder / "pipe.md.j2")
    res = cli("templates", "show", "pipe.md.j2")
    assert res.code == 2 and "no template" in res.err  # a FIFO is not a template file
