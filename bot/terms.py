"""Blocked terms: normalise a prompt the way evasions are undone, then match whole words.

A prompt is normalised character by character (NFKC, case folding, accents and format characters
removed, confusable letters mapped to their Latin look-alikes from Unicode's confusables data as
packaged by `confusable-homoglyphs`), remembering where each normalised character came from, so
the part of the member's own text that matched can be quoted back to them.

A term becomes a regular expression over the normalised text: each letter also accepts its
common digit or symbol stand-ins (`0 1 3 4 5 7 @ $`), a word may be written with its letters
separated by dots, dashes or spaces (`s.e.x`), the words of a multi-word term may be separated
by any of those, and a trailing `*` lets the last word continue. A match must start and end at a
word boundary, so "classic" is not caught by "ass".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from confusable_homoglyphs.confusables import confusables_data

from bot.text import draws_nothing

MAX_TERM_LENGTH = 100

# What each stand-in can mean (1 is an i or an l).
_STAND_INS = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
_WORD = r"[\w@$]"
_SEPARATOR = r"[\s.\-_]"
# Marks left after NFD (accents, variation selectors); format characters are gone before.
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Me"})


def _latin_look_alikes() -> dict[str, str]:
    """Every non-ASCII character Unicode lists as confusable with a Latin letter → that letter."""
    table: dict[str, str] = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        glyphs = (g["c"] for g in homoglyphs)
        latin = next((g for g in glyphs if len(g) == 1 and g.isascii() and g.isalpha()), None)
        if latin is not None:
            table[char] = latin.lower()
    return table


_LOOK_ALIKES = _latin_look_alikes()


@cache
def _fold(char: str) -> str:
    """One character of a prompt as the matcher sees it ("" when it carries no letter)."""
    if draws_nothing(char):
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold()
    out = []
    for piece in unicodedata.normalize("NFD", folded):
        if unicodedata.category(piece) in _DROPPED_CATEGORIES:
            continue
        out.append(_LOOK_ALIKES.get(piece, piece))
    return "".join(out)


@dataclass(frozen=True)
class Normalised:
    """Normalised text and, for each of its characters, the index it came from in the original."""

    text: str
    origin: tuple[int, ...]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=64)  # a prompt is matched against the guild's terms, then the built-in ones
def normalise(text: str) -> Normalised:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold(char)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return Normalised("".join(chars), tuple(origin))


class InvalidTerm(ValueError):
    """Text that cannot be a blocked term: `reason` says why. Data only (the presenters word it)."""

    def __init__(self, reason: Literal["empty", "too_long"]) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_term(term: str) -> str:
    """A term as stored: normalised, single-spaced; raises InvalidTerm when it cannot be one."""
    prefix = term.strip().endswith("*")
    words = re.findall(r"[\w@$]+", normalise(term.strip().rstrip("*")).text)
    if not words:
        raise InvalidTerm("empty")
    cleaned = " ".join(words) + ("*" if prefix else "")
    if len(cleaned) > MAX_TERM_LENGTH:
        raise InvalidTerm("too_long")
    return cleaned


def _letter(char: str) -> str:
    """A class matching the character and whatever is commonly written in its place."""
    same = {char, *_STAND_INS.get(char, "")}
    same.update(k for k, letters in _STAND_INS.items() if char in letters)
    return "[" + "".join(re.escape(c) for c in sorted(same)) + "]"


def _word(word: str, boundary: str = "") -> str:
    """A word: its letters together, or each apart by dots, dashes or spaces (`s.e.x`)."""
    head, *rest = [_letter(c) for c in word]
    head += boundary
    if not rest:
        return head
    joined = "".join(rest)
    spaced = "".join(f"{_SEPARATOR}+{letter}" for letter in rest)
    return f"{head}(?:{joined}|{spaced})"


@cache
def term_pattern(term: str) -> re.Pattern[str]:
    """The expression of a stored term (see `clean_term`) over normalised text.

    The start boundary is checked just after the first character ("no word character before
    the one just matched"), not before it: an expression that begins with a character class lets
    `re` skip ahead to where that character occurs, about thirty times faster on long prompts.
    """
    prefix = term.endswith("*")
    words = term.rstrip("*").split(" ")
    first = _word(words[0], boundary=f"(?<!{_WORD}[\\s\\S])")
    body = f"{_SEPARATOR}*".join([first, *(_word(w) for w in words[1:])])
    end = f"{_WORD}*" if prefix else f"(?!{_WORD})"
    return re.compile(body + end)


@dataclass(frozen=True)
class TermMatch:
    term: str
    quoted: str  # the member's own text that matched


def find_blocked(prompt: str, terms: Iterable[str]) -> TermMatch | None:
    """The first of `terms` found in `prompt`, with the part of the prompt that matched."""
    normalised = normalise(prompt)
    for term in terms:
        found = term_pattern(term).search(normalised.text)
        if found is not None:
            start, end = normalised.span_in_original(*found.span())
            return TermMatch(term, prompt[start:end])
    return None
