"""Records every msgid looked up in a language's catalogue that the catalogue cannot translate.

Every translation function of Django (gettext, pgettext, ngettext, npgettext, their lazy forms,
``{% translate %}`` and ``{% blocktranslate %}``, model, field and choice labels) ends in the
``gettext`` or ``ngettext`` method of the active ``DjangoTranslation``; a context travels inside
the msgid as ``context\\x04msgid``. Wrapping those two methods sees every lookup. The compiled
catalogue holds neither empty nor fuzzy entries (``msgfmt`` leaves both out), so "not in the
catalogue" is exactly "the user reads English".
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.utils.translation import trans_real

CONTEXT_SEPARATOR = "\x04"


@dataclass
class Untranslated:
    """The untranslated msgids seen while recording, each with the pages it appeared on."""

    language: str
    where: str = ""
    found: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))

    def record(self, msgid: str) -> None:
        context, _sep, message = msgid.rpartition(CONTEXT_SEPARATOR)
        self.found[(context, message)].add(self.where or "?")

    def report(self, allowed: set[str] = frozenset()) -> list[str]:
        """One line per untranslated msgid not in ``allowed``: the msgid (with its context), then
        up to three pages where it appeared."""
        lines = []
        for (context, message), pages in sorted(self.found.items()):
            if message in allowed:
                continue
            shown = sorted(pages)
            more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
            label = f"[{context}] {message!r}" if context else repr(message)
            lines.append(f"{label} on {', '.join(shown[:3])}{more}")
        return lines


def _translated(catalog, key) -> bool:
    value = catalog.get(key)
    return bool(value)


@contextmanager
def record_untranslated(language: str = "vi"):
    """Within the block, every msgid looked up in ``language`` and missing from its catalogue is
    recorded in the yielded ``Untranslated`` (set its ``where`` to name the page being read)."""
    seen = Untranslated(language)
    cls = trans_real.DjangoTranslation
    original_gettext, original_ngettext = cls.gettext, cls.ngettext

    def gettext(self, message):
        if message and self.language() == language:
            catalog = self._catalog
            if not (_translated(catalog, message) or _translated(catalog, (message, 0))):
                seen.record(message)
        return original_gettext(self, message)

    def ngettext(self, msgid1, msgid2, n):
        if msgid1 and self.language() == language and not _translated(self._catalog, (msgid1, 0)):
            seen.record(msgid1)
        return original_ngettext(self, msgid1, msgid2, n)

    cls.gettext, cls.ngettext = gettext, ngettext
    try:
        yield seen
    finally:
        cls.gettext, cls.ngettext = original_gettext, original_ngettext
