"""Each bench starts as ``python bench/x.py`` and as ``python -m bench.x``, whatever is installed.

The README's run command (``pip install .``) replaces the test command's editable install, which
was what made the checkout importable; after it, a bench run as a file found no ``tests`` and an
installed, possibly stale, ``bot``. Each case runs in a fresh interpreter whose path has the
checkout removed, as after ``pip install .``, then starts the bench as Python itself would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHES = sorted(  # the scripts, not their helpers (bench/table.py)
    p.stem for p in (ROOT / "bench").glob("*.py") if 'if __name__ == "__main__":' in p.read_text()
)

LAUNCHER = """
import runpy, sys
from pathlib import Path

root, how, target = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
sys.path[:] = [p for p in sys.path if p and Path(p).resolve() != root]
sys.argv = [target, "--help"]
try:
    if how == "file":
        sys.path.insert(0, str(Path(target).parent))  # what `python bench/x.py` puts first
        runpy.run_path(target, run_name="__main__")
    else:
        sys.path.insert(0, "")  # what `python -m` puts first: the working folder
        runpy.run_module(target, run_name="__main__", alter_sys=True)
except SystemExit as done:
    code = done.code
else:
    code = 0
print(sys.modules["bot"].__file__ if "bot" in sys.modules else "-")
sys.exit(code)
"""


def test_every_bench_is_covered() -> None:
    names = {"client", "ledger", "pipeline", "policy_check", "gateway_process", "terms"}
    assert names <= set(BENCHES)


@pytest.mark.parametrize("name", BENCHES)
@pytest.mark.parametrize("how", ["file", "module"])
def test_a_bench_starts_without_an_editable_install(tmp_path: Path, name: str, how: str) -> None:
    target = str(ROOT / "bench" / f"{name}.py") if how == "file" else f"bench.{name}"
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(ROOT), how, target],
        cwd=tmp_path if how == "file" else ROOT,  # a file runs from anywhere
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    usage, _, bot_file = done.stdout.rstrip().rpartition("\n")
    assert "usage:" in usage
    if bot_file != "-":  # what it imports is this checkout, not an installed copy
        assert Path(bot_file).is_relative_to(ROOT)
