"""Full-text search (letters/web/search.py) with terms PostgreSQL cannot take as they are."""

import pytest

from letters.models import Section
from letters.web.forms import SearchForm
from letters.web.search import search_footnotes, search_sections

pytestmark = pytest.mark.django_db


def test_a_nul_in_the_search_terms_is_dropped(c2000_letter):
    sections = search_sections(Section.objects.current(), "ee\x00rdere")
    footnotes = search_footnotes("Kamer\x00stukken")

    assert [s.text for s in sections] == ["Zie de eerdere stukken."]
    assert sorted(f.text for f in footnotes) == [
        "Kamerstukken II 2023/24, 25 124, nr. 100",
        "Kamerstukken II 2023/24, 36 410 VI, nr. 7",
    ]


@pytest.mark.parametrize(
    ("terms", "errors"),
    [
        ("a\x00b", {"q": ["Null-tekens zijn niet toegestaan."]}),
        ("ü" * 501, {"q": ["Zorg dat deze waarde niet meer dan 500 tekens bevat (het zijn er nu 501)."]}),
        (" meldkamers ", {}),
    ],
)
def test_the_search_form_refuses_nul_and_long_terms(terms, errors):
    assert SearchForm({"q": terms}).errors == errors
