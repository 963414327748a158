"""Blocked terms: the time of one check, the disguises caught, the common words left alone.

1. Microseconds per check of a 6,000-character prompt (Discord's longest option) against 200
   terms: ordinary ones and adversarial ones (underscores that made the old matcher exponential,
   terms whose letters all read as digits, a phrase of one-letter words), for an ordinary prompt
   and for prompts built against those terms. Each check sees a prompt it has not seen before.
2. The costliest list a server may keep (MAX_BLOCKED_TERMS terms of 100 letters that all have
   digit stand-ins): its compile time, the event loop's longest stall while it compiles on the
   loop and in the worker thread, and milliseconds per check of prompts made of those letters
   and digits, and of prompts made of the terms themselves.
3. Many servers, with ordinary lists and with the costliest one (different ones), each checked
   a few times: the lists the cache keeps, its memory budget and what it holds, and the
   process's peak resident memory.
4. The disguise corpus against the built-in list: each case, caught or not.
5. False positives: how many of the 50,000 most frequent English words (`wordfreq`) the built-in
   list blocks that are not a term itself or its inflection (target 0).

The last line is one JSON object with the figures.

    .venv/bin/python bench/terms.py [--checks 200] [--costly 6] [--ordinary 50]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import resource
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path

import wordfreq

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import bot.terms
from bench.table import format_table
from bot.policy import MAX_BLOCKED_TERMS, load_builtin_terms
from bot.terms import CACHE_BUDGET, Compiler, Matcher, TermMatch, clean_term, find_blocked

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


def costly_list(seed: int) -> tuple[str, ...]:
    """The costliest list a server may keep: every term 100 letters with digit stand-ins."""
    rng = random.Random(seed)
    letters = "aeilost"
    terms = {"".join(rng.choice(letters) for _ in range(100)) for _ in range(MAX_BLOCKED_TERMS)}
    return tuple(sorted(terms))


def costly_prompts(seed: int, count: int) -> list[str]:
    """Prompts of those letters, their digits and spaces: many states for RE2 to visit."""
    rng = random.Random(seed)
    return ["".join(rng.choice("aeilost0134571 ") for _ in range(LENGTH)) for _ in range(count)]


async def longest_stall(work: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    """(seconds `work` took, the longest the event loop went without running meanwhile)."""
    beats: list[float] = []

    async def heartbeat() -> None:
        while True:
            beats.append(time.perf_counter())
            await asyncio.sleep(0.001)

    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    start = time.perf_counter()
    await work()
    took = time.perf_counter() - start
    beats.append(time.perf_counter())
    beating.cancel()
    return took, max(b - a for a, b in itertools.pairwise(beats))


async def compile_stalls(terms: tuple[str, ...]) -> dict[str, float]:
    """Milliseconds: the compile, and the loop's longest stall, on the loop and in the worker."""

    async def on_loop() -> Matcher:
        return bot.terms._Cache().compile(terms)

    async def in_worker() -> Matcher:
        bot.terms._CACHE = bot.terms._Cache()
        return await Compiler().matcher(terms)

    took_on_loop, stall_on_loop = await longest_stall(on_loop)
    took_in_worker, stall_in_worker = await longest_stall(in_worker)
    return {
        "compile_on_loop_ms": round(took_on_loop * 1000, 1),
        "stall_on_loop_ms": round(stall_on_loop * 1000, 1),
        "compile_in_worker_ms": round(took_in_worker * 1000, 1),
        "stall_in_worker_ms": round(stall_in_worker * 1000, 1),
    }


def milliseconds_per_costly_check(
    matcher: Matcher, name: str, prompts: list[str]
) -> dict[str, float]:
    """The first check (RE2 builds its states as it goes) and the median of the rest."""
    times = []
    for prompt in prompts:
        start = time.perf_counter()
        matcher.find(prompt)
        times.append((time.perf_counter() - start) * 1000)
    return {
        f"{name}_first_ms": round(times[0], 2),
        f"{name}_median_ms": round(statistics.median(times[1:]), 2),
    }


def prompts_of(terms: tuple[str, ...], seed: int, count: int) -> list[str]:
    """Prompts made of the list's own terms: every chunk of it matches somewhere."""
    rng = random.Random(seed)
    return [" ".join(rng.sample(terms, len(terms)))[:LENGTH] for _ in range(count)]


def ordinary_list(guild: int) -> tuple[str, ...]:
    """A server's list of MAX_BLOCKED_TERMS ordinary terms."""
    return tuple(clean_term(f"blocked{guild}x{n} word{n}*") for n in range(MAX_BLOCKED_TERMS))


def many_guilds(costly: int, ordinary: int) -> dict[str, float]:
    """Servers with an ordinary list, then servers with the costliest one, each list compiled
    and checked 3 times; memory is the process's peak."""
    cache = bot.terms._CACHE = bot.terms._Cache()
    lists = [ordinary_list(g) for g in range(ordinary)] + [costly_list(g) for g in range(costly)]
    for number, terms in enumerate(lists):
        for prompt in costly_prompts(number, 3):
            find_blocked(prompt, terms)
    kept = [cache.get(terms) is not None for terms in lists]
    return {
        "ordinary_kept": sum(kept[:ordinary]),
        "costliest_kept": sum(kept[ordinary:]),
        "budget_mib": CACHE_BUDGET >> 20,
        "kept_mib": round(cache._memory / 2**20),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--checks", type=int, default=200, help="checks per prompt (median)")
    parser.add_argument("--costly", type=int, default=6, help="servers with the costliest list")
    parser.add_argument("--ordinary", type=int, default=50, help="servers with ordinary lists")
    args = parser.parse_args()
    if min(args.checks, args.costly, args.ordinary) < 1:
        parser.error("--checks, --costly and --ordinary must be at least 1")
    start = time.perf_counter()
    find_blocked("", TERMS)  # the list is compiled once, at its first check
    compile_ms = (time.perf_counter() - start) * 1000
    print(f"{len(TERMS)} terms compiled in {compile_ms:.1f} ms; {LENGTH}-character prompts")
    figures = {
        name: round(microseconds_per_check(find_blocked, TERMS, piece, args.checks))
        for name, piece in PROMPTS.items()
    }
    print(format_table(["prompt", "µs per check"], [[k, str(v)] for k, v in figures.items()]))

    costly = costly_list(15)
    stalls = asyncio.run(compile_stalls(costly))
    matcher = bot.terms._CACHE.compile(costly)
    checks = milliseconds_per_costly_check(matcher, "digits", costly_prompts(15, 20))
    checks |= milliseconds_per_costly_check(matcher, "terms", prompts_of(costly, 15, 20))
    chunks = len(matcher.chunks)
    print(f"\nthe costliest list: {len(costly)} terms of 100 letters, {chunks} chunks")
    rows = [[k, str(v)] for k, v in (stalls | checks).items()]
    print(format_table(["figure", "value"], rows))
    guilds = many_guilds(args.costly, args.ordinary)
    print(
        f"\n{args.ordinary} servers with {MAX_BLOCKED_TERMS} ordinary terms, then {args.costly}"
        " with the costliest list, each checked 3 times"
    )
    print(format_table(["figure", "value"], [[k, str(v)] for k, v in guilds.items()]))

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
                "costliest_list": stalls | checks | {"chunks": chunks},
                "many_guilds": guilds,
                "disguises": len(DISGUISES),
                "disguises_caught": caught,
                "false_positives": len(wrong),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
