"""Text folding for search: Vietnamese users type without diacritics ("nghe an" finds "Nghệ An")."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d); other scripts (Lao, CJK, Cyrillic) are kept."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).casefold()
