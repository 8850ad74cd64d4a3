import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from letters.importing.store import import_letter
from letters.models import Source, TopicFollow
from tests.conftest import SAMPLES, SEED
from tests.docx_builder import build_docx, head_table, text_para, with_replaced_text

pytestmark = pytest.mark.django_db
STYLES = SAMPLES / "seed" / "verzamelbrief-2025D43420-styles.docx"


def add(content=None, filename=STYLES.name):
    return import_letter(content=content or STYLES.read_bytes(), filename=filename, source=Source.COMMAND)


def c2000_letter(day: int, heading="C2000 vervanging", body="De C2000-masten worden vervangen."):
    return build_docx(
        head_table(f"{day} november 2025", f"Voortgang C2000 {day}"), text_para(heading, bold=True), text_para(body)
    )


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def passage_headings(response) -> list[str]:
    return re.findall(
        r'class="passage-heading"><a href="[^"]+">(?:<span class="path">[^<]*</span> )?([^<]+)</a>',
        response.content.decode(),
    )


def test_topic_index_counts(policy_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # counted after the import commits
        add()

    html = policy_client.get(reverse("topic_index")).content.decode()

    row = re.search(r'c2000-en-vmx/">C2000 en VMX \(missiekritische communicatie\)</a></th>(.*?)</tr>', html).group(1)
    # five passages: three on C2000, the governance passage on VMX and the opening that lists every
    # subject; the C2000 section mentions the Van Dijk motion (28684-759), still open
    assert re.findall(r"<td>([^<]*)</td>", row) == ["1", "5", "1", "0", "3 oktober 2025"]
    ptss = re.search(r'ptss-en-psychosociale-zorg/">[^<]+</a></th>(.*?)</tr>', html).group(1)
    # PTSS passages mention the two Mutluer motions, promise cover for the amendment and fulfil an earlier promise
    assert re.findall(r"<td>([^<]*)</td>", ptss) == ["1", "8", "2", "2", "3 oktober 2025"]


def test_topic_page_is_a_timeline_newest_first_with_what_passages_cite(policy_client):
    add()
    add(c2000_letter(20), "c2000-20.docx")

    response = policy_client.get(reverse("topic_detail", args=["c2000-en-vmx"]))

    assert passage_headings(response) == [
        "C2000 vervanging",
        "(opening)",
        "Brief inspectie governance meldkamerdomein",
        "Beleidsreactie WODC evaluatie naar programma IVC",
        "C2000",
        "Vernieuwing Missiekritische Communicatie (VMX)",
    ]
    html = response.content.decode()
    assert '<span class="path">Beleidsreactie WODC evaluatie naar programma IVC ›</span> C2000' in html
    assert 'href="/kamerstukken/28684-759/">28 684, nr. 759</a>' in html  # the Van Dijk motion's footnote
    assert "Motie Van Dijk (28 684, nr. 759)</a>" in html


def test_topic_page_filters_by_date_and_dossier(policy_client):
    add()
    add(c2000_letter(20), "c2000-20.docx")

    by_date = passage_headings(
        policy_client.get(reverse("topic_detail", args=["c2000-en-vmx"]), {"date_from": "2025-11-01"})
    )
    by_dossier = passage_headings(
        policy_client.get(reverse("topic_detail", args=["c2000-en-vmx"]), {"dossier": "28684"})
    )

    assert by_date == ["C2000 vervanging"]
    assert by_dossier == ["C2000"]


def test_following_a_topic_shows_what_is_new_on_the_start_page(policy_client, policy_user):
    add()
    policy_client.post(reverse("topic_follow", args=["c2000-en-vmx"]))
    assert "niets nieuws" in text_of(policy_client.get(reverse("home")))

    add(c2000_letter(20), "c2000-20.docx")
    add(c2000_letter(21), "c2000-21.docx")

    assert "C2000 en VMX (missiekritische communicatie) 2 nieuw sinds uw laatste bezoek" in text_of(
        policy_client.get(reverse("home"))
    )
    policy_client.get(reverse("topic_detail", args=["c2000-en-vmx"]))
    assert "niets nieuws" in text_of(policy_client.get(reverse("home")))
    policy_client.post(reverse("topic_follow", args=["c2000-en-vmx"]))
    assert TopicFollow.objects.filter(user=policy_user).count() == 0


def test_a_visit_with_nothing_imported_since_the_last_one_writes_nothing(policy_client, policy_user):
    add()
    policy_client.post(reverse("topic_follow", args=["c2000-en-vmx"]))
    follow = TopicFollow.objects.get(user=policy_user)

    with CaptureQueriesContext(connection) as visit:
        policy_client.get(reverse("topic_detail", args=["c2000-en-vmx"]))

    # No row changed, so no cached page of anyone's became stale (letters.web.fragments).
    assert TopicFollow.objects.get(pk=follow.pk).last_seen_at == follow.last_seen_at
    updates = [q["sql"] for q in visit.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1 and "EXISTS" in updates[0]  # the conditional update, matching no row
    add(c2000_letter(20), "c2000-20.docx")
    policy_client.get(reverse("topic_detail", args=["c2000-en-vmx"]))
    assert TopicFollow.objects.get(pk=follow.pk).last_seen_at > follow.last_seen_at


def test_following_needs_a_login(client):
    assert client.post(reverse("topic_follow", args=["c2000-en-vmx"]))["Location"].startswith(reverse("login"))


def test_search_uses_dutch_stemming_and_ranks_heading_matches_first(policy_client):
    add()

    response = policy_client.get(reverse("search"), {"q": "meldkamers"})

    headings = re.findall(
        r'class="passage-heading" href="[^"]+">(?:<span class="path">[^<]*</span> )?([^<]+)</a>',
        response.content.decode(),
    )
    assert connection.vendor == "postgresql"
    assert headings[:4] == [  # passages whose heading names it come first
        "Realisatie meldkamers afgerond",
        "Videobellen met de meldkamer",
        "Ontwikkelingen in de meldkamers",
        "Meldkamers",
    ]
    assert "Videobellen met de meldkamer" in headings  # the singular is found through stemming
    assert "Beleidsreactie WODC evaluatie naar programma IVC" in headings  # found in the text only
    assert "<mark>meldkamer</mark>" in response.content.decode()


def test_search_snippets_escape_letter_text(policy_client):
    hostile = build_docx(head_table("1 mei 2025", "Test"), text_para("De meldkamer <script>alert(1)</script> werkt."))
    add(hostile, "hostile.docx")

    html = policy_client.get(reverse("search"), {"q": "meldkamer"}).content.decode()

    snippet = re.search(r'<p class="snippet">(.*?)</p>', html).group(1)
    assert "<script>" not in html
    assert re.sub(r"\s+", " ", snippet) == "<mark>meldkamer</mark> alert(1) werkt"  # PostgreSQL drops the tag


def test_search_finds_footnotes_and_applies_filters(policy_client):
    add()
    add(c2000_letter(20), "c2000-20.docx")

    footnotes = text_of(policy_client.get(reverse("search"), {"q": "Staatscourant"}))
    filtered = policy_client.get(reverse("search"), {"q": "C2000", "date_from": "2025-11-01"})

    assert "Voetnoot 27" in footnotes
    assert re.findall(r'class="passage-heading" href="[^"]+">([^<]+)</a>', filtered.content.decode()) == [
        "C2000 vervanging"
    ]


def test_version_comparison_marks_changed_words_and_citations(policy_client):
    first = add(SEED.read_bytes(), SEED.name)
    changed = with_replaced_text(SEED.read_bytes(), "de pilot wordt nu voorbereid", "de pilot is gestart")
    changed = with_replaced_text(
        changed,
        "Kamerstukken II, 2024/25, 30821, nr. 304",
        "Kamerstukken II, 2025/26, 30821, nr. 310",
        part="word/footnotes.xml",
    )
    add(changed, "verzamelbrief-2025D43420-v2.docx")

    response = policy_client.get(reverse("version_compare", args=[first.letter.pk, 1, 2]))
    html = response.content.decode()

    assert "Gewijzigd: Pilots meldkamerfunctie ambulance en zorgcoördinatie" in html
    assert "<del>wordt nu voorbereid. </del><ins>is gestart. </ins>" in html
    assert '<span class="badge">erbij</span> 30 821, nr. 310' in html
    assert '<span class="badge">weg</span> 30 821, nr. 304' in html
    assert html.count('class="card diff-') == 1


def citing_c2000(start, count):
    for day in range(start, start + count):
        add(c2000_letter(day), f"c{day}.docx")


@pytest.mark.parametrize(
    "url",
    [
        reverse("topic_detail", args=["c2000-en-vmx"]),
        reverse("topic_index"),
        reverse("search") + "?q=C2000",
        reverse("home"),
    ],
)
def test_topic_and_search_pages_do_not_grow_queries(policy_client, url):
    policy_client.post(reverse("topic_follow", args=["c2000-en-vmx"]))
    citing_c2000(1, 1)
    with CaptureQueriesContext(connection) as one:
        assert policy_client.get(url).status_code == 200
    citing_c2000(2, 3)

    with CaptureQueriesContext(connection) as four:
        policy_client.get(url)

    assert len(four) == len(one)


def test_search_with_very_many_matches_shows_the_newest_first(policy_client, monkeypatch):
    from letters.web.listing import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 2)
    citing_c2000(1, 3)

    response = policy_client.get(reverse("search"), {"q": "C2000"})

    dates = re.findall(r'<time datetime="([^"]+)">', response.content.decode())
    assert "Passages (meer dan 2)" in text_of(response)
    assert dates == sorted(dates, reverse=True) and dates[0] == "2025-11-03"
