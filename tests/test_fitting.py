"""Fitting images under Discord's upload limits."""

from __future__ import annotations

import asyncio
import io
import os

import pytest
from PIL import Image

from bot.fitting import fit_images
from bot.generation import _fit_or_keep
from bot.image_format import detect_image_format
from bot.images import GeneratedImage


def noise_png(width: int, height: int) -> bytes:
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_small_images_pass_through_untouched() -> None:
    data = noise_png(64, 64)
    [fitted] = fit_images([(data, "png")], file_limit=10 * 1024 * 1024)
    assert fitted.data == data
    assert fitted.reencoded is False
    assert fitted.extension == "png"


def test_oversize_image_is_reencoded_under_the_file_limit() -> None:
    data = noise_png(512, 512)
    limit = len(data) // 4
    [fitted] = fit_images([(data, "png")], file_limit=limit)
    assert len(fitted.data) <= limit
    assert fitted.reencoded is True
    assert detect_image_format(fitted.data) == "webp"
    with Image.open(io.BytesIO(fitted.data)) as reopened:
        assert reopened.width > 0


def test_message_limit_is_shared_between_images() -> None:
    images = [(noise_png(256, 256), "png") for _ in range(3)]
    size = len(images[0][0])
    [first, *_] = fitted = fit_images(images, file_limit=size * 10, message_limit=size * 2)
    assert sum(len(image.data) for image in fitted) <= size * 2
    assert first.reencoded is True


async def test_images_that_fit_are_kept_without_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every result of a burst fits: a hop to a thread each would only cost the event loop."""

    hops: list[object] = []

    async def to_thread(function: object, *args: object) -> None:
        hops.append(function)

    monkeypatch.setattr(asyncio, "to_thread", to_thread)
    data = noise_png(64, 64)
    [kept] = await _fit_or_keep([GeneratedImage(data, "png", None)], file_limit=len(data))
    assert (kept.data, kept.format, kept.reencoded) == (data, "png", False)
    assert hops == []


async def test_an_image_over_its_share_is_still_fitted() -> None:
    data = noise_png(256, 256)
    [fitted] = await _fit_or_keep([GeneratedImage(data, "png", None)], file_limit=len(data) - 1)
    assert fitted.reencoded is True
    assert len(fitted.data) < len(data)
