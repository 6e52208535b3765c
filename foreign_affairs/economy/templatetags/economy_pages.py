"""What an investment lead's page shows about its place in the pipeline."""

from django import template
from django.utils import timezone

register = template.Library()


@register.simple_tag(takes_context=True)
def lead_panel(context, lead):
    """The lead's response state and whether the user may convert it into an FDI project."""
    user = context["request"].user
    today = timezone.localdate()
    return {
        "overdue": lead.response_overdue(today),
        "can_convert": (
            lead.project_id is None and lead.is_open and user.has_perm("economy.change_investmentlead")
        ),
    }
