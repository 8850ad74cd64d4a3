import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

RIGHT = "a-long-test-password"  # tests/conftest.py's make_user
LOCKED = "Te veel mislukte pogingen; probeer het over 15 minuten opnieuw."


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    """Two dozen logins with the real hasher take half a minute; the lock-out is the same."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


def log_in(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_five_wrong_passwords_lock_the_user_out_even_with_the_right_one(client, clerk):
    for _ in range(5):
        log_in(client, "griffie", "fout-wachtwoord")

    response = log_in(client, "griffie", RIGHT)

    assert response.status_code == 429
    assert LOCKED in text_of(response)
    assert "_auth_user_id" not in client.session


def test_fifth_wrong_password_already_shows_the_lockout_page(client, clerk):
    answers = [log_in(client, "griffie", "fout-wachtwoord") for _ in range(5)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429]
    assert (
        "Voer een juiste gebruikersnaam en wachtwoord in. Let op dat beide velden hoofdlettergevoelig zijn."
        in text_of(answers[3])
    )
    assert LOCKED in text_of(answers[4])


def test_lockout_of_one_user_leaves_another_from_the_same_address_alone(client, clerk, policy_user):
    for _ in range(5):
        log_in(client, "griffie", "fout-wachtwoord")

    response = log_in(client, "beleid", RIGHT)

    assert (response.status_code, response["Location"]) == (302, "/")


def test_right_password_before_the_limit_starts_the_count_again(client, clerk):
    for _ in range(4):
        log_in(client, "griffie", "fout-wachtwoord")
    log_in(client, "griffie", RIGHT)
    client.logout()
    for _ in range(4):
        log_in(client, "griffie", "fout-wachtwoord")

    response = log_in(client, "griffie", RIGHT)

    assert (response.status_code, response["Location"]) == (302, "/")


def test_behind_a_proxy_the_lockout_counts_per_client_address(client, clerk, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for _ in range(5):
        log_in(client, "griffie", "fout-wachtwoord", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.5")

    elsewhere = log_in(client, "griffie", RIGHT, HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.6")
    client.logout()
    same = log_in(client, "griffie", RIGHT, HTTP_X_FORWARDED_FOR="198.51.100.1, 10.0.0.5")

    assert (elsewhere.status_code, elsewhere["Location"]) == (302, "/")
    assert same.status_code == 429
