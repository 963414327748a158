"""Blocked-term matching: every evasion the normaliser undoes, and words it must leave alone."""

from __future__ import annotations

import pytest

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
