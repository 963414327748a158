"""Blocked-term matching: every evasion the normaliser undoes, and words it must leave alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import re2
import wordfreq

import bot.terms
from bench.terms import DISGUISES, false_positives
from bot.policy import load_builtin_terms
from bot.terms import MAX_TERM_LENGTH, InvalidTerm, clean_term, find_blocked, normalise

CAUGHT = [
    # (trick, prompt, term, the member's own text quoted back)
    ("plain word", "kick ass today", "ass", "ass"),
    ("upper case", "KICK ASS", "ass", "ASS"),
    ("casefold ß", "STRASSE art", "straße", "STRASSE"),
    ("NFKC fullwidth", "ＡＳＳ here", "ass", "ＡＳＳ"),
    ("NFKC maths bold", "a 𝐬𝐞𝐱 scene", "sex", "𝐬𝐞𝐱"),
    ("zero-width space", "as\u200bs", "ass", "as\u200bs"),
    ("bidi override", "s\u202eex", "sex", "s\u202eex"),
    ("soft hyphen", "s\u00adex", "sex", "s\u00adex"),
    ("Hangul filler", "go\u3164re", "gore", "go\u3164re"),
    ("halfwidth Hangul filler", "go\uffa0re", "gore", "go\uffa0re"),
    ("braille blank", "go\u2800re", "gore", "go\u2800re"),
    ("variation selector", "go\ufe0fre", "gore", "go\ufe0fre"),
    ("control character", "go\x07re", "gore", "go\x07re"),
    ("combining accents", "s\u0301e\u0300x", "sex", "s\u0301e\u0300x"),
    ("Cyrillic look-alikes", "nаkеd", "naked", "nаkеd"),
    ("Greek look-alikes", "ѕex and gοre", "gore", "gοre"),
    ("digit 0", "g0re", "gore", "g0re"),
    ("digit 1 for i", "n1pple", "nipple", "n1pple"),
    ("digit 1 for l", "b1ood", "blood", "b1ood"),
    ("digit 3", "s3x", "sex", "s3x"),
    ("digit 4", "n4ked", "naked", "n4ked"),
    ("digit 5", "a55", "ass", "a55"),
    ("digit 7", "7i7", "tit", "7i7"),
    ("symbol @", "n@ked", "naked", "n@ked"),
    ("symbol $", "a$$", "ass", "a$$"),
    ("dots", "s.e.x", "sex", "s.e.x"),
    ("dashes", "s-e-x", "sex", "s-e-x"),
    ("spaces", "a s s", "ass", "a s s"),
    ("multi-word", "a blood bath", "blood bath", "blood bath"),
    ("multi-word, glued", "a bloodbath", "blood bath", "bloodbath"),
    ("multi-word, dashed", "blood-bath", "blood bath", "blood-bath"),
    ("prefix *", "pornography", "porn*", "pornography"),
    ("prefix * matches the word itself", "porn", "porn*", "porn"),
    ("punctuation around", "(ass!)", "ass", "ass"),
    ("all at once", "К1ск 4.Ѕ.$", "ass", "4.Ѕ.$"),
    ("small capitals", "ɴᴜᴅᴇ", "nude", "ɴᴜᴅᴇ"),
    ("kra for k", "ĸinky", "kinky", "ĸinky"),
    ("underscores", "s_e_x", "sex", "s_e_x"),
    ("asterisks", "s*e*x", "sex", "s*e*x"),
    ("slashes", "s/e/x", "sex", "s/e/x"),
    ("commas", "s,e,x", "sex", "s,e,x"),
    ("pipes", "s|e|x", "sex", "s|e|x"),
    ("plus signs", "s+e+x", "sex", "s+e+x"),
    ("tildes", "s~e~x", "sex", "s~e~x"),
    ("colons", "s:e:x", "sex", "s:e:x"),
    ("semicolons", "s;e;x", "sex", "s;e;x"),
    ("plural -s", "two tits", "tit", "tits"),
    ("plural -es", "kick asses", "ass", "asses"),
    ("plural, spaced", "a s s e s", "ass", "a s s e s"),
    ("plural of a phrase", "blood baths", "blood bath", "blood baths"),
    ("digits with a letter", "a 5 5", "ass", "a 5 5"),
    ("a number before it", "Room 101, lol", "lol", "lol"),
    ("inside a number's reading", "1 0 1 0 l", "lol", "1 0 l"),
    ("a term of digits", "1984 again", "1984", "1984"),
]

NOT_CAUGHT = [
    ("inside a word", "a classic car", "ass"),
    ("word start", "assassin's creed", "ass"),
    ("word end", "bass guitar", "ass"),
    ("digits next to it", "cl4ss1c", "ass"),
    ("Sussex", "the Sussex coast", "sex"),
    ("title", "a title card", "tit"),
    ("prefix only at word start", "unpornlike", "porn*"),
    ("multi-word needs both words", "blood orange", "blood bath"),
    ("letters spread over words", "as sunny", "ass"),
    ("a line break separates", "go\nre", "gore"),
    ("a tab separates", "go\tre", "gore"),
    ("a carriage return separates", "go\rre", "gore"),
    ("a next-line control separates", "go\x85re", "gore"),
    ("digits only: a plane", "a Boeing 717", "tit"),
    ("digits only: a room", "Room 101", "lol"),
    ("digits only: an engine", "a 455 horsepower engine", "ass"),
    ("digits only, spaced", "1 0 1", "lol"),
    ("digits only, then more of the word", "the 101st airborne", "lol*"),
    ("plural is -s or -es, not more", "assess the risk", "ass"),
]


@pytest.mark.parametrize(("trick", "prompt", "term", "quoted"), CAUGHT)
def test_evasions_are_caught_and_quoted(trick: str, prompt: str, term: str, quoted: str) -> None:
    found = find_blocked(prompt, [clean_term(term)])
    assert found is not None, trick
    assert found.quoted == quoted
    assert found.term == clean_term(term)


@pytest.mark.parametrize(("case", "prompt", "term"), NOT_CAUGHT)
def test_whole_words_only(case: str, prompt: str, term: str) -> None:
    assert find_blocked(prompt, [clean_term(term)]) is None, case


def test_terms_are_stored_normalised() -> None:
    assert clean_term("  Blood   BATH ") == "blood bath"
    assert clean_term("PORN*") == "porn*"
    assert clean_term("ｇｏｒｅ") == "gore"


@pytest.mark.parametrize(
    ("term", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("***", "empty"),
        ("...", "empty"),
        ("x" * (MAX_TERM_LENGTH + 1), "too_long"),
    ],
)
def test_a_term_needs_a_letter_and_fits(term: str, reason: str) -> None:
    with pytest.raises(InvalidTerm) as raised:
        clean_term(term)
    assert raised.value.reason == reason


def test_normalised_text_remembers_where_it_came_from() -> None:
    result = normalise("Aﬁ\u200bB")
    assert result.text == "afib"
    assert result.origin == (0, 1, 1, 3)


def test_the_leftmost_term_is_quoted_and_a_number_hides_no_other_term() -> None:
    assert find_blocked("lol then gore", ["gore", "lol"]) == bot.terms.TermMatch("lol", "lol")
    assert find_blocked("Room 101 gore", ["lol", "gore"]) == bot.terms.TermMatch("gore", "gore")


def test_a_term_stored_with_underscores_means_its_words() -> None:
    """`_` was a letter in stored terms before it became a separator."""
    assert find_blocked("a blood bath", ["blood_bath"]) is not None
    assert find_blocked("_" * 42, ["_" * 19 + "x"]) is None
    assert find_blocked("x", ["_" * 19 + "x"]) is not None


@pytest.mark.parametrize(("trick", "prompt"), DISGUISES)
def test_the_builtin_terms_catch_every_disguise(trick: str, prompt: str) -> None:
    found = find_blocked(prompt, load_builtin_terms())
    assert found is not None, trick
    assert found.quoted in prompt


def test_the_builtin_terms_leave_common_english_alone() -> None:
    """None of the 50,000 most frequent English words is blocked, but the terms and their
    inflections."""
    terms = load_builtin_terms()
    assert false_positives(wordfreq.top_n_list("en", 50_000), terms) == []
    assert all(find_blocked(term.rstrip("*"), terms) for term in terms)


ADVERSARIAL_TERMS = ("_" * 19 + "x", "_" * 20 + "x", "lol", "tit", "ass", "porn*", "a a a a a b")


def _adversarial_prompts(length: int) -> list[tuple[str, str | None]]:
    """(prompt, term found): underscores that froze the old matcher, a number whose digits read
    as a term at every word (then one real match at the end), runs of one-letter words."""
    return [
        ("_" * length, None),
        (("1 0 " * length)[: length - 5] + " 1 0 l", "lol"),
        ("a " * (length // 2), None),
        (("a" + " " * 30) * (length // 31), None),
    ]


def _engine_work(monkeypatch: pytest.MonkeyPatch, length: int) -> tuple[int, int]:
    """RE2 calls made and bytes they were given to read, for the adversarial prompts."""
    calls, scanned = 0, 0
    search: Callable[[Any, bytes], Any] = bot.terms._search

    def counting(regex: Any, haystack: bytes) -> Any:
        nonlocal calls, scanned
        found = search(regex, haystack)
        calls += 1
        scanned += len(haystack) if found is None else found.end()
        return found

    monkeypatch.setattr(bot.terms, "_search", counting)
    for prompt, term in _adversarial_prompts(length):
        found = find_blocked(prompt, ADVERSARIAL_TERMS)
        assert (found and found.term) == term
    return calls, scanned


def test_matching_work_grows_linearly_with_the_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    """RE2 is linear in what it reads whatever the expression; the work around it must be too:
    one call a check, whatever the prompt (no retries after a number), reading it once."""
    calls, scanned = _engine_work(monkeypatch, 2000)
    double_calls, double_scanned = _engine_work(monkeypatch, 4000)
    assert calls == double_calls == len(_adversarial_prompts(0))
    assert 1.9 < double_scanned / scanned < 2.1


def test_a_long_term_compiles_to_an_expression_of_its_size() -> None:
    """Asking for a letter among digit stand-ins must not square the expression's size (an
    admin's 100-letter term of `t` and `a`, times 200 terms, would exhaust RE2's memory)."""
    size = len(bot.terms._body("ta" * 25))
    assert len(bot.terms._body("ta" * 50)) / size < 2.5


def test_terms_compile_to_a_linear_time_engine() -> None:
    """Python's `re` backtracks: an admin's term could make it take exponential time."""
    assert type(bot.terms._Chunk(ADVERSARIAL_TERMS).regex).__module__ == "re2"


def test_a_long_list_is_compiled_in_chunks() -> None:
    """A term added recompiles only the chunk it lands in (and maybe its neighbour)."""
    terms = tuple(f"chunked{n}" for n in range(300))
    chunks = bot.terms._CACHE.compile(terms).chunks
    assert len(chunks) > 3
    found = find_blocked("a chunked299 then chunked0", terms)
    assert found == bot.terms.TermMatch("chunked299", "chunked299")  # leftmost of all chunks
    more = (*terms[:150], "chunked extra", *terms[150:])
    assert find_blocked("chunked extra", more) is not None
    assert len(set(bot.terms._CACHE.compile(more).chunks) - set(chunks)) <= 2


def test_no_chunk_outgrows_the_fast_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a size, RE2's fast engine runs out of memory and it is many times slower."""
    monkeypatch.setattr(bot.terms, "_CHUNK_SIZE", 2000)
    terms = tuple(f"sized{n} " * 3 for n in range(100))
    chunks = bot.terms._CACHE.compile(terms).chunks
    sizes = [sum(len(bot.terms._body(t)) for t in chunk.terms) for chunk in chunks]
    assert len(chunks) > 10
    assert max(sizes) <= 2000
    assert find_blocked("a sized99 sized99 sized99", terms) is not None


# -- memory: what compiled lists and the fold table may hold ------------------------------------


def test_each_chunk_gets_the_memory_its_size_needs() -> None:
    """RE2's default is 8 MiB a chunk whatever its size; a cache of them needs a bound per chunk
    to have a bound in all. The largest chunk still compiles within its own."""
    small = bot.terms._Chunk(("fox",))
    expression = bot.terms._grouped(("fox",))[1]
    assert small.memory == small.regex.options.max_mem == bot.terms._memory(expression)
    assert small.memory < 2 << 20
    costly = tuple(("aeilost" * 15)[n : n + 100] for n in range(7))
    large = bot.terms._Chunk(costly * 2)
    assert large.regex.options.max_mem == large.memory <= bot.terms._MAX_MEMORY
    assert find_blocked(f"a {costly[3]}", costly) is not None


def test_the_cache_of_compiled_lists_keeps_within_its_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the budget, the largest list goes: a costly list does not push out small ones."""
    cache = bot.terms._Cache()
    lists = [(f"budget {letter}",) for letter in "bcdfghjkmn"]  # of one size
    budget = 3 * cache.compile(lists[0]).memory
    monkeypatch.setattr(bot.terms, "CACHE_BUDGET", budget)
    for terms in lists[1:]:
        cache.compile(terms)
    kept = [terms for terms in lists if cache.get(terms) is not None]
    assert kept == lists[-3:]  # of equals, the least recently used went first
    assert cache._memory == sum(cache.compile(terms).memory for terms in kept) <= budget
    costly, other = (tuple(f"{name}{n} " + "aeilost" * 10 for n in range(40)) for name in "xy")
    larger = max(bot.terms._Cache().compile(terms).memory for terms in (costly, other))
    monkeypatch.setattr(bot.terms, "CACHE_BUDGET", budget + larger)
    cache.compile(costly)
    cache.compile(other)  # another server's costly list pushes out the first, no other
    assert [cache.get(terms) is not None for terms in (costly, *kept)] == [False, True, True, True]


def test_re2_keeps_no_compiled_expression_of_its_own() -> None:
    """re2.compile caches what it compiles: lists the cache dropped would stay in memory."""
    bot.terms._Cache().compile(("cached elsewhere",))
    assert re2._Regexp._make.cache_info().currsize == 0


def test_the_fold_table_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A prompt can bring 6,000 characters never seen before, and the next one 6,000 more."""
    monkeypatch.setattr(bot.terms, "_FOLD_TABLE_SIZE", 100)
    for start in range(0x4E00, 0x4E00 + 1000, 250):
        normalise("".join(map(chr, range(start, start + 250))))
        assert len(bot.terms._FOLD_TABLE) <= 100
    assert normalise("ＡＳＳ").text == "ass"
