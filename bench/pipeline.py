"""N concurrent /imagine interactions through the fake Discord into the real bot, and a floor.

The floor is a plain aiohttp program doing the same protocol work against the same fakes:
receive the interaction on the gateway websocket, defer, call the image gateway, decode the
result, upload it in place of the deferred message. The fake gateway (its own process) answers
at once, so what is measured is the pipeline's own cost.

Each (side, N) runs in a fresh process, so its memory figures are its own: peak RSS over the
RSS before the burst, divided by N, is the memory per request in flight. That figure includes
what the in-process fake Discord keeps per request, which the floor pays too: the difference
of the two is the bot's own. The fake Discord's spec checks are off (their cost is the fake's).

    .venv/bin/python -m bench.pipeline [--ns 1,50,200,500] [--repeats 3]

Prints a table, then as the last line one JSON object with, for each N, the medians for the
bot and the floor and the bot's throughput as a fraction of the floor's.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from bench.gateway_process import API_KEY, gateway_process
from bot.app import ImagineBot
from bot.config import Settings
from tests.fakes.discord import spec
from tests.fakes.discord.harness import connected_bot, running_fake_discord
from tests.fakes.discord.scenario import GUILD_ID
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.discord.state import RecordedRequest

SIDES = ("bot", "floor")
PROMPT = "a lighthouse at dusk"
MODEL = "openai/gpt-image-1"  # answers b64_json
LAG_TICK = 0.005
COMPLETION_TIMEOUT = 120.0

# The table's columns: (key of a side's figures, header, format). A new figure is one line here.
COLUMNS: list[tuple[str, str, str]] = [
    ("completed", "done", "{:.0f}"),
    ("ack_p50_ms", "ack p50 ms", "{:.1f}"),
    ("ack_p99_ms", "ack p99 ms", "{:.1f}"),
    ("throughput_rps", "req/s", "{:.0f}"),
    ("loop_lag_max_ms", "lag max ms", "{:.1f}"),
    ("loop_lag_p99_ms", "lag p99 ms", "{:.1f}"),
    ("peak_rss_mb", "peak RSS MB", "{:.1f}"),
    ("rss_kb_per_request", "KB/req", "{:.1f}"),
]


# -- one side at one N, in its own process ----------------------------------------------------


@dataclass
class LoopWatch:
    """Samples event-loop lag and RSS every few milliseconds while a burst runs."""

    lags: list[float] = field(default_factory=list)
    peak_rss: int = 0

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            expected = loop.time() + LAG_TICK
            await asyncio.sleep(LAG_TICK)
            self.lags.append(max(loop.time() - expected, 0.0))
            self.peak_rss = max(self.peak_rss, rss_bytes())


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)] if ordered else 0.0


class Completions:
    """Reads the fake's request log as it grows: acknowledgements and uploads per interaction."""

    def __init__(self, fake: FakeDiscord) -> None:
        self._requests = fake.state.requests
        self._next = len(self._requests)
        self.acked: dict[str, float] = {}  # interaction id -> when its callback arrived
        self.uploaded: dict[str, float] = {}  # interaction token -> when its result arrived

    def scan(self) -> int:
        """Take in the requests answered since the last scan; return uploads seen so far."""
        while self._next < len(self._requests) and self._requests[self._next].status:
            self._take(self._requests[self._next])
            self._next += 1
        return len(self.uploaded)

    def _take(self, request: RecordedRequest) -> None:
        parts = request.path.split("/")
        if request.status >= 300:
            return
        if parts[1] == "interactions" and parts[-1] == "callback":
            self.acked[parts[2]] = request.time
        elif request.method == "PATCH" and parts[-1] == "@original" and request.files:
            self.uploaded[parts[3]] = request.time


async def burst(fake: FakeDiscord, n: int) -> dict[str, float]:
    """Inject ``n`` /imagine at once; wait for every result; return this side's figures."""
    completions = Completions(fake)
    watch = LoopWatch()
    watcher = asyncio.create_task(watch.run())
    await asyncio.sleep(LAG_TICK * 2)
    before = rss_bytes()
    started = fake.clock.now()
    handles = [await fake.inject_slash("imagine", {"prompt": PROMPT}) for _ in range(n)]
    with contextlib.suppress(TimeoutError):
        await fake.wait_until(lambda: completions.scan() >= n, COMPLETION_TIMEOUT)
    finished = max(completions.uploaded.values(), default=fake.clock.now())
    watcher.cancel()
    acks = [
        completions.acked[str(h.id)] - h.record.created_at
        for h in handles
        if str(h.id) in completions.acked
    ]
    peak = max(watch.peak_rss, before)
    return {
        "n": n,
        "completed": len(completions.uploaded),
        "ack_p50_ms": percentile(acks, 0.5) * 1000,
        "ack_p99_ms": percentile(acks, 0.99) * 1000,
        "throughput_rps": len(completions.uploaded) / max(finished - started, 1e-9),
        "loop_lag_max_ms": max(watch.lags, default=0.0) * 1000,
        "loop_lag_p99_ms": percentile(watch.lags, 0.99) * 1000,
        "peak_rss_mb": peak / 2**20,
        "rss_kb_per_request": (peak - before) / 1024 / n,
    }


@contextlib.asynccontextmanager
async def running_bot(fake: FakeDiscord, gateway_url: str) -> AsyncIterator[None]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,
            discord_token=fake.scenario.token,
            image_api_key=API_KEY,
            image_api_base_url=gateway_url,
            database_path=Path(tmp) / "bench.sqlite3",
            discord_api_base=fake.api_base,
            discord_gateway_url=fake.gateway_url,
            dev_guild_id=GUILD_ID,
            allow_private_downloads=True,
            quota_guild_credits=1_000_000,
            quota_member_credits=0,
            log_level="WARNING",
        )
        async with connected_bot(fake, lambda: ImagineBot(settings, guild_ready_timeout=0)):
            yield


class FloorBot:
    """The least a bot can do per /imagine with aiohttp: defer, call, decode, upload."""

    def __init__(self, fake: FakeDiscord, gateway_url: str) -> None:
        self._fake = fake
        self._generations = gateway_url + "/images/generations"
        self._tasks: set[asyncio.Task[None]] = set()

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        async with (
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as self._http,
            self._http.ws_connect(self._fake.gateway_url) as socket,
        ):
            await socket.receive_json()  # HELLO; the run is shorter than a heartbeat interval
            identify = {"token": self._fake.scenario.token, "intents": 1, "properties": {}}
            await socket.send_json({"op": 2, "d": identify})
            reader = asyncio.create_task(self._read(socket))
            try:
                yield
            finally:
                reader.cancel()

    async def _read(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        async for frame in socket:
            event = json.loads(frame.data)
            if event.get("t") == "INTERACTION_CREATE":
                task = asyncio.create_task(self._imagine(event["d"]))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def _imagine(self, interaction: dict[str, Any]) -> None:
        api = self._fake.api_base
        token = interaction["token"]
        callback = f"{api}/interactions/{interaction['id']}/{token}/callback"
        async with self._http.post(callback, json={"type": 5}) as response:
            response.raise_for_status()
        body = {"model": MODEL, "prompt": PROMPT, "n": 1, "size": "1024x1024"}
        headers = {"Authorization": f"Bearer {API_KEY}"}
        async with self._http.post(self._generations, json=body, headers=headers) as response:
            payload = json.loads(await response.read())
        image = base64.b64decode(payload["data"][0]["b64_json"])
        form = aiohttp.FormData()
        message = {"attachments": [{"id": 0, "filename": "image.png"}]}
        form.add_field("payload_json", json.dumps({**message, "allowed_mentions": {"parse": []}}))
        form.add_field("files[0]", image, filename="image.png", content_type="image/png")
        original = f"{api}/webhooks/{interaction['application_id']}/{token}/messages/@original"
        async with self._http.patch(original, data=form) as response:
            response.raise_for_status()


async def run_side(side: str, n: int, gateway_url: str) -> dict[str, float]:
    spec.validate = lambda *args: []  # the fake's cost, not ours
    async with running_fake_discord() as fake:
        if side == "bot":
            runner: contextlib.AbstractAsyncContextManager[None] = running_bot(fake, gateway_url)
        else:
            runner = FloorBot(fake, gateway_url).running()
        async with runner:
            await burst(fake, 2)  # warm up: connections, caches, the database
            return await burst(fake, n)


# -- the driver: every (side, N) in a fresh process, medians over repeats -------------------


def run_in_process(side: str, n: int, gateway_url: str) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.pipeline", f"--side={side}", f"--ns={n}"]
    done = subprocess.run(
        [*command, f"--gateway={gateway_url}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=COMPLETION_TIMEOUT + 60,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def table(results: dict[str, dict[str, Any]]) -> str:
    headers = ["N", "side", *(header for _, header, _ in COLUMNS)]
    rows = [headers]
    for n, sides in results.items():
        for side in SIDES:
            figures = sides[side]
            rows.append([n, side, *(fmt.format(figures[key]) for key, _, fmt in COLUMNS)])
        ratio = f"{sides['vs_floor']:.2f}x"
        rows.append(
            ["", "bot/floor", *(ratio if k == "throughput_rps" else "" for k, _, _ in COLUMNS)]
        )
    widths = [max(len(str(row[i])) for row in rows) + 2 for i in range(len(headers))]
    return "\n".join(
        "".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    )


def run(ns: list[int], repeats: int, b64_bytes: int) -> dict[str, Any]:
    runs: dict[int, dict[str, list[dict[str, float]]]] = {n: {s: [] for s in SIDES} for n in ns}
    with gateway_process(b64_bytes) as gateway_url:
        for _ in range(repeats):
            for n in ns:
                for side in SIDES:
                    runs[n][side].append(run_in_process(side, n, gateway_url))
    results: dict[str, dict[str, Any]] = {}
    for n in ns:
        sides: dict[str, Any] = {side: medians(runs[n][side]) for side in SIDES}
        sides["vs_floor"] = sides["bot"]["throughput_rps"] / sides["floor"]["throughput_rps"]
        results[str(n)] = sides
    print(table(results))
    return {"ns": results, "repeats": repeats, "b64_bytes": b64_bytes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ns", default="1,50,200,500", help="comma-separated burst sizes")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--b64-bytes", type=int, default=2048, help="size of each result")
    parser.add_argument("--side", choices=SIDES, help="internal: run one side in this process")
    parser.add_argument("--gateway", help="internal: the gateway base URL for --side")
    args = parser.parse_args()
    ns = [int(n) for n in args.ns.split(",")]
    if args.side:
        print(json.dumps(asyncio.run(run_side(args.side, ns[0], args.gateway))))
        return
    print(json.dumps(run(ns, args.repeats, args.b64_bytes)))


if __name__ == "__main__":
    main()
