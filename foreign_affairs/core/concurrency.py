"""Edits that cross: two people open the same record, both change it, both save. The second
save must not silently undo the first.

A record's version is the id of its latest history entry (every save and every change of its
links writes one, see django-simple-history), so any change by anyone — an edit, a workflow
step, an import — moves it on. An edit form carries the version it was opened at; the API
gives it as the ``ETag``. Saving compares it with the stored one inside the transaction, with
the record's row locked, so of two saves racing from the same version exactly one wins and the
other gets an ``EditConflict`` naming who changed what, and when.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _


@dataclass
class FieldChange:
    """One field someone else changed since the version a user opened."""

    field: str
    label: str
    old: object  # as it was when the user opened the record
    new: object  # as it is now

    @staticmethod
    def shown(value) -> str:
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return str(value)

    @property
    def old_display(self) -> str:
        return self.shown(self.old)

    @property
    def new_display(self) -> str:
        return self.shown(self.new)


@dataclass
class EditConflict(Exception):
    """The record changed since the user opened it: by whom, when, what, and its version now
    (saving again with it keeps the user's values)."""

    record: object
    version: str
    changed_by: list[str] = field(default_factory=list)
    changed_at: datetime | None = None
    changes: list[FieldChange] = field(default_factory=list)

    def __str__(self) -> str:
        return self.message

    def only(self, names) -> EditConflict:
        """The conflict with just the changes of the named fields (those the user's form or
        representation shows: never a field they may not see)."""
        names = set(names)
        self.changes = [change for change in self.changes if change.field in names]
        return self

    @property
    def message(self) -> str:
        from django.utils import formats, timezone

        when = formats.date_format(timezone.localtime(self.changed_at), "SHORT_DATETIME_FORMAT") \
            if self.changed_at else "—"
        return _(
            "“%(record)s” was changed by %(user)s on %(date)s, after you opened it."
        ) % {"record": self.record, "user": ", ".join(self.changed_by) or _("someone"), "date": when}


def record_version(instance) -> str:
    """The record's version now: the id of its latest history entry ("0" before it has one; the
    time of its last save for a model without history)."""
    history = getattr(instance, "history", None)
    if history is None:
        stamp = getattr(instance, "updated_at", None)
        return stamp.isoformat() if stamp else "0"
    latest = history.order_by("-history_id").values_list("history_id", flat=True).first()
    return str(latest or 0)


def changes_since(instance, version: str) -> tuple[list[str], datetime | None, list[FieldChange]]:
    """Who changed the record after ``version``, when last, and each field's value at that
    version and now (a field changed twice counts once)."""
    from .selectors import record_history

    try:
        opened = int(version)
    except (TypeError, ValueError):
        opened = 0
    later = [entry for entry in record_history(instance) if entry["id"] > opened]
    users: list[str] = []
    merged: dict[str, FieldChange] = {}
    for entry in reversed(later):  # oldest first
        name = entry["user"] or _("someone")
        if name not in users:
            users.append(name)
        for change in entry["changes"]:
            if change["field"] in merged:
                merged[change["field"]].new = change["new"]
            else:
                merged[change["field"]] = FieldChange(change["field"], change["label"], change["old"], change["new"])
    changed = [c for c in merged.values() if c.old != c.new]
    return users, (later[0]["date"] if later else None), changed


def record_version_check(*, instance, version: str | None) -> str:
    """Lock the record's row and check that it is still at ``version`` (the one the user opened);
    returns the version now. Raises EditConflict if anyone changed it since. A request that
    names no version (an older client) is not checked. Call it inside ``transaction.atomic()``,
    before saving: the lock is held until that transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_version_check must run inside transaction.atomic()")
    model = type(instance)
    # The row lock (SELECT … FOR UPDATE; SQLite runs its transactions one at a time instead).
    list(model._default_manager.select_for_update().filter(pk=instance.pk).values_list("pk", flat=True))
    current = record_version(instance)
    if version in (None, "") or str(version) == current:
        return current
    users, when, changes = changes_since(instance, str(version))
    raise EditConflict(record=instance, version=current, changed_by=users, changed_at=when, changes=changes)
