"""Character classes for text a member typed: what is invisible, and when nothing is left;
and what to tell an operator whose file is not UTF-8.

Unicode format characters (category Cf: zero-width spaces and joiners, the byte order mark,
bidirectional overrides) render as nothing, and separators (Z*) as blank space, so a prompt of
them only looks empty to a person while passing a plain `str.strip()` check; and a format
character inside a word hides it from a plain substring match.
"""

from __future__ import annotations

import unicodedata


def _is_format(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def strip_invisible(text: str) -> str:
    """`text` without its format characters, as a person reading it would see the letters."""
    return "".join(char for char in text if not _is_format(char))


def is_blank(text: str) -> bool:
    """True when `text` shows nothing: only format characters, separators and whitespace."""
    return all(
        _is_format(char) or unicodedata.category(char).startswith("Z") or char.isspace()
        for char in text
    )


def not_utf8(error: UnicodeDecodeError) -> str:
    """The end of a sentence naming a file that is not UTF-8, and where it goes wrong."""
    return (
        f"is not UTF-8 text (byte {error.object[error.start]:#04x} at offset {error.start}); "
        "save it as UTF-8"
    )
