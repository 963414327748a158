"""Fixtures for tests of ImageClient against the fake gateway (a pytest plugin: see conftest).

Clients record their sleeps instead of sleeping, draw no jitter and may download from loopback,
so retry and back-off rules are checked exactly and at once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from bot.images import ImageClient, ImageRequest
from tests.fakes.image_gateway import FakeImageGateway

KEY = "sk-test-7f3a9c1e5b2d8f4a6c0e"
DALLE3 = ImageRequest("openai/dall-e-3", "a lighthouse", 1, "1024x1024", "hd", None)
MakeClient = Callable[..., ImageClient]


class Sleeper:
    """Injected ``sleep``: records the waits the client asks for and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
async def gw() -> AsyncIterator[FakeImageGateway]:
    async with FakeImageGateway(api_key=KEY) as gateway:
        yield gateway


@pytest.fixture
def sleeper() -> Sleeper:
    return Sleeper()


@pytest.fixture
async def make_client(sleeper: Sleeper) -> AsyncIterator[MakeClient]:
    """Clients with recorded sleeps, no jitter (random() == 0), loopback downloads allowed."""
    made: list[ImageClient] = []

    def make(base_url: str, **kwargs: Any) -> ImageClient:
        options: dict[str, Any] = {
            "sleep": sleeper,
            "random": lambda: 0.0,
            "allow_private_downloads": True,
            **kwargs,
        }
        client = ImageClient(base_url, options.pop("api_key", KEY), **options)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.close()
