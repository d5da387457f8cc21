"""The charts on /-/charts: canned query rows shaped into series and drawn as
inline SVG on the server, so that they need no script and no network.

The same queries open in Datasette with datasette-vega, and each chart has a
Vega-Lite spec that reads the query's JSON.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from extract.publish.entries import rows
from extract.publish.formatting import (
    format_month_id,
    format_month_short,
    format_number_id,
    format_rupiah_short,
)
from extract.publish.highlight import format_rupiah
from extract.publish.metadata import canned_query_sql

# Eight colours told apart by most readers (Okabe-Ito order, then grey for "others").
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHERS_COLOUR = "#9CA3AF"
TOP_GROUPS = 6
OTHERS = "others"


@dataclass(frozen=True)
class MonthlyChart:
    """A stacked bar chart of a canned query's `total_idr` per month, one colour per `group`."""

    name: str
    title: str
    query: str
    group: str


MONTHLY_CHARTS = (
    MonthlyChart(
        "payouts-by-programme", "Payouts per month by programme", "payouts_per_month_by_programme", "programme"
    ),
    MonthlyChart("payouts-by-region", "Payouts per month by region", "payouts_per_month_by_region", "region"),
)
COVERAGE_QUERY = "workers_covered_by_region"


@dataclass
class Series:
    months: list[str]
    groups: list[str]  # largest total first, "others" last
    values: dict[str, dict[str, float]]  # group -> month -> value

    def total(self, month: str) -> float:
        return sum(self.values[g].get(month, 0) for g in self.groups)


def month_range(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ("YYYY-MM"), both included: empty months are shown."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def monthly_series(found: list[dict], group: str, value: str = "total_idr", top: int = TOP_GROUPS) -> Series:
    """Rows of (month, group, value) as series: the `top` largest groups, the rest as "others"."""
    found = [r for r in found if r.get("month") and r.get(value) is not None]
    if not found:
        return Series([], [], {})
    totals: dict[str, float] = {}
    for row in found:
        totals[row[group]] = totals.get(row[group], 0) + row[value]
    ranked = sorted(totals, key=lambda g: (-totals[g], g))
    kept = ranked if len(ranked) <= top + 1 else ranked[:top]
    values: dict[str, dict[str, float]] = {}
    for row in found:
        name = row[group] if row[group] in kept else OTHERS
        month = values.setdefault(name, {})
        month[row["month"]] = month.get(row["month"], 0) + row[value]
    groups = kept + ([OTHERS] if OTHERS in values and OTHERS not in kept else [])
    months = sorted(r["month"] for r in found)
    return Series(month_range(months[0], months[-1]), groups, values)


def colours(groups: list[str]) -> dict[str, str]:
    return {g: (OTHERS_COLOUR if g == OTHERS else PALETTE[i % len(PALETTE)]) for i, g in enumerate(groups)}


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round axis values from 0 to at least `top`."""
    if top <= 0:
        return [0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [step * i for i in range(math.ceil(top / step) + 1)]


WIDTH, HEIGHT = 900, 320
LEFT, RIGHT, TOP, BOTTOM = 90, 30, 10, 40


def stacked_bars_svg(
    series: Series,
    title: str,
    short: Callable[[float], str] = format_rupiah_short,
    long: Callable[[float], str] = format_rupiah,
) -> Markup:
    """A stacked bar per month (empty months drawn as a gap), y axis in rupiah."""
    if not series.months:
        return Markup('<p class="chart-empty">Nothing to draw yet.</p>')
    palette = colours(series.groups)
    ticks = nice_ticks(max(series.total(m) for m in series.months))
    scale = (HEIGHT - TOP - BOTTOM) / (ticks[-1] or 1)
    slot = (WIDTH - LEFT - RIGHT) / len(series.months)
    bar = max(1.0, slot * 0.8)
    label_every = max(1, math.ceil(len(series.months) / 14))
    parts = [
        Markup(
            '<div class="chart-scroll"><svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        ).format(WIDTH, HEIGHT, title)
    ]
    for tick in ticks:
        y = HEIGHT - BOTTOM - tick * scale
        parts.append(
            Markup(
                '<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/><text class="y-tick" x="{}" y="{:.1f}">{}</text>'
            ).format(LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, short(tick) if tick else "0")
        )
    for i, month in enumerate(series.months):
        x = LEFT + i * slot + (slot - bar) / 2
        base = HEIGHT - BOTTOM
        for group in series.groups:
            value = series.values[group].get(month, 0)
            if not value:
                continue
            height = value * scale
            base -= height
            parts.append(
                Markup(
                    '<rect class="bar" data-month="{}" data-group="{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"><title>{}, {}: {}</title></rect>'
                ).format(month, group, x, base, bar, height, palette[group], format_month_id(month), group, long(value))
            )
        if i % label_every == 0:
            parts.append(
                Markup('<text class="x-tick" x="{:.1f}" y="{}">{}</text>').format(
                    x + bar / 2, HEIGHT - BOTTOM + 16, format_month_short(month)
                )
            )
    parts.append(Markup("</svg></div>"))
    legend = Markup("").join(
        # An SVG swatch rather than a style attribute, which a strict Content-Security-Policy blocks.
        Markup(
            '<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="{}"/></svg>{}</li>'
        ).format(palette[g], g)
        for g in series.groups
    )
    return Markup("").join(parts) + Markup('<ul class="chart-legend">{}</ul>').format(legend)


def horizontal_bars_svg(items: list[dict], label: str, value: str, note: Callable[[dict], str]) -> Markup:
    """One bar per item, largest first, its value written at its end."""
    if not items:
        return Markup('<p class="chart-empty">Nothing to draw yet.</p>')
    row_height, left, width = 24, 200, WIDTH
    top_value = max(item[value] for item in items) or 1
    height = row_height * len(items) + 10
    parts = [
        Markup(
            '<div class="chart-scroll"><svg class="chart" viewBox="0 0 {} {}" role="img" xmlns="http://www.w3.org/2000/svg">'
        ).format(width, height)
    ]
    for i, item in enumerate(items):
        y = 5 + i * row_height
        length = (width - left - 260) * item[value] / top_value
        parts.append(
            Markup(
                '<text class="y-tick" x="{}" y="{}">{}</text><rect class="bar" x="{}" y="{}" width="{:.1f}" height="{}" fill="{}"><title>{}: {}</title></rect><text class="bar-note" x="{:.1f}" y="{}">{}</text>'
            ).format(
                left - 6,
                y + 15,
                item[label],
                left,
                y + 3,
                max(1.0, length),
                row_height - 6,
                PALETTE[0],
                item[label],
                note(item),
                left + length + 6,
                y + 15,
                note(item),
            )
        )
    parts.append(Markup("</svg></div>"))
    return Markup("").join(parts)


def monthly_chart_data(conn: sqlite3.Connection, chart: MonthlyChart) -> Series:
    return monthly_series(rows(conn, canned_query_sql(chart.query)), chart.group)


def coverage_data(conn: sqlite3.Connection, limit: int = 25) -> list[dict]:
    found = rows(conn, canned_query_sql(COVERAGE_QUERY))[:limit]
    for row in found:
        row["note"] = f"{format_number_id(row['workers'])} {row['category'] or 'workers'} ({row['date'] or 'undated'})"
    return found


def charts_page_data(conn: sqlite3.Connection) -> dict:
    """Every chart of the page, drawn."""
    monthly = []
    for chart in MONTHLY_CHARTS:
        series = monthly_chart_data(conn, chart)
        monthly.append(
            {
                "chart": chart,
                "svg": stacked_bars_svg(series, chart.title),
                "months": len(series.months),
                "vega_hash": datasette_vega_hash(chart),
            }
        )
    coverage = coverage_data(conn)
    return {
        "monthly": monthly,
        "coverage_svg": horizontal_bars_svg(coverage, "region", "workers", lambda row: row["note"]),
    }


def vega_lite_spec(chart: MonthlyChart, data_url: str) -> dict:
    """A Vega-Lite spec drawing `chart` from its query's JSON (`?_shape=array`)."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": chart.title,
        "data": {"url": data_url},
        "mark": "bar",
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": "Month"},
            "y": {"field": "total_idr", "type": "quantitative", "aggregate": "sum", "title": "Rupiah"},
            "color": {"field": chart.group, "type": "nominal", "title": chart.group.capitalize()},
            "tooltip": [
                {"field": "month", "type": "ordinal"},
                {"field": chart.group, "type": "nominal"},
                {"field": "total_idr", "type": "quantitative", "format": ",.0f"},
            ],
        },
    }


def datasette_vega_hash(chart: MonthlyChart) -> str:
    """datasette-vega's chart settings for the query page, as its URL fragment."""
    return (
        "#g.mark=bar&g.x_column=month&g.x_type=ordinal&g.y_column=total_idr&g.y_type=quantitative"
        f"&g.color_column={chart.group}"
    )
