import json
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, str]:
    parts = [part.strip().split(" ", 1) for part in header.split(";")]
    assert len({name for name, _ in parts}) == len(parts), header
    return {name: value for name, value in parts}


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(reverse("login"))

    assert directives(response["Content-Security-Policy"]) == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }


def test_htmx_is_told_not_to_inject_its_indicator_style(client):
    page = client.get(reverse("login")).content.decode()

    [config] = re.findall(r"<meta name=\"htmx-config\" content='([^']*)'>", page)
    assert json.loads(config) == {"includeIndicatorStyles": False}
    assert "<style" not in page and " style=" not in page
