"""Our image client against a plain aiohttp floor (keep-alive) and the openai SDK.

All three call the same fake gateway (in its own process, answering at once), decode the
``b64_json`` result and check it is a PNG, ``--concurrency`` calls at a time. Each repeat runs
the three in turn, so machine noise hits them alike; the figures are medians over repeats.

    .venv/bin/python -m bench.client [--requests 1000] [--big-requests 200] [--repeats 3]

Prints a table, then as the last line one JSON object: for each result size, requests per
second and CPU µs per request (of this process) of the client, the floor and the SDK, and the
client's ratios to each (``cpu_vs_*`` > 1: the client spends less CPU per request).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import aiohttp
from openai import AsyncOpenAI

from bench.gateway_process import API_KEY, gateway_process
from bench.table import format_table
from bot.images import ImageClient, ImageRequest

MODEL = "openai/gpt-image-1"  # answers b64_json by default
PROMPT = "a lighthouse at dusk"
SIZES = {"b64_50kb": 50 * 1024, "b64_1500kb": 1536 * 1024}
Call = Callable[[], Awaitable[bytes]]


@dataclass(frozen=True)
class Rate:
    """Requests per second, and this process's CPU per request (the gateway has its own)."""

    rps: float
    cpu_us: float


async def _rate(call: Call, requests: int, concurrency: int) -> Rate:
    """Run ``requests`` calls, ``concurrency`` at a time."""
    remaining = iter(range(requests))

    async def worker() -> None:
        for _ in remaining:
            if not (await call()).startswith(b"\x89PNG"):
                raise RuntimeError("the result is not a PNG")

    start, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    cpu = time.process_time() - cpu
    return Rate(requests / (time.perf_counter() - start), cpu * 1e6 / requests)


async def client_rate(base_url: str, requests: int, concurrency: int) -> Rate:
    client = ImageClient(base_url, API_KEY, allow_private_downloads=True)
    request = ImageRequest(MODEL, PROMPT, 1, "1024x1024", None, None)

    async def call() -> bytes:
        return (await client.generate(request)).images[0].data

    try:
        return await _measured(call, requests, concurrency)
    finally:
        await client.close()


async def floor_rate(base_url: str, requests: int, concurrency: int) -> Rate:
    """The least an aiohttp program can do: keep-alive, post, parse, decode."""
    url = base_url + "/images/generations"
    body = {"model": MODEL, "prompt": PROMPT, "n": 1, "size": "1024x1024"}
    headers = {"Authorization": f"Bearer {API_KEY}"}
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def call() -> bytes:
            async with session.post(url, json=body, headers=headers) as response:
                payload = json.loads(await response.read())
            return base64.b64decode(payload["data"][0]["b64_json"])

        return await _measured(call, requests, concurrency)


async def sdk_rate(base_url: str, requests: int, concurrency: int) -> Rate:
    async with AsyncOpenAI(base_url=base_url, api_key=API_KEY, max_retries=0) as sdk:

        async def call() -> bytes:
            result = await sdk.images.generate(model=MODEL, prompt=PROMPT, n=1, size="1024x1024")
            assert result.data
            assert result.data[0].b64_json
            return base64.b64decode(result.data[0].b64_json)

        return await _measured(call, requests, concurrency)


async def _measured(call: Call, requests: int, concurrency: int) -> Rate:
    await _rate(call, min(requests, concurrency * 2), concurrency)  # warm up connections
    return await _rate(call, requests, concurrency)


RUNNERS = {"client": client_rate, "floor": floor_rate, "sdk": sdk_rate}


async def measure_size(
    b64_bytes: int, requests: int, concurrency: int, repeats: int
) -> dict[str, float]:
    """Medians of each runner for one result size; the order rotates so no runner always leads."""
    rates: dict[str, list[Rate]] = {name: [] for name in RUNNERS}
    names = list(RUNNERS)
    with gateway_process(b64_bytes) as base_url:
        for repeat in range(repeats):
            for name in names[repeat % 3 :] + names[: repeat % 3]:
                rates[name].append(await RUNNERS[name](base_url, requests, concurrency))
    row: dict[str, float] = {}
    for name, runs in rates.items():
        row[f"{name}_rps"] = statistics.median(run.rps for run in runs)
        row[f"{name}_cpu_us"] = statistics.median(run.cpu_us for run in runs)
    row["vs_floor"] = row["client_rps"] / row["floor_rps"]
    row["vs_sdk"] = row["client_rps"] / row["sdk_rps"]
    # CPU per request of the calling process: steadier than rates on a busy machine.
    row["cpu_vs_floor"] = row["floor_cpu_us"] / row["client_cpu_us"]
    row["cpu_vs_sdk"] = row["sdk_cpu_us"] / row["client_cpu_us"]
    return row


def table(results: dict[str, dict[str, float]]) -> str:
    """Rates, then CPU per request; each ratio is the client's advantage (> 1: the client wins)."""
    header = ["result", "client/s", "floor/s", "sdk/s", "rps vs floor", "rps vs sdk"]
    header += ["client µs", "floor µs", "sdk µs", "cpu vs floor", "cpu vs sdk"]
    rows = [
        [
            size,
            *(f"{row[key]:.0f}" for key in ("client_rps", "floor_rps", "sdk_rps")),
            *(f"{row[key]:.2f}x" for key in ("vs_floor", "vs_sdk")),
            *(f"{row[key]:.0f}" for key in ("client_cpu_us", "floor_cpu_us", "sdk_cpu_us")),
            *(f"{row[key]:.2f}x" for key in ("cpu_vs_floor", "cpu_vs_sdk")),
        ]
        for size, row in results.items()
    ]
    return format_table(header, rows)


async def run(requests: int, big_requests: int, concurrency: int, repeats: int) -> dict[str, Any]:
    results = {}
    for size, b64_bytes in SIZES.items():
        count = requests if b64_bytes == SIZES["b64_50kb"] else big_requests
        results[size] = await measure_size(b64_bytes, count, concurrency, repeats)
    print(table(results))
    return {**results, "concurrency": concurrency, "repeats": repeats}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=1000, help="per run, 50 KB results")
    parser.add_argument("--big-requests", type=int, default=200, help="per run, 1.5 MB results")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    summary = asyncio.run(run(args.requests, args.big_requests, args.concurrency, args.repeats))
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
