"""Export the register as a bundle: every record of the chosen sections, ordered by ref."""

from __future__ import annotations

from collections.abc import Iterable

from .province import province_block
from .sections import FORMAT, PERSONAL_FIELDS, PERSONAL_LISTS, PERSONAL_SECTIONS, SECTIONS, section_specs


def export_bundle(*, sections: Iterable[str] | None = None, personal_data: bool = True) -> dict:
    """The register as bundle data (JSON-ready: dates are ISO strings, money whole numbers).

    Empty optional values are left out. ``personal_data=False`` leaves the members' passport
    numbers and dates of birth and the press visits' reporters out (such a bundle is for reading:
    importing it back clears them), and the consular cases and the experts' network altogether
    (a bundle with ``consular_cases`` or ``experts`` carries personal data).
    """
    specs = section_specs()
    chosen = list(SECTIONS) if sections is None else list(sections)
    unknown = [name for name in chosen if name not in specs]
    if unknown:
        raise ValueError(f"unknown section(s): {', '.join(unknown)}; expected some of {', '.join(SECTIONS)}")
    data: dict = {"format": FORMAT, "province": province_block()}
    for name in SECTIONS:
        if name not in chosen or (not personal_data and name in PERSONAL_SECTIONS):
            continue
        spec = specs[name]
        records = []
        # Sorted here, not by the database, so the order does not depend on its collation.
        for obj in sorted(spec.queryset(), key=spec.export_key):
            item = spec.dump(spec.snapshot(obj))
            if not personal_data:
                for key in PERSONAL_LISTS:
                    item.pop(key, None)
                for key, personal in PERSONAL_FIELDS.items():
                    for row in item.get(key, []):
                        for field_name in personal:
                            row.pop(field_name, None)
            records.append(item)
        data[name] = records
    return data


def export_queryset(section: str, queryset) -> list[dict]:
    """Bundle records (clean form, every field) for some records of one section."""
    spec = section_specs()[section]
    prefetched = spec.queryset().filter(pk__in=queryset.values("pk"))
    return [spec.snapshot(obj) for obj in sorted(prefetched, key=spec.export_key)]
