"""The register beside a commitment's page; the status of a registered toezegging as a CSS class."""

from django import template

from commitments.register.views import matches
from kamer.models import Toezegging

register = template.Library()

STATUS_CLASSES = {
    Toezegging.Status.VOLDAAN: "status-done",
    Toezegging.Status.VERVALLEN: "status-lapsed",
    Toezegging.Status.DEELS_VOLDAAN: "status-awaiting",
}


@register.filter
def register_status_class(status: str) -> str:
    """The site's status colours (site.css): voldaan as done, vervallen as lapsed, deels voldaan waiting."""
    return STATUS_CLASSES.get(status, "status-open")


@register.inclusion_tag("commitments/register/includes/commitment_matches.html", takes_context=True)
def toezegging_matches(context, commitment):
    """The register's entries suggested for the commitment, best first, with the page's user and
    CSRF token for the clerk's buttons. Two queries (a commitment page, not a list)."""
    return {
        "matches": list(matches().filter(commitment=commitment)),
        "perms": context.get("perms"),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
