from django.conf import settings
from django.db import models
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone


def can_see_audit_details(user) -> bool:
    """Who decided and why is for colleagues with the audit trail's permission (policy staff,
    clerks, admins); anyone else, such as an anonymous reader under TKD_PUBLIC_READ, sees the decision."""
    return user.has_perm("commitments.view_statuschange")


def last_change(subject: str, statuses, *, audit_details: bool) -> dict:
    """Annotations with the latest StatusChange of each motion or commitment (subject: "motion"
    or "commitment"): when, what, to which status (its Dutch label) and, for a user who may see
    the audit trail, who and why."""
    label = Case(*(When(to_status=value, then=Value(text)) for value, text in statuses.choices), default=F("to_status"))
    changes = StatusChange.objects.filter(**{subject: OuterRef("pk")}).order_by("-at", "-id").annotate(to_label=label)

    def latest(field):
        return Subquery(changes.values(field)[:1])

    hidden = Value(None, output_field=models.TextField())
    return {
        "last_change_at": latest("at"),
        "last_change_action": latest("action"),
        "last_change_to": latest("to_label"),
        "last_change_by": latest("user__username") if audit_details else hidden,
        "last_change_note": latest("note") if audit_details else hidden,
    }


class MotionQuerySet(models.QuerySet):
    def awaiting_review(self):
        """Declared done by the government in a letter, not yet confirmed or rejected by a clerk."""
        return self.filter(status=Motion.Status.OPEN, declared_in__isnull=False, declaration_reviewed=False)

    def with_last_change(self, *, audit_details: bool):
        return self.annotate(**last_change("motion", Motion.Status, audit_details=audit_details))


class Motion(models.Model):
    """A motion of the Kamer: its kamerstuk when a footnote names it, else known by its members."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        DONE = "done", "afgedaan"

    class ZaakSource(models.TextChoices):
        KAMERSTUK = "kamerstuk", "via het kamerstuk"
        CLERK = "clerk", "door de griffie"

    kamerstuk = models.OneToOneField(
        "tkdossiers.Kamerstuk", null=True, blank=True, on_delete=models.PROTECT, related_name="motion"
    )
    # The Kamer's own record of the motion: resolved from its kamerstuk's document, or linked by a
    # clerk (a StatusChange with action LINK_ZAAK records who and when). A reference by GUID, as
    # in kamer: the zaak may be mirrored after the motion is known.
    zaak = models.ForeignKey(
        "kamer.Zaak",
        to_field="guid",
        db_constraint=False,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="motions",
    )
    zaak_source = models.CharField(
        "zaak gekoppeld via", max_length=10, choices=ZaakSource.choices, blank=True, default=""
    )
    members = models.JSONField("indieners", default=list)
    members_key = models.CharField(max_length=300, db_index=True)  # normalised, for matching mentions
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    # The latest letter in which the government declared it done, and whether a clerk
    # has decided on that declaration (a new version of the same letter does not reset it).
    declared_in = models.ForeignKey(
        "letters.Letter", null=True, blank=True, on_delete=models.SET_NULL, related_name="declared_motions"
    )
    declaration_reviewed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MotionQuerySet.as_manager()

    class Meta:
        verbose_name = "motie"
        verbose_name_plural = "moties"
        ordering = ["-updated_at", "-id"]
        permissions = [("settle_motion", "Moties afdoen, afwijzen en heropenen")]
        indexes = [models.Index(fields=["-updated_at", "-id"], name="motion_updated_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["members_key"], condition=models.Q(kamerstuk__isnull=True), name="unique_unlinked_motion"
            )
        ]

    def __str__(self):
        names = " en ".join(self.members) or "onbekend"
        return f"Motie {names}" + (f" ({self.kamerstuk})" if self.kamerstuk_id else "")

    def get_absolute_url(self):
        return reverse("motion_detail", args=[self.pk])

    @property
    def awaiting_review(self) -> bool:
        return self.status == self.Status.OPEN and self.declared_in_id is not None and not self.declaration_reviewed


class MotionMention(models.Model):
    """A passage of a letter version that mentions a motion, and whether it declares it done."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="mentions")
    section = models.ForeignKey("letters.Section", on_delete=models.CASCADE, related_name="motion_mentions")
    version = models.ForeignKey("letters.LetterVersion", on_delete=models.CASCADE, related_name="motion_mentions")
    position = models.PositiveIntegerField()
    text = models.TextField()  # "de motie van het lid Michon-Derkzen"
    sentence = models.TextField()
    declares_done = models.BooleanField("verklaart afgedaan", default=False)

    class Meta:
        verbose_name = "vermelding"
        verbose_name_plural = "vermeldingen"
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="unique_mention_position")]

    def __str__(self):
        return self.text


class CommitmentQuerySet(models.QuerySet):
    def overdue(self, today=None):
        return self.filter(status=Commitment.Status.OPEN, due__lt=today or timezone.localdate())

    def with_last_change(self, *, audit_details: bool):
        return self.annotate(**last_change("commitment", Commitment.Status, audit_details=audit_details))


class Commitment(models.Model):
    """A promise of the government: new in a letter, or an earlier one the letter fulfils."""

    class Kind(models.TextChoices):
        NEW = "new", "nieuw"
        PRIOR = "prior", "eerder gedaan"

    class Status(models.TextChoices):
        OPEN = "open", "open"
        FULFILLED = "fulfilled", "nagekomen"
        LAPSED = "lapsed", "vervallen"

    # One commitment per letter and wording, so clerks' decisions survive new versions.
    key = models.CharField(max_length=64, unique=True)
    letter = models.ForeignKey("letters.Letter", on_delete=models.CASCADE, related_name="commitments")
    made_in = models.ForeignKey(
        "letters.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments_made"
    )
    fulfilled_by = models.ManyToManyField("letters.Section", blank=True, related_name="commitments_fulfilled")
    text = models.TextField("tekst")
    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    due = models.DateField("uiterlijk", null=True, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = "toezegging"
        verbose_name_plural = "toezeggingen"
        ordering = ["due", "-id"]
        permissions = [("settle_commitment", "Toezeggingen bijwerken")]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("commitment_detail", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due is not None and self.due < timezone.localdate()


class ToezeggingMatch(models.Model):
    """A commitment found in a letter set beside an entry of the Kamer's toezeggingen register.

    SAME: the letter states the registered promise. FULFILS: the letter says it keeps an earlier
    promise, so it is suggested as the toezegging's kamerbrief nakoming. A suggestion carries its
    score; a clerk accepts or rejects it (a StatusChange on the commitment records who and when).
    """

    class Kind(models.TextChoices):
        SAME = "same", "dezelfde toezegging"
        FULFILS = "fulfils", "kamerbrief nakoming"

    class State(models.TextChoices):
        SUGGESTED = "suggested", "voorgesteld"
        ACCEPTED = "accepted", "bevestigd"
        REJECTED = "rejected", "afgewezen"

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="toezegging_matches")
    toezegging = models.ForeignKey(
        "kamer.Toezegging",
        to_field="guid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="commitment_matches",
    )
    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    score = models.FloatField("score")  # 0..100, higher is a better fit
    state = models.CharField("stand", max_length=10, choices=State.choices, default=State.SUGGESTED, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "koppeling met het register"
        verbose_name_plural = "koppelingen met het register"
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "toezegging", "kind"], name="unique_toezegging_match")
        ]

    def __str__(self):
        return f"{self.commitment_id} ~ {self.toezegging_id} ({self.score:.0f})"


class StatusChange(models.Model):
    """The audit trail: who changed which status, when, from what to what, why, on which passage."""

    motion = models.ForeignKey(Motion, null=True, blank=True, on_delete=models.CASCADE, related_name="history")
    commitment = models.ForeignKey(Commitment, null=True, blank=True, on_delete=models.CASCADE, related_name="history")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("tijdstip", auto_now_add=True)
    action = models.CharField("handeling", max_length=20)
    from_status = models.CharField("van", max_length=10)
    to_status = models.CharField("naar", max_length=10)
    note = models.TextField("toelichting", blank=True)
    evidence = models.ForeignKey("letters.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(motion__isnull=False, commitment__isnull=True)
                | models.Q(motion__isnull=True, commitment__isnull=False),
                name="status_change_has_one_subject",
            )
        ]

    def __str__(self):
        return f"{self.action}: {self.from_status} → {self.to_status}"
