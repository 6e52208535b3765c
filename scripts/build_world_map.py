"""Build the dashboard's offline world map (foreign_affairs/static/vendor/world-map/world-110m.svg)
from Natural Earth's 1:110m Admin 0 countries, as redistributed in the world-atlas package
(countries-110m.json, TopoJSON in degrees; Natural Earth is in the public domain).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_map.py package/countries-110m.json package/countries-50m.json

Each country becomes one <path id="XX" data-name="…"> with its ISO 3166-1 alpha-2 code (from
the numeric code via pycountry; the few Natural Earth shapes without a code, such as Kosovo or
Northern Cyprus, get a short stable id of their own). Countries too small for the 1:110m set
(Singapore, Bahrain, Malta, the island states) are taken from the 1:50m set and carry
``data-x``/``data-y``, the centre of their box, so the page can mark them with a dot. Projection:
Natural Earth I (the formula of d3-geo's geoNaturalEarth1), Antarctica left out, coordinates
rounded to 0.1 of the 1000-wide box.
Run only when the source data changes; the app reads the SVG, never the network.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "foreign_affairs" / "static" / "vendor" / "world-map" / "world-110m.svg"
WIDTH = 1000.0
# Shapes Natural Earth draws without an ISO numeric code: user-assigned codes the office can use.
UNCODED = {"Kosovo": "XK", "N. Cyprus": "XC", "Somaliland": "XS"}
# Numeric codes pycountry lacks or Natural Earth uses differently.
NUMERIC_FIX = {"-99": None}
SKIP = {"010"}  # Antarctica: takes a fifth of the map and holds no partners


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def country_paths(topology: dict, project) -> list[tuple[str, str, str, tuple[float, float, float, float]]]:
    """(code, name, path data, box) for every country of a topology with a code."""
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        name = geometry["properties"]["name"]
        if numeric in SKIP or "arcs" not in geometry:
            continue
        code = None
        if numeric and numeric not in NUMERIC_FIX:
            country = pycountry.countries.get(numeric=numeric)
            code = country.alpha_2 if country else None
        code = code or UNCODED.get(name)
        if not code:
            print(f"skipped (no code): {name}", file=sys.stderr)
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        d = []
        xs: list[float] = []
        ys: list[float] = []
        for polygon in polygons:
            for indexes in polygon:
                compact: list[tuple[float, float]] = []
                for lon, lat in unwrap(ring(arcs, indexes)):
                    x, y = project(lon, lat)
                    point = (round(x, 1), round(y, 1))
                    if not compact or compact[-1] != point:
                        compact.append(point)
                if len(compact) < 3:
                    continue
                xs += [x for x, _y in compact]
                ys += [y for _x, y in compact]
                first, *rest = compact
                d.append(f"M{first[0]:g},{first[1]:g}" + "".join(f"L{x:g},{y:g}" for x, y in rest) + "Z")
        if d:
            paths.append((code, name, "".join(d), (min(xs), min(ys), max(xs), max(ys))))
    return paths


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia's far east, Fiji) jumps from 180° to -180°:
    move its points to the side where most of it lies and clamp at the edge, which is where a
    clip at ±180° would put them."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in zip(points, points[1:], strict=False)):
        return points
    east = sum(1 for lon, _lat in points if lon > 0) >= len(points) / 2
    moved = [((lon + 360 if east and lon < 0 else lon - 360 if not east and lon > 0 else lon), lat)
             for lon, lat in points]
    return [(max(-180.0, min(180.0, lon)), lat) for lon, lat in moved]


def main(source: str, small_source: str) -> None:
    # Natural Earth I spans x in ±0.8707π; the box keeps latitudes -60°..84°.
    x_max = 0.8707 * math.pi
    _x, y_top = natural_earth(0, 84)
    _x, y_bottom = natural_earth(0, -60)
    scale = WIDTH / (2 * x_max)
    height = (y_top - y_bottom) * scale

    def project(lon, lat):
        x, y = natural_earth(lon, max(lat, -60))
        return (x + x_max) * scale, (y_top - y) * scale

    main_paths = country_paths(json.loads(Path(source).read_text()), project)
    drawn = {code for code, *_rest in main_paths}
    small = [row for row in country_paths(json.loads(Path(small_source).read_text()), project)
             if row[0] not in drawn]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {round(height, 1):g}">',
        "<!-- Natural Earth 1:110m and (small countries) 1:50m Admin 0 countries (public domain),"
        " via world-atlas 2.0.2 (ISC); built by scripts/build_world_map.py -->",
    ]
    for code, name, d, _box in sorted(main_paths):
        lines.append(f'<path id="{code}" data-name="{name}" d="{d}"/>')
    for code, name, d, (x0, y0, x1, y1) in sorted(small):
        cx, cy = round((x0 + x1) / 2, 1), round((y0 + y1) / 2, 1)
        lines.append(f'<path id="{code}" data-name="{name}" data-x="{cx:g}" data-y="{cy:g}" d="{d}"/>')
    lines.append("</svg>")
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{OUT}: {len(main_paths)} countries, {len(small)} small ones, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
