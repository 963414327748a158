"""N concurrent /imagine interactions through the fake Discord into the real bot, and a floor.

The floor is a plain aiohttp program doing the same protocol work against the same fakes:
receive the interaction on the gateway websocket, defer, call the image gateway, decode the
result, upload it in place of the deferred message. The fake image gateway answers at once, so
what is measured is the pipeline's own cost.

Three processes per (side, N), all fresh: the fake image gateway, the fake Discord (injects the
burst, times acknowledgements and uploads as they arrive), and the side under test (the bot or
the floor), whose process is measured alone: event-loop lag, and peak RSS over its RSS before the
burst; divided by N, that is its memory per request in flight. The fake Discord's spec checks
are off: their cost is the fake's.

    .venv/bin/python -m bench.pipeline [--ns 1,50,200,500] [--repeats 3]

Prints a table, then as the last line one JSON object with, for each N, the medians for the bot
and the floor and the bot's throughput as a fraction of the floor's.
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
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import aiohttp

from bench.gateway_process import API_KEY, gateway_process
from bench.table import format_table
from bot.app import ImagineBot, image_client
from bot.config import Settings
from bot.queue import FairQueue, QueueSettings
from bot.store import SQLiteStore
from tests.fakes.discord import spec
from tests.fakes.discord.harness import running_fake_discord
from tests.fakes.discord.scenario import GUILD_ID
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.discord.state import RecordedRequest

SIDES = ("bot", "floor")
PROMPT = "a lighthouse at dusk"
MODEL = "openai/gpt-image-1"  # answers b64_json
LAG_TICK = 0.005
BURST_TIMEOUT = 120.0
WARM_UP = 2  # interactions before the measured burst: connections, caches, the database

# The table's columns: (key of a side's figures, header, format). A new figure is one line here.
COLUMNS: list[tuple[str, str, str]] = [
    ("completed", "done", "{:.0f}"),
    ("ack_p50_ms", "ack p50 ms", "{:.1f}"),
    ("ack_p99_ms", "ack p99 ms", "{:.1f}"),
    ("throughput_rps", "req/s", "{:.0f}"),
    ("cpu_ms_per_request", "CPU ms/req", "{:.2f}"),
    ("loop_lag_max_ms", "lag max ms", "{:.1f}"),
    ("loop_lag_p99_ms", "lag p99 ms", "{:.1f}"),
    ("peak_rss_mb", "peak RSS MB", "{:.1f}"),
    ("rss_kb_per_request", "KB/req", "{:.1f}"),
    ("queue_us_per_request", "queue µs/req", "{:.1f}"),
]
ALL_CAPS_HIGH = 10_000  # the bench measures the pipeline, not the fair queue's waiting


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)] if ordered else 0.0


async def read_line() -> str:
    """The driver's next command on stdin, without blocking the event loop."""
    line: str = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    return line.strip()


def reply(message: object) -> None:
    print(json.dumps(message), flush=True)


# -- the fake Discord's process: injects bursts, times what comes back ------------------------


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
    """Inject ``n`` /imagine at once; wait for every result; return the protocol figures."""
    completions = Completions(fake)
    started = fake.clock.now()
    handles = []
    for _ in range(n):
        handles.append(await fake.inject_slash("imagine", {"prompt": PROMPT}))
        await asyncio.sleep(0)  # take in callbacks while injecting, as Discord would
    with contextlib.suppress(TimeoutError):
        await fake.wait_until(lambda: completions.scan() >= n, BURST_TIMEOUT)
    finished = max(completions.uploaded.values(), default=fake.clock.now())
    acks = [
        completions.acked[str(h.id)] - h.record.created_at
        for h in handles
        if str(h.id) in completions.acked
    ]
    return {
        "completed": len(completions.uploaded),
        "ack_p50_ms": percentile(acks, 0.5) * 1000,
        "ack_p99_ms": percentile(acks, 0.99) * 1000,
        "throughput_rps": len(completions.uploaded) / max(finished - started, 1e-9),
    }


async def serve_discord() -> None:
    """Answer ``burst N`` lines with the figures of a burst, until ``quit``."""
    spec.validate = lambda *args: []  # the fake's own cost, not the pipeline's
    async with running_fake_discord() as fake:
        reply({"token": fake.scenario.token, "api": fake.api_base, "ws": fake.gateway_url})
        while (command := await read_line()).startswith("burst"):
            reply(await burst(fake, int(command.split()[1])))


# -- the measured process: the bot or the floor -------------------------------------------------


@dataclass
class LoopWatch:
    """Samples event-loop lag and RSS every few milliseconds."""

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


@dataclass(frozen=True)
class Fakes:
    """Where the fakes listen, as the driver passes it to the measured process."""

    token: str
    api: str
    ws: str
    gateway: str


@contextlib.asynccontextmanager
async def running_bot(fakes: Fakes) -> AsyncIterator[None]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,
            discord_token=fakes.token,
            image_api_key=API_KEY,
            image_api_base_url=fakes.gateway,
            database_path=Path(tmp) / "bench.sqlite3",
            discord_api_base=fakes.api,
            discord_gateway_url=fakes.ws,
            dev_guild_id=GUILD_ID,
            allow_http_gateway=True,  # the fakes speak plain http on loopback
            allow_private_result_urls=True,
            quota_guild_credits=1_000_000,
            quota_member_credits=0,
            global_concurrency=ALL_CAPS_HIGH,
            guild_concurrency=ALL_CAPS_HIGH,
            member_concurrency=ALL_CAPS_HIGH,
            queue_limit=ALL_CAPS_HIGH,
            member_queue_limit=ALL_CAPS_HIGH,
            log_level="WARNING",
        )
        async with (
            await SQLiteStore.open(settings.database_path) as store,
            image_client(settings) as images,
        ):
            bot = ImagineBot(settings, store=store, images=images, guild_ready_timeout=0)
            runner = asyncio.create_task(bot.start(fakes.token))
            try:
                await asyncio.wait_for(bot.wait_until_ready(), 30)
                yield
            finally:
                await bot.close()
                with contextlib.suppress(asyncio.CancelledError):
                    await runner


class FloorBot:
    """The least a bot can do per /imagine with aiohttp: defer, call, decode, upload."""

    def __init__(self, fakes: Fakes) -> None:
        self._fakes = fakes
        self._generations = fakes.gateway + "/images/generations"
        self._tasks: set[asyncio.Task[None]] = set()

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        async with (
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as self._http,
            self._http.ws_connect(self._fakes.ws) as socket,
        ):
            await socket.receive_json()  # HELLO; a run is shorter than a heartbeat interval
            identify = {"token": self._fakes.token, "intents": 1, "properties": {}}
            await socket.send_json({"op": 2, "d": identify})
            while (await socket.receive_json()).get("t") != "READY":
                pass
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
        api, token = self._fakes.api, interaction["token"]
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


async def serve_side(side: str, fakes: Fakes) -> None:
    """Run the bot or the floor; ``start``/``stop`` lines bracket the measured burst."""
    runner = running_bot(fakes) if side == "bot" else FloorBot(fakes).running()
    async with runner:
        reply("ready")
        while await read_line() == "start":
            watch = LoopWatch()
            before, cpu = rss_bytes(), time.process_time()
            watcher = asyncio.create_task(watch.run())
            reply("started")
            await read_line()  # stop
            cpu = time.process_time() - cpu
            watcher.cancel()
            lags = watch.lags
            reply(
                {
                    "loop_lag_max_ms": max(lags, default=0.0) * 1000,
                    "loop_lag_p99_ms": percentile(lags, 0.99) * 1000,
                    "peak_rss_mb": max(watch.peak_rss, before) / 2**20,
                    "rss_growth_bytes": max(watch.peak_rss - before, 0),
                    "cpu_seconds": cpu,
                }
            )


# -- the driver: every (side, N) in fresh processes, medians over repeats ----------------------


class Child:
    """A bench process spoken to in lines: commands on stdin, one JSON answer per line."""

    def __init__(self, *options: str) -> None:
        self.role = " ".join(options)[:40]
        self.process = subprocess.Popen(
            [sys.executable, __file__, *options],  # by file: from any folder, with any install
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, command: str | None = None) -> Any:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"bench process {self.role} ended early")
        return json.loads(line)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()  # every loop above ends on an empty line
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextlib.contextmanager
def child(*options: str) -> Iterator[Child]:
    process = Child(*options)
    try:
        yield process
    finally:
        process.close()


def measure(side: str, n: int, gateway: str) -> dict[str, float]:
    """One burst of ``n`` against ``side``, in fresh processes."""
    with child("--role=discord") as discord:
        where = discord.ask()
        fakes = json.dumps({**where, "gateway": gateway})
        with child(f"--role={side}", f"--fakes={fakes}") as measured:
            measured.ask()  # ready
            discord.ask(f"burst {WARM_UP}")
            measured.ask("start")
            protocol = discord.ask(f"burst {n}")
            process = measured.ask("stop")
    growth, cpu = process.pop("rss_growth_bytes"), process.pop("cpu_seconds")
    per_request = {"rss_kb_per_request": growth / 1024 / n, "cpu_ms_per_request": cpu * 1000 / n}
    # Only the bot has a queue; its cost is measured on its own, in this process.
    queue = asyncio.run(queue_overhead_us(n)) if side == "bot" else 0.0
    return {**protocol, **process, **per_request, "queue_us_per_request": queue}


async def queue_overhead_us(n: int) -> float:
    """The fair queue's own cost per request: join, turn and release for `n` at once."""
    caps = QueueSettings(
        ALL_CAPS_HIGH, ALL_CAPS_HIGH, ALL_CAPS_HIGH, ALL_CAPS_HIGH, member_queue_limit=ALL_CAPS_HIGH
    )
    queue = FairQueue(caps)

    async def one(key: int) -> None:
        async with queue.join(GUILD_ID, key % 50, key=key) as ticket:
            await ticket.turn()

    started = time.perf_counter()
    await asyncio.gather(*(one(key) for key in range(n)))
    return (time.perf_counter() - started) * 1e6 / n


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def table(results: dict[str, dict[str, Any]]) -> str:
    headers = ["N", "side", *(header for _, header, _ in COLUMNS)]
    rows: list[list[str]] = []
    for n, sides in results.items():
        for side in SIDES:
            figures = sides[side]
            rows.append([n, side, *(fmt.format(figures[key]) for key, _, fmt in COLUMNS)])
        ratios = {
            "throughput_rps": f"{sides['vs_floor']:.2f}x",
            "cpu_ms_per_request": f"{sides['cpu_vs_floor']:.2f}x",
        }
        rows.append(["", "bot/floor", *(ratios.get(key, "") for key, _, _ in COLUMNS)])
    return format_table(headers, rows, labels=2)


def run(ns: list[int], repeats: int, b64_bytes: int) -> dict[str, Any]:
    runs: dict[int, dict[str, list[dict[str, float]]]] = {n: {s: [] for s in SIDES} for n in ns}
    with gateway_process(b64_bytes) as gateway:
        for _ in range(repeats):
            for n in ns:
                for side in SIDES:
                    runs[n][side].append(measure(side, n, gateway))
    results: dict[str, dict[str, Any]] = {}
    for n in ns:
        sides: dict[str, Any] = {side: medians(runs[n][side]) for side in SIDES}
        bot, floor = sides["bot"], sides["floor"]
        sides["vs_floor"] = bot["throughput_rps"] / floor["throughput_rps"]
        # The measured process's own CPU per request: steadier than throughput on a busy machine
        # (and than the fake Discord, which can be the bottleneck): the capacity ratio.
        sides["cpu_vs_floor"] = floor["cpu_ms_per_request"] / bot["cpu_ms_per_request"]
        results[str(n)] = sides
    print(table(results))
    return {"ns": results, "repeats": repeats, "b64_bytes": b64_bytes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ns", default="1,50,200,500", help="comma-separated burst sizes")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--b64-bytes", type=int, default=2048, help="size of each result")
    parser.add_argument("--role", choices=("discord", *SIDES), help="internal: a child process")
    parser.add_argument("--fakes", help="internal: where the fakes listen, for a measured side")
    args = parser.parse_args()
    if args.role == "discord":
        asyncio.run(serve_discord())
    elif args.role:
        asyncio.run(serve_side(args.role, Fakes(**json.loads(args.fakes))))
    else:
        ns = [int(n) for n in args.ns.split(",")]
        print(json.dumps(run(ns, args.repeats, args.b64_bytes)))


if __name__ == "__main__":
    main()
