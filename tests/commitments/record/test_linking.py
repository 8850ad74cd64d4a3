"""A clerk links a motion to its zaak by hand, or undoes a link: services with an audit row, views
behind the settle_motion permission (commitments.services.motion_link_zaak, motion_unlink_zaak)."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from commitments.models import Motion, StatusChange
from commitments.record.resolving import resolve_motions
from commitments.services import motion_link_zaak, motion_unlink_zaak
from kamer.models import Zaak
from tests.commitments.record.kamer_rows import fractie, guid, motie, persoon
from tests.commitments.record.letters import import_member_only

pytestmark = pytest.mark.django_db


@pytest.fixture
def van_dijk():
    """The member-only motion of Van Dijk, and the zaak it is about."""
    import_member_only()
    zaak = motie(
        "2024Z04020",
        "over videobellen",
        dossier=("28684", ""),
        indieners=[(persoon("Jan", "Dijk", "van"), fractie("PVV", 37))],
    )
    return Motion.objects.get(members_key="van dijk"), zaak


def audit(motion) -> list[tuple]:
    return list(
        StatusChange.objects.filter(motion=motion).values_list(
            "user__username", "action", "from_status", "to_status", "note"
        )
    )


def test_linking_sets_the_zaak_and_writes_an_audit_row(van_dijk, clerk):
    motion, zaak = van_dijk

    motion_link_zaak(motion=motion, zaak=zaak, user=clerk, note="Zelfde onderwerp als de brief.")

    motion.refresh_from_db()
    assert (motion.zaak_id, motion.zaak_source, motion.status) == (zaak.guid, "clerk", "open")
    assert audit(motion) == [
        ("griffie", "zaak gekoppeld", "open", "open", "Zaak 2024Z04020: Zelfde onderwerp als de brief.")
    ]


def test_unlinking_writes_an_audit_row_and_resolving_leaves_it_unlinked(van_dijk, clerk):
    motion, zaak = van_dijk
    motion_link_zaak(motion=motion, zaak=zaak, user=clerk)

    motion_unlink_zaak(motion=motion, user=clerk, note="")
    resolve_motions(motions=[motion])

    motion.refresh_from_db()
    assert (motion.zaak_id, motion.zaak_source) == (None, "clerk")
    assert audit(motion) == [
        ("griffie", "zaak ontkoppeld", "open", "open", "Zaak 2024Z04020"),
        ("griffie", "zaak gekoppeld", "open", "open", "Zaak 2024Z04020"),
    ]


def test_only_a_current_motie_can_be_linked(van_dijk, clerk):
    motion, _ = van_dijk
    letter_zaak = Zaak.objects.create(guid=guid(), number="2025Z18704", soort="Brief regering")

    with pytest.raises(ValidationError) as refused:
        motion_link_zaak(motion=motion, zaak=letter_zaak, user=clerk)

    assert refused.value.messages == ["Alleen een bestaande zaak van de soort motie kan worden gekoppeld."]
    assert (Motion.objects.get(pk=motion.pk).zaak_id, audit(motion)) == (None, [])


def link(client, motion, zaak, note=""):
    return client.post(reverse("motion_zaak", args=[motion.pk, "koppelen"]), {"zaak": zaak.guid, "note": note})


def test_clerk_links_from_the_motion_page(van_dijk, clerk_client):
    motion, zaak = van_dijk

    response = link(clerk_client, motion, zaak, "Gecontroleerd")
    page = clerk_client.get(response["Location"]).content.decode()

    assert response["Location"] == motion.get_absolute_url()
    assert Motion.objects.get(pk=motion.pk).zaak_id == zaak.guid
    assert "De motie is gekoppeld aan zaak 2024Z04020." in page
    assert audit(motion)[0][1:] == ("zaak gekoppeld", "open", "open", "Zaak 2024Z04020: Gecontroleerd")


def test_policy_staff_may_not_link_and_anonymous_users_are_sent_to_log_in(van_dijk, client, policy_user):
    motion, zaak = van_dijk

    anonymous = link(client, motion, zaak)
    client.force_login(policy_user)
    refused = link(client, motion, zaak)
    unlink = client.post(reverse("motion_zaak", args=[motion.pk, "ontkoppelen"]))

    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    assert (refused.status_code, unlink.status_code) == (403, 403)
    assert (Motion.objects.get(pk=motion.pk).zaak_id, audit(motion)) == (None, [])


@pytest.mark.parametrize("zaak", ["geen-guid", "x" * 65])
def test_unknown_zaak_is_refused_with_a_message(van_dijk, clerk_client, zaak):
    motion, _ = van_dijk

    response = clerk_client.post(reverse("motion_zaak", args=[motion.pk, "koppelen"]), {"zaak": zaak}, follow=True)

    assert "Deze zaak is niet bekend." in response.content.decode()
    assert audit(motion) == []


def suggestions(client, motion) -> list[str]:
    page = client.get(motion.get_absolute_url()).content.decode()
    return re.findall(r'<button type="submit">Koppel aan ([^<]+)</button>', page)


@pytest.mark.parametrize(("who", "shown"), [("clerk", ["2024Z04020", "2023Z00100"]), ("policy_user", [])])
def test_the_clerk_sees_the_candidates_as_suggestions_policy_staff_do_not(van_dijk, client, request, who, shown):
    motion, _ = van_dijk
    inge = (persoon("Inge", "Dijk", "van"), fractie("SP", 5))
    motie("2023Z00100", "ouder", dossier=("28684", ""), started=datetime.date(2023, 1, 10), indieners=[inge])
    client.force_login(request.getfixturevalue(who))

    assert suggestions(client, motion) == shown
