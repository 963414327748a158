"""The message catalogs: every sentence a person reads, in each language the bot speaks.

One Project Fluent file per language in `cogs/locales/`, named by Discord's locale code. Fluent
keeps plurals and variants in the translation, not in the code, names every placeholder (so a
test can check that each language uses the same ones), and formats numbers, dates and money
by CLDR through Babel. English (`en-US`) is the source: a message missing from a language, or
one that fails to format there, is said in English and logged once, never a broken reply.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import FluentDecimal, FluentNumber

LOCALES_DIRECTORY = Path(__file__).with_name("locales")
SOURCE_LOCALE = "en-US"
log = logging.getLogger("imagine.i18n")
# Discord's locales that read another's catalog when they have none of their own: the same
# language as written elsewhere. Not zh-CN and zh-TW, whose scripts differ (a Simplified Chinese
# reader is better served by English than by Traditional characters).
SIBLINGS = {"en-GB": "en-US", "es-419": "es-ES"}

# What a placeholder may carry: Fluent formats numbers and dates for the language itself.
Argument = str | int | float | Decimal | date | datetime | FluentNumber


class MissingMessage(LookupError):
    """A message id the source catalog lacks: a bug in the caller, raised loudly."""


@dataclass
class Catalogs:
    """The bundles of every language found in one folder, with English as the fallback."""

    directory: Path = LOCALES_DIRECTORY
    _bundles: dict[str, FluentBundle] = field(init=False, default_factory=dict)
    _told: set[tuple[str, str]] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        for path in sorted(self.directory.glob("*.ftl")):
            bundle = FluentBundle([path.stem], use_isolating=False)
            # Parse errors come back as Junk entries; the catalog tests fail on any.
            bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            self._bundles[path.stem] = bundle
        if SOURCE_LOCALE not in self._bundles:
            raise FileNotFoundError(self.directory / f"{SOURCE_LOCALE}.ftl")

    @property
    def locales(self) -> tuple[str, ...]:
        """The languages the bot speaks, by Discord locale code, English first."""
        others = sorted(code for code in self._bundles if code != SOURCE_LOCALE)
        return (SOURCE_LOCALE, *others)

    def resolve(self, locale: object) -> str:
        """The catalog for a Discord locale: its own, else its sibling's, else English.

        A language the bot does not speak is not a fault, so it is not logged.
        """
        code = str(getattr(locale, "value", locale) or SOURCE_LOCALE)
        if code in self._bundles:
            return code
        sibling = SIBLINGS.get(code)
        return sibling if sibling in self._bundles else SOURCE_LOCALE

    def translation(self, locale: object, message_id: str, **args: Argument) -> str | None:
        """The message in the reader's language only: None where English would be said.

        For Discord's own localisation fields, where a missing entry already means the default;
        a language the bot speaks that lacks the message is logged once, as `text` does.
        """
        code = self.resolve(locale)
        if code == SOURCE_LOCALE:
            return None
        said = self._format(code, message_id, args)
        if said is None:
            self._tell_fallback(code, message_id)
        return said

    def text(self, locale: object, message_id: str, /, **args: Argument) -> str:
        """The message in the reader's language, falling back to English (logged once)."""
        code = self.resolve(locale)
        if code != SOURCE_LOCALE:
            said = self._format(code, message_id, args)
            if said is not None:
                return said
            self._tell_fallback(code, message_id)
        said = self._format(SOURCE_LOCALE, message_id, args)
        if said is None:
            raise MissingMessage(message_id)
        return said

    def _format(self, code: str, message_id: str, args: Mapping[str, Any]) -> str | None:
        bundle = self._bundles[code]
        if not bundle.has_message(message_id):
            return None
        pattern = bundle.get_message(message_id).value
        if pattern is None:
            return None
        said, errors = bundle.format_pattern(pattern, dict(args))
        return said if isinstance(said, str) and not errors else None

    def _tell_fallback(self, code: str, message_id: str) -> None:
        if (code, message_id) in self._told:
            return
        self._told.add((code, message_id))
        log.warning(
            "message %r is missing or broken in the %s catalog: said in English instead",
            message_id,
            code,
        )


@functools.cache
def catalogs() -> Catalogs:
    """The catalogs shipped with the bot, read once per process."""
    return Catalogs()


@dataclass(frozen=True)
class Words:
    """The catalogs bound to one reader's language: `words("credit-amount", count=5)`."""

    locale: str
    source: Catalogs

    def __call__(self, message_id: str, /, **args: Argument) -> str:
        return self.source.text(self.locale, message_id, **args)

    def sentences(self, *texts: str) -> str:
        """Sentences one after another, as this language sets them (a space in English, none in
        Japanese); an empty one is left out."""
        said = [text for text in texts if text]
        joined = said[0] if said else ""
        for text in said[1:]:
            joined = self("sentences", first=joined, second=text)
        return joined

    def series(self, items: Sequence[str]) -> str:
        """Words in a list, joined as this language joins them ("model, style, and quality";
        "Modell, Stil und Qualität"; "モデル、スタイル、画質")."""
        return format_list(list(items), locale=Locale.parse(self.locale, sep="-")) if items else ""

    def money(self, amount: Decimal, currency: str, places: int = 2) -> str:
        """An amount in this language's currency format ("$0.48", "0,48 $"), with `places`
        decimals: CREDIT_PRICE may have more than the currency's cents."""
        options = {"minimumFractionDigits": places, "maximumFractionDigits": places}
        cost = _Money(amount, style="currency", currency=currency, **options)
        return cost.format(Locale.parse(self.locale, sep="-"))

    def number(self, value: int) -> str:
        """A number alone (an embed field's value) written this language's way: "12.345" in
        German, as Fluent writes the numbers inside sentences."""
        return format_decimal(value, locale=Locale.parse(self.locale, sep="-"))

    def ordinal(self, number: int) -> str:
        """CLDR's ordinal category of `number` in this language ("two" for 2nd in English), for
        a message to select on: fluent.runtime selects numbers by cardinal plurals only."""
        return str(Locale.parse(self.locale, sep="-").ordinal_form(number))


def words_for(locale: object) -> Words:
    """What a reader with this Discord locale (or None: English) reads."""
    source = catalogs()
    return Words(source.resolve(locale), source)


class _Money(FluentDecimal):
    """An amount of money in a language's currency format, with the decimals it was given.

    fluent.runtime lets Babel round to the currency's own digits whatever the options say (a
    price of 0.004 per credit would read 0.00), and turns any Decimal argument back into its
    own FluentDecimal; so `Words.money` formats the amount itself, here.
    """

    def format(self, locale: Locale) -> str:
        pattern = self._apply_options(locale.currency_formats["standard"])
        said = pattern.apply(self, locale, currency=self.options.currency, currency_digits=False)
        return str(said)
