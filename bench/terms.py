"""Blocked terms: the time of one check, the disguises caught, the common words left alone.

1. Microseconds per check of a 6,000-character prompt (Discord's longest option) against 200
   terms: ordinary ones and adversarial ones (underscores that made the old matcher exponential,
   terms whose letters all read as digits, a phrase of one-letter words), for an ordinary prompt
   and for prompts built against those terms. Each check sees a prompt it has not seen before.
2. The disguise corpus against the built-in list: each case, caught or not.
3. False positives: how many of the 50,000 most frequent English words (`wordfreq`) the built-in
   list blocks that are not a term itself or its inflection (target 0).

The last line is one JSON object with the figures.

    .venv/bin/python bench/terms.py [--checks 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import wordfreq

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.table import format_table
from bot.policy import load_builtin_terms
from bot.terms import TermMatch, clean_term, find_blocked

Finder = Callable[[str, Iterable[str]], TermMatch | None]

LENGTH = 6000
# Underscores as the old matcher stored them (`_` was a letter), then terms that digits spell.
ADVERSARIAL = ("_" * 19 + "x", "_" * 20 + "x", "lol", "tit", "ass", "a a a a a b")
TERMS = tuple(clean_term(f"blocked{n} word{n}*") for n in range(200 - len(ADVERSARIAL)))
TERMS += ADVERSARIAL
PROMPTS = {
    "ordinary": "a quiet harbour — маяк — φάρος at dusk, 0il painting; ",
    "underscores": "_" * 42 + " ",
    "digits read as terms": "1 0 1 7 1 7 4 5 5 ",
    "one-letter words": "a " * 20 + "a.a-a_a ",
}

# Disguised prompts the built-in terms must catch: (trick, prompt).
DISGUISES = [
    ("plain word", "a nude portrait"),
    ("upper case", "a NAKED man"),
    ("mixed case", "PoRn site"),
    ("fullwidth", "ｎｕｄｅ beach"),
    ("mathematical bold", "a 𝐬𝐞𝐱 scene"),
    ("mathematical fraktur", "𝔫𝔲𝔡𝔢 statue"),
    ("circled letters", "ⓝⓤⓓⓔ"),
    ("squared letters", "🄽🅄🄳🄴"),
    ("negative squared letters", "🅽🆄🅳🅴"),
    ("regional indicators", "🇬🇴🇷🇪"),
    ("small capitals", "ɴᴜᴅᴇ"),
    ("kra for k", "naĸed"),
    ("accents", "nüdé art"),
    ("combining accents", "s\u0301e\u0300x"),
    ("Cyrillic look-alikes", "рorn and seх"),
    ("Greek look-alikes", "so much gοrе"),
    ("zero-width space", "nu\u200bde"),
    ("soft hyphen", "se\u00adx"),
    ("bidi override", "s\u202eex"),
    ("Hangul filler", "go\u3164re"),
    ("variation selector", "nu\ufe0fde"),
    ("digit 0", "p0rn"),
    ("digit 1", "n1pple"),
    ("digit 3", "s3x"),
    ("digit 4", "n4ked"),
    ("digit 5", "5exy"),
    ("digit 7", "7opless"),
    ("symbol @", "n@ked"),
    ("symbol $", "$ex"),
    ("dots", "s.e.x"),
    ("dashes", "n-u-d-e"),
    ("underscores", "g_o_r_e"),
    ("spaces", "s e x"),
    ("asterisks", "s*e*x"),
    ("slashes", "p/o/r/n"),
    ("commas", "n,u,d,e"),
    ("pipes", "s|e|x"),
    ("plus signs", "g+o+r+e"),
    ("tildes", "n~u~d~e"),
    ("colons", "s:e:x"),
    ("semicolons", "g;o;r;e"),
    ("mixed separators", "s. e -x"),
    ("plural -s", "two hentais"),
    ("plural -es", "both sexes"),
    ("prefix term", "pornographic"),
    ("punctuation around", "(nude!)"),
    ("digits and separators", "n.5.f.w"),
    ("several at once", "ɴ@ĸ3d"),
]


def is_inflection(word: str, term: str) -> bool:
    """The term itself, its plural, or (a prefix term) any word it begins."""
    if term.endswith("*"):
        return word.startswith(term[:-1])
    return word in (term, f"{term}s", f"{term}es")


def false_positives(words: Iterable[str], terms: Sequence[str]) -> list[tuple[str, str]]:
    """(word, term) for each word the terms block that is not one of them or an inflection."""
    blocked = ((w, found.term) for w in words if (found := find_blocked(w, terms)))
    return [(word, term) for word, term in blocked if not is_inflection(word, term)]


def microseconds_per_check(find: Finder, terms: Sequence[str], piece: str, checks: int) -> float:
    """Median time of one check of a fresh LENGTH-character prompt made of `piece`."""
    times = []
    for number in range(checks):
        prompt = (f"{number} " + piece * (LENGTH // len(piece) + 1))[:LENGTH]
        start = time.perf_counter()
        find(prompt, terms)
        times.append((time.perf_counter() - start) * 1e6)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--checks", type=int, default=200, help="checks per prompt (median)")
    args = parser.parse_args()
    if args.checks < 1:
        parser.error("--checks must be at least 1")
    start = time.perf_counter()
    find_blocked("", TERMS)  # the list is compiled once, at its first check
    compile_ms = (time.perf_counter() - start) * 1000
    print(f"{len(TERMS)} terms compiled in {compile_ms:.1f} ms; {LENGTH}-character prompts")
    figures = {
        name: round(microseconds_per_check(find_blocked, TERMS, piece, args.checks))
        for name, piece in PROMPTS.items()
    }
    print(format_table(["prompt", "µs per check"], [[k, str(v)] for k, v in figures.items()]))

    builtin = load_builtin_terms()
    rows = []
    for trick, prompt in DISGUISES:
        found = find_blocked(prompt, builtin)
        rows.append([trick, repr(prompt), f"“{found.quoted}” ({found.term})" if found else "no"])
    caught = sum(row[2] != "no" for row in rows)
    print()
    table = format_table(["disguise", "prompt", "caught as"], rows, labels=3)
    print("\n".join(line.rstrip() for line in table.splitlines()))  # no padding after the text
    print(f"caught {caught} of {len(DISGUISES)}")

    words = wordfreq.top_n_list("en", 50_000)
    wrong = false_positives(words, builtin)
    print(f"\nfalse positives among the {len(words)} most frequent English words: {len(wrong)}")
    for word, term in wrong:
        print(f"  {word} ({term})")
    print(
        json.dumps(
            {
                "terms": len(TERMS),
                "compile_ms": round(compile_ms, 1),
                "us_per_check": figures,
                "disguises": len(DISGUISES),
                "disguises_caught": caught,
                "false_positives": len(wrong),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
