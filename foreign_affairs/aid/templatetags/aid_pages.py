"""What an aid item's page shows about its workflow."""

from django import template
from django.utils import timezone

from ..choices import AidStatus
from ..services import aid_item_next_statuses

register = template.Library()


@register.simple_tag(takes_context=True)
def aid_panel(context, item):
    """The item's next steps (for a user who may change it), deadlines and their state."""
    user = context["request"].user
    labels = dict(AidStatus.choices)
    steps = aid_item_next_statuses(item) if user.has_perm("aid.change_aiditem") else ()
    return {
        "steps": [(status, labels[status]) for status in steps],
        "start_overdue": item.start_overdue(timezone.localdate()),
        "appraisal_due_on": item.appraisal_due_on if item.status in (AidStatus.PROPOSED, AidStatus.APPRAISING)
        else None,
    }
