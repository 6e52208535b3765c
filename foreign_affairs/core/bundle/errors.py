"""What an import reports back: one line per problem, and the counts of what it did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=True)
class BundleError(Exception):
    """One problem in a bundle or spreadsheet, printed as ``section[index] (ref): field: message``.

    ``index`` is the record's position in its section (0-based) or, for spreadsheets, a
    ``"row N"`` label. Problems with the whole file or a whole section have no index and print
    as ``section: message`` (``format: …``, ``bundle: …``, ``partners: …``).
    """

    section: str
    index: int | str | None = None
    ref: str | None = None
    field: str | None = None
    message: str = ""

    __hash__ = Exception.__hash__

    def __post_init__(self) -> None:
        Exception.__init__(self, str(self))

    def __str__(self) -> str:
        if self.index is None:
            prefix = self.section
            return f"{prefix}: {self.field}: {self.message}" if self.field else f"{prefix}: {self.message}"
        return f"{self.section}[{self.index}] ({self.ref or '-'}): {self.field or '-'}: {self.message}"


class BundleLoadError(BundleError):
    """The file is not readable YAML or JSON (the message carries the line and column)."""


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do), per section.

    ``updated`` counts every record matched by ref; ``unchanged`` says how many of those already
    held exactly what the bundle says (they are not written, so they get no history entry).
    """

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    errors: list[BundleError] = field(default_factory=list)
    unchanged: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary_lines(self) -> list[str]:
        verb = ("would create", "would update") if self.dry_run else ("created", "updated")
        lines = []
        for section in self.created:
            line = f"{section}: {self.created[section]} {verb[0]}, {self.updated.get(section, 0)} {verb[1]}"
            if self.unchanged.get(section):
                line += f" ({self.unchanged[section]} unchanged)"
            lines.append(line)
        return lines
