"""A smoke run of bench/pipeline.py: both sides finish a tiny burst and report sane figures."""

from __future__ import annotations

from bench.pipeline import COLUMNS, SIDES
from tests.bench_tables import assert_aligned, run_bench


def test_bench_pipeline_smoke_run() -> None:
    run = run_bench("-m", "bench.pipeline", "--ns=2", "--repeats=1", timeout=180)
    lines = run.lines
    assert lines[0].split()[:3] == ["N", "side", "done"]
    assert_aligned(lines[:-1])
    summary = run.figures
    assert summary["repeats"] == 1
    result = summary["ns"]["2"]
    for side in SIDES:
        figures = result[side]
        assert set(figures) >= {key for key, _, _ in COLUMNS}
        assert figures["completed"] == 2  # every interaction got its image
        assert 0 < figures["ack_p50_ms"] <= figures["ack_p99_ms"] < 3000  # Discord's deadline
        assert figures["throughput_rps"] > 0
        assert figures["cpu_ms_per_request"] > 0
        assert figures["loop_lag_max_ms"] >= figures["loop_lag_p99_ms"] >= 0
        assert figures["peak_rss_mb"] > 10
    bot, floor = result["bot"], result["floor"]
    assert bot["queue_us_per_request"] > 0  # the fair queue's own cost, measured
    assert floor["queue_us_per_request"] == 0  # the floor has no queue
    assert result["vs_floor"] == bot["throughput_rps"] / floor["throughput_rps"]
    assert result["cpu_vs_floor"] == floor["cpu_ms_per_request"] / bot["cpu_ms_per_request"]
