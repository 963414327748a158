"""Prometheus metrics and the health endpoints of one bot process.

Served by aiohttp on the bot's own event loop, not by prometheus_client's threaded server:
`/readyz` must ask the store and discord.py's shards, which belong to that loop; aiohttp is
already a dependency; and one server answers all three paths. Every bot has its own
`CollectorRegistry` (never the global one), so one process, or one test, can hold several bots.

No metric has a guild or member label: their number is unbounded and Prometheus keeps a series
per label value.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.images import ImageAPIError

if TYPE_CHECKING:
    from bot.app import ImagineBot

log = logging.getLogger("imagine.metrics")

OUTCOMES = ("succeeded", "failed", "cancelled")
OPERATIONS = ("generation", "edit")  # the `operation` label: which endpoint a call went to
# Why Discord did not take an audit post: 403, 404, 400 (a body it refused), 429, 5xx, another
# status, a broken connection, a timeout.
AUDIT_FAILURES = (
    "forbidden",
    "not_found",
    "invalid",
    "rate_limited",
    "server_error",
    "refused",
    "transport",
    "timeout",
)
STORE_TIMEOUT = 2.0  # seconds the store may take to answer SELECT 1 before /readyz says no
# Image generation takes seconds to minutes (gpt-image-1 up to about two).
GENERATION_BUCKETS = (1, 2.5, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600)
QUEUE_BUCKETS = (0.1, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300)


class MetricsError(Exception):
    """The metrics server cannot start; the message is one line for the operator."""


class Metrics:
    """The bot's metrics; the request path reports to it through the methods below."""

    def __init__(
        self,
        models: Iterable[str] = (),
        latencies: Callable[[], Iterable[tuple[int, float]]] = tuple,
    ) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self.generations = Counter(
            "imagine_generations",
            "Requests that reached the image API, by model, operation and outcome",
            ["model", "operation", "outcome"],
            registry=registry,
        )
        self.credits_spent = Counter(
            "imagine_credits_spent",
            "Credits committed for what the image API returned, by model and operation",
            ["model", "operation"],
            registry=registry,
        )
        self.generation_seconds = Histogram(
            "imagine_generation_seconds",
            "Time one image API call took, retries included, by model and operation",
            ["model", "operation"],
            buckets=GENERATION_BUCKETS,
            registry=registry,
        )
        self.queue_wait_seconds = Histogram(
            "imagine_queue_wait_seconds",
            "Time a request waited in the queue before its image API call",
            buckets=QUEUE_BUCKETS,
            registry=registry,
        )
        self.in_flight = Gauge(
            "imagine_requests_in_flight",
            "Image API calls under way in this process",
            registry=registry,
        )
        self.waiting = Gauge(
            "imagine_requests_waiting",
            "Requests waiting in this process's queue",
            registry=registry,
        )
        self.refusals = Counter(
            "imagine_refusals",
            "Requests refused before the image API was called, by rule",
            ["rule"],
            registry=registry,
        )
        self.gateway_errors = Counter(
            "imagine_gateway_errors",
            "Failed image API calls, by kind of error",
            ["kind"],
            registry=registry,
        )
        self.audit_failures = Counter(
            "imagine_audit_posts_failed",
            "Audit channel posts that Discord did not take, by reason",
            ["reason"],
            registry=registry,
        )
        registry.register(_LatencyCollector(latencies))
        for reason in AUDIT_FAILURES:
            self.audit_failures.labels(reason)
        for model in models:  # zeros from the start, so rates and alerts have a series
            for operation in OPERATIONS:
                self.credits_spent.labels(model, operation)
                for outcome in OUTCOMES:
                    self.generations.labels(model, operation, outcome)

    @contextlib.contextmanager
    def generating(self, model: str, operation: str = "generation") -> Iterator[None]:
        """Wrap one image API call: in flight while inside, then its latency and outcome."""
        self.in_flight.inc()
        started = time.perf_counter()
        outcome = "failed"
        try:
            yield
            outcome = "succeeded"
        except ImageAPIError as error:
            self.gateway_errors.labels(type(error).__name__).inc()
            raise
        except asyncio.CancelledError:
            outcome = "cancelled"
            raise
        finally:
            self.in_flight.dec()
            elapsed = time.perf_counter() - started
            self.generation_seconds.labels(model, operation).observe(elapsed)
            self.generations.labels(model, operation, outcome).inc()

    def spent(self, model: str, credits: int, operation: str = "generation") -> None:
        self.credits_spent.labels(model, operation).inc(credits)

    def refused(self, rule: str) -> None:
        self.refusals.labels(rule).inc()

    def audit_post_failed(self, reason: str) -> None:
        self.audit_failures.labels(reason).inc()

    def waited(self, seconds: float) -> None:
        self.queue_wait_seconds.observe(seconds)

    def watch_waiting(self, waiting: Callable[[], float]) -> None:
        """Read the queue's length at scrape time: nothing to update on the request path."""
        self.waiting.set_function(waiting)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class _LatencyCollector(Collector):
    """Discord's heartbeat round trip per shard, read from discord.py at scrape time."""

    NAME = "imagine_discord_latency_seconds"
    HELP = "Time between a gateway heartbeat and its acknowledgement, per shard"

    def __init__(self, latencies: Callable[[], Iterable[tuple[int, float]]]) -> None:
        self._latencies = latencies

    def describe(self) -> Iterable[GaugeMetricFamily]:
        """Named without reading the shards, which may not exist yet at registration."""
        return [GaugeMetricFamily(self.NAME, self.HELP, labels=["shard"])]

    def collect(self) -> Iterable[GaugeMetricFamily]:
        family = GaugeMetricFamily(self.NAME, self.HELP, labels=["shard"])
        for shard_id, latency in self._latencies():
            if math.isfinite(latency):  # inf or nan until the first acknowledgement
                family.add_metric([str(shard_id)], latency)
        return [family]


async def unready_reason(bot: ImagineBot, within: float = STORE_TIMEOUT) -> str | None:
    """Why this process should not get traffic yet, or None: every shard up, the store answers."""
    if bot.is_closed():
        return "stopping"
    if not bot.is_ready():
        return "not connected to Discord yet"
    closed = sorted(shard_id for shard_id, shard in bot.shards.items() if shard.is_closed())
    if closed:
        return "shards not connected: " + ", ".join(map(str, closed))
    try:
        async with asyncio.timeout(within):
            await bot.store.ping()
    except TimeoutError:
        return f"the store did not answer within {within:g} s"
    except Exception as error:  # a closed or broken store: any error means "not ready"
        return f"the store does not answer ({type(error).__name__})"
    return None


def metrics_app(bot: ImagineBot, store_timeout: float = STORE_TIMEOUT) -> web.Application:
    """`/metrics`, `/healthz` (the process answers) and `/readyz` (it can serve requests)."""

    async def metrics(request: web.Request) -> web.Response:
        return web.Response(
            body=bot.metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    async def healthz(request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def readyz(request: web.Request) -> web.Response:
        reason = await unready_reason(bot, store_timeout)
        if reason is None:
            return web.Response(text="ready\n")
        return web.Response(status=503, text=f"not ready: {reason}\n")

    app = web.Application()
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    return app


@contextlib.asynccontextmanager
async def serving_metrics(
    bot: ImagineBot, host: str, port: int | None, *, store_timeout: float = STORE_TIMEOUT
) -> AsyncIterator[int | None]:
    """Serve the metrics app while the block runs; yields the bound port (None when off)."""
    if port is None:
        yield None
        return
    runner = web.AppRunner(metrics_app(bot, store_timeout), access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as error:
            raise _cannot_serve(host, port, error) from None
        bound: int = runner.addresses[0][1]
        log.info("metrics and health on http://%s:%d/metrics, /healthz, /readyz", host, bound)
        yield bound
    finally:
        await runner.cleanup()


async def check_address(host: str, port: int) -> None:
    """Bind the address `run` would serve on, and let it go: `check` fails where `run` would."""
    try:
        server = await asyncio.get_running_loop().create_server(asyncio.Protocol, host, port)
    except OSError as error:
        raise _cannot_serve(host, port, error) from None
    server.close()
    await server.wait_closed()


def _cannot_serve(host: str, port: int, error: OSError) -> MetricsError:
    return MetricsError(f"cannot serve metrics on {host}:{port}: {error.strerror or error}")
