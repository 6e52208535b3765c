"""The bundle's ``province`` block, kept in the one-row ``core.Province``."""

from __future__ import annotations

from foreign_affairs.core.models import Province

PROVINCE_KEYS = ("code", "name_vi", "name_en")


def province_block() -> dict[str, str]:
    province = Province.current()
    return {key: getattr(province, key) or "" for key in PROVINCE_KEYS}


def province_store(block: dict | None, actor=None) -> None:
    """Store the block's values; keys it leaves out keep what was stored."""
    if not block:
        return
    province = Province.objects.first() or Province()
    before = province_block() if province.pk else None
    for key in PROVINCE_KEYS:
        if key in block and block[key] is not None:
            setattr(province, key, str(block[key]))
    if before == {key: getattr(province, key) for key in PROVINCE_KEYS}:
        return  # unchanged: no history row
    province._history_user = actor
    province.save()
