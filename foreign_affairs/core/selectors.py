"""Reads on core records."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from .models import Unit

# History rows keep why a record changed as a plain key (a workflow step's name, "bundle import");
# a page names it in the reader's language.
CHANGE_REASONS = {
    "bundle import": _("Imported from a data bundle"),
    "finalise": _("Finalised"),
    "passport": _("Passport handed out or returned"),
    "lead conversion": _("Created from an investment lead"),
    "converted to an FDI project": _("Converted to an FDI project"),
}


def change_reason_label(model, reason: str) -> str:
    """A history row's reason as the reader says it: a workflow step by its label."""
    from .workflow import step_label

    if not reason:
        return ""
    label = CHANGE_REASONS.get(reason) or step_label(model, reason)
    if label:
        return str(label)
    # "aid workflow: approved: the note": the status moved to, by its label, and the note.
    prefix, _sep, rest = reason.partition(" workflow: ")
    if rest:
        status, _sep, note = rest.partition(": ")
        statuses = dict(model._meta.get_field("status").flatchoices) if hasattr(model, "status") else {}
        if status in statuses:
            return f"{statuses[status]}: {note}" if note else str(statuses[status])
    return reason


def unit_subtree_ids(unit: Unit | int) -> set[int]:
    """The unit and every unit below it, one query per tree level (no MPTT needed)."""
    root_id = unit.pk if isinstance(unit, Unit) else unit
    found = {root_id}
    frontier: Iterable[int] = [root_id]
    while frontier:
        frontier = list(Unit.objects.filter(parent_id__in=frontier).exclude(pk__in=found).values_list("pk", flat=True))
        found.update(frontier)
    return found


def unit_ancestors(unit: Unit) -> list[Unit]:
    """From the root down to the unit's parent."""
    chain: list[Unit] = []
    current = unit.parent
    while current is not None and current not in chain:
        chain.append(current)
        current = current.parent
    return list(reversed(chain))


def record_history(instance) -> list[dict]:
    """Every change of a record, newest first: when, who, what kind, and the before/after of
    each field that changed; links to other records are shown by their names."""
    history = list(instance.history.select_related("history_user").order_by("-history_date", "-history_id"))
    opts = instance._meta
    entries = []
    pending_links: list[dict] = []
    for index, record in enumerate(history):
        previous = history[index + 1] if index + 1 < len(history) else None
        changes = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                try:
                    field = opts.get_field(change.field)
                except Exception:  # noqa: BLE001 - a field removed since the change was made
                    field = None
                changes.append({
                    "field": change.field,
                    "label": str(field.verbose_name) if field is not None else change.field,
                    "old": _history_value(field, change.old),
                    "new": _history_value(field, change.new),
                    "many": bool(field is not None and field.many_to_many),
                })
        entry_user = record.history_user.get_username() if record.history_user else None
        links_only = bool(changes) and all(c["many"] for c in changes)
        if previous is not None and record.history_type == "~" and links_only and _same_save(record, previous):
            # One save writes the row, then each many-to-many link as its own history row:
            # show them as the single change the user made.
            pending_links.extend(changes)
            continue
        changes.extend(pending_links)
        pending_links = []
        entries.append({
            "id": record.history_id,
            "date": record.history_date,
            "user": entry_user,
            "type": {"+": "created", "~": "changed", "-": "deleted"}[record.history_type],
            "reason": change_reason_label(type(instance), record.history_change_reason or ""),
            "changes": changes,
        })
    return entries


def _same_save(record, previous) -> bool:
    return record.history_user_id == previous.history_user_id and (
        record.history_date - previous.history_date
    ).total_seconds() < 2


def _history_value(field, value):
    if value is None or value == "":
        return None
    if field is not None and field.many_to_many:
        target = field.related_model
        key = target._meta.model_name
        ids = [row.get(key) for row in value if isinstance(row, dict)]
        objects = target._default_manager.in_bulk([i for i in ids if i is not None])
        return sorted(str(objects.get(i, i)) for i in ids)
    if field is not None and field.many_to_one:
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj is not None else str(value)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)
