"""The model catalog: the shipped file, prices, per-model rules, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalog import (
    ASPECTS,
    CatalogError,
    EditInput,
    RequestOptions,
    RequestRejected,
    default_catalog_text,
    load_catalog,
)
from bot.terms import find_blocked
from cogs.i18n import words_for
from cogs.presenters import rejection

ENGLISH = words_for("en-US")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def refusal_of(catalog, prompt: str, **options) -> str:
    """The sentence a member reads when the catalog refuses the request."""
    with pytest.raises(RequestRejected) as info:
        catalog.plan(prompt, **options)
    return rejection(ENGLISH, info.value)


def test_default_catalog_has_the_three_models(catalog) -> None:
    assert catalog.default_model == "openai/dall-e-3"
    assert {m.id for m in catalog.models} == {
        "openai/dall-e-3",
        "openai/gpt-image-1",
        "flux/flux-1-pro",
    }


def test_dalle3_rules_match_openai_limits(catalog) -> None:
    dalle = catalog.get("openai/dall-e-3")
    assert dalle.sizes == ["1024x1024", "1792x1024", "1024x1792"]
    assert dalle.qualities == ["standard", "hd"]
    assert dalle.max_n == 1
    assert dalle.max_prompt_length == 4000
    assert dalle.response_format == "b64_json"
    assert dalle.extra_params == {"style": ["vivid", "natural"]}


def test_gpt_image_1_sends_no_response_format(catalog) -> None:
    gpt = catalog.get("openai/gpt-image-1")
    assert gpt.response_format is None
    assert gpt.sizes == ["1024x1024", "1536x1024", "1024x1536", "auto"]
    assert set(gpt.qualities) == {"low", "medium", "high", "auto"}
    assert gpt.max_n > 1


def test_the_credit_unit_is_one_standard_square_dalle3_image(catalog) -> None:
    dalle = catalog.get("openai/dall-e-3")
    assert dalle.cost_of("1024x1024", "standard") == 1
    assert dalle.cost_of("1024x1024", "hd") > 1
    assert dalle.cost_of("1792x1024", "standard") > 1
    assert dalle.cost_of("1792x1024", "hd") > dalle.cost_of("1792x1024", "standard")


def test_plan_fills_defaults_and_prices_n_images(catalog) -> None:
    plan = catalog.plan("  a red fox  ")
    assert (plan.model.id, plan.size, plan.quality, plan.n) == (
        "openai/dall-e-3",
        "1024x1024",
        "standard",
        1,
    )
    assert plan.prompt == "a red fox"
    assert plan.extra == {"style": "vivid"}
    assert plan.credits == 1
    several = catalog.plan("fox", model_id="openai/gpt-image-1", quality="high", n=3)
    assert several.credits == 3 * several.model.cost_of("1024x1024", "high")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"size": "512x512"}, "Allowed: 1024x1024, 1792x1024, 1024x1792"),
        ({"quality": "ultra"}, "Allowed: standard, hd"),
        ({"n": 2}, "1 to 1 images"),
        ({"model_id": "acme/nope"}, "Unknown model"),
        ({"model_id": "flux/flux-1-pro", "quality": "hd"}, "has no quality option"),
        ({"model_id": "flux/flux-1-pro", "size": "1000x1000"}, "in steps of 32"),
        ({"extra": {"seed": "1"}}, "takes no option seed"),
        ({"model_id": "openai/gpt-image-1", "extra": {"style": "vivid"}}, "no option style"),
        ({"extra": {"background": "opaque"}}, "takes no option background"),
        ({"model_id": "flux/flux-1-pro", "extra": {"output_format": "png"}}, "no option output"),
        ({"extra": {"style": "moody"}}, "Allowed: vivid, natural"),
        (
            {
                "model_id": "openai/gpt-image-1",
                "extra": {"background": "transparent", "output_format": "jpeg"},
            },
            "cannot combine background `transparent` with output_format `jpeg`",
        ),
        ({"aspect": "square", "size": "1792x1024"}, "is 1024x1024 on DALL·E 3"),
        ({"model_id": "openai/gpt-image-1", "aspect": "wide"}, "does not offer aspect `wide`"),
    ],
)
def test_plan_refuses_what_the_model_does_not_allow(catalog, options, expected) -> None:
    assert expected in refusal_of(catalog, "a fox", **options)


@pytest.mark.parametrize(
    ("model_id", "aspect", "size"),
    [
        ("openai/dall-e-3", "square", "1024x1024"),
        ("openai/dall-e-3", "portrait", "1024x1792"),
        ("openai/dall-e-3", "landscape", "1792x1024"),
        ("openai/dall-e-3", "wide", "1792x1024"),
        ("openai/gpt-image-1", "portrait", "1024x1536"),
        ("openai/gpt-image-1", "landscape", "1536x1024"),
        ("flux/flux-1-pro", "portrait", "832x1248"),
        ("flux/flux-1-pro", "wide", "1376x768"),
        ("flux/flux-1-pro", "tall", "768x1376"),
    ],
)
def test_an_aspect_is_the_models_nearest_size_and_priced_as_sent(
    catalog, model_id, aspect, size
) -> None:
    plan = catalog.plan("fox", model_id=model_id, aspect=aspect)
    assert plan.size == size
    assert plan.model.allows_size(size)
    assert plan.credits == plan.model.cost_of(size, plan.quality)
    # The same size given too agrees with the aspect.
    assert catalog.plan("fox", model_id=model_id, aspect=aspect, size=size).size == size


def test_wide_and_tall_only_where_a_size_is_near_16_9(catalog) -> None:
    assert set(catalog.get("openai/gpt-image-1").aspects) == {"square", "portrait", "landscape"}
    assert set(catalog.get("openai/dall-e-3").aspects) == set(ASPECTS)


def test_gpt_image_options_and_their_rule(catalog) -> None:
    plan = catalog.plan(
        "fox",
        model_id="openai/gpt-image-1",
        extra={"background": "transparent", "output_format": "webp"},
    )
    assert plan.extra == {"background": "transparent", "output_format": "webp"}
    assert catalog.plan("fox", model_id="openai/gpt-image-1").extra == {
        "background": "auto",
        "output_format": "png",
    }


def test_request_options_survive_json() -> None:
    options = RequestOptions(
        "openai/gpt-image-1", None, "portrait", "low", 2, {"background": "opaque"}
    )
    assert RequestOptions.from_json(options.to_json()) == options
    assert RequestOptions.from_json("{}") == RequestOptions()


def test_a_plans_options_ask_for_the_same_again(catalog) -> None:
    plan = catalog.plan("fox", model_id="flux/flux-1-pro", aspect="wide")
    again = catalog.plan_options("fox", plan.options)
    assert (again.model, again.size, again.quality, again.extra) == (
        plan.model,
        plan.size,
        plan.quality,
        plan.extra,
    )


def test_extra_rules_must_name_the_models_options(tmp_path: Path) -> None:
    path = tmp_path / "models.toml"
    path.write_text(
        default_catalog_text().replace(
            'allow = { output_format = ["png", "webp"] }', 'allow = { format = ["png"] }'
        )
    )
    with pytest.raises(CatalogError, match="extra_rules names 'format'"):
        load_catalog(path)


def test_prompt_length_is_per_model(catalog) -> None:
    long_prompt = "x" * 4001
    assert "4,001 characters" in refusal_of(catalog, long_prompt)
    assert catalog.plan(long_prompt, model_id="openai/gpt-image-1").prompt == long_prompt
    assert "empty" in refusal_of(catalog, "   ")


def test_flux_takes_custom_sizes_on_its_grid(catalog) -> None:
    plan = catalog.plan("fox", model_id="flux/flux-1-pro", size="512x768")
    assert plan.size == "512x768"
    assert plan.quality is None
    assert plan.credits == 2


def test_models_file_adds_a_model_without_code(tmp_path: Path) -> None:
    extra = """
[[models]]
id = "acme/tiny"
name = "Tiny"
sizes = ["256x256"]
max_prompt_length = 100
costs."256x256" = { "*" = 1 }
"""
    path = tmp_path / "models.toml"
    path.write_text(default_catalog_text() + extra)
    catalog = load_catalog(path)
    plan = catalog.plan("fox", model_id="acme/tiny")
    assert plan.credits == 1
    assert plan.quality is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("default_model = [", "not valid TOML"),
        ('default_model = "x"\nmodels = []', "invalid at models"),
        (
            'default_model = "a"\n[[models]]\nid = "a"\nname = "A"\nsizes = ["1024x1024"]\n'
            'qualities = ["hd"]\nmax_prompt_length = 10\ncosts."1024x1024" = { standard = 1 }',
            "no cost for size 1024x1024, quality hd",
        ),
        (
            'default_model = "b"\n[[models]]\nid = "a"\nname = "A"\nsizes = ["1024x1024"]\n'
            'max_prompt_length = 10\ncosts."*" = { "*" = 1 }',
            "default_model 'b' is not among the models",
        ),
    ],
)
def test_bad_models_file_gives_a_clear_error(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "models.toml"
    path.write_text(text)
    with pytest.raises(CatalogError, match=expected) as caught:
        load_catalog(path)
    assert str(path) in str(caught.value)


def test_missing_models_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read models file"):
        load_catalog(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    "prompt",
    [
        "\u200b",  # zero-width space
        "\u2060",  # word joiner
        "\ufeff",  # byte order mark
        "\u202e",  # right-to-left override
        "\u200b\u3000\u2028\u00a0\u200d\u2029 \t",  # format characters among separators
    ],
)
def test_a_prompt_of_invisible_characters_is_empty(catalog, prompt: str) -> None:
    assert "empty" in refusal_of(catalog, prompt)


def test_invisible_characters_inside_a_prompt_are_kept(catalog) -> None:
    """Only the emptiness check looks through them: a ZWJ emoji sequence means something."""
    family = "a family \U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert catalog.plan(f" {family} ").prompt == family


def test_a_models_file_that_is_not_utf8_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "models.toml"
    path.write_bytes('default_model = "caf\u00e9"\n'.encode("latin-1"))
    with pytest.raises(CatalogError, match="is not UTF-8 text") as caught:
        load_catalog(path)
    assert str(path) in str(caught.value)


TINY_EDITOR = """
[[models]]
id = "acme/editor"
name = "Editor"
sizes = ["256x256"]
max_prompt_length = 100
costs."256x256" = { "*" = 1 }
edits = true
edit_costs."256x256" = { "*" = 3 }
"""


def test_edits_are_declared_and_only_gpt_image_1_declares_them(catalog) -> None:
    assert [m.id for m in catalog.models if m.edits] == ["openai/gpt-image-1"]
    model = catalog.edit_model(None, 16, mask=True)
    assert model.id == "openai/gpt-image-1"
    assert model.edit_costs is None  # an edit costs what a generation costs
    for model_id, inputs, mask, expected in [
        ("openai/dall-e-3", 1, False, "DALL·E 3 cannot edit images"),
        ("flux/flux-1-pro", 1, False, "FLUX.1 [pro] cannot edit images"),
        ("openai/gpt-image-1", 17, False, "at most 16 images at once; you gave 17"),
    ]:
        with pytest.raises(RequestRejected) as raised:
            catalog.edit_model(model_id, inputs, mask=mask)
        assert expected in rejection(ENGLISH, raised.value)


def test_edit_costs_price_an_edit_apart_from_a_generation(tmp_path: Path) -> None:
    path = tmp_path / "models.toml"
    path.write_text(default_catalog_text() + TINY_EDITOR)
    catalog = load_catalog(path)
    image = EditInput(b"png", "png", 256, 256)
    edit = catalog.plan_edit("a hat", (image,), model_id="acme/editor", n=1)
    assert (edit.kind, edit.credits) == ("edit", 3)
    assert catalog.plan("a hat", model_id="acme/editor").credits == 1
    with pytest.raises(RequestRejected) as raised:
        catalog.plan_edit("a hat", (image,), model_id="acme/editor", mask=image)
    assert rejection(ENGLISH, raised.value) == "Editor takes no mask. Nothing was spent."


def test_edit_costs_without_edits_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "models.toml"
    path.write_text(default_catalog_text() + TINY_EDITOR.replace("edits = true\n", ""))
    with pytest.raises(CatalogError, match="edit_costs needs edits = true"):
        load_catalog(path)


def test_a_lone_surrogate_is_dropped_and_hides_nothing(catalog) -> None:
    planned = catalog.plan("n\udcffude \ud83d fox")
    assert planned.prompt == "nude  fox"  # the store and the gateway's JSON take it
    found = find_blocked(planned.prompt, ["nude"])  # and so does the matcher
    assert found is not None
    assert found.quoted == "nude"
