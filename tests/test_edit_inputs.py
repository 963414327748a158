"""The checks an edit's inputs pass before anything is spent (run in a worker thread)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bot.edit_inputs import (
    BadMask,
    InputTooLarge,
    NotAnImage,
    TooManyPixels,
    check_size,
    prepare_input,
    prepare_mask,
)
from tests.test_edit_e2e import bomb, picture


def test_a_format_the_model_does_not_take_is_converted_to_png() -> None:
    jpeg = picture(30, 20, fmt="JPEG")
    kept = prepare_input("a.jpg", jpeg, ["png", "jpeg"])
    assert (kept.data, kept.format) == (jpeg, "jpeg")
    converted = prepare_input("a.jpg", jpeg, ["png"])
    assert converted.format == "png"
    assert Image.open(io.BytesIO(converted.data)).size == (30, 20)


def test_the_name_proves_nothing_the_bytes_decide() -> None:
    with pytest.raises(NotAnImage):
        prepare_input("cat.png", b"GIF89a" + bytes(100), ["png"])
    with pytest.raises(NotAnImage):  # a PNG signature, the rest cut off
        prepare_input("cat.png", picture()[:60], ["png"])


def test_a_bomb_is_refused_from_its_header_without_decoding() -> None:
    buffer = io.BytesIO()
    Image.new("1", (8_000, 8_000)).save(buffer, format="PNG")  # 64 MP in a few kB
    with pytest.raises(TooManyPixels) as raised:
        prepare_input("bomb.png", buffer.getvalue(), ["png"], pixel_limit=50_000_000)
    assert raised.value.pixels == 64_000_000  # from the header: below Pillow's own bomb limit
    with pytest.raises(TooManyPixels):  # past Pillow's own bomb limit: refused as well
        prepare_input("bomb.png", bomb(), ["png"])


def test_masks_need_png_alpha_and_the_first_images_size() -> None:
    first = prepare_input("a.png", picture(40, 40), ["png"])
    assert prepare_mask("m.png", picture(40, 40, mode="RGBA"), first).format == "png"
    for data, reason in [
        (picture(40, 40), "no_alpha"),
        (picture(40, 41, mode="RGBA"), "size"),
        (picture(40, 40, mode="RGBA", fmt="WEBP"), "not_png"),
    ]:
        with pytest.raises(BadMask) as raised:
            prepare_mask("m", data, first)
        assert raised.value.reason == reason


def test_the_declared_size_is_checked_before_reading() -> None:
    check_size("a.png", 20, 20)
    with pytest.raises(InputTooLarge):
        check_size("a.png", 21, 20)
