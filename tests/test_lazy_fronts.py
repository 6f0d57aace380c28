"""The package fronts that load their names on first use (``casewriter.lazy``, PEP 562):
importing ``casewriter.engine``, ``casewriter.store`` or ``casewriter.health`` loads none of
their modules; each exported name is then the module's own object, kept in the package after
the first use (a plain lookup from then on); a name not exported is the usual one-line ``AttributeError``."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO

PROBE = """
import json, sys
import casewriter.engine, casewriter.store, casewriter.health
fronts = ("casewriter.engine", "casewriter.store", "casewriter.health")
loaded = sorted(m for m in sys.modules if m.startswith(tuple(f + "." for f in fronts)))
out = {"loaded_on_import": loaded, "names": {}, "missing": {}}
for front in fronts:
    package = sys.modules[front]
    for name in package.__all__:
        value = getattr(package, name)
        out["names"][f"{front}.{name}"] = [name in vars(package), getattr(package, name) is value]
    try:
        getattr(package, "no_such_name")
    except AttributeError as exc:
        out["missing"][front] = str(exc)
print(json.dumps(out))
"""


def test_the_fronts_load_nothing_until_a_name_is_used() -> None:
    got = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True,
                         text=True, check=True)  # fmt: skip
    out = json.loads(got.stdout)
    assert out["loaded_on_import"] == []
    names = out["names"]
    assert {"casewriter.engine.Engine", "casewriter.store.CaseStore", "casewriter.store.STATUSES",
            "casewriter.health.build_review", "casewriter.health.Text"} <= set(names)  # fmt: skip
    assert all(kept and same for kept, same in names.values()), [
        n for n, v in names.items() if not all(v)
    ]
    assert out["missing"] == {
        front: f"module '{front}' has no attribute 'no_such_name'"
        for front in ("casewriter.engine", "casewriter.store", "casewriter.health")
    }
