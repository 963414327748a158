"""Fixtures for end-to-end tests: the fake image gateway, the fake Discord, a connected bot.

Everything is real but Discord and the image gateway: a real SQLite file under tmp_path, the
real discord.py client, real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import pytest

from bot.app import ImagineBot, image_client
from bot.clock import FakeClock
from bot.config import Settings
from bot.store import Store, open_store
from tests import databases
from tests.fakes.discord import spec as discord_spec
from tests.fakes.discord.harness import connected_bot, running_fake_discord
from tests.fakes.discord.scenario import GUILD_ID
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.image_gateway import FakeImageGateway, spec_validators
from tests.fakes.specs import SpecUnavailableError

API_KEY = "sk-test-key-that-must-never-leak"
# ImageClient fixtures (gw, sleeper, make_client) for the client tests; a module may override them.
pytest_plugins = ("tests.image_clients",)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop at once, in one line, if a requirement is missing rather than check less.

    With IMAGINE_TEST_DATABASE_URL set, its server must answer: those tests are required. The
    fakes' API specs must load: without them the fakes would accept what Discord refuses.
    """
    problem = databases.unreachable()
    if problem:
        pytest.exit(problem, returncode=pytest.ExitCode.USAGE_ERROR)
    try:
        discord_spec.document()
        spec_validators()
    except SpecUnavailableError as error:
        pytest.exit(str(error), returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(params=databases.BACKENDS)
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str | Path]:
    """Each test that uses it runs twice: on an SQLite file and on a PostgreSQL schema."""
    async with databases.database(request.param, tmp_path) as location:
        yield location


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    async with await open_store(database) as opened:
        yield opened


@pytest.fixture
async def gateway() -> AsyncIterator[FakeImageGateway]:
    async with FakeImageGateway(api_key=API_KEY) as gw:
        yield gw


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    async with running_fake_discord() as fake:
        yield fake


@pytest.fixture
def quota_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_settings(
    tmp_path: Path, gateway: FakeImageGateway, discord_fake: FakeDiscord
) -> Callable[..., Settings]:
    """Settings pointing at the fakes; keyword arguments override any setting."""

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "discord_token": discord_fake.scenario.token,
            "image_api_key": API_KEY,
            "image_api_base_url": gateway.base_url,
            "database_path": tmp_path / "imagine.sqlite3",
            "discord_api_base": discord_fake.api_base,
            "discord_gateway_url": discord_fake.gateway_url,
            "dev_guild_id": GUILD_ID,
            "allow_http_gateway": True,  # the fakes speak plain http on loopback
            "allow_private_result_urls": True,
            "image_api_timeout": 20,
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)

    return make


@pytest.fixture
def start_bot(
    discord_fake: FakeDiscord, make_settings: Callable[..., Settings], quota_clock: FakeClock
) -> Callable[..., AbstractAsyncContextManager[ImagineBot]]:
    """`async with start_bot(**setting_overrides) as bot:` runs an ImagineBot against the fakes.

    Its store and image client are opened and closed around it, as `python -m bot` does.
    """

    @contextlib.asynccontextmanager
    async def start(**overrides: Any) -> AsyncIterator[ImagineBot]:
        settings = make_settings(**overrides)
        async with (
            await open_store(settings.database, pool_size=settings.database_pool_size) as store,
            image_client(settings, quota_clock) as images,
        ):

            def build() -> ImagineBot:
                return ImagineBot(
                    settings,
                    store=store,
                    images=images,
                    clock=quota_clock,
                    guild_ready_timeout=0,
                )

            async with connected_bot(discord_fake, build) as bot:
                yield bot

    return start


@pytest.fixture
async def bot(
    start_bot: Callable[..., AbstractAsyncContextManager[ImagineBot]],
) -> AsyncIterator[ImagineBot]:
    async with start_bot() as running:
        yield running
