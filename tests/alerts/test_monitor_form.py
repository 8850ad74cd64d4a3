"""Following something new in two steps, without JavaScript: the kind (a GET), then that kind's form."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from alerts.mail import unsubscribe_token
from alerts.models import Monitor
from tests.alerts.helpers import follow_topic, follower, import_seed
from tkdossiers.roles import CLERKS, POLICY_STAFF

pytestmark = pytest.mark.django_db
TARGET_FIELDS = ["topic", "dossier", "search", "motion", "toezegging", "ministerie"]


@pytest.fixture
def user_client(client):
    user = follower("beleid", POLICY_STAFF)
    client.force_login(user)
    client.user = user
    return client


def field_names(page: str) -> list[str]:
    """The names of the inputs and selects a page's forms send, in order (the CSRF token left out)."""
    names = re.findall(r'<(?:input|select)[^>]*\bname="([^"]+)"', page)
    return [name for name in names if name != "csrfmiddlewaretoken"]


def field_block(page: str, name: str) -> str:
    """The <div class="field"> around one field: its label, input, help and errors."""
    (block,) = re.findall(rf'<div class="field">(?:(?!</div>).)*name="{name}"(?:(?!</div>).)*</div>', page, re.S)
    return block


def test_step_one_asks_only_the_kind_with_a_get(user_client):
    page = user_client.get(reverse("monitor_list")).content.decode()

    (form,) = re.findall(r'<form method="get" action="/meldingen/nieuw/".*?</form>', page, re.S)
    assert re.findall(r'<input type="radio" name="soort" value="(\w+)"', form) == [
        "topic",
        "dossier",
        "search",
        "motion",
        "toezegging",
        "ministerie",
    ]
    assert "<legend>Wat wilt u volgen?</legend>" in form
    assert '<label for="id_soort_5">Nieuwe toezeggingen van een ministerie</label>' in form
    assert not set(TARGET_FIELDS) & set(field_names(page))


def test_the_griffie_may_also_choose_its_team_deadlines(client):
    client.force_login(follower("griffie", CLERKS))

    page = client.get(reverse("monitor_list")).content.decode()

    assert '<input type="radio" name="soort" value="team_due"' in page


@pytest.mark.parametrize(
    ("kind", "fields", "title"),
    [
        ("topic", ["kind", "topic", "frequency"], "Volgen: onderwerp"),
        ("dossier", ["kind", "dossier", "frequency"], "Volgen: dossier"),
        ("search", ["kind", "search", "frequency"], "Volgen: zoekopdracht"),
        ("motion", ["kind", "motion", "frequency"], "Volgen: motie"),
        ("toezegging", ["kind", "toezegging", "frequency"], "Volgen: toezegging"),
        ("ministerie", ["kind", "ministerie", "frequency"], "Volgen: nieuwe toezeggingen van een ministerie"),
    ],
)
def test_step_two_shows_only_the_kinds_field(user_client, kind, fields, title):
    response = user_client.get(reverse("monitor_create"), {"soort": kind})

    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in page
    assert field_names(page) == fields
    assert f'<input type="hidden" name="kind" value="{kind}"' in page
    assert re.search(r'<form method="post" action="/meldingen/nieuw/"[^>]*>\s*<input type="hidden" name="csrf', page)


def test_step_two_of_the_team_deadlines_asks_only_how_often(client):
    client.force_login(follower("griffie", CLERKS))

    page = client.get(reverse("monitor_create"), {"soort": "team_due"}).content.decode()

    assert field_names(page) == ["kind", "frequency"]


@pytest.mark.parametrize("kind", ["", "team_due", "onzin"])
def test_a_kind_the_user_cannot_follow_goes_back_to_step_one_saying_so(user_client, kind):
    response = user_client.get(reverse("monitor_create"), {"soort": kind} if kind else {})

    page = response.content.decode()
    assert response.status_code == 400
    (fieldset,) = re.findall(r"<fieldset.*?</fieldset>", page, re.S)
    expected = "Dit veld is verplicht." if not kind else "Selecteer een geldige keuze."
    assert f'<p class="error">{expected}' in fieldset


def test_an_error_is_shown_beside_its_field(user_client):
    import_seed(1)

    response = user_client.post(
        reverse("monitor_create"), {"kind": "dossier", "dossier": "99999", "frequency": "daily"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert field_names(page) == ["kind", "dossier", "frequency"]
    assert '<p class="error" id="id_dossier_error">Dit dossier kennen we niet' in field_block(page, "dossier")
    assert 'value="99999"' in field_block(page, "dossier")  # what was typed stays
    assert "error" not in field_block(page, "frequency")
    assert not Monitor.objects.exists()


def test_step_two_follows(user_client):
    import_seed(1)

    response = user_client.post(
        reverse("monitor_create"), {"kind": "dossier", "dossier": "29517", "frequency": "weekly"}
    )

    monitor = Monitor.objects.get()
    assert (response.url, monitor.kind, monitor.dossier.number, monitor.frequency) == (
        f"/meldingen/#melding-{monitor.pk}",
        "dossier",
        "29517",
        "weekly",
    )


def test_another_kinds_field_in_the_post_is_ignored(user_client):
    import_seed(1)

    user_client.post(
        reverse("monitor_create"),
        {"kind": "ministerie", "ministerie": "Financiën", "dossier": "29517", "frequency": "daily"},
    )

    monitor = Monitor.objects.get()
    assert (monitor.kind, monitor.ministerie, monitor.dossier_id) == ("ministerie", "Financiën", None)


def post_forms(page: str) -> list[str]:
    """The page's own POST forms (the menu's Uitloggen left out)."""
    return [form for form in re.findall(r'<form method="post".*?</form>', page, re.S) if "/uitloggen/" not in form]


def test_every_post_form_on_the_alerts_pages_carries_the_csrf_token():
    user = follower("beleid", POLICY_STAFF)
    monitor = follow_topic(user, slug="c2000-en-vmx")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    pages = [
        client.get(reverse("monitor_list")).content.decode(),
        client.get(reverse("monitor_create"), {"soort": "topic"}).content.decode(),
    ]
    pages.append(client.get(reverse("unsubscribe", args=[unsubscribe_token(monitor)])).content.decode())

    forms = [form for page in pages for form in post_forms(page)]
    assert [re.search(r'action="([^"]*)"', form).group(1) if "action=" in form else "" for form in forms] == [
        f"/meldingen/{monitor.pk}/",
        f"/meldingen/{monitor.pk}/feed-adres/",
        f"/meldingen/{monitor.pk}/verwijderen/",
        "/meldingen/agenda/vernieuwen/",
        "/meldingen/nieuw/",
        "",  # the unsubscribe page posts to itself
    ]
    assert all('name="csrfmiddlewaretoken"' in form for form in forms)
