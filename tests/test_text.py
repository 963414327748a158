"""The character classes shared by the prompt check and the moderation normaliser."""

from __future__ import annotations

import pytest

from bot.text import is_blank, strip_invisible

# Characters that show nothing although their category is a letter, mark, symbol or control.
DRAWN_AS_NOTHING = [
    pytest.param("\u3164", id="hangul-filler"),
    pytest.param("\uffa0", id="halfwidth-hangul-filler"),
    pytest.param("\u115f", id="hangul-choseong-filler"),
    pytest.param("\u1160", id="hangul-jungseong-filler"),
    pytest.param("\u2800", id="braille-blank"),
    pytest.param("\u034f", id="combining-grapheme-joiner"),
    pytest.param("\ufe00", id="variation-selector-1"),
    pytest.param("\ufe0f", id="variation-selector-16"),
    pytest.param("\U000e0100", id="variation-selector-17"),
    pytest.param("\U000e01ef", id="variation-selector-256"),
    pytest.param("\x00", id="nul"),
    pytest.param("\x1b", id="escape"),
    pytest.param("\x1f", id="unit-separator"),
    pytest.param("\x7f", id="delete"),
    pytest.param("\x80", id="c1-first"),
    pytest.param("\x9f", id="c1-last"),
]


def test_strip_invisible_removes_format_characters_only() -> None:
    text = "k\u200bi\u2060l\ufeffl\u202e \u3000x\u00ad"
    assert strip_invisible(text) == "kill \u3000x"


@pytest.mark.parametrize("text", ["", " ", "\u200b", "\u3000\u2028\u2029\u00a0", "\u202e\t\n"])
def test_blank_means_nothing_visible(text: str) -> None:
    assert is_blank(text)


@pytest.mark.parametrize("char", DRAWN_AS_NOTHING)
def test_a_character_drawn_as_nothing_is_blank(char: str) -> None:
    assert is_blank(char)
    assert is_blank(f"{char}\u200b{char} {char}")


@pytest.mark.parametrize("char", DRAWN_AS_NOTHING)
def test_a_character_drawn_as_nothing_between_letters_is_not_blank(char: str) -> None:
    assert not is_blank(f"{char}a{char}b{char}")


@pytest.mark.parametrize("text", ["a", "\u200b.", "\U0001f98a", "\u0645", "\u2801", "\uac00"])
def test_visible_text_is_not_blank(text: str) -> None:
    assert not is_blank(text)
