"""The letters side of the previous release's database: people, letters, topics, commitments.

Each function creates its part through the historical models of `apps` and returns what it made
by name; `made` holds what the earlier ones made.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.contrib.postgres.search import SearchVector

from tests.migrations.previous_release import DOCX, at, sha


def people_and_roles(apps, made):
    """One user in each role of that release."""
    User, Group = apps.get_model("auth", "User"), apps.get_model("auth", "Group")
    password = make_password("a-long-test-password")
    clerk = User.objects.create(username="griffie-oud", password=password, email="griffie@example.org")
    clerk.groups.add(Group.objects.get(name="Griffie"))
    admin = User.objects.create(username="beheer-oud", password=password)
    admin.groups.add(Group.objects.get(name="Beheerders"))
    policy = User.objects.create(username="beleid-oud", password=password)
    policy.groups.add(Group.objects.get(name="Beleidsmedewerkers"))
    return {"clerk": clerk, "admin": admin, "policy": policy}


def dossier_and_letter(apps, made):
    """A dossier with two Kamerstukken, a letter on one of them as the sync imported it, and a file
    that did not import."""
    Dossier, Kamerstuk = apps.get_model("tkdossiers", "Dossier"), apps.get_model("tkdossiers", "Kamerstuk")
    Letter, LetterVersion = apps.get_model("letters", "Letter"), apps.get_model("letters", "LetterVersion")
    FailedImport = apps.get_model("letters", "FailedImport")
    clerk = made["clerk"]

    dossier = Dossier.objects.create(
        number="29517", title="Veiligheidsregio's", tk_id="0b6e2a34-5d2c-4c1e-9a53-1f0d2e3c4b5a"
    )
    motion_stuk = Kamerstuk.objects.create(
        dossier=dossier,
        number="250",
        vergaderjaar="2024-25",
        kind="Motie",
        citation_count=1,
        last_cited=datetime.date(2025, 10, 3),
    )
    letter_stuk = Kamerstuk.objects.create(dossier=dossier, number="262", vergaderjaar="2025-26", kind="Brief regering")

    letter = Letter.objects.create(
        identity="kamerstuk:29517-262",
        document_number="2025D43420",
        kenmerk="6512345",
        title="Verzamelbrief brandweer en crisisbeheersing",
        date=datetime.date(2025, 10, 3),
        sender="Ministerie van Justitie en Veiligheid",
        signatory="De Minister van Justitie en Veiligheid",
        vergaderjaar="2025-26",
        dossier=dossier,
        kamerstuk=letter_stuk,
    )
    version = LetterVersion.objects.create(
        letter=letter,
        number=1,
        sha256=sha(DOCX),
        filename="verzamelbrief-2025D43420.docx",
        size=len(DOCX),
        content=DOCX,
        title=letter.title,
        date=letter.date,
        source="sync",
        imported_by=clerk,
        is_current=True,
    )
    Letter.objects.filter(pk=letter.pk).update(current_version=version)
    FailedImport.objects.create(
        filename="kapot.docx",
        sha256=sha(b"kapot"),
        size=5,
        reason="Geen geldig Word-bestand",
        source="upload",
        user=clerk,
    )
    return {
        "dossier": dossier,
        "motion_stuk": motion_stuk,
        "letter_stuk": letter_stuk,
        "letter": letter,
        "version": version,
    }


def sections_and_references(apps, made):
    """The letter's sections with their full-text vectors, a footnote, its references, its dossier."""
    Section, Footnote = apps.get_model("letters", "Section"), apps.get_model("letters", "Footnote")
    Reference, LetterDossier = apps.get_model("letters", "Reference"), apps.get_model("letters", "LetterDossier")
    dossier, motion_stuk, letter, version = (made[name] for name in ["dossier", "motion_stuk", "letter", "version"])

    opening = Section.objects.create(
        version=version,
        position=0,
        level=0,
        kind="opening",
        heading="",
        blocks=[{"type": "p", "text": "Hierbij informeer ik uw Kamer over de meldkamers."}],
        text="Hierbij informeer ik uw Kamer over de meldkamers.",
    )
    heading = Section.objects.create(
        version=version,
        position=1,
        level=1,
        number="1",
        kind="heading",
        heading="Meldkamers",
        heading_refs=[],
        blocks=[{"type": "p", "text": "De meldkamers werken samen in de LMS."}],
        text="De meldkamers werken samen in de LMS.",
    )
    child = Section.objects.create(
        version=version,
        position=2,
        level=2,
        number="1.1",
        kind="heading",
        heading="Ontwikkelingen 112",
        parent=heading,
        path="Meldkamers",
        blocks=[{"type": "p", "text": "Met deze brief is de motie van het lid Michon-Derkzen afgedaan.", "refs": [0]}],
        text="Met deze brief is de motie van het lid Michon-Derkzen1 afgedaan. Ik zeg toe uw Kamer voor de zomer "
        "te informeren over de aannamecentrale.",
    )
    footnote = Footnote.objects.create(
        version=version, section=child, number="1", position=0, text="Kamerstuk 29517, nr. 250"
    )
    Section.objects.filter(version=version).update(
        search_vector=SearchVector("heading", weight="A", config="dutch")
        + SearchVector("text", weight="B", config="dutch")
    )
    Footnote.objects.filter(version=version).update(search_vector=SearchVector("text", weight="B", config="dutch"))
    Reference.objects.create(
        version=version,
        section=child,
        footnote=footnote,
        kind="kamerstuk",
        location="footnote",
        position=0,
        text="Kamerstuk 29517, nr. 250",
        kamerstuk=motion_stuk,
    )
    Reference.objects.create(
        version=version,
        section=heading,
        kind="url",
        location="body",
        position=1,
        text="https://www.rijksoverheid.nl/meldkamers",
    )
    LetterDossier.objects.create(letter=letter, dossier=dossier, citations=1)
    return {"opening": opening, "heading": heading, "child": child, "footnote": footnote}


def topics(apps, made):
    """A topic with its rule, a tag by the rule and one by hand, and a follower."""
    Topic, TopicRule = apps.get_model("letters", "Topic"), apps.get_model("letters", "TopicRule")
    TopicTag, TopicFollow = apps.get_model("letters", "TopicTag"), apps.get_model("letters", "TopicFollow")
    clerk, policy, letter, heading, child = (made[name] for name in ["clerk", "policy", "letter", "heading", "child"])

    topic = Topic.objects.create(
        name="Aannamecentrales",
        slug="aannamecentrales",
        description="De aannamecentrales van 112.",
        threshold=4.5,
        passage_count=1,
        letter_count=1,
        latest_date=letter.date,
        open_motion_count=0,
        open_commitment_count=1,
        counted_at=at(2025, 10, 4, 2, 0),
    )
    TopicRule.objects.create(topic=topic, term="aannamecentrale*", weight=2.0)
    TopicTag.objects.create(section=child, topic=topic, source="rule")
    TopicTag.objects.create(section=heading, topic=topic, source="manual", tagged_by=clerk)
    TopicFollow.objects.create(user=policy, topic=topic, last_seen_at=at(2025, 10, 1, 8, 0))
    return {"topic": topic}


def commitments_and_decisions(apps, made):
    """A motion the letter declares done, the clerk's decision on it, and a commitment made in the letter."""
    Motion, MotionMention = apps.get_model("commitments", "Motion"), apps.get_model("commitments", "MotionMention")
    Commitment, StatusChange = (
        apps.get_model("commitments", "Commitment"),
        apps.get_model("commitments", "StatusChange"),
    )
    clerk, motion_stuk, letter, version = (made[name] for name in ["clerk", "motion_stuk", "letter", "version"])
    heading, child = made["heading"], made["child"]

    motion = Motion.objects.create(
        kamerstuk=motion_stuk,
        members=["Michon-Derkzen"],
        members_key="michon-derkzen",
        status="done",
        declared_in=letter,
        declaration_reviewed=True,
    )
    MotionMention.objects.create(
        motion=motion,
        section=child,
        version=version,
        position=0,
        text="de motie van het lid Michon-Derkzen",
        sentence="Met deze brief is de motie van het lid Michon-Derkzen afgedaan.",
        declares_done=True,
    )
    decision = StatusChange.objects.create(
        motion=motion,
        user=clerk,
        action="afgedaan",
        from_status="open",
        to_status="done",
        note="Bevestigd: de brief doet de motie af.",
        evidence=child,
    )
    commitment = Commitment.objects.create(
        key=sha(b"29517-262:aannamecentrale"),
        letter=letter,
        made_in=child,
        kind="new",
        status="open",
        text="Ik zeg toe uw Kamer voor de zomer te informeren over de aannamecentrale.",
        due=datetime.date(2026, 7, 1),
    )
    commitment.fulfilled_by.add(heading)
    return {"motion": motion, "decision": decision, "commitment": commitment}
