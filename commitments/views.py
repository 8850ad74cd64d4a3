from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from commitments import services
from commitments.forms import CommitmentStatusForm, DecisionForm, ZaakLinkForm
from commitments.lists import COMMITMENTS, MOTIONS
from commitments.models import Commitment, Motion, can_see_audit_details
from commitments.record.candidates import candidates_for
from commitments.record.ledger import days_from_vote_to_declaration
from commitments.record.reading import motions_for, with_record
from kamer.models import Zaak
from letters.models import Section
from letters.web.access import login_required_inline, reader_required
from letters.web.fragments import csrf_context, fragment
from letters.web.listing import PAGE_PARAM, PAGE_SIZE, CappedPaginator, page_context
from tkdossiers.csrf import inline_message, page_of

MOTION_ACTIONS = {
    "afdoen": services.motion_confirm_done,
    "afwijzen": services.motion_reject_declaration,
    "heropenen": services.motion_reopen,
}
NOTE_TOO_LONG = "De toelichting is te lang: hoogstens 2000 tekens."
UNKNOWN_ZAAK = "Deze zaak is niet bekend."
BAD_STATUS = "Kies een geldige status; de toelichting is hoogstens 2000 tekens."


def commitments_for(user):
    return COMMITMENTS.queryset().with_last_change(audit_details=can_see_audit_details(user))


@dataclass(frozen=True)
class HistoryEntry:
    """A status change with its statuses in Dutch; `who` and `note` only for a colleague who may
    see the audit trail (the public sees what was decided, when and on which passage)."""

    at: datetime
    action: str
    from_status: str
    to_status: str
    evidence: Section | None
    who: str | None = None
    note: str | None = None


def history_for(user, subject) -> list[HistoryEntry]:
    """The audit trail of a motion or commitment, or for a reader without the permission only its decisions."""
    labels = dict(subject.Status.choices)
    details = can_see_audit_details(user)
    history = subject.history.select_related("evidence__version__letter")
    history = history.select_related("user") if details else history.defer("note")
    return [
        HistoryEntry(
            at=change.at,
            action=change.action,
            from_status=labels.get(change.from_status, change.from_status),
            to_status=labels.get(change.to_status, change.to_status),
            evidence=change.evidence,
            who=change.user.get_username() if details else None,
            note=change.note if details else None,
        )
        for change in history
    ]


def awaiting_count():
    return CappedPaginator(Motion.objects.awaiting_review(), PAGE_SIZE)


@reader_required
def motion_queue(request):
    def cards():
        queue = motions_for(request.user).awaiting_review().order_by("updated_at", "id")
        page = CappedPaginator(queue, PAGE_SIZE).get_page(request.GET.get(PAGE_PARAM))
        page.object_list = [with_record(motion) for motion in page.object_list]
        context = {"page": page, **csrf_context()}
        return render_to_string("commitments/includes/motion_queue_cards.html", context, request)

    # The cards show the decision forms to clerks, who decided and why to who may see it.
    shown = (request.user.has_perm("commitments.settle_motion"), can_see_audit_details(request.user))
    parts = (request.get_full_path(), *shown)
    return render(request, "commitments/motion_queue.html", {"cards": fragment(request, "queue", parts, cards)})


@reader_required
def motion_list(request):
    motion_filter = MOTIONS.filter(request, queryset=motions_for(request.user))
    context = page_context(request, motion_filter, decorate=with_record)
    return render(request, "commitments/motion_list.html", context | {"figures": days_from_vote_to_declaration()})


@reader_required
def commitment_list(request):
    commitment_filter = COMMITMENTS.filter(request)
    return render(request, "commitments/commitment_list.html", page_context(request, commitment_filter))


@reader_required
def motion_detail(request, pk):
    motion = with_record(get_object_or_404(motions_for(request.user), pk=pk))
    mentions = motion.mentions.filter(version__is_current=True).select_related("section", "version__letter")
    return render(
        request,
        "commitments/motion_detail.html",
        {
            "motion": motion,
            "mentions": mentions.order_by("-version__letter__date", "position"),
            "history": history_for(request.user, motion),
            "audit_details": can_see_audit_details(request.user),
            "candidates": _candidates(request.user, motion),
        },
    )


def _candidates(user, motion):
    """Suggestions of zaken to link, for a clerk who may link them, while the motion has none."""
    if motion.zaak_id or not user.has_perm("commitments.settle_motion"):
        return []
    return candidates_for(motion)


@login_required_inline
@permission_required("commitments.settle_motion", raise_exception=True)
@require_POST
def motion_zaak(request, pk, action):
    """Link the motion to a zaak (koppelen, with the zaak's GUID) or undo its link (ontkoppelen)."""
    motion = get_object_or_404(Motion, pk=pk)
    form = ZaakLinkForm(request.POST)
    if not form.is_valid():
        error = UNKNOWN_ZAAK if "zaak" in form.errors else NOTE_TOO_LONG
        return _refused(request, error, motion.get_absolute_url())
    try:
        done = (_link if action == "koppelen" else _unlink)(request, motion, form.cleaned_data)
    except ValidationError as exc:
        return _refused(request, " ".join(exc.messages), motion.get_absolute_url())
    messages.success(request, done)
    return redirect(motion.get_absolute_url())


def _link(request, motion, data) -> str:
    zaak = Zaak.objects.filter(guid=data["zaak"]).first() if data["zaak"] else None
    if zaak is None:
        raise ValidationError(UNKNOWN_ZAAK)
    services.motion_link_zaak(motion=motion, zaak=zaak, user=request.user, note=data["note"])
    return f"De motie is gekoppeld aan zaak {zaak.number}."


def _unlink(request, motion, data) -> str:
    services.motion_unlink_zaak(motion=motion, user=request.user, note=data["note"])
    return "De koppeling met de zaak is ongedaan gemaakt."


@reader_required
def commitment_detail(request, pk):
    commitment = get_object_or_404(commitments_for(request.user), pk=pk)
    return render(
        request,
        "commitments/commitment_detail.html",
        {
            "commitment": commitment,
            "fulfilled_by": commitment.fulfilled_by.select_related("version__letter").defer("blocks"),
            "history": history_for(request.user, commitment),
            "audit_details": can_see_audit_details(request.user),
        },
    )


@login_required_inline
@permission_required("commitments.settle_motion", raise_exception=True)
@require_POST
def motion_action(request, pk, action):
    motion = get_object_or_404(Motion, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _refused(request, NOTE_TOO_LONG, motion.get_absolute_url())
    try:
        MOTION_ACTIONS[action](motion=motion, user=request.user, note=form.cleaned_data["note"])
    except ValidationError as exc:
        return _refused(request, " ".join(exc.messages), motion.get_absolute_url())
    if request.headers.get("HX-Request"):
        motion = with_record(get_object_or_404(motions_for(request.user), pk=pk))
        context = {"motion": motion, "decided": True, "back": page_of(request)}
        html = render_to_string("commitments/includes/motion_card.html", context, request)
        if _sent_from(request, "motion_queue"):  # the queue's count, out of band
            context = {"paginator": awaiting_count(), "oob": True}
            html += render_to_string("commitments/includes/queue_count.html", context, request)
        return HttpResponse(html)
    messages.success(request, "De status van de motie is bijgewerkt.")
    return _back(request, motion.get_absolute_url())


@login_required_inline
@permission_required("commitments.settle_commitment", raise_exception=True)
@require_POST
def commitment_action(request, pk):
    commitment = get_object_or_404(Commitment, pk=pk)
    form = CommitmentStatusForm(request.POST)
    if not form.is_valid():
        return _refused(request, BAD_STATUS, reverse("commitment_list"))
    try:
        services.commitment_set_status(
            commitment=commitment,
            user=request.user,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            evidence=commitment.made_in,
        )
    except ValidationError as exc:
        return _refused(request, " ".join(exc.messages), reverse("commitment_list"))
    if request.headers.get("HX-Request"):
        commitment = get_object_or_404(commitments_for(request.user), pk=pk)
        context = {"commitment": commitment, "decided": True, "back": page_of(request)}
        return render(request, "commitments/includes/commitment_card.html", context)
    messages.success(request, "De status van de toezegging is bijgewerkt.")
    return _back(request, reverse("commitment_list"))


def _refused(request, error, fallback):
    """A decision that could not be made: htmx keeps the card and what was typed (a 4xx is not
    swapped) and shows the message beside it; a plain form comes back with the message."""
    if request.headers.get("HX-Request"):
        return inline_message(error, status=422)
    messages.error(request, error)
    return _back(request, fallback)


def _sent_from(request, url_name) -> bool:
    return urlsplit(page_of(request) or "").path == reverse(url_name)


def _back(request, fallback):
    target = request.POST.get("next") or fallback
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return redirect(target)
