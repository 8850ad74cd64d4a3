import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from letters.management.commands.create_demo_users import DEMO_USERS


def refusals(password: str, user=None) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    return refused.value.messages


@pytest.mark.parametrize(
    ("password", "messages"),
    [
        ("12345678901234", ["Dit wachtwoord bevat alleen cijfers."]),
        ("kort-wacht", ["Dit wachtwoord is te kort. De minimale lengte is 12 tekens."]),
        ("password1234", ["Dit wachtwoord is te algemeen."]),
        (
            "123456789",
            [
                "Dit wachtwoord is te kort. De minimale lengte is 12 tekens.",
                "Dit wachtwoord is te algemeen.",
                "Dit wachtwoord bevat alleen cijfers.",
            ],
        ),
    ],
)
def test_weak_password_is_refused_in_dutch(password, messages):
    assert refusals(password) == messages


def test_password_like_the_user_name_is_refused():
    assert refusals("griffie.tweede", User(username="griffie.tweede")) == [
        "Het wachtwoord lijkt te veel op de gebruikersnaam."
    ]


@pytest.mark.parametrize(("username", "password"), [(name, password) for name, password, *_ in DEMO_USERS])
def test_demo_passwords_meet_the_policy(username, password):
    assert validate_password(password, User(username=username)) is None
