"""Reading and writing bundle files: YAML 1.2 (so ``NO`` stays Norway) or JSON."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from .errors import BundleLoadError

# Plain scalars that a YAML 1.1 reader (PyYAML and friends) would not read back as text:
# booleans, nulls, numbers, dates and times. Written quoted so any reader gets the same text.
YAML11_SPECIAL = re.compile(
    r"""(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
        |~|null|Null|NULL
        |[-+]?[0-9][0-9_,:.eE+-]*
        |[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)
        |\.[0-9_]+(?:[eE][-+]?[0-9]+)?
        |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt\s].*)?
        |0[box][0-9a-fA-F_]+)""",
    re.VERBOSE,
)
# Keys whose values are codes that must always read back as text.
QUOTED_KEYS = {"country", "countries", "code"}


def _load_error(message: str) -> BundleLoadError:
    return BundleLoadError("bundle", message=message)


def load_bundle_file(path: str | Path) -> dict:
    """Read a bundle file (``.json`` is read as JSON, anything else as YAML 1.2)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _load_error(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _load_error(f"the file is not UTF-8 text (byte {exc.start})") from None
    return parse_bundle_text(text, filename=path.name)


def parse_bundle_text(text: str, filename: str = "bundle.yaml") -> dict:
    """Parse bundle text; JSON when the name ends in ``.json`` or the text starts with ``{``."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise _load_error("the file is empty")
    if filename.lower().endswith(".json"):
        data = _parse_json(text)
    elif text.lstrip().startswith("{"):
        try:
            data = _parse_json(text)
        except BundleLoadError:
            data = _parse_yaml(text)
    else:
        data = _parse_yaml(text)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else type(data).__name__
        raise _load_error(f"expected a mapping with format, province and sections at the top level, got {kind}")
    return data


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    data: dict = {}
    for key, value in pairs:
        if key in data:
            raise ValueError(f"duplicate key {key!r}")
        data[key] = value
    return data


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicates)
    except json.JSONDecodeError as exc:
        raise _load_error(f"broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except ValueError as exc:
        raise _load_error(f"broken JSON: {exc}") from None


class _Constructor(SafeConstructor):
    """Safe constructor that leaves an impossible unquoted date (``2024-02-30``) as text, so the
    record's date field reports it as a malformed date instead of the whole file failing."""

    def construct_yaml_timestamp(self, node, values=None):
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _yaml_reader() -> YAML:
    # The safe loader of ruamel reads YAML 1.2 by default: yes/no/on/off stay text.
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _Constructor
    return yaml


def _parse_yaml(text: str) -> Any:
    try:
        return _yaml_reader().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc).splitlines()[0]
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise _load_error(f"broken YAML{where}: {problem}") from None
    except (ValueError, TypeError) as exc:
        raise _load_error(f"broken YAML: {exc}") from None


# --- writing ----------------------------------------------------------------------------------


def _literal_ok(text: str) -> bool:
    """A multi-line text that a literal block (``|``) gives back unchanged."""
    if "\n" not in text or any(ch in text for ch in "\r\t\x85\u2028\u2029\ufeff"):
        return False
    if text[0] in " \n" or text.endswith("\n\n") or text.endswith(" "):
        return False
    lines = text.split("\n")
    return all(line == line.rstrip() for line in lines) and all(ch.isprintable() or ch == "\n" for ch in text)


def _yaml_value(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _yaml_value(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_yaml_value(v, key) for v in value]
        if value and all(isinstance(v, str) for v in value) and all("\n" not in v for v in value):
            seq = CommentedSeq(items)
            seq.fa.set_flow_style()
            return seq
        return items
    if isinstance(value, str):
        if key in QUOTED_KEYS or YAML11_SPECIAL.fullmatch(value) or value == "":
            return DoubleQuotedScalarString(value)
        if _literal_ok(value):
            return LiteralScalarString(value)
    return value


def dump_bundle(data: dict, fmt: str = "yaml") -> str:
    """Bundle data as YAML 1.2 (``fmt="yaml"``) or JSON text; both read back identically."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump(_yaml_value(data), out)
    return out.getvalue()


def write_bundle_file(data: dict, path: str | Path) -> None:
    """Write a bundle: JSON when the path ends in ``.json``, otherwise YAML."""
    path = Path(path)
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    path.write_text(dump_bundle(data, fmt), encoding="utf-8")
