from urllib.parse import quote

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse

from tkdossiers.indexes import SearchIndex

# A document of the Kamer by its number (2025D43420): the file as the Kamer publishes it.
TK_DOCUMENT = "https://www.tweedekamer.nl/downloads/document?id={}"


class Source(models.TextChoices):
    UPLOAD = "upload", "Upload"
    COMMAND = "command", "Opdrachtregel"
    SYNC = "sync", "Tweede Kamer open data"


class LetterQuerySet(models.QuerySet):
    def with_current(self):
        return self.select_related("current_version", "dossier").defer("current_version__content")


class Letter(models.Model):
    """A letter of the government to the Kamer, across all its versions."""

    # How a new file is recognised as a version of this letter: the TK document
    # number when known, else the ministry's kenmerk, else title and date.
    identity = models.CharField(max_length=300, unique=True)
    document_number = models.CharField("documentnummer", max_length=20, blank=True, db_index=True)
    kenmerk = models.CharField("kenmerk", max_length=80, blank=True)
    title = models.TextField("titel")
    date = models.DateField("datum", null=True, blank=True, db_index=True)
    sender = models.CharField("afzender", max_length=300, blank=True)
    signatory = models.CharField("ondertekend door", max_length=200, blank=True)
    vergaderjaar = models.CharField(max_length=7, blank=True, db_index=True)
    # The letter's own place in the parliamentary record, when known (from the
    # Tweede Kamer's data or set by an admin): not readable from the .docx itself.
    dossier = models.ForeignKey(
        "tkdossiers.Dossier", null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    kamerstuk = models.OneToOneField(
        "tkdossiers.Kamerstuk", null=True, blank=True, on_delete=models.PROTECT, related_name="letter"
    )
    current_version = models.ForeignKey(
        "LetterVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The Kamer deleted its document: the letter is kept, marked withdrawn.
    withdrawn_at = models.DateTimeField("ingetrokken op", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = "brief"
        verbose_name_plural = "brieven"
        ordering = ["-date", "-id"]
        permissions = [
            ("upload_letter", "Brieven uploaden"),
            ("view_failed_imports", "Mislukte imports bekijken"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("letter_detail", args=[self.pk])

    @property
    def sender_display(self) -> str:
        if self.sender and self.signatory:
            return f"{self.sender} ({self.signatory})"
        return self.sender or self.signatory

    @property
    def tk_document_url(self) -> str:
        """The letter's own document on the Kamer's site, by its number; empty when the number is unknown."""
        return TK_DOCUMENT.format(quote(self.document_number)) if self.document_number else ""

    @property
    def official_publication_url(self) -> str:
        """Its kamerstuk on officielebekendmakingen.nl, when the letter is known as one."""
        return self.kamerstuk.official_url if self.kamerstuk_id else ""


class LetterVersion(models.Model):
    """One imported file of a letter; a letter keeps every version it ever had."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("versie")
    sha256 = models.CharField(max_length=64, unique=True)
    filename = models.CharField("bestandsnaam", max_length=255)
    size = models.PositiveIntegerField("grootte (bytes)")
    content = models.BinaryField(editable=False)
    title = models.TextField("titel")
    date = models.DateField("datum", null=True, blank=True)
    source = models.CharField("bron", max_length=20, choices=Source.choices)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    imported_at = models.DateTimeField("geïmporteerd op", auto_now_add=True)
    # The newest version; lists and searches read only these, older ones stay readable.
    is_current = models.BooleanField("nieuwste versie", default=True)

    class Meta:
        verbose_name = "versie"
        verbose_name_plural = "versies"
        ordering = ["letter", "number"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "number"], name="unique_version_number"),
            models.UniqueConstraint(fields=["letter"], condition=models.Q(is_current=True), name="one_current_version"),
        ]
        # "Anything imported since this follower's last visit?" (letters.web.topic_views._seen).
        indexes = [models.Index(fields=["imported_at"], name="letters_version_imported_at")]

    def __str__(self):
        return f"{self.letter} (versie {self.number})"

    def get_absolute_url(self):
        return reverse("letter_version", args=[self.letter_id, self.number])

    def passage_url(self, section) -> str:
        """A link to one of this version's sections: on the letter's page while this is the current
        version, on the part of a long letter that holds it (letters.web.letter_views)."""
        page = reverse("letter_detail", args=[self.letter_id]) if self.is_current else self.get_absolute_url()
        return f"{page}?sectie={section.position}#{section.anchor}"


class SectionQuerySet(models.QuerySet):
    def current(self):
        """Sections of each letter's newest version, newest letters first, for lists."""
        return (
            self.filter(version__is_current=True)
            .select_related("version__letter")
            .defer("blocks", "heading_refs", "search_vector", "version__content")
            .order_by("-version__letter__date", "-version__letter_id", "position")
        )


class Section(models.Model):
    """A heading with its text; sections of one version form a tree."""

    class Kind(models.TextChoices):
        OPENING = "opening", "Opening"
        HEADING = "heading", "Kopje"
        TITLE = "title", "Titel"
        QUESTION = "question", "Vraag"
        ANSWER = "answer", "Antwoord"

    version = models.ForeignKey(LetterVersion, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField()
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    level = models.PositiveSmallIntegerField()
    number = models.CharField(max_length=20, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.HEADING)
    heading = models.TextField(blank=True)
    # Rendering data: paragraphs, list items and tables with footnote marker
    # positions, as produced by letters.importing.store.block_data().
    heading_refs = models.JSONField(default=list, blank=True)
    blocks = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True)  # plain body text, for search and analysers
    path = models.TextField(blank=True)  # headings of its ancestors: "Meldkamers › Ontwikkelingen 112"
    search_vector = SearchVectorField(null=True, editable=False)  # filled on PostgreSQL only

    objects = SectionQuerySet.as_manager()

    class Meta:
        verbose_name = "sectie"
        verbose_name_plural = "secties"
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="unique_section_position")]
        # Lists of tagged or citing passages go from a section's id to its version to learn
        # whether it is current; with the version in the index PostgreSQL need not read the
        # wide section rows (the topic page's count: 12 ms to 2.5 ms at 20,000 letters).
        indexes = [
            models.Index(fields=["id"], include=["version"], name="section_version"),
            SearchIndex(fields=["search_vector"], name="letters_section_search"),
        ]

    def __str__(self):
        return self.heading or "(opening)"

    @property
    def anchor(self) -> str:
        return f"sectie-{self.position}"

    @property
    def heading_tag(self) -> str:
        return f"h{min(self.level + 1, 6)}"


class Footnote(models.Model):
    version = models.ForeignKey(LetterVersion, on_delete=models.CASCADE, related_name="footnotes")
    number = models.CharField(max_length=10)
    position = models.PositiveIntegerField()
    text = models.TextField()
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="footnotes")
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "voetnoot"
        verbose_name_plural = "voetnoten"
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="unique_footnote_position")]
        indexes = [SearchIndex(fields=["search_vector"], name="letters_footnote_search")]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"

    @property
    def anchor(self) -> str:
        return f"voetnoot-{self.number}"


class LetterDossier(models.Model):
    """A dossier cited by a letter's newest version, kept by letters.importing.counts after every import.

    The analysts' dossier filter and the dossier page read these few rows per letter instead
    of every reference (30,000 for 29517 at 20,000 letters)."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="cited_dossiers")
    dossier = models.ForeignKey("tkdossiers.Dossier", on_delete=models.CASCADE, related_name="citing_letters")
    citations = models.PositiveIntegerField()

    class Meta:
        verbose_name = "geciteerd dossier"
        verbose_name_plural = "geciteerde dossiers"
        constraints = [models.UniqueConstraint(fields=["dossier", "letter"], name="unique_letter_dossier")]

    def __str__(self):
        return f"{self.letter_id} citeert {self.dossier_id}"


class FailedImport(models.Model):
    """A file that could not be imported, with the reason; nothing else was written."""

    filename = models.CharField("bestandsnaam", max_length=255)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField("grootte (bytes)")
    reason = models.TextField("reden")
    source = models.CharField("bron", max_length=20, choices=Source.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "mislukte import"
        verbose_name_plural = "mislukte imports"
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.filename}: {self.reason}"


class ReferenceQuerySet(models.QuerySet):
    def current(self):
        """Citations in each letter's newest version, newest letters first, for lists."""
        return (
            self.filter(version__is_current=True)
            .select_related("version__letter", "section", "footnote", "kamerstuk__dossier", "dossier")
            .defer(
                "version__content",
                "section__blocks",
                "section__text",
                "section__heading_refs",
                "section__search_vector",
                "footnote__search_vector",
            )
            .order_by("-version__letter__date", "-version__letter_id", "position")
        )


class Reference(models.Model):
    """One citation in a letter version: a kamerstuk, or a look-alike kept apart.

    A dossier named without a document number ("(Kamerstuk 34 919)") is kind DOSSIER: it has
    its dossier and no kamerstuk, so it never counts as a kamerstuk citation."""

    class Kind(models.TextChoices):
        KAMERSTUK = "kamerstuk", "Kamerstuk"
        HANDELINGEN = "handelingen", "Handelingen"
        AANHANGSEL = "aanhangsel", "Aanhangsel van de Handelingen"
        STAATSCOURANT = "staatscourant", "Staatscourant"
        STAATSBLAD = "staatsblad", "Staatsblad"
        WETSARTIKEL = "wetsartikel", "Wetsartikel"
        REGELGEVING = "regelgeving", "Regelgeving"
        BWB = "bwb", "BWB-identificatie"
        URL = "url", "Webadres"
        DOSSIER = "dossier", "Kamerstukdossier"

    class Location(models.TextChoices):
        HEADING = "heading", "kopje"
        BODY = "body", "tekst"
        FOOTNOTE = "footnote", "voetnoot"

    version = models.ForeignKey(LetterVersion, on_delete=models.CASCADE, related_name="references")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.CASCADE, related_name="references")
    footnote = models.ForeignKey(Footnote, null=True, blank=True, on_delete=models.CASCADE, related_name="references")
    kamerstuk = models.ForeignKey(
        "tkdossiers.Kamerstuk", null=True, blank=True, on_delete=models.PROTECT, related_name="references"
    )
    dossier = models.ForeignKey(
        "tkdossiers.Dossier", null=True, blank=True, on_delete=models.PROTECT, related_name="dossier_references"
    )
    kind = models.CharField("soort", max_length=20, choices=Kind.choices, default=Kind.KAMERSTUK, db_index=True)
    location = models.CharField("plaats", max_length=10, choices=Location.choices)
    position = models.PositiveIntegerField()
    text = models.TextField("tekst")
    vergaderjaar = models.CharField(max_length=7, blank=True)  # as written in this citation

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = "verwijzing"
        verbose_name_plural = "verwijzingen"
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="unique_reference_position")]
        indexes = [
            models.Index(fields=["kamerstuk", "version"]),
            # A dossier's commitments go from its kamerstukken to the passages citing them
            # (commitments.dossiers): 45-50 ms for 29517 at 20,000 letters without it, 13-16 with.
            models.Index(fields=["kamerstuk", "section"], name="letters_ref_kamerstuk_section"),
        ]

    def __str__(self):
        return self.text

    @property
    def location_display(self) -> str:
        if self.location == self.Location.FOOTNOTE and self.footnote_id:
            return f"voetnoot {self.footnote.number}"
        return self.get_location_display()
