"""Infrastructure signals shared between apps.

``transition_done`` is sent once a workflow step (a delegation approved, an agreement signed, a
conference permitted…) has been committed, so that notifications and e-mail follow the step
without the workflow services knowing who listens. Senders send it from
``transaction.on_commit``; receivers must not write to the record itself.

Arguments: ``sender`` (the record's model class), ``record``, ``action`` (the step's name),
``from_status``, ``to_status``, ``actor`` (the user who took it), ``transition`` (the log row).
"""

from django.dispatch import Signal

transition_done = Signal()


def send_transition_done(*, record, action: str, from_status: str, to_status: str, actor, transition=None) -> None:
    """Send ``transition_done`` after the surrounding transaction commits (immediately if none)."""
    from django.db import transaction

    def send() -> None:
        transition_done.send(
            sender=type(record), record=record, action=action, from_status=from_status, to_status=to_status,
            actor=actor, transition=transition,
        )

    transaction.on_commit(send)
