"""The message catalogs: complete in every language, plurals by CLDR, English as the fallback,
numbers per locale, and no sentence left outside them in the cogs."""

from __future__ import annotations

import ast
import logging
import re
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import discord
import pytest
from babel import Locale
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast as fluent
from fluent.syntax import parse, serialize
from fluent.syntax.visitor import Transformer, Visitor

from cogs.i18n import LOCALES_DIRECTORY, SOURCE_LOCALE, Catalogs, Words, words_for

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
ORDINAL_SELECTORS = {"ordinal"}  # placeholders that carry CLDR's ordinal category, by name
COUNTS = (0, 1, 2, 5)
FILES = sorted(LOCALES_DIRECTORY.glob("*.ftl"))
TRANSLATIONS = [path.stem for path in FILES if path.stem != SOURCE_LOCALE]


def messages(code: str, directory: Path = LOCALES_DIRECTORY) -> dict[str, fluent.Message]:
    found = parse((directory / f"{code}.ftl").read_text(encoding="utf-8"))
    return {e.id.name: e for e in found.body if isinstance(e, fluent.Message)}


class _Variables(Visitor):
    """Every `$name` a message uses: in text, in selectors, in function arguments."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: fluent.VariableReference) -> None:
        self.names.add(node.id.name)


def variables(message: fluent.Message) -> set[str]:
    found = _Variables()
    found.visit(message)
    return found.names


def plural_selects(message: fluent.Message) -> Iterator[fluent.SelectExpression]:
    """The selectors on a number: every key a CLDR category or a number, on a `$variable`."""
    for node in _nodes(message):
        if (
            isinstance(node, fluent.SelectExpression)
            and isinstance(node.selector, fluent.VariableReference)
            and all(
                isinstance(v.key, fluent.NumberLiteral) or v.key.name in CATEGORIES
                for v in node.variants
            )
        ):
            yield node


def _nodes(node: fluent.BaseNode) -> Iterator[fluent.BaseNode]:
    yield node
    for value in vars(node).values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, fluent.BaseNode):
                yield from _nodes(child)


def _selector(select: fluent.SelectExpression) -> str:
    assert isinstance(select.selector, fluent.VariableReference)
    return select.selector.id.name


def locale_of(code: str) -> Locale:
    return Locale.parse(code, sep="-")


# -- every language says every message, with the same placeholders -----------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_a_catalog_parses_whole(path: Path) -> None:
    junk = [
        e.content
        for e in parse(path.read_text(encoding="utf-8")).body
        if isinstance(e, fluent.Junk)
    ]
    assert junk == []


def test_there_is_a_source_and_translations_to_check() -> None:
    assert (LOCALES_DIRECTORY / f"{SOURCE_LOCALE}.ftl").exists()
    assert len(messages(SOURCE_LOCALE)) > 100
    assert TRANSLATIONS  # the strict test below must have something to be strict about


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_message_is_in_every_language(code: str) -> None:
    source, translated = messages(SOURCE_LOCALE), messages(code)
    assert sorted(set(source) - set(translated)) == [], f"{code}.ftl lacks these"
    assert sorted(set(translated) - set(source)) == [], f"{code}.ftl has ids English lacks"


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_translation_uses_the_same_placeholders(code: str) -> None:
    """The same `$names`; only a count that merely chooses a plural form may go, and only in a
    language with one form for it (Japanese needs no `$count` to say "were" or "was")."""
    source = messages(SOURCE_LOCALE)
    differing = {
        message_id: (variables(source[message_id]), variables(message))
        for message_id, message in messages(code).items()
        if message_id in source and not _same_placeholders(code, source[message_id], message)
    }
    assert differing == {}


def _same_placeholders(code: str, source: fluent.Message, translated: fluent.Message) -> bool:
    dropped = variables(source) - variables(translated)
    optional = {name for name in selector_only(source) if _rules(code, name) == {"other"}}
    return variables(translated) <= variables(source) and dropped <= optional


def selector_only(message: fluent.Message) -> set[str]:
    """Variables a message uses only to choose a plural form, never showing them."""
    chosen = {_selector(select) for select in plural_selects(message)}
    shown = _Variables()
    for node in _nodes(message):
        if isinstance(node, fluent.SelectExpression):
            for variant in node.variants:
                shown.visit(variant)
        elif isinstance(node, fluent.Placeable) and not isinstance(
            node.expression, fluent.SelectExpression
        ):
            shown.visit(node)
    return chosen - shown.names


def test_only_a_count_that_chooses_a_form_may_be_left_out() -> None:
    source = messages(SOURCE_LOCALE)
    assert selector_only(source["queue-place"]) == {"ordinal"}
    assert selector_only(source["queue-expelled"]) == {"count"}
    assert selector_only(source["credit-amount"]) == set()  # it shows the count too
    ja = parse("queue-expelled = { $requests }件が列から外され、返金されました。\n").body[0]
    de = parse("queue-expelled = { $requests } wurden aus der Warteschlange genommen.\n").body[0]
    assert isinstance(ja, fluent.Message)
    assert isinstance(de, fluent.Message)
    assert _same_placeholders("ja", source["queue-expelled"], ja)
    assert not _same_placeholders("de", source["queue-expelled"], de)  # German has "one"
    extra = parse("credit-amount = { $count } { $credits }\n").body[0]
    assert isinstance(extra, fluent.Message)
    assert not _same_placeholders("ja", source["credit-amount"], extra)


def test_the_placeholder_check_sees_selectors_and_functions() -> None:
    message = messages(SOURCE_LOCALE)["edit-too-large"]
    assert variables(message) == {"file", "size", "limit"}
    assert "count" in variables(messages(SOURCE_LOCALE)["credit-amount"])
    assert "period" in variables(messages(SOURCE_LOCALE)["quota-bot-spent"])


# -- plurals by CLDR ---------------------------------------------------------------------------


class _Marked(Transformer):
    """Each variant of the selectors on `name` says only its own key, as `<key>`."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def visit_SelectExpression(self, node: fluent.SelectExpression) -> fluent.BaseNode:
        if isinstance(node.selector, fluent.VariableReference) and _selector(node) == self.name:
            for variant in node.variants:
                key = (
                    variant.key.value
                    if isinstance(variant.key, fluent.NumberLiteral)
                    else variant.key.name
                )
                variant.value = fluent.Pattern([fluent.TextElement(f"<{key}>")])
            return node
        return self.generic_visit(node)


def chosen_variant(code: str, message: fluent.Message, name: str, value: object) -> set[str]:
    """The keys Fluent's runtime picks for `$name = value` in `code`'s rules."""
    marked = _Marked(name).visit(message.clone())
    bundle = FluentBundle([code], use_isolating=False)
    bundle.add_resource(FluentResource(serialize(fluent.Resource([marked]))))
    arguments: dict[str, object] = dict.fromkeys(variables(message), 1)
    arguments[name] = value
    pattern = bundle.get_message(message.id.name).value
    assert pattern is not None
    said, errors = bundle.format_pattern(pattern, arguments)
    assert errors == []
    assert isinstance(said, str)
    return {part.split(">", 1)[0] for part in said.split("<")[1:]}


def expected_key(select: fluent.SelectExpression, number: int, category: str) -> str:
    """An exact number's variant first, then the category's, then the default."""
    keys = {
        (v.key.value if isinstance(v.key, fluent.NumberLiteral) else v.key.name): v
        for v in select.variants
    }
    if str(number) in keys:
        return str(number)
    if category in keys:
        return category
    return next(k for k, v in keys.items() if v.default)


def plural_messages() -> list[tuple[str, str]]:
    return [
        (code, message_id)
        for code in (SOURCE_LOCALE, *TRANSLATIONS)
        for message_id, message in messages(code).items()
        if any(True for _ in plural_selects(message))
    ]


def test_the_source_has_plural_messages() -> None:
    found = {message_id for code, message_id in plural_messages() if code == SOURCE_LOCALE}
    assert {"credit-amount", "request-amount", "forgotten-mine", "queue-place"} <= found


@pytest.mark.parametrize(("code", "message_id"), plural_messages())
def test_plurals_follow_cldr(code: str, message_id: str) -> None:
    locale, message = locale_of(code), messages(code)[message_id]
    for select in plural_selects(message):
        name = _selector(select)
        ordinal = name in ORDINAL_SELECTORS
        rules = locale.ordinal_form if ordinal else locale.plural_form
        keys = {v.key.name for v in select.variants if isinstance(v.key, fluent.Identifier)}
        default = next(v.key for v in select.variants if v.default)
        assert isinstance(default, fluent.Identifier)
        assert default.name == "other"
        assert set(rules.tags) | {"other"} <= keys, f"{code} needs these variants of ${name}"
        for number in COUNTS:
            category = rules(number)
            value: object = category if ordinal else number
            assert chosen_variant(code, message, name, value) == {
                expected_key(select, number, category)
            }, (code, message_id, number)


def _rules(code: str, name: str) -> set[str]:
    """The CLDR categories a count in `$name` has in this language (ordinal or cardinal),
    "other" included (Babel leaves it implicit)."""
    locale = locale_of(code)
    rules = locale.ordinal_form if name in ORDINAL_SELECTORS else locale.plural_form
    return set(rules.tags) | {"other"}


def flattened_plurals(code: str, directory: Path = LOCALES_DIRECTORY) -> list[tuple[str, str]]:
    """English plurals a translation says in one form though its language has several."""
    translated = messages(code, directory)
    return [
        (message_id, name)
        for message_id, message in messages(SOURCE_LOCALE).items()
        if message_id in translated
        for name in {_selector(select) for select in plural_selects(message)}
        if _rules(code, name) - {"other"}
        and name not in {_selector(select) for select in plural_selects(translated[message_id])}
    ]


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_plural_stays_plural_where_the_language_has_plurals(code: str) -> None:
    """A translation may drop a selector only where its language has one form (ja)."""
    assert flattened_plurals(code) == []


def test_the_plural_check_fails_a_flattened_plural(catalogs_copy: Path) -> None:
    path = catalogs_copy / "de.ftl"
    text = path.read_text(encoding="utf-8")
    plural = "{ $count ->\n    [one] { $count } Credit\n   *[other] { $count } Credits\n}"
    assert plural in text
    path.write_text(text.replace(plural, "{ $count } Credits", 1), encoding="utf-8")
    assert flattened_plurals("de", catalogs_copy) == [("credit-amount", "count")]
    (catalogs_copy / "ja.ftl").write_text("credit-amount = { $count } クレジット\n", "utf-8")
    assert flattened_plurals("ja", catalogs_copy) == []  # Japanese has one form


def choice_keys(message: fluent.Message) -> dict[str, set[str]]:
    """The keys of each selector on a word (`$period`: day, week, month), not on a count."""
    keys: dict[str, set[str]] = {}
    for node in _nodes(message):
        if isinstance(node, fluent.SelectExpression) and isinstance(
            node.selector, fluent.VariableReference
        ):
            names = {v.key.name for v in node.variants if isinstance(v.key, fluent.Identifier)}
            if names - CATEGORIES:
                keys.setdefault(_selector(node), set()).update(names)
    return keys


def changed_choices(code: str, directory: Path = LOCALES_DIRECTORY) -> list[str]:
    """Messages whose word selectors have other keys than English's: a key translated by
    mistake (`[Tag]` for `[day]`) would silently say the default variant instead."""
    source = messages(SOURCE_LOCALE)
    return [
        message_id
        for message_id, message in messages(code, directory).items()
        if message_id in source and choice_keys(message) != choice_keys(source[message_id])
    ]


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_translation_keeps_the_keys_of_each_choice(code: str) -> None:
    assert changed_choices(code) == []


def test_the_choice_check_fails_a_translated_key(catalogs_copy: Path) -> None:
    assert choice_keys(messages(SOURCE_LOCALE)["quota-resets"]) == {
        "period": {"day", "week", "month"}
    }
    path = catalogs_copy / "de.ftl"
    text = path.read_text(encoding="utf-8")
    start = text.index("quota-resets =")
    end = text.index("\n", text.index("[day]", start))
    path.write_text(text[:start] + text[start:end].replace("[day]", "[Tag]") + text[end:], "utf-8")
    assert changed_choices("de", catalogs_copy) == ["quota-resets"]


@pytest.mark.parametrize(
    ("code", "number", "category"),
    [
        ("en-US", 0, "other"),
        ("en-US", 1, "one"),
        ("fr", 0, "one"),
        ("pt", 0, "one"),
        ("ja", 1, "other"),
        ("de", 5, "other"),
    ],
)
def test_babel_knows_the_languages_plural_rules(code: str, number: int, category: str) -> None:
    assert locale_of(code).plural_form(number) == category


def test_english_plurals_read_right() -> None:
    english = words_for("en-US")
    said = [english("credit-amount", count=n) for n in COUNTS]
    assert said == ["0 credits", "1 credit", "2 credits", "5 credits"]
    places = [english.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23)]
    lines = [
        english("queue-place", place=n, ordinal=o, duration="soon")
        for n, o in zip((1, 2, 3, 4, 11, 12, 13, 21, 22, 23), places, strict=True)
    ]
    assert [line.split(" ")[1] for line in lines] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "23rd",
    ]


# -- fallback and resolution -------------------------------------------------------------------


@pytest.fixture
def catalogs_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "locales"
    shutil.copytree(LOCALES_DIRECTORY, folder)
    return folder


def _without(path: Path, message_id: str) -> None:
    kept = [
        e
        for e in parse(path.read_text(encoding="utf-8")).body
        if not (isinstance(e, fluent.Message) and e.id.name == message_id)
    ]
    path.write_text(serialize(fluent.Resource(kept)), encoding="utf-8")


def test_a_missing_message_is_said_in_english_and_logged_once(
    catalogs_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    german = Words("de", Catalogs(catalogs_copy))
    assert german("rule-blocked-term", term="x").startswith("Dein Prompt")
    _without(catalogs_copy / "de.ftl", "rule-blocked-term")
    german = Words("de", Catalogs(catalogs_copy))
    english = words_for("en-US")("rule-blocked-term", term="x")
    with caplog.at_level(logging.WARNING, logger="imagine.i18n"):
        assert german("rule-blocked-term", term="x") == english
        assert german("rule-blocked-term", term="y") == english.replace("x", "y")
    told = [r for r in caplog.records if r.name == "imagine.i18n"]
    assert len(told) == 1
    assert "rule-blocked-term" in told[0].getMessage()
    assert "de" in told[0].getMessage()


def test_a_broken_translation_is_said_in_english(catalogs_copy: Path) -> None:
    path = catalogs_copy / "de.ftl"
    path.write_text(
        path.read_text(encoding="utf-8").replace("„{ $term }“", "„{ $wort }“"), encoding="utf-8"
    )
    german = Words("de", Catalogs(catalogs_copy))
    assert german("rule-blocked-term", term="x") == words_for("en-US")(
        "rule-blocked-term", term="x"
    )


def test_locales_resolve_to_a_catalog(catalogs_copy: Path) -> None:
    (catalogs_copy / "es-ES.ftl").write_text("credit-amount = { $count } créditos\n", "utf-8")
    source = Catalogs(catalogs_copy)
    assert source.resolve("es-419") == "es-ES"
    assert source.resolve(discord.Locale.latin_american_spanish) == "es-ES"
    assert source.resolve("es-ES") == "es-ES"
    assert source.resolve("en-GB") == "en-US"
    assert source.resolve("ko") == "en-US"
    assert source.resolve(None) == "en-US"
    assert source.resolve(discord.Locale.german) == "de"
    assert Words("es-ES", source)("credit-amount", count=3) == "3 créditos"


def test_a_language_reads_only_its_siblings_catalog(catalogs_copy: Path) -> None:
    """Chinese in one script is not read in the other, as Spanish of Spain is in Latin America."""
    shutil.copy(catalogs_copy / "ja.ftl", catalogs_copy / "zh-TW.ftl")  # stands in for Chinese
    source = Catalogs(catalogs_copy)
    assert source.resolve("zh-TW") == "zh-TW"
    assert source.resolve(discord.Locale.chinese) == "en-US"  # zh-CN
    (catalogs_copy / "es-ES.ftl").unlink()
    assert Catalogs(catalogs_copy).resolve("es-419") == "en-US"  # no sibling to read


def test_a_missing_source_message_is_a_loud_bug() -> None:
    with pytest.raises(LookupError):
        words_for("de")("no-such-message")


# -- numbers and money per locale --------------------------------------------------------------


def test_numbers_are_written_the_readers_way() -> None:
    assert words_for("de")("credit-amount", count=12345) == "12.345 Credits"
    assert words_for("en-US")("credit-amount", count=12345) == "12,345 credits"
    assert words_for("ja")("credit-amount", count=12345).startswith("12,345")


def test_money_is_written_the_readers_way() -> None:
    said = {code: words_for(code).money(Decimal("1234.5"), "USD") for code in ("en-US", "de", "ja")}
    assert said == {"en-US": "$1,234.50", "de": "1.234,50\xa0$", "ja": "$1,234.50"}
    assert words_for("de").money(Decimal("0.004"), "EUR", 3) == "0,004\xa0€"
    priced = words_for("de")("credit-amount-priced", credits="12 Credits", price=said["de"])
    assert priced == "12 Credits · 1.234,50\xa0$"


# -- no sentence outside the catalogs ----------------------------------------------------------

# The cogs, and the one core module that draws for readers (the /usage chart).
SCANNED = [*sorted((ROOT / "cogs").glob("*.py")), ROOT / "bot" / "usage_chart.py"]
# Calls whose string arguments nobody reads as a sentence: the reasons kept for logs, the command
# tree (names stay English; descriptions, choice names and `locale_str` go through the
# app_commands.Translator and the catalogs' `## Commands`), the catalog API.
QUIET_CALLS = frozenset(
    {
        *("getLogger", "report_unexpected", "_attempt", "withdraw", "add_strike"),
        *("command", "describe", "Group", "ContextMenu", "choices", "rename", "autocomplete"),
        *("AssertionError", "LookupError", "words", "locale_str"),
    }
)
# Quiet only on their own receiver: a logger's lines and a pattern (`x.error(…)` may speak).
LOG_METHODS = ("debug", "info", "warning", "error", "exception", "critical")
QUIET_METHODS = frozenset(
    {("log", name) for name in LOG_METHODS} | {("re", n) for n in ("compile", "fullmatch", "match")}
)
# Keyword arguments that are ids, links or file names wherever they are.
ID_KEYWORDS = frozenset({"custom_id", "template", "filename", "url", "icon_url"})


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _quiet_call(call: ast.Call) -> bool:
    func = call.func
    receiver = (
        func.value.id
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
        else ""
    )
    return (receiver, _call_name(call)) in QUIET_METHODS or _call_name(call) in QUIET_CALLS


def _text_of(node: ast.expr) -> str:
    """A literal's words: the constant, or an f-string's constant parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(_text_of(v) for v in node.values if isinstance(v, ast.Constant))
    return ""


# Where even one word is read: the texts of buttons, forms, menus and embeds, a text field's
# prefilled value, and what a reply says ("Delete", "Remix", "Gone" are one word each).
SHOWN_KEYWORDS = frozenset(
    {"label", "title", "placeholder", "description", "text", "content", "footer", "default"}
)
SHOWN_NAMES = frozenset({"add_field", "insert_field_at", "set_field_at", "set_author", "Choice"})
SPEAKING_CALLS = frozenset(
    {"send_error", "tell", "reply", "send", "send_message", "edit_original_response", "edit"}
    | {"Field", "Author"}  # cogs/discord_limits.py's parts of an embed
    | {"SelectOption"}  # its label comes first
)
# Placeholders of str.format, f-string holes and printf: not words, but they part words.
_FORMAT_HOLES = re.compile(r"\{[^{}]*\}|%[-#0 +]*[0-9.]*[sdrifx]")
_SCRIPT_WITHOUT_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}")


def _sentence(text: str) -> bool:
    """Two words and a space (or two CJK letters): what a person reads, not an id, a key, a
    file name or a link."""
    words = _FORMAT_HOLES.sub(" ", re.sub(r"\S*://\S*", " ", text))
    if _SCRIPT_WITHOUT_SPACES.search(words):
        return True
    return re.search(r"[^\W\d_]{2,}[,;:.!?]?\s+[^\W\d_]{2,}", words) is not None


def _word(text: str) -> bool:
    """A word of two letters or more ("%d credits" is one), not an id (`imagine:x:1`,
    `button-delete`, `a_b`)."""
    words = _FORMAT_HOLES.sub(" ", text)
    return re.fullmatch(r"\W*[^\W\d_]{2,}\W*", words) is not None and not re.search(
        r"[:_/-]\w", words
    )


def _shown_places(tree: ast.AST) -> set[int]:
    """Literals that reach a reader even as one word: UI texts and what a reply says, however
    built (a conditional, a sum, a `%`, `.format` or a join), and the constants they name."""
    shown: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS or (keyword.arg == "name" and name in SHOWN_NAMES):
                    shown |= _inside(keyword.value)
            if name in SPEAKING_CALLS:
                shown |= {id(n) for arg in node.args for n in ast.walk(arg)}
        if isinstance(node, ast.ClassDef):  # class Form(discord.ui.Modal, title="…")
            shown |= {id(n) for k in node.keywords if k.arg in SHOWN_KEYWORDS for n in ast.walk(k)}
    constants = {
        target.id: node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant | ast.JoinedStr)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    named = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) in shown]
    return shown | {id(constants[n.id]) for n in named if n.id in constants}


def _inside(node: ast.AST) -> set[int]:
    return {id(n) for n in ast.walk(node)}


def _quiet_places(tree: ast.AST) -> set[int]:
    """The literals in places a person never reads: docstrings, quiet calls, ids, dict keys,
    subscripts, class keywords, and dicts spread into a quiet call (`describe(**DESCRIBE)`)."""
    quiet: set[int] = set()
    spread: set[str] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            quiet.add(id(body[0].value))
        if isinstance(node, ast.Call):
            if _quiet_call(node):
                quiet |= _inside(node)
                spread |= {
                    k.value.id
                    for k in node.keywords
                    if k.arg is None and isinstance(k.value, ast.Name)
                }
            for keyword in node.keywords:
                if keyword.arg in ID_KEYWORDS:
                    quiet |= _inside(keyword.value)
        if isinstance(node, ast.ClassDef):  # metaclass arguments, ids; a title is read
            for keyword in node.keywords:
                if keyword.arg not in SHOWN_KEYWORDS:
                    quiet |= _inside(keyword.value)
        if isinstance(node, ast.Dict):
            for key in node.keys:
                quiet |= _inside(key) if key is not None else set()
        if isinstance(node, ast.Subscript):
            quiet |= _inside(node.slice)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in spread for t in node.targets
        ):
            quiet |= _inside(node)
    return quiet


def user_facing_literals(source: str) -> list[tuple[int, str]]:
    """Sentence-looking string literals outside the catalog API, with their line."""
    tree = ast.parse(source)
    quiet, shown = _quiet_places(tree), _shown_places(tree)
    return [
        (node.lineno, _text_of(node))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant | ast.JoinedStr)
        and id(node) not in quiet
        and (_sentence(_text_of(node)) or (id(node) in shown and _word(_text_of(node))))
    ]


@pytest.mark.parametrize("path", SCANNED, ids=lambda path: path.name)
def test_no_sentence_outside_the_catalogs(path: Path) -> None:
    assert user_facing_literals(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "planted",
    [
        'await interaction.response.send_message("You may not do that.", ephemeral=True)',
        'await send_error(interaction, f"`{name}` is not a model of this bot.")',
        'embed = discord.Embed(title="Your history")',
        'button = discord.ui.Button(label="Use again", custom_id="imagine:x")',
        'NOTE = "Something went wrong on our side."',
        'modal = discord.ui.Modal(title="Edit with imagine")',
        'note = "Nothing was " + "spent"',
        'button = discord.ui.Button(label="Delete", custom_id="imagine:x")',
        'modal = discord.ui.Modal(title="Remix", custom_id="imagine:remix:1")',
        'discord.ui.TextInput(label=words("x"), placeholder="Prompt")',
        'discord.ui.Select(placeholder="Choose…")',
        'discord.SelectOption(label="Yesterday", value="1")',
        'embed.add_field(name="Model", value=model)',
        'embed.set_footer(text="Page")',
        'await send_error(interaction, "Forbidden.")',
        'await interaction.response.send_message("Gone", ephemeral=True)',
        'NOTE = "%s used %d credits"',
        'NOTE = "この操作はできません"',
        'draw.text((0, 0), "Credits per day (UTC)", fill=INK, font=font)',
        'fields.append(Field("Model", plan.model.name))',
        'return fitted_embed(colour=EMBED_COLOUR, description=d, footer="Page")',
        'discord.ui.Button(label="Delete" if mine else "Remix")',
        'discord.ui.Button(label="Delete " + name)',
        'LABEL = "Delete"\ndiscord.ui.Button(label=LABEL)',
        'await interaction.followup.send("%d credits" % n)',
        'await interaction.followup.send("{} credits".format(n))',
        'await reply(interaction, " ".join(["Saved", note]))',
        'class Form(discord.ui.Modal, title="Remix"):\n    pass',
        'discord.SelectOption("Yesterday", "1")',
        'discord.ui.TextInput(label=words("x"), default="Prompt")',
        'self.failure.error("The image service failed")',
        'app_commands.Choice(name="None", value="none")',
    ],
)
def test_the_scan_finds_a_planted_sentence(planted: str) -> None:
    assert user_facing_literals(planted) != []


@pytest.mark.parametrize(
    "allowed",
    [
        'log.warning("could not tell interaction %s about its error: %s", 1, 2)',
        '@app_commands.command(name="imagine", description="Generate images from a prompt")\n'
        "def f(): pass",
        'app_commands.describe(prompt="What to draw, in your own words")',
        'words("rule-blocked-term", term=term)',
        'button = discord.ui.Button(label=words("button-erase"), custom_id="imagine:forget:1")',
        'def f():\n    """A docstring says why, in words."""',
        'discord.ui.Button(label=words("button-delete"), emoji="🗑️", custom_id="imagine:x:1")',
        "app_commands.Choice(name=m.name, value=m.id)",
        'discord.File(data, filename="imagine-1.png")',
        'embed.set_image(url="attachment://usage.png")',
        'class Form(discord.ui.Modal, template="imagine:remix:{id}"):\n    pass',
        'PATTERN = re.compile(r"imagine:remix:(?P<target>[0-9]+)")',
        'discord.SelectOption(label=words("x"), value="yesterday")',
    ],
)
def test_the_scan_leaves_code_alone(allowed: str) -> None:
    assert user_facing_literals(allowed) == []
