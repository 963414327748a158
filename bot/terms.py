"""Blocked terms: normalise a prompt the way evasions are undone, then match whole words.

A prompt is normalised character by character (NFKC, case folding, accents and format characters
removed, confusable letters mapped to their Latin look-alikes from Unicode's confusables data as
packaged by `confusable-homoglyphs`, small capitals and other letters Unicode names as Latin
ones), so the part of the member's own text that matched can be quoted back to them.

A term becomes an RE2 expression over the normalised text: each letter also accepts its common
digit or symbol stand-ins (`0 1 3 4 5 7 @ $`), a word may be written with its letters separated
by spaces or `. - _ * / , | + ~ : ;` (`s.e.x`), the words of a multi-word term may be separated
by any of those, a whole-word term also matches its plural (`-s`, `-es`) and a trailing `*` lets
the last word continue. A match must start and end at a word boundary, so "classic" is not caught
by "ass", and a match made only of digits does not count ("Room 101" is not "lol"): the
expression itself asks for a letter, so the first match found is the answer.

Terms are untrusted (any server's admins add them), and one server must not slow the others:
matching runs on the event loop, so it must stay linear in the prompt's length whatever the
terms are (RE2 guarantees that for any expression, unlike `re`, and a check is one call of it
per chunk of the list); compiling a list takes up to a second, so `Compiler` does it in a worker
thread, once per list however many checks wait for it; and what compiled lists may hold is
bounded (RE2's memory per chunk, a cache with a budget, the fold table's size).
"""

from __future__ import annotations

import asyncio
import itertools
import re
import threading
import unicodedata
import weakref
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Literal

import re2
from confusable_homoglyphs.confusables import confusables_data

from bot.text import draws_nothing

MAX_TERM_LENGTH = 100

# What each stand-in can mean (1 is an i or an l).
_STAND_INS = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
# What may split the letters of a word, after folding turned every kind of white space into " ".
# `_` is one of them and never a letter: a character both ways made matching exponential.
_SEPARATORS = " .-_*/,|+~:;"
_SEPARATOR = "[" + _SEPARATORS.replace("-", r"\-") + "]"
_WORD = r"[\pL\pN@$]"  # a letter, a digit or a symbol stand-in (RE2 syntax)
_NOT_WORD = r"[^\pL\pN@$]"
_WORDS = re.compile(r"(?:[^\W_]|[@$])+")  # the same words, for Python's `re`
_PLURAL_JOINED = "(?:[e3]?[s5$])?"
_PLURAL_SPACED = f"(?:(?:{_SEPARATOR}+[e3])?{_SEPARATOR}+[s5$])?"
# Marks left after NFD (accents, variation selectors); format characters are gone before.
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Me"})
# Blocks holding Latin letters in other shapes that NFKC leaves alone (small capitals, letters
# with a stroke, in negative squares, regional indicators): each one's name gives the letter.
_LATIN_SHAPE_BLOCKS = ((0x00C0, 0x02AF), (0x1D00, 0x1DBF), (0xA720, 0xA7FF), (0x1F100, 0x1F1FF))
_LATIN_SHAPE_NAME = re.compile(
    r".*\b(?:LATIN|REGIONAL INDICATOR)\b.* (?:LETTER|CAPITAL) ([A-Z])(?: WITH .*)?"
)
# A term list is compiled in chunks of about this many characters of expression, and of terms
# on average (see `_cut`).
_CHUNK_SIZE = 60_000
_CHUNK_TERMS = 32
# RE2's memory for one chunk, program and matching state together: a base (a class of all
# letters is large in its byte-level program) and an amount per character of expression. A
# worst-case chunk (60,000 characters of terms whose letters all have digit stand-ins) needs
# about 4 MiB to keep the fast engine; this gives it about 7.
_BASE_MEMORY = 1 << 20
_MEMORY_PER_CHARACTER = 128
_MAX_MEMORY = 8 << 20
# What the compiled lists kept for reuse may hold in all (the sum of their chunks' RE2 budgets).
CACHE_BUDGET = 256 << 20
# Distinct characters whose folding is remembered (a prompt can bring 6,000 new ones).
_FOLD_TABLE_SIZE = 1 << 16


def _latin_look_alikes() -> dict[str, str]:
    """Every non-ASCII character Unicode lists as confusable with a Latin letter, or names as a
    Latin letter in another shape (`ɴ` LATIN LETTER SMALL CAPITAL N, `ĸ` kra) → that letter."""
    table: dict[str, str] = {"ĸ": "k"}
    for first, last in _LATIN_SHAPE_BLOCKS:
        for code in range(first, last + 1):
            named = _LATIN_SHAPE_NAME.fullmatch(unicodedata.name(chr(code), ""))
            if named is not None:
                table[chr(code)] = named[1].lower()
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        glyphs = (g["c"] for g in homoglyphs)
        latin = next((g for g in glyphs if len(g) == 1 and g.isascii() and g.isalpha()), None)
        if latin is not None:
            table[char] = latin.lower()
    return table


_LOOK_ALIKES = _latin_look_alikes()


def _fold(char: str) -> str:
    """One character of a prompt as the matcher sees it ("" when it carries no letter)."""
    if draws_nothing(char):
        return ""
    if char.isspace():
        return " "
    folded = unicodedata.normalize("NFKC", char).casefold()
    out = []
    for piece in unicodedata.normalize("NFD", folded):
        if unicodedata.category(piece) in _DROPPED_CATEGORIES:
            continue
        out.append(_LOOK_ALIKES.get(piece, piece))
    return "".join(out)


class _FoldTable(dict[int, str]):
    """`str.translate`'s table: a character is folded in Python once, then looked up in C."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _FOLD_TABLE_SIZE:
            self.clear()  # memory stays bounded; the characters in use come back at once
        folded = self[code] = _fold(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


@dataclass(frozen=True)
class Normalised:
    """Normalised text, and where each of its characters came from in the original."""

    text: str
    original: str

    @cached_property
    def origin(self) -> tuple[int, ...]:
        """The original index of each normalised character: worked out only to quote a match."""
        return tuple(i for i, char in enumerate(self.original) for _ in _FOLD_TABLE[ord(char)])

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=64)  # a prompt is matched against the guild's terms, then the built-in ones
def normalise(text: str) -> Normalised:
    return Normalised(text.translate(_FOLD_TABLE), text)


class InvalidTerm(ValueError):
    """Text that cannot be a blocked term: `reason` says why. Data only (the presenters word it)."""

    def __init__(self, reason: Literal["empty", "too_long", "too_many"]) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_term(term: str) -> str:
    """A term as stored: normalised, single-spaced; raises InvalidTerm when it cannot be one."""
    prefix = term.strip().endswith("*")
    words = _WORDS.findall(normalise(term.strip().rstrip("*")).text)
    if not words:
        raise InvalidTerm("empty")
    cleaned = " ".join(words) + ("*" if prefix else "")
    if len(cleaned) > MAX_TERM_LENGTH:
        raise InvalidTerm("too_long")
    return cleaned


# A part of a term as expressions: any reading, the reading with a digit for every letter (None
# when a letter has none), and every other reading, the ones with a letter in them.
_Part = tuple[str, str | None, str]


def _letter(char: str) -> _Part:
    """The character, or whatever is commonly written in its place."""
    same = {char, *_STAND_INS.get(char, "")}
    same.update(k for k, letters in _STAND_INS.items() if char in letters)
    digit = next((c for c in same if c.isdigit()), None) if char.isalpha() else None
    others = "".join(sorted(same - {digit} if digit else same))
    # Only letters, digits, @ and $ reach here: nothing to escape.
    return "[" + "".join(sorted(same)) + "]", digit, f"[{others}]"


def _sequence(parts: list[_Part], glue: str) -> _Part:
    """Parts one after another with `glue` between them."""
    full = glue.join(part[0] for part in parts)
    if any(part[1] is None for part in parts):
        return full, None, full
    return full, glue.join(str(part[1]) for part in parts), _with_a_letter(parts, glue)


def _with_a_letter(parts: list[_Part], glue: str) -> str:
    """Parts that each have a digit reading, not all read as digits: a letter in the first half
    and anything after, or digits in the first half and a letter in the second. Halving keeps
    the expression O(n log n) long, where naming the first letter's place would be O(n²)."""
    if len(parts) == 1:
        return parts[0][2]
    half = len(parts) // 2
    head, tail = parts[:half], parts[half:]
    anything_after = glue.join(part[0] for part in tail)
    digits_before = glue.join(str(part[1]) for part in head)
    return (
        f"(?:{_with_a_letter(head, glue)}{glue}{anything_after}"
        f"|{digits_before}{glue}{_with_a_letter(tail, glue)})"
    )


def _word(word: str, plural: bool) -> _Part:
    """A word: its letters together, or each apart by separators (`s.e.x`)."""
    letters = [_letter(c) for c in word]
    joined = _sequence(letters, "")
    spaced = _sequence(letters, f"{_SEPARATOR}+")
    ends = (_PLURAL_JOINED, _PLURAL_SPACED) if plural else ("", "")

    def either(index: int) -> str:
        return f"(?:{joined[index]}{ends[0]}|{spaced[index]}{ends[1]})"

    return either(0), None if joined[1] is None else either(1), either(2)


@lru_cache(maxsize=2048)  # a worst-case term is ~16 kB of expression: ~32 MB at most
def _body(term: str) -> str:
    """A stored term (see `clean_term`) over normalised text, without its boundaries, and not
    read from digits alone: "Room 101" is a number, not "lol" (a term written with digits of its
    own still matches them).

    Words are read again from the stored text, so a term stored before `_` stopped being a
    letter still means its words.
    """
    words = _WORDS.findall(term) or [term]
    plural = not term.endswith("*")
    last = len(words) - 1
    parts = [_word(w, plural and i == last) for i, w in enumerate(words)]
    return _sequence(parts, f"{_SEPARATOR}*")[2]


def _grouped(terms: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """Any of `terms` between word boundaries (the character before is part of the match), and
    the order of their groups: whole-word terms, then prefix terms, then one last group for the
    rest of a prefix term's last word.

    The boundaries and the rest of a word are written once for all terms: a class of all letters
    is large in RE2's byte-level program, and a copy per term left the engine no memory.
    """
    whole = tuple(t for t in terms if not t.endswith("*"))
    prefix = tuple(t for t in terms if t.endswith("*"))
    sections = [
        *(["(?:" + "|".join(f"({_body(t)})" for t in whole) + ")"] if whole else []),
        *(["(?:" + "|".join(f"({_body(t)})" for t in prefix) + f")({_WORD}*)"] if prefix else []),
    ]
    return whole + prefix, f"{_NOT_WORD}(?:{'|'.join(sections)}){_NOT_WORD}"


@dataclass(frozen=True)
class TermMatch:
    term: str
    quoted: str  # the member's own text that matched


def _memory(expression: str) -> int:
    """RE2's memory budget for `expression` (see `_BASE_MEMORY`)."""
    return min(_MAX_MEMORY, _BASE_MEMORY + _MEMORY_PER_CHARACTER * len(expression))


class _Chunk:
    """Some terms compiled into one expression: one pass finds the leftmost of them."""

    def __init__(self, terms: tuple[str, ...]) -> None:
        self.terms, expression = _grouped(terms)
        options = re2.Options()
        options.log_errors = False
        options.max_mem = self.memory = _memory(expression)
        self.regex = re2.compile(expression, options)
        # RE2 compiles a second program, to find where a match starts, at its first match:
        # a term of its own makes that happen here, in the compiling thread, not in a check.
        self.regex.search(b"\0" + normalise(terms[0].rstrip("*")).text.encode() + b"\0")

    def search(self, haystack: bytes) -> tuple[int, int, str] | None:
        """(start, end, term) of the leftmost match, in bytes of `haystack`."""
        found = _search(self.regex, haystack)
        if found is None:
            return None
        group = next(g for g in range(1, len(self.terms) + 1) if found.start(g) >= 0)
        term = self.terms[group - 1]
        end = found.end(len(self.terms) + 1 if term.endswith("*") else group)
        return found.start(group), end, term


def _search(regex: Any, haystack: bytes) -> Any:  # re2 ships no type information
    """One call of the RE2 engine, which takes time linear in `haystack`."""
    return regex.search(haystack)


class Matcher:
    """A term list compiled: its chunks, and the RE2 memory they may take in all."""

    def __init__(self, chunks: tuple[_Chunk, ...]) -> None:
        self.chunks = chunks
        self.memory = sum(chunk.memory for chunk in chunks)

    def find(self, prompt: str) -> TermMatch | None:
        """The leftmost term found in `prompt`, with the part of the prompt that matched."""
        normalised = normalise(prompt)
        haystack = b"\0" + normalised.text.encode() + b"\0"  # a boundary at either end
        matches = (chunk.search(haystack) for chunk in self.chunks)
        found = min((match for match in matches if match is not None), default=None)
        if found is None:
            return None
        start, end, term = found
        begin = len(haystack[1:start].decode())
        first, last = normalised.span_in_original(begin, begin + len(haystack[start:end].decode()))
        return TermMatch(term, prompt[first:last])


def _cut(terms: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The list cut where a term's hash says so, or before the expression outgrows what RE2's
    fast engine holds in memory (past it, RE2 stays linear but is many times slower). Cuts that
    depend on the terms alone mean a term added or removed recompiles only its own chunk."""
    chunks: list[tuple[str, ...]] = [()]
    size = 0
    for term in terms:
        size += len(_body(term))
        if chunks[-1] and size > _CHUNK_SIZE:
            chunks.append(())
            size = len(_body(term))
        chunks[-1] += (term,)
        if zlib.crc32(term.encode()) % _CHUNK_TERMS == 0:
            chunks.append(())
            size = 0
    return [chunk for chunk in chunks if chunk]


class _Cache:
    """Compiled lists, kept while their chunks' RE2 budgets add up to at most `CACHE_BUDGET`
    (a chunk two lists share counts twice: the bound holds). Past it the largest list other than
    the newest goes first, the least recently used of equals: a server's costly list pushes out
    another costly one, not every small list. A dropped chunk still in use by a kept list is
    found again, not recompiled."""

    def __init__(self) -> None:
        self._lists: OrderedDict[tuple[str, ...], Matcher] = OrderedDict()
        self._chunks: weakref.WeakValueDictionary[tuple[str, ...], _Chunk] = (
            weakref.WeakValueDictionary()
        )
        self._memory = 0
        self._lock = threading.Lock()  # lists are compiled in worker threads

    def get(self, terms: tuple[str, ...]) -> Matcher | None:
        with self._lock:
            matcher = self._lists.get(terms)
            if matcher is not None:
                self._lists.move_to_end(terms)
            return matcher

    def compile(self, terms: tuple[str, ...]) -> Matcher:
        """The list compiled, from the cache or now (in the calling thread)."""
        matcher = self.get(terms)
        if matcher is None:
            matcher = Matcher(tuple(self._chunk(chunk) for chunk in _cut(terms)))
            re2.purge()  # re2's own cache of compiled expressions would outlive ours
            self._keep(terms, matcher)
        return matcher

    def _chunk(self, terms: tuple[str, ...]) -> _Chunk:
        with self._lock:
            chunk = self._chunks.get(terms)
        if chunk is None:
            chunk = _Chunk(terms)
            with self._lock:
                self._chunks[terms] = chunk
        return chunk

    def _keep(self, terms: tuple[str, ...], matcher: Matcher) -> None:
        with self._lock:
            if terms in self._lists:
                return
            self._lists[terms] = matcher
            self._memory += matcher.memory
            while self._memory > CACHE_BUDGET and len(self._lists) > 1:
                older = itertools.islice(self._lists, len(self._lists) - 1)
                largest = max(older, key=lambda kept: self._lists[kept].memory)
                self._memory -= self._lists.pop(largest).memory


_CACHE = _Cache()
# One thread compiles, one list at a time: a server's compiles cannot take every thread.
_COMPILER_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="terms")


class Compiler:
    """Term lists compiled in a worker thread, never on the event loop (a worst-case list takes
    about a second); checks waiting for the same list share one compile."""

    def __init__(self) -> None:
        self._pending: dict[tuple[str, ...], asyncio.Future[Matcher]] = {}

    async def matcher(self, terms: Iterable[str]) -> Matcher:
        key = tuple(terms)
        matcher = _CACHE.get(key)
        if matcher is not None:
            return matcher
        pending = self._pending.get(key)
        if pending is None:
            pending = asyncio.get_running_loop().run_in_executor(
                _COMPILER_THREAD, _CACHE.compile, key
            )
            self._pending[key] = pending
            pending.add_done_callback(lambda _: self._pending.pop(key, None))
        return await asyncio.shield(pending)  # a waiter cancelled leaves the others theirs


def find_blocked(prompt: str, terms: Iterable[str]) -> TermMatch | None:
    """The leftmost of `terms` found in `prompt`, compiling the list here if it must (the bot
    uses `Compiler` instead, which never compiles on the event loop)."""
    return _CACHE.compile(tuple(terms)).find(prompt)
