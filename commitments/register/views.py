"""The register's pages and the clerk's decision on a suggested match (thin: a form, a service)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from commitments.forms import DecisionForm
from commitments.models import ToezeggingMatch
from commitments.register import services
from commitments.register.lists import TOEZEGGINGEN
from commitments.register.nakoming import named_letters
from commitments.register.rows import is_overdue, toegezegd_aan
from letters.web.access import login_required_inline, reader_required
from letters.web.listing import page_context
from tkdossiers.csrf import inline_message

DECISIONS = {"bevestigen": services.match_accept, "afwijzen": services.match_reject}
NOTE_TOO_LONG = "De toelichting is te lang: hoogstens 2000 tekens."


def toezegging_by_number(number: str):
    toezegging = TOEZEGGINGEN.queryset().filter(number=number).order_by("-bijgewerkt", "-pk").first()
    if toezegging is None:
        raise Http404("Deze toezegging staat niet in het register.")
    return toezegging


def matches():
    """Matches with what their cards show: the commitment, its letter and passage, the toezegging."""
    made_in = "commitment__made_in__"
    return (
        ToezeggingMatch.objects.select_related("commitment__letter", f"{made_in}version", "toezegging", "decided_by")
        .defer(f"{made_in}blocks", f"{made_in}search_vector", f"{made_in}version__content")
        .order_by("-score", "id")
    )


def matches_of_toezegging(toezegging):
    return matches().filter(toezegging=toezegging.guid)


def decorate(toezegging):
    toezegging.overdue = is_overdue(toezegging)
    toezegging.promised_to = toegezegd_aan(toezegging)
    return toezegging


@reader_required
def toezegging_list(request):
    context = page_context(request, TOEZEGGINGEN.filter(request), decorate=decorate)
    return render(request, "commitments/register/toezegging_list.html", context)


@reader_required
def toezegging_detail(request, number):
    toezegging = decorate(toezegging_by_number(number))
    context = {
        "toezegging": toezegging,
        "matches": matches_of_toezegging(toezegging),
        "nakoming_letters": named_letters(toezegging.kamerbrief_nakoming),  # the letters we have of it
    }
    return render(request, "commitments/register/toezegging_detail.html", context)


@login_required_inline
@permission_required("commitments.settle_commitment", raise_exception=True)
@require_POST
def match_decide(request, pk, decision):
    match = get_object_or_404(ToezeggingMatch.objects.select_related("commitment"), pk=pk)
    fallback = match.commitment.get_absolute_url()
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _refused(request, NOTE_TOO_LONG, fallback)
    try:
        match = DECISIONS[decision](match=match, user=request.user, note=form.cleaned_data["note"])
    except ValidationError as exc:
        return _refused(request, " ".join(exc.messages), fallback)
    if request.headers.get("HX-Request"):
        shown_on = "toezegging" if request.POST.get("shown_on") == "toezegging" else "commitment"
        context = {"match": get_object_or_404(matches(), pk=pk), "decided": True, "shown_on": shown_on}
        return render(request, "commitments/register/includes/match.html", context)
    messages.success(request, "De koppeling met het register is bijgewerkt.")
    return _back(request, fallback)


def _refused(request, error, fallback):
    if request.headers.get("HX-Request"):
        return inline_message(error, status=422)
    messages.error(request, error)
    return _back(request, fallback)


def _back(request, fallback):
    target = request.POST.get("next") or fallback
    allowed = {request.get_host()}
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=allowed, require_https=request.is_secure()):
        target = fallback
    return redirect(target)
