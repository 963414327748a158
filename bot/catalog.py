"""The model catalog: which models exist, what each accepts, and what an image costs.

The facts live in a TOML file (the default ships in the package; `MODELS_FILE` overrides it) so
an admin can add a model without code. Every request is checked here before anything is spent
or sent: a request the catalog refuses never reaches the image API.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import asdict, dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.text import is_blank, not_utf8, without_lone_surrogates

if TYPE_CHECKING:
    from bot.defaults import DefaultsUsed

ANY = "*"
EditFormat = Literal["png", "jpeg", "webp"]
_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


class CatalogError(Exception):
    """The catalog file is missing or malformed; the message says where."""


class RequestRejected(Exception):
    """A member asked for something the model does not allow; each subclass is one kind.

    Data only: the presenters word it for the member.
    """


class SizeRange(BaseModel):
    """Free-form `WxH` sizes a model accepts beyond its listed ones (FLUX takes any such size)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min: int = Field(gt=0)
    max: int = Field(gt=0)
    multiple_of: int = Field(1, gt=0)

    def allows(self, width: int, height: int) -> bool:
        return all(
            self.min <= side <= self.max and side % self.multiple_of == 0
            for side in (width, height)
        )


class ExtraRule(BaseModel):
    """One option's value narrows another's: `when` background is transparent, `allow` only
    png or webp as output_format (the API refuses the other combinations)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    when: dict[str, str] = Field(min_length=1, max_length=1)
    allow: dict[str, list[str]] = Field(min_length=1, max_length=1)


# Aspect name -> width:height. square, portrait and landscape map to every model's nearest size
# of that orientation; wide and tall only where a size is close to 16:9 (`_WIDE_TOLERANCE`).
ASPECTS: dict[str, tuple[int, int]] = {
    "square": (1, 1),
    "portrait": (2, 3),
    "landscape": (3, 2),
    "tall": (9, 16),
    "wide": (16, 9),
}
_STRICT_ASPECTS = {"tall", "wide"}
_WIDE_TOLERANCE = 0.05  # |ln(size ratio / aspect ratio)|: 1792x1024 is wide, 1536x1024 is not


class ModelSpec(BaseModel):
    """One model's rules and prices, as the catalog file states them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=100, pattern=r"^\S+$")
    name: str = Field(min_length=1, max_length=100)
    sizes: list[str] = Field(min_length=1, max_length=25)
    custom_size: SizeRange | None = None
    qualities: list[str] = Field(default_factory=list, max_length=25)
    max_n: int = Field(1, ge=1, le=10)
    max_prompt_length: int = Field(gt=0, le=100_000)
    response_format: Literal["b64_json", "url"] | None = None
    extra_params: dict[str, list[str]] = Field(default_factory=dict)
    extra_rules: list[ExtraRule] = Field(default_factory=list)
    costs: dict[str, dict[str, int]]
    # Edits (`POST /images/edits`) are a declared capability, never assumed: a gateway may
    # document only generations. `edit_costs` prices an edit; without it an edit costs what a
    # generation of the same size and quality costs.
    edits: bool = False
    edit_max_images: int = Field(1, ge=1, le=16)
    edit_formats: list[EditFormat] = Field(default_factory=lambda: list[EditFormat](["png"]))
    edit_mask: bool = False
    edit_costs: dict[str, dict[str, int]] | None = None

    @model_validator(mode="after")
    def _check_consistency(self) -> ModelSpec:
        for size in self.sizes:
            if size != "auto" and not _SIZE.match(size):
                raise ValueError(f"size {size!r} is not WxH or 'auto'")
        if self.custom_size and ANY not in self.costs:
            raise ValueError('custom_size needs a "*" entry in costs')
        for size in self.sizes:
            for quality in self.qualities or [ANY]:
                self.cost_of(size, quality)  # raises when a combination has no price
        for values in self.costs.values():
            if any(credits < 1 for credits in values.values()):
                raise ValueError("costs must be at least 1 credit")
        for name, allowed in self.extra_params.items():
            if not allowed:
                raise ValueError(f"extra_params.{name} lists no values")
        if self.edit_costs is not None:
            if not self.edits:
                raise ValueError("edit_costs needs edits = true")
            for size in self.sizes:
                for quality in self.qualities or [ANY]:
                    self.cost_of(size, quality, edit=True)
        for rule in self.extra_rules:
            for name in [*rule.when, *rule.allow]:
                if name not in self.extra_params:
                    raise ValueError(f"extra_rules names {name!r}, not among extra_params")
        return self

    @property
    def default_size(self) -> str:
        return self.sizes[0]

    def cost_of(self, size: str, quality: str | None, *, edit: bool = False) -> int:
        """Credits for one image of this size and quality (an edit: `edit_costs` if set)."""
        costs = self.edit_costs if edit and self.edit_costs is not None else self.costs
        by_quality = costs.get(size) or costs.get(ANY)
        if by_quality is None:
            raise ValueError(f"no cost for size {size}")
        credits = by_quality.get(quality or ANY, by_quality.get(ANY))
        if credits is None:
            raise ValueError(f"no cost for size {size}, quality {quality}")
        return credits

    def allows_size(self, size: str) -> bool:
        if size in self.sizes:
            return True
        match = _SIZE.match(size)
        if match is None or self.custom_size is None:
            return False
        return self.custom_size.allows(int(match[1]), int(match[2]))

    @property
    def aspects(self) -> dict[str, str]:
        """Each aspect this model can draw, and the size it is sent as."""
        found = {name: _size_for(self, name) for name in ASPECTS}
        return {name: size for name, size in found.items() if size is not None}


def _ratio(size: str) -> float | None:
    match = _SIZE.match(size)
    return None if match is None else int(match[1]) / int(match[2])


def _size_for(model: ModelSpec, aspect: str) -> str | None:
    """The model's nearest size to an aspect: a custom size of about the default's area where
    the model takes any (FLUX), else the closest listed size of the same orientation."""
    width, height = ASPECTS[aspect]
    target = width / height
    default = _ratio(model.default_size)
    custom = model.custom_size
    if custom is not None and default is not None:
        w, h = (int(side) for side in model.default_size.split("x"))
        area = w * h

        def fit(side: float) -> int:
            stepped = round(side / custom.multiple_of) * custom.multiple_of
            return min(max(stepped, custom.min), custom.max)

        size = f"{fit(math.sqrt(area * target))}x{fit(math.sqrt(area / target))}"
        if model.allows_size(size):
            return size
    best: tuple[float, str] | None = None
    for size in model.sizes:
        ratio = _ratio(size)
        if ratio is None or (ratio > 1) != (target > 1) or (ratio < 1) != (target < 1):
            continue
        distance = abs(math.log(ratio / target))
        if best is None or distance < best[0]:
            best = (distance, size)
    if best is None or (aspect in _STRICT_ASPECTS and best[0] > _WIDE_TOLERANCE):
        return None
    return best[1]


# eq=False: an exception compares and hashes by identity, as logging and tracebacks expect.
@dataclass(eq=False)
class UnknownModel(RequestRejected):
    model_id: str
    known: tuple[str, ...]


@dataclass(eq=False)
class EmptyPrompt(RequestRejected):
    pass


@dataclass(eq=False)
class PromptTooLong(RequestRejected):
    model: ModelSpec
    length: int


@dataclass(eq=False)
class SizeNotOffered(RequestRejected):
    model: ModelSpec
    size: str


@dataclass(eq=False)
class TooManyImages(RequestRejected):
    model: ModelSpec


@dataclass(eq=False)
class NoSuchOption(RequestRejected):
    """The model has no such option at all (quality on FLUX)."""

    model: ModelSpec
    option: str


@dataclass(eq=False)
class ValueNotOffered(RequestRejected):
    model: ModelSpec
    option: str
    value: str
    allowed: tuple[str, ...]


@dataclass(eq=False)
class UnknownOptions(RequestRejected):
    model: ModelSpec
    options: tuple[str, ...]


@dataclass(eq=False)
class EditsNotOffered(RequestRejected):
    """The model does not declare edits: it is never offered for them."""

    model: ModelSpec


@dataclass(eq=False)
class TooManyInputs(RequestRejected):
    model: ModelSpec
    count: int


@dataclass(eq=False)
class MaskNotOffered(RequestRejected):
    model: ModelSpec


@dataclass(frozen=True)
class EditInput:
    """One image sent to `/images/edits`, checked and normalised (see `bot.edit_inputs`)."""

    data: bytes
    format: str  # png, jpeg or webp, from the bytes
    width: int
    height: int

    @property
    def filename(self) -> str:
        return f"image.{self.format}"


@dataclass(eq=False)
class AspectSizeConflict(RequestRejected):
    """Both an aspect and a size were given, and the aspect's size is another one."""

    model: ModelSpec
    aspect: str
    aspect_size: str
    size: str


@dataclass(eq=False)
class ExtraConflict(RequestRejected):
    """One option's value rules out another's (transparent background as jpeg)."""

    model: ModelSpec
    when_option: str
    when_value: str
    option: str
    value: str
    allowed: tuple[str, ...]


@dataclass(frozen=True)
class RequestOptions:
    """Everything about a request but its prompt, as the member (or a default) chose it.

    One serialisable value: Re-roll, Remix, defaults and the ledger all carry it as JSON.
    None (or an absent extra) means "not chosen": the catalog's default applies.
    """

    model: str | None = None
    size: str | None = None
    aspect: str | None = None
    quality: str | None = None
    n: int = 1
    extra: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> RequestOptions:
        data = json.loads(text)
        return cls(
            model=data.get("model"),
            size=data.get("size"),
            aspect=data.get("aspect"),
            quality=data.get("quality"),
            n=int(data.get("n", 1)),
            extra={str(k): str(v) for k, v in (data.get("extra") or {}).items()},
        )


@dataclass(frozen=True)
class PlannedRequest:
    """A request the catalog accepted, with its defaults filled in and its price known.

    An edit carries its input images (and mask); a generation carries none.
    """

    model: ModelSpec
    prompt: str
    n: int
    size: str
    quality: str | None
    extra: dict[str, str] = field(default_factory=dict)
    images: tuple[EditInput, ...] = ()
    mask: EditInput | None = None
    defaults: DefaultsUsed | None = None  # which member or server defaults shaped it

    @property
    def kind(self) -> Literal["generation", "edit"]:
        return "edit" if self.images else "generation"

    @property
    def credits_per_image(self) -> int:
        return self.model.cost_of(self.size, self.quality, edit=bool(self.images))

    @property
    def options(self) -> RequestOptions:
        """What this plan sends, as options: running them again asks for the same thing."""
        return RequestOptions(self.model.id, self.size, None, self.quality, self.n, self.extra)

    @property
    def credits(self) -> int:
        return self.n * self.credits_per_image


class Catalog(BaseModel):
    """All models, keyed by id, with the one used when a member picks none."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default_model: str
    models: list[ModelSpec] = Field(min_length=1, max_length=25)

    @model_validator(mode="after")
    def _check_ids(self) -> Catalog:
        ids = [model.id for model in self.models]
        duplicates = sorted({model_id for model_id in ids if ids.count(model_id) > 1})
        if duplicates:
            raise ValueError(f"duplicate model ids: {', '.join(duplicates)}")
        if self.default_model not in ids:
            raise ValueError(f"default_model {self.default_model!r} is not among the models")
        return self

    def get(self, model_id: str) -> ModelSpec | None:
        return next((model for model in self.models if model.id == model_id), None)

    def plan(
        self,
        prompt: str,
        *,
        model_id: str | None = None,
        size: str | None = None,
        quality: str | None = None,
        n: int = 1,
        extra: dict[str, str] | None = None,
        aspect: str | None = None,
    ) -> PlannedRequest:
        """Check a member's request against the model's rules; raise `RequestRejected` if not.

        An aspect becomes the model's size for it; a size given too must be that one.
        """
        wanted = model_id or self.default_model
        model = self.get(wanted)
        if model is None:
            raise UnknownModel(wanted, tuple(m.id for m in self.models))
        prompt = without_lone_surrogates(prompt).strip()
        if is_blank(prompt):
            raise EmptyPrompt()
        if len(prompt) > model.max_prompt_length:
            raise PromptTooLong(model, len(prompt))
        if aspect is not None:
            aspects = model.aspects
            if aspect not in aspects:
                raise ValueNotOffered(model, "aspect", aspect, tuple(aspects))
            if size is not None and size != aspects[aspect]:
                raise AspectSizeConflict(model, aspect, aspects[aspect], size)
            size = aspects[aspect]
        size = size or model.default_size
        if not model.allows_size(size):
            raise SizeNotOffered(model, size)
        quality = _check_choice(model, "quality", quality, model.qualities)
        if not 1 <= n <= model.max_n:
            raise TooManyImages(model)
        checked_extra: dict[str, str] = {}
        for name, allowed in model.extra_params.items():
            checked_extra[name] = _check_choice(model, name, (extra or {}).get(name), allowed) or ""
        unknown = set(extra or {}) - set(model.extra_params)
        if unknown:
            raise UnknownOptions(model, tuple(sorted(unknown)))
        _check_rules(model, checked_extra)
        return PlannedRequest(model, prompt, n, size, quality, checked_extra)

    def edit_model(self, model_id: str | None, inputs: int, *, mask: bool) -> ModelSpec:
        """The model an edit uses (the default, else the first model that edits), checked for
        the number of inputs and the mask before anything is downloaded."""
        if model_id is None:
            default = self.get(self.default_model)
            model = default if default and default.edits else None
            model = model or next((m for m in self.models if m.edits), None)
            if model is None:
                raise EditsNotOffered(self.get(self.default_model) or self.models[0])
        else:
            found = self.get(model_id)
            if found is None:
                raise UnknownModel(model_id, tuple(m.id for m in self.models))
            model = found
        if not model.edits:
            raise EditsNotOffered(model)
        if inputs > model.edit_max_images:
            raise TooManyInputs(model, inputs)
        if mask and not model.edit_mask:
            raise MaskNotOffered(model)
        return model

    def plan_edit(
        self,
        prompt: str,
        images: tuple[EditInput, ...],
        *,
        model_id: str,
        mask: EditInput | None = None,
        size: str | None = None,
        quality: str | None = None,
        n: int = 1,
        extra: dict[str, str] | None = None,
    ) -> PlannedRequest:
        """An edit: the generation rules (the model's own options too, such as gpt-image-1's
        background and output_format), plus the model's edit capability and its inputs."""
        model = self.edit_model(model_id, len(images), mask=mask is not None)
        plan = self.plan(prompt, model_id=model.id, size=size, quality=quality, n=n, extra=extra)
        return replace(plan, images=images, mask=mask)

    def plan_options(self, prompt: str, options: RequestOptions) -> PlannedRequest:
        """`plan` for options carried as one value (a Re-roll, a Remix, a default)."""
        return self.plan(
            prompt,
            model_id=options.model,
            size=options.size,
            quality=options.quality,
            n=options.n,
            extra=options.extra,
            aspect=options.aspect,
        )


def _check_rules(model: ModelSpec, extra: dict[str, str]) -> None:
    for rule in model.extra_rules:
        ((name, value),) = rule.when.items()
        ((option, allowed),) = rule.allow.items()
        if extra.get(name) == value and extra.get(option) not in allowed:
            raise ExtraConflict(model, name, value, option, extra[option], tuple(allowed))


def _check_choice(model: ModelSpec, what: str, value: str | None, allowed: list[str]) -> str | None:
    """Default an omitted choice to the first allowed one; refuse one the model does not take."""
    if not allowed:
        if value:
            raise NoSuchOption(model, what)
        return None
    if value is None:
        return allowed[0]
    if value not in allowed:
        raise ValueNotOffered(model, what, value, tuple(allowed))
    return value


def default_catalog_text() -> str:
    return resources.files("bot").joinpath("data/models.toml").read_text(encoding="utf-8")


def load_catalog(path: Path | None = None) -> Catalog:
    """Load and validate the catalog: `path` when given (MODELS_FILE), else the packaged one."""
    where = str(path) if path else "the built-in catalog"
    try:
        text = path.read_text(encoding="utf-8") if path else default_catalog_text()
        return Catalog.model_validate(tomllib.loads(text))
    except OSError as error:
        raise CatalogError(f"cannot read models file {where}: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise CatalogError(f"models file {where} {not_utf8(error)}") from None
    except tomllib.TOMLDecodeError as error:
        raise CatalogError(f"models file {where} is not valid TOML: {error}") from None
    except ValidationError as error:
        first = error.errors(include_input=False, include_url=False)[0]
        location = ".".join(str(part) for part in first["loc"]) or "top level"
        raise CatalogError(
            f"models file {where} is invalid at {location}: {first['msg']}"
        ) from None
