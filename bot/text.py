"""Character classes for text a member typed: what is invisible, and when nothing is left;
and what to tell an operator whose file is not UTF-8.

Unicode format characters (category Cf: zero-width spaces and joiners, the byte order mark,
bidirectional overrides) render as nothing, and separators (Z*) as blank space, so a prompt of
them only looks empty to a person while passing a plain `str.strip()` check; and a format
character inside a word hides it from a plain substring match. Control characters (Cc) show
nothing either, and a few letters, marks and symbols are drawn as nothing by design (Hangul
fillers, variation selectors, the braille blank): a prompt of those is just as empty.
"""

from __future__ import annotations

import unicodedata

_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
# Unicode's default-ignorable code points outside Cf, and the braille blank: each is a letter,
# mark or symbol by category but is drawn as nothing, so only a list names them.
_DRAWN_AS_NOTHING = frozenset(
    chr(code)
    for first, last in (
        (0x034F, 0x034F),  # combining grapheme joiner
        (0x115F, 0x1160),  # Hangul choseong and jungseong fillers
        (0x17B4, 0x17B5),  # Khmer inherent vowels
        (0x180B, 0x180F),  # Mongolian free variation selectors
        (0x2800, 0x2800),  # braille pattern blank
        (0x3164, 0x3164),  # Hangul filler
        (0xFE00, 0xFE0F),  # variation selectors
        (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
        (0xE0100, 0xE01EF),  # variation selectors supplement
    )
    for code in range(first, last + 1)
)


def draws_nothing(char: str) -> bool:
    """A character that shows nothing and is not white space: inside a word it hides the word
    from a plain match (a Hangul filler between two letters) while the reader sees it whole."""
    if char in _DRAWN_AS_NOTHING:
        return True
    return unicodedata.category(char) in ("Cc", "Cf") and not char.isspace()


def _is_format(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def strip_invisible(text: str) -> str:
    """`text` without its format characters, as a person reading it would see the letters."""
    return "".join(char for char in text if not _is_format(char))


def without_lone_surrogates(text: str) -> str:
    """`text` without halves of UTF-16 pairs (category Cs), which JSON's `\\udXXX` escapes can
    carry: they draw nothing, and no UTF-8 encoder (the database, the matcher, the gateway's
    JSON) takes them. A whole pair already arrives as the one character it stands for."""
    return text.encode("utf-8", "ignore").decode()


def is_blank(text: str) -> bool:
    """True when `text` shows nothing: only format, control, separator and drawn-as-nothing
    characters (whitespace is control or separator). Runs on every request, so it stops at the
    first visible character and looks each one up once.
    """
    return all(
        char in _DRAWN_AS_NOTHING or unicodedata.category(char) in _BLANK_CATEGORIES
        for char in text
    )


def not_utf8(error: UnicodeDecodeError) -> str:
    """The end of a sentence naming a file that is not UTF-8, and where it goes wrong."""
    return (
        f"is not UTF-8 text (byte {error.object[error.start]:#04x} at offset {error.start}); "
        "save it as UTF-8"
    )
