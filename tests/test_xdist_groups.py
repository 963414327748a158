"""The suite's ``xdist_group`` marks hold: a group's tests run on one worker, so the LiteLLM
proxy of a compat module starts once (about 9 s of CPU each time), not on every worker.

pytest 9.2 broke this silently (pytest-xdist issue 1386: the tests spread as if unmarked),
hence the pin in the ``test`` extra; this catches a version that breaks it again.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

GROUPED = """
import pytest

pytestmark = pytest.mark.xdist_group("one")


@pytest.mark.parametrize("n", range(6))
def test_grouped(n):
    pass
"""


def test_a_groups_tests_run_on_one_worker(tmp_path: Path) -> None:
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    isolated = ["-p", "no:cacheprovider", "-c", "/dev/null", "--rootdir", str(tmp_path)]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *isolated, "-n", "2", "--dist", "loadgroup", "-v"],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # collects the one file there
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    workers = re.findall(r"^\[(gw\d+)\] .* PASSED ", run.stdout, re.MULTILINE)
    assert len(workers) == 6, run.stdout
    assert len(set(workers)) == 1, run.stdout
