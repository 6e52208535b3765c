"""Geometry of the dashboards' charts, drawn by the templates as inline SVG (no script, no chart
library): column charts for an indicator across the years, line charts for several series,
horizontal bars for breakdowns. Every chart sits beside the table of its numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

Number = int | Decimal


def _f(value: Number | None) -> float:
    return float(value or 0)


@dataclass
class Column:
    label: str
    value: Number | None
    x: float
    y: float
    width: float
    height: float
    css: str = ""
    url: str | None = None
    label_x: float = 0.0

    @property
    def value_y(self) -> float:
        return round(self.y - 4, 1)


@dataclass
class ColumnChart:
    width: int
    height: int
    baseline: float
    columns: list[Column]
    has_values: bool

    @property
    def label_y(self) -> float:
        return self.height - 6


def column_chart(points: Sequence[tuple[str, Number | None, str, str | None]], *, width: int = 300,
                 height: int = 150) -> ColumnChart:
    """Columns for (label, value, css class, url) points, scaled to the largest value; room below
    for the labels and above each column for its value. Negative values are drawn as zero."""
    top, bottom, gap = 18.0, 22.0, 0.28
    n = max(len(points), 1)
    slot = width / n
    largest = max((_f(v) for _l, v, _c, _u in points), default=0.0)
    usable = height - top - bottom
    columns = []
    for index, (label, value, css, url) in enumerate(points):
        h = usable * max(_f(value), 0.0) / largest if largest > 0 else 0.0
        x = index * slot + slot * gap / 2
        columns.append(Column(label=label, value=value, x=round(x, 1), y=round(top + usable - h, 1),
                              width=round(slot * (1 - gap), 1), height=round(h, 1), css=css, url=url,
                              label_x=round(index * slot + slot / 2, 1)))
    return ColumnChart(width=width, height=height, baseline=top + usable, columns=columns,
                       has_values=any(v is not None for _l, v, _c, _u in points))


@dataclass
class Series:
    name: str
    css: str
    points: list[tuple[float, float, Number | None]] = field(default_factory=list)

    @property
    def polyline(self) -> str:
        return " ".join(f"{x},{y}" for x, y, v in self.points if v is not None)


@dataclass
class LineChart:
    width: int
    height: int
    baseline: float
    left: float
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, Number]]
    series: list[Series]

    @property
    def tick_x(self) -> float:
        return self.left - 6

    @property
    def label_y(self) -> float:
        return self.height - 6


def _nice_ceiling(value: float) -> int:
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude) if step * magnitude >= 1 else 1
    return int(10 * magnitude)


def line_chart(labels: Sequence[str], series: Sequence[tuple[str, str, Sequence[Number | None]]], *,
               width: int = 640, height: int = 220) -> LineChart:
    """Lines for several series over the same labels (years), with a rounded scale of four ticks."""
    left, right, top, bottom = 40.0, 12.0, 12.0, 26.0
    largest = max((_f(v) for _n, _c, values in series for v in values if v is not None), default=0.0)
    ceiling = _nice_ceiling(largest)
    usable_w, usable_h = width - left - right, height - top - bottom
    n = max(len(labels) - 1, 1)

    def x_at(i: int) -> float:
        return round(left + usable_w * i / n, 1) if len(labels) > 1 else round(left + usable_w / 2, 1)

    def y_at(v: Number | None) -> float:
        return round(top + usable_h * (1 - _f(v) / ceiling), 1)

    drawn = [Series(name=name, css=css, points=[(x_at(i), y_at(v), v) for i, v in enumerate(values)])
             for name, css, values in series]
    ticks = [(y_at(ceiling * k / 4), _tick(ceiling * k / 4)) for k in range(5)]
    return LineChart(width=width, height=height, baseline=top + usable_h, left=left,
                     x_labels=[(x_at(i), label) for i, label in enumerate(labels)], y_ticks=ticks, series=drawn)


def _tick(value: float) -> Number:
    return int(value) if float(value).is_integer() else Decimal(str(round(value, 1)))


@dataclass
class Bar:
    label: str
    value: Number
    percent: float
    url: str | None = None
    extra: Any = None


def bars(rows: Sequence[tuple[str, Number | None, str | None]], *, limit: int | None = None) -> list[Bar]:
    """Horizontal bars for (label, value, url) rows, as a percentage of the largest value."""
    rows = list(rows)[:limit] if limit else list(rows)
    largest = max((_f(v) for _l, v, _u in rows), default=0.0)
    return [Bar(label=label, value=value or 0, percent=round(100 * max(_f(value), 0) / largest, 1) if largest else 0,
                url=url) for label, value, url in rows]
