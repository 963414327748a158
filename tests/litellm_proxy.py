"""The real LiteLLM proxy on 127.0.0.1, configured by the README's own ``config.yaml``.

LiteLLM is an optional extra (``pip install -e '.[test,compat]'``), run as a process of its
own: nothing of it is imported here, so the project's code and types never depend on it.
The proxy reaches for the internet at start-up unless told not to (the model cost map, the
Anthropic beta headers); :data:`OFFLINE` tells it not to, and to record no telemetry, and no
``LITELLM_*`` setting of the caller's reaches it. Should a later version reach for
something else, its HTTP clients are pointed at a proxy on a closed loopback port, so the
request fails here instead of leaving the machine; only loopback is reached directly.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import AbstractAsyncContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.app import ImagineBot
from tests.conftest import API_KEY
from tests.fakes.image_gateway import FakeImageGateway
from tests.processes import free_port

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SECTION = "## Behind a gateway"
ENABLE = "pip install -e '.[test,compat]'"
REQUIRE_SETTING = "IMAGINE_REQUIRE_LITELLM"
OFFLINE = {
    # Bundled copies instead of downloads.
    "LITELLM_LOCAL_MODEL_COST_MAP": "True",
    "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS": "True",
    "LITELLM_LOCAL_POLICY_TEMPLATES": "True",
    "LITELLM_LOCAL_BLOG_POSTS": "True",
    "LITELLM_LOCAL_AUTOROUTER_PRESETS": "True",
    # 1.108.7's telemetry is opt-in, set by LITELLM_TELEMETRY_* (its `--telemetry` flag is a
    # no-op); LITELLM_TELEMETRY_DISABLED is the veto it reads (proxy/telemetry/settings.py).
    "LITELLM_TELEMETRY_DISABLED": "True",
}
# Settings of the proxy that would send it elsewhere (the bot's DATABASE_URL among them).
_CLEARED = ("DATABASE_URL", "REDIS_HOST", "REDIS_URL")
_FENCE = re.compile(r"^```yaml[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
STARTUP_TIMEOUT = 180.0


def litellm_executable(directory: Path = Path(sys.executable).parent) -> Path | None:
    """The ``litellm`` command in ``directory`` (this interpreter's), None without the extra."""
    found = shutil.which("litellm", path=str(directory))
    return Path(found) if found else None


def required(executable: Path | None) -> Path:
    """``executable``; else the test skips, saying how to install the extra, or fails if
    IMAGINE_REQUIRE_LITELLM is set (``.ci/run`` sets it), as a missing PostgreSQL server stops
    the suite when ``IMAGINE_TEST_DATABASE_URL`` is set: there a skip would pass unchecked."""
    if executable is not None:
        return executable
    if os.environ.get(REQUIRE_SETTING):
        pytest.fail(
            f"{REQUIRE_SETTING} is set, but LiteLLM is not installed: {ENABLE}", pytrace=False
        )
    pytest.skip(f"needs the LiteLLM proxy: {ENABLE}")


def readme_config() -> str:
    """The first ``yaml`` block under the README's "Behind a gateway" heading, as written."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n{SECTION}\n")
    end = text.find("\n## ", start + 1)
    found = _FENCE.search(text[start : end if end >= 0 else len(text)])
    if found is None:
        raise AssertionError(f"README.md: no yaml block under {SECTION!r}")
    return found[1]


@dataclass(frozen=True)
class RunningProxy:
    """A proxy that answered its liveness check: where, with which key, and its output."""

    base_url: str  # what the bot's IMAGE_API_BASE_URL would be
    master_key: str
    startup_seconds: float
    log: Path


@contextmanager
def litellm_proxy(
    config: str, upstream_base_url: str, upstream_api_key: str, workdir: Path
) -> Iterator[RunningProxy]:
    """Run ``litellm --config`` with ``config`` until the block ends; stop it then.

    The config names its upstream and keys as ``os.environ/…``, filled in here:
    ``UPSTREAM_BASE_URL``, ``UPSTREAM_API_KEY`` and ``LITELLM_MASTER_KEY``.
    """
    executable = required(litellm_executable())
    config_path = workdir / "config.yaml"
    config_path.write_text(config, encoding="utf-8")
    log = workdir / "litellm.log"
    master_key = f"sk-{secrets.token_hex(16)}"
    port = free_port()
    nowhere = f"http://127.0.0.1:{free_port()}"
    env = proxy_environment(
        os.environ,
        UPSTREAM_BASE_URL=upstream_base_url,
        UPSTREAM_API_KEY=upstream_api_key,
        LITELLM_MASTER_KEY=master_key,
        HTTP_PROXY=nowhere,
        HTTPS_PROXY=nowhere,
        ALL_PROXY=nowhere,
        NO_PROXY="127.0.0.1,localhost",
    )
    argv = [str(executable), "--config", str(config_path), "--host", "127.0.0.1"]
    started = time.monotonic()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*argv, "--port", str(port)],
            cwd=workdir,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        origin = f"http://127.0.0.1:{port}"
        _wait_until_live(process, origin, log)
        yield RunningProxy(f"{origin}/v1", master_key, time.monotonic() - started, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def proxy_environment(inherited: Mapping[str, str], **settings: str) -> dict[str, str]:
    """``inherited`` less what would change the proxy or send it elsewhere (any ``LITELLM_*``
    setting, a database, Redis, HTTP proxies), with :data:`OFFLINE` and ``settings``."""

    def foreign(name: str) -> bool:
        name = name.upper()
        return name.startswith("LITELLM_") or name in _CLEARED or name.endswith("_PROXY")

    kept = {name: value for name, value in inherited.items() if not foreign(name)}
    return {**kept, **OFFLINE, **settings}


def _wait_until_live(process: subprocess.Popen[bytes], origin: str, log: Path) -> None:
    """Poll the proxy's liveness endpoint; fail with its output if it exits or takes too long."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, directly
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with opener.open(f"{origin}/health/liveliness", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:  # refused until it listens; URLError and timeouts are OSErrors
            pass
        time.sleep(0.25)
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
    raise RuntimeError(f"LiteLLM did not start (exit {process.poll()}):\n{tail}")


def behind_proxy(config: Callable[[], str], name: str) -> tuple[Any, Any, Any, Any]:
    """The fixtures of a test module whose bot reaches the fake gateway through the proxy.

    ``upstream_port, proxy, gateway, bot = behind_proxy(readme_config, "litellm")``: the proxy,
    run with ``config()``, starts once for the module (its upstream's port fixed, since the
    config names it; without the extra, see :func:`required`); each test gets a
    fresh upstream on that port and a bot whose gateway is the proxy, its key the proxy's.
    """

    @pytest.fixture(scope="module", name="upstream_port")
    def upstream_port() -> int:
        return free_port()

    @pytest.fixture(scope="module", name="proxy")
    def proxy(
        upstream_port: int, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[RunningProxy]:
        upstream = f"http://127.0.0.1:{upstream_port}/v1"
        with litellm_proxy(config(), upstream, API_KEY, tmp_path_factory.mktemp(name)) as running:
            yield running

    @pytest.fixture(name="gateway")
    async def gateway(proxy: RunningProxy, upstream_port: int) -> AsyncIterator[FakeImageGateway]:
        async with FakeImageGateway(api_key=API_KEY, port=upstream_port) as upstream:
            yield upstream

    @pytest.fixture(name="bot")
    async def bot(
        start_bot: Callable[..., AbstractAsyncContextManager[ImagineBot]], proxy: RunningProxy
    ) -> AsyncIterator[ImagineBot]:
        settings = {"image_api_base_url": proxy.base_url, "image_api_key": proxy.master_key}
        async with start_bot(**settings) as running:
            yield running

    return upstream_port, proxy, gateway, bot
