"""Fitting images under Discord's upload limits."""

from __future__ import annotations

import io
import os

from PIL import Image

from bot.fitting import fit_images
from bot.image_format import detect_image_format


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
