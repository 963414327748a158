"""How long the moderation check takes before the defer, where Discord allows 3 s in all.

A guild with `--terms` blocked terms (plus the built-in list) and a cached policy; prompts of a
few words and of Discord's longest option (6000 characters, in several alphabets). Prints a table,
then as the LAST line one JSON object with the figures.

    .venv/bin/python bench/policy_check.py [--checks 2000] [--terms 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.table import format_table
from bot.metrics import Metrics
from bot.policy import Asker, PolicyDefaults, PolicyService
from bot.quota import QuotaDefaults, QuotaService
from bot.store import SQLiteStore

GUILD, ADMIN = 1, 2
ASKER = Asker(GUILD, 3, frozenset({10, 11}), 20, None, False, False)
SHORT = "a lighthouse at dusk, oil painting, warm light"
LONG = ("a quiet harbour — маяк — φάρος at dusk, 0il painting; " * 120)[:6000]


async def measure(checks: int, terms: int) -> dict[str, float]:
    """Milliseconds per check (median and 99th percentile) for each prompt length."""
    with tempfile.TemporaryDirectory() as tmp:
        async with await SQLiteStore.open(Path(tmp) / "bench.db") as store:
            quota = QuotaService(store, QuotaDefaults(100, 25, "day"))
            policy = PolicyService(store, quota, PolicyDefaults(), metrics=Metrics())
            for number in range(terms):
                await policy.add_entry(GUILD, "term", f"blocked{number} word{number}*")
            figures: dict[str, float] = {}
            for name, prompt in (("short", SHORT), ("long", LONG)):
                assert await policy.check(ASKER, "openai/dall-e-3", prompt) is None
                times = []
                for number in range(checks):
                    fresh = f"{number} {prompt}"[: len(prompt)]  # no cached normalisation
                    start = time.perf_counter()
                    await policy.check(ASKER, "openai/dall-e-3", fresh)
                    times.append((time.perf_counter() - start) * 1000)
                times.sort()
                figures[f"{name}_median_ms"] = round(statistics.median(times), 3)
                figures[f"{name}_p99_ms"] = round(times[int(len(times) * 0.99) - 1], 3)
            return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--checks", type=int, default=2000)
    parser.add_argument("--terms", type=int, default=200)
    args = parser.parse_args()
    figures = asyncio.run(measure(args.checks, args.terms))
    print(f"policy check, {args.terms} blocked terms + built-in list, {args.checks} checks each")
    rows = [
        [
            f"{name} ({length})",
            f"{figures[f'{name}_median_ms']:.3f}",
            f"{figures[f'{name}_p99_ms']:.3f}",
        ]
        for name, length in (("short", len(SHORT)), ("long", len(LONG)))
    ]
    print(format_table(["prompt (chars)", "median ms", "p99 ms"], rows))
    print(json.dumps({"checks": args.checks, "terms": args.terms, **figures}))


if __name__ == "__main__":
    main()
