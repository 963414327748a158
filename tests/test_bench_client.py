"""A smoke run of bench/client.py: it runs, prints a table, and ends with sane JSON figures."""

from __future__ import annotations

from tests.bench_tables import assert_aligned, run_bench


def test_bench_client_smoke_run() -> None:
    options = ["--requests=4", "--big-requests=2", "--concurrency=2", "--repeats=1"]
    run = run_bench("-m", "bench.client", *options)
    lines = run.lines
    assert lines[0].split()[:4] == ["result", "client/s", "floor/s", "sdk/s"]
    assert_aligned(lines[:-1])
    summary = run.figures
    assert (summary["concurrency"], summary["repeats"]) == (2, 1)
    for size in ("b64_50kb", "b64_1500kb"):
        row = summary[size]
        for runner in ("client", "floor", "sdk"):
            assert row[f"{runner}_rps"] > 0
            assert row[f"{runner}_cpu_us"] > 0
        assert row["vs_floor"] == row["client_rps"] / row["floor_rps"]
        assert row["vs_sdk"] == row["client_rps"] / row["sdk_rps"]
        assert row["cpu_vs_floor"] == row["floor_cpu_us"] / row["client_cpu_us"]
        assert any(line.startswith(size) for line in lines[1:-1])
