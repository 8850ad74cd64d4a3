from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from commitments import services
from commitments.forms import CommitmentStatusForm, DecisionForm
from commitments.lists import COMMITMENTS, MOTIONS
from commitments.models import Commitment, Motion, MotionMention
from letters.models import Section
from letters.web.access import reader_required
from letters.web.listing import PAGE_PARAM, PAGE_SIZE, CappedPaginator, page_context

MOTION_ACTIONS = {
    "afdoen": services.motion_confirm_done,
    "afwijzen": services.motion_reject_declaration,
    "heropenen": services.motion_reopen,
}


def motions_with_declarations():
    declarations = (
        MotionMention.objects.filter(declares_done=True, version__is_current=True)
        .select_related("section", "version__letter")
        .defer("version__content", "section__blocks", "section__heading_refs", "section__search_vector")
    )
    return MOTIONS.queryset().prefetch_related(Prefetch("mentions", queryset=declarations, to_attr="declarations"))


def with_declaration(motion):
    """The passage of the letter that declared the motion done, for the clerk to read beside it."""
    motion.declaration = next(
        (m for m in reversed(motion.declarations) if m.version.letter_id == motion.declared_in_id), None
    )
    return motion


def can_see_audit_details(user) -> bool:
    """Who decided and why is for colleagues with the audit trail's permission (policy staff,
    clerks, admins); anyone else, such as an anonymous reader under TKD_PUBLIC_READ, sees the decision."""
    return user.has_perm("commitments.view_statuschange")


@dataclass(frozen=True)
class Decision:
    """A status change as the public sees it: what was decided, when and on which passage; not who nor why."""

    at: datetime
    action: str
    from_status: str
    to_status: str
    evidence: Section | None


def history_for(user, subject):
    """The audit trail of a motion or commitment, or for a reader without the permission only its decisions."""
    history = subject.history.select_related("evidence__version__letter")
    if can_see_audit_details(user):
        return history.select_related("user")
    return [
        Decision(at=c.at, action=c.action, from_status=c.from_status, to_status=c.to_status, evidence=c.evidence)
        for c in history.defer("note")
    ]


@reader_required
def motion_queue(request):
    queue = motions_with_declarations().awaiting_review().order_by("updated_at", "id")
    page = CappedPaginator(queue, PAGE_SIZE).get_page(request.GET.get(PAGE_PARAM))
    page.object_list = [with_declaration(motion) for motion in page.object_list]
    return render(request, "commitments/motion_queue.html", {"page": page})


@reader_required
def motion_list(request):
    motion_filter = MOTIONS.filter(request, queryset=motions_with_declarations())
    return render(
        request, "commitments/motion_list.html", page_context(request, motion_filter, decorate=with_declaration)
    )


@reader_required
def commitment_list(request):
    commitment_filter = COMMITMENTS.filter(request)
    return render(request, "commitments/commitment_list.html", page_context(request, commitment_filter))


@reader_required
def motion_detail(request, pk):
    motion = with_declaration(get_object_or_404(motions_with_declarations(), pk=pk))
    mentions = motion.mentions.filter(version__is_current=True).select_related("section", "version__letter")
    return render(
        request,
        "commitments/motion_detail.html",
        {
            "motion": motion,
            "mentions": mentions.order_by("-version__letter__date", "position"),
            "history": history_for(request.user, motion),
            "audit_details": can_see_audit_details(request.user),
        },
    )


@login_required
@permission_required("commitments.settle_motion", raise_exception=True)
@require_POST
def motion_action(request, pk, action):
    motion = get_object_or_404(Motion, pk=pk)
    form = DecisionForm(request.POST)
    error = None
    if form.is_valid():
        try:
            MOTION_ACTIONS[action](motion=motion, user=request.user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = "De toelichting is te lang."
    if request.headers.get("HX-Request"):
        motion = with_declaration(get_object_or_404(motions_with_declarations(), pk=pk))
        return render(request, "commitments/includes/motion_card.html", {"motion": motion, "error": error})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "De status van de motie is bijgewerkt.")
    return _back(request, motion.get_absolute_url())


@login_required
@permission_required("commitments.settle_commitment", raise_exception=True)
@require_POST
def commitment_action(request, pk):
    commitment = get_object_or_404(Commitment, pk=pk)
    form = CommitmentStatusForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.commitment_set_status(
                commitment=commitment,
                user=request.user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                evidence=commitment.made_in,
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = "Kies een geldige status."
    if request.headers.get("HX-Request"):
        commitment = get_object_or_404(COMMITMENTS.queryset(), pk=pk)
        return render(request, "commitments/includes/commitment_card.html", {"commitment": commitment, "error": error})
    if error:
        messages.error(request, error)
    return _back(request, reverse("commitment_list"))


def _back(request, fallback):
    target = request.POST.get("next") or fallback
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return redirect(target)
