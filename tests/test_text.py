"""The character classes shared by the prompt check and the moderation normaliser."""

from __future__ import annotations

import pytest

from bot.text import is_blank, strip_invisible


def test_strip_invisible_removes_format_characters_only() -> None:
    text = "k\u200bi\u2060l\ufeffl\u202e \u3000x\u00ad"
    assert strip_invisible(text) == "kill \u3000x"


@pytest.mark.parametrize("text", ["", " ", "\u200b", "\u3000\u2028\u2029\u00a0", "\u202e\t\n"])
def test_blank_means_nothing_visible(text: str) -> None:
    assert is_blank(text)


@pytest.mark.parametrize("text", ["a", "\u200b.", "\U0001f98a", "\u0645"])
def test_visible_text_is_not_blank(text: str) -> None:
    assert not is_blank(text)
