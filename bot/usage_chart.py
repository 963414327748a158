"""/usage as a picture: credits per UTC day of the period, stacked by model, and the top members.

Drawn with Pillow (already a dependency for fitting images), so a chart costs no new library;
a PNG of a few kB that Discord shows inline under the text table. CPU work: run it in a thread.
It carries no words: Pillow's own font has no Japanese, and the embed around it says what it
shows, in the reader's language (`usage-chart` in the catalogs).
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from PIL import Image, ImageDraw, ImageFont

from bot.quota import UsageReport

WIDTH, HEIGHT = 800, 480
TOP_MEMBERS = 5
BACKGROUND = (43, 45, 49)  # Discord's dark theme, so the chart sits in it
INK = (219, 222, 225)
GRID = (78, 80, 88)
PALETTE = (
    (88, 101, 242),
    (87, 242, 135),
    (254, 231, 92),
    (235, 69, 158),
    (237, 66, 69),
    (52, 152, 219),
    (155, 89, 182),
    (230, 126, 34),
)
OTHER_COLOUR = (149, 165, 166)
# The plot of days; the legend and the members' bars go below it.
PLOT_LEFT, PLOT_TOP, PLOT_RIGHT, PLOT_BOTTOM = 56, 36, WIDTH - 20, 270
LEGEND_TOP = 300
MEMBERS_TOP = 340
ROW = 26


def days_of(report: UsageReport) -> list[date]:
    """Every UTC day of the report's window, first to last."""
    first, end = report.period_start.date(), report.resets_at.date()
    return [first + timedelta(days=i) for i in range((end - first).days)]


def usage_chart(report: UsageReport, model_label: Callable[[str], str]) -> bytes:
    """The report as a PNG: one bar per day (a stack of its models), then the top members."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13)
    colours = _colours([m.model for m in report.by_model])
    _day_bars(draw, font, report, colours)
    _legend(draw, font, colours, model_label)
    _members(draw, font, report)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _colours(models: list[str]) -> dict[str, tuple[int, int, int]]:
    """A colour per model, biggest first; past the palette they share one grey."""
    return {m: PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR for i, m in enumerate(models)}


def _day_bars(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    report: UsageReport,
    colours: dict[str, tuple[int, int, int]],
) -> None:
    days = days_of(report)
    per_day: dict[date, dict[str, int]] = defaultdict(dict)
    for usage in report.by_day:
        per_day[usage.day][usage.model] = usage.credits
    top = max((sum(v.values()) for v in per_day.values()), default=0) or 1
    height = PLOT_BOTTOM - PLOT_TOP
    for value in (0, top):
        y = PLOT_BOTTOM - height * value / top
        draw.line([(PLOT_LEFT, y), (PLOT_RIGHT, y)], fill=GRID)
        draw.text((PLOT_LEFT - 6, y), str(value), fill=INK, font=font, anchor="rm")
    slot = (PLOT_RIGHT - PLOT_LEFT) / len(days)
    bar = max(1.0, slot * 0.7)
    label_every = max(1, round(len(days) / 10))
    for index, day in enumerate(days):
        left = PLOT_LEFT + slot * index + (slot - bar) / 2
        bottom = float(PLOT_BOTTOM)
        for model, colour in colours.items():  # biggest model at the bottom of each stack
            amount = per_day[day].get(model, 0)
            if amount:
                y = bottom - height * amount / top
                draw.rectangle([(left, y), (left + bar - 1, bottom - 1)], fill=colour)
                bottom = y
        if index % label_every == 0:
            centre = left + bar / 2
            draw.text((centre, PLOT_BOTTOM + 4), f"{day:%d}", fill=INK, font=font, anchor="mt")


def _legend(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    colours: dict[str, tuple[int, int, int]],
    model_label: Callable[[str], str],
) -> None:
    x = float(PLOT_LEFT)
    for model, colour in list(colours.items())[: len(PALETTE)]:
        draw.rectangle([(x, LEGEND_TOP), (x + 10, LEGEND_TOP + 10)], fill=colour)
        label = model_label(model)[:28]
        draw.text((x + 14, LEGEND_TOP + 5), label, fill=INK, font=font, anchor="lm")
        x += 14 + draw.textlength(label, font=font) + 18
        if x > PLOT_RIGHT - 100:
            break


def _members(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    report: UsageReport,
) -> None:
    members = report.by_member[:TOP_MEMBERS]
    most = max((m.credits for m in members), default=0) or 1
    label_width = 170
    span = PLOT_RIGHT - PLOT_LEFT - label_width - 50
    for row, member in enumerate(members):
        y = MEMBERS_TOP + row * ROW
        draw.text((PLOT_LEFT, y + 8), str(member.member_id), fill=INK, font=font, anchor="lm")
        left = PLOT_LEFT + label_width
        length = max(1.0, span * member.credits / most)
        draw.rectangle([(left, y), (left + length, y + 16)], fill=PALETTE[0])
        draw.text((left + length + 6, y + 8), str(member.credits), fill=INK, font=font, anchor="lm")
