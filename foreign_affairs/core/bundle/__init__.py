"""Data bundles: how a province's records move in and out of the register (DESIGN §4).

A bundle is one YAML or JSON file (``format: fa-bundle/1``) with optional sections of records
keyed by ``ref``; docs/bundle-format.md describes every field. Spreadsheets (CSV/XLSX) of one
section go through the same checks (``tabular``).
"""

from .errors import BundleError, BundleLoadError, ImportResult
from .exporter import export_bundle
from .importer import import_bundle
from .io import dump_bundle, load_bundle_file, parse_bundle_text, write_bundle_file
from .sections import FORMAT, SECTIONS

__all__ = [
    "FORMAT",
    "SECTIONS",
    "BundleError",
    "BundleLoadError",
    "ImportResult",
    "dump_bundle",
    "export_bundle",
    "import_bundle",
    "load_bundle_file",
    "parse_bundle_text",
    "write_bundle_file",
]
