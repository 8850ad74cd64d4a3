"""Every entity kind the mirror keeps, parsed from schema-shaped XML (tkData v1-0) into its record."""

import datetime

import pytest

from kamer.tk import fields as f
from kamer.tk.entities import RECORDS
from kamer.tk.feed import (
    ActiviteitRecord,
    AgendapuntRecord,
    BesluitRecord,
    DocumentRecord,
    DocumentVersieRecord,
    DossierRecord,
    FeedError,
    FractieRecord,
    PersoonRecord,
    StemmingRecord,
    ToezeggingRecord,
    ZaakActorRecord,
    ZaakRecord,
    parse_entity,
    parse_feed_page,
)
from tests.kamer.tk.helpers import BASE, TK, XSI

UTC = datetime.UTC
CEST = datetime.timezone(datetime.timedelta(hours=2))
STAMP = "2024-06-11T14:05:09.1234567Z"
BIJGEWERKT = datetime.datetime(2024, 6, 11, 14, 5, 9, 123456, tzinfo=UTC)
G = {  # readable stand-ins for the Kamer's GUIDs
    name: f"{n:08x}-0000-4000-8000-{n:012x}"
    for n, name in enumerate(
        "dossier document versie zaak zaak2 actor persoon fractie besluit stemming agendapunt activiteit "
        "toezegging".split(),
        start=1,
    )
}


def entity(tag: str, guid: str, body: str, extra: str = "") -> bytes:
    return (
        f'<{tag} {TK} {XSI} id="{guid}" tk:bijgewerkt="{STAMP}" tk:verwijderd="false"{extra}>{body}</{tag}>'
    ).encode()


CASES = [
    (
        entity(
            "kamerstukdossier",
            G["dossier"],
            '<titel>Wijziging van de Politiewet 2012</titel><citeertitel xsi:nil="true"/><alias xsi:nil="true"/>'
            "<nummer>36600</nummer><toevoeging>VI</toevoeging><hoogsteVolgnummer>112</hoogsteVolgnummer>"
            "<afgesloten>false</afgesloten><kamer>Tweede Kamer</kamer>",
        ),
        DossierRecord(
            id=G["dossier"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            title="Wijziging van de Politiewet 2012",
            citeertitel=None,
            number="36600",
            toevoeging="VI",
            hoogste_volgnummer=112,
            afgesloten=False,
        ),
    ),
    (
        entity(
            "document",
            G["document"],
            f'<huidigeDocumentVersie ref="{G["versie"]}"/><zaak ref="{G["zaak"]}"/><zaak ref="{G["zaak2"]}"/>'
            f'<kamerstukdossier ref="{G["dossier"]}"/><soort>Motie</soort><documentNummer>2024D23001</documentNummer>'
            "<titel>Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid</titel>"
            "<onderwerp>Motie van het lid Van Dijk over de meldkamer</onderwerp>"
            "<datum>2024-06-11T00:00:00+02:00</datum>"
            "<volgnummer>100</volgnummer><vergaderjaar>2023-2024</vergaderjaar><kamer>2</kamer>"
            "<citeertitel>Motie Van Dijk c.s.</citeertitel><organisatie>Tweede Kamer</organisatie>",
            ' tk:contentType="application/pdf" tk:contentLength="48211"',
        ),
        DocumentRecord(
            id=G["document"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            content_type="application/pdf",
            content_length=48211,
            huidige_versie_id=G["versie"],
            zaak_ids=(G["zaak"], G["zaak2"]),
            kamerstukdossier_id=G["dossier"],
            soort="Motie",
            document_number="2024D23001",
            title="Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid",
            subject="Motie van het lid Van Dijk over de meldkamer",
            date=datetime.date(2024, 6, 11),
            volgnummer=100,
            vergaderjaar="2023-2024",
            citeertitel="Motie Van Dijk c.s.",
            organisatie="Tweede Kamer",
        ),
    ),
    (
        entity(
            "documentVersie",
            G["versie"],
            f'<document ref="{G["document"]}"/><status>Vrijgegeven</status><versienummer>2</versienummer>'
            "<bestandsgrootte>48211</bestandsgrootte><extensie>.pdf</extensie>"
            "<datum>2024-06-11T16:30:00</datum><externeidentifier>kst-36600-VI-100</externeidentifier>",
        ),
        DocumentVersieRecord(
            id=G["versie"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            document_id=G["document"],
            status="Vrijgegeven",
            versienummer=2,
            bestandsgrootte=48211,
            extensie=".pdf",
            date=datetime.datetime(2024, 6, 11, 16, 30, tzinfo=UTC),
            externe_identifier="kst-36600-VI-100",
        ),
    ),
    (
        entity(
            "zaak",
            G["zaak"],
            f'<kamerstukdossier ref="{G["dossier"]}"/><nummer>2024Z10123</nummer><soort>Motie</soort>'
            "<onderwerp>Motie van het lid Van Dijk c.s. over videobellen met de meldkamer</onderwerp>"
            "<gestartOp>2024-06-11T09:12:00+02:00</gestartOp><organisatie>Tweede Kamer</organisatie>"
            '<titel>Begroting Justitie en Veiligheid 2024</titel><citeertitel xsi:nil="true"/>'
            '<termijn xsi:nil="true"/><vergaderjaar>2023-2024</vergaderjaar><volgnummer>100</volgnummer>'
            "<status>Vrijgegeven</status><huidigeBehandelstatus>Aangenomen</huidigeBehandelstatus>"
            "<afgedaan>true</afgedaan><grootProject>false</grootProject>"
            "<kabinetsappreciatie>Oordeel Kamer</kabinetsappreciatie>",
        ),
        ZaakRecord(
            id=G["zaak"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            kamerstukdossier_id=G["dossier"],
            number="2024Z10123",
            soort="Motie",
            subject="Motie van het lid Van Dijk c.s. over videobellen met de meldkamer",
            started_on=datetime.datetime(2024, 6, 11, 9, 12, tzinfo=CEST),
            organisatie="Tweede Kamer",
            title="Begroting Justitie en Veiligheid 2024",
            citeertitel=None,
            termijn=None,
            vergaderjaar="2023-2024",
            volgnummer=100,
            status="Vrijgegeven",
            huidige_behandelstatus="Aangenomen",
            afgedaan=True,
            kabinetsappreciatie="Oordeel Kamer",
        ),
    ),
    (
        entity(
            "zaakActor",
            G["actor"],
            f'<zaak ref="{G["zaak"]}"/><persoon ref="{G["persoon"]}"/><fractie ref="{G["fractie"]}"/>'
            "<actorNaam>I. van Dijk</actorNaam><actorFractie>CDA</actorFractie><actorAfkorting>CDA</actorAfkorting>"
            "<functie>Tweede Kamerlid</functie><relatie>Indiener</relatie><sidActor>abc</sidActor>",
        ),
        ZaakActorRecord(
            id=G["actor"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            zaak_id=G["zaak"],
            persoon_id=G["persoon"],
            fractie_id=G["fractie"],
            actor_name="I. van Dijk",
            actor_fractie="CDA",
            actor_afkorting="CDA",
            functie="Tweede Kamerlid",
            relatie="Indiener",
        ),
    ),
    (
        entity(
            "besluit",
            G["besluit"],
            f'<agendapunt ref="{G["agendapunt"]}"/><zaak ref="{G["zaak"]}"/><zaak ref="{G["zaak2"]}"/>'
            "<stemmingsSoort>Met handopsteken</stemmingsSoort><besluitSoort>Stemmen - aangenomen</besluitSoort>"
            '<besluitTekst>Aangenomen.</besluitTekst><opmerking xsi:nil="true"/><status>Besluit</status>'
            "<agendapuntZaakBesluitVolgorde>2</agendapuntZaakBesluitVolgorde>",
        ),
        BesluitRecord(
            id=G["besluit"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            agendapunt_id=G["agendapunt"],
            zaak_ids=(G["zaak"], G["zaak2"]),
            stemmings_soort="Met handopsteken",
            besluit_soort="Stemmen - aangenomen",
            text="Aangenomen.",
            opmerking=None,
            status="Besluit",
            volgorde=2,
        ),
    ),
    (
        entity(
            "stemming",
            G["stemming"],
            f'<besluit ref="{G["besluit"]}"/><fractie ref="{G["fractie"]}"/><soort>Voor</soort>'
            "<fractieGrootte>5</fractieGrootte><actorNaam>CDA</actorNaam><actorFractie>CDA</actorFractie>"
            "<vergissing>false</vergissing>",
        ),
        StemmingRecord(
            id=G["stemming"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            besluit_id=G["besluit"],
            persoon_id=None,
            fractie_id=G["fractie"],
            soort="Voor",
            fractie_grootte=5,
            actor_name="CDA",
            actor_fractie="CDA",
            vergissing=False,
        ),
    ),
    (
        entity(
            "agendapunt",
            G["agendapunt"],
            f'<activiteit ref="{G["activiteit"]}"/><nummer>2024P09876</nummer>'
            "<onderwerp>Stemmingen over moties ingediend bij de begroting Justitie en Veiligheid</onderwerp>"
            '<aanvangstijd>2024-06-18T15:00:00+02:00</aanvangstijd><eindtijd xsi:nil="true"/>'
            "<volgorde>7</volgorde><rubriek>Stemmingen</rubriek><status>Vrijgegeven</status>",
        ),
        AgendapuntRecord(
            id=G["agendapunt"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            activiteit_id=G["activiteit"],
            number="2024P09876",
            subject="Stemmingen over moties ingediend bij de begroting Justitie en Veiligheid",
            starts_at=datetime.datetime(2024, 6, 18, 15, 0, tzinfo=CEST),
            ends_at=None,
            volgorde=7,
            rubriek="Stemmingen",
            status="Vrijgegeven",
        ),
    ),
    (
        entity(
            "activiteit",
            G["activiteit"],
            "<soort>Plenair debat</soort><nummer>2024A04321</nummer><onderwerp>Stemmingen</onderwerp>"
            "<datumSoort>Dag</datumSoort><datum>2024-06-18T00:00:00+02:00</datum>"
            "<aanvangstijd>2024-06-18T15:00:00+02:00</aanvangstijd><eindtijd>2024-06-18T15:45:00+02:00</eindtijd>"
            "<besloten>false</besloten><status>Uitgevoerd</status><vergaderjaar>2023-2024</vergaderjaar>"
            "<kamer>Tweede Kamer</kamer><voortouwnaam>Tweede Kamer</voortouwnaam>",
        ),
        ActiviteitRecord(
            id=G["activiteit"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            soort="Plenair debat",
            number="2024A04321",
            subject="Stemmingen",
            date=datetime.datetime(2024, 6, 18, tzinfo=CEST),
            starts_at=datetime.datetime(2024, 6, 18, 15, 0, tzinfo=CEST),
            ends_at=datetime.datetime(2024, 6, 18, 15, 45, tzinfo=CEST),
            status="Uitgevoerd",
            vergaderjaar="2023-2024",
            voortouwnaam="Tweede Kamer",
        ),
    ),
    (
        entity(
            "persoon",
            G["persoon"],
            "<nummer>4876</nummer><titels>mr.</titels><initialen>I.</initialen><tussenvoegsel>van</tussenvoegsel>"
            "<achternaam>Dijk</achternaam><voornamen>Inge Maria</voornamen><roepnaam>Inge</roepnaam>"
            "<geslacht>vrouw</geslacht><functie>Tweede Kamerlid</functie><geboortedatum>1978-02-03</geboortedatum>"
            "<fractielabel>CDA</fractielabel>",
            ' tk:contentType="image/jpeg" tk:contentLength="20480"',
        ),
        PersoonRecord(
            id=G["persoon"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            number="4876",
            titels="mr.",
            initials="I.",
            tussenvoegsel="van",
            surname="Dijk",
            first_names="Inge Maria",
            roepnaam="Inge",
            geslacht="vrouw",
            functie="Tweede Kamerlid",
            fractielabel="CDA",
        ),
    ),
    (
        entity(
            "fractie",
            G["fractie"],
            "<nummer>2762</nummer><afkorting>CDA</afkorting><naamNl>Christen-Democratisch Appèl</naamNl>"
            "<naamEn>Christian Democratic Appeal</naamEn><aantalZetels>5</aantalZetels>"
            '<aantalStemmen xsi:nil="true"/><datumActief>1980-10-11</datumActief><datumInactief xsi:nil="true"/>',
        ),
        FractieRecord(
            id=G["fractie"],
            bijgewerkt=BIJGEWERKT,
            deleted=False,
            number="2762",
            afkorting="CDA",
            name="Christen-Democratisch Appèl",
            seats=5,
            active_from=datetime.date(1980, 10, 11),
            active_until=None,
        ),
    ),
]

NS1 = "http://www.tweedekamer.nl/xsd/tkData/v1-0"
TOEZEGGING_NS1 = f"""<ns1:toezegging xmlns:ns1="{NS1}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    id="{G["toezegging"]}" ns1:bijgewerkt="{STAMP}" ns1:verwijderd="false">
  <ns1:toegezegdAanPersoon ref="{G["persoon"]}"/>
  <ns1:aanmaakdatum>2024-06-12T10:00:00</ns1:aanmaakdatum>
  <ns1:nummer>TZ202406-045</ns1:nummer>
  <ns1:activiteit ref="{G["activiteit"]}"/>
  <ns1:activiteitNummer>2024A04321</ns1:activiteitNummer>
  <ns1:naam>D. Yeşilgöz-Zegerius</ns1:naam>
  <ns1:achternaam>Yeşilgöz-Zegerius</ns1:achternaam>
  <ns1:initialen>D.</ns1:initialen>
  <ns1:tussenvoegsel xsi:nil="true"/>
  <ns1:voornaam>Dilan</ns1:voornaam>
  <ns1:titulatuur>mr.</ns1:titulatuur>
  <ns1:functie>minister van Justitie en Veiligheid</ns1:functie>
  <ns1:status>Deels Voldaan</ns1:status>
  <ns1:datumNakoming>2024-12-31T00:00:00+01:00</ns1:datumNakoming>
  <ns1:kamerbriefNakoming>Kamerbrief d.d. 3 oktober 2025 (29517, nr. 275)</ns1:kamerbriefNakoming>
  <ns1:ministerie>Justitie en Veiligheid</ns1:ministerie>
  <ns1:tekst>De minister zegt toe de Kamer voor het eind van het jaar te informeren over videobellen
    met de meldkamer.</ns1:tekst>
</ns1:toezegging>""".encode()

TOEZEGGING_RECORD = ToezeggingRecord(
    id=G["toezegging"],
    bijgewerkt=BIJGEWERKT,
    deleted=False,
    toegezegd_aan_fractie_id=None,
    toegezegd_aan_persoon_id=G["persoon"],
    created_on=datetime.datetime(2024, 6, 12, 10, 0, tzinfo=UTC),
    number="TZ202406-045",
    activiteit_id=G["activiteit"],
    activiteit_number="2024A04321",
    naam="D. Yeşilgöz-Zegerius",
    achternaam="Yeşilgöz-Zegerius",
    initialen="D.",
    tussenvoegsel=None,
    voornaam="Dilan",
    titulatuur="mr.",
    functie="minister van Justitie en Veiligheid",
    status="Deels Voldaan",
    due=datetime.date(2024, 12, 31),
    kamerbrief_nakoming="Kamerbrief d.d. 3 oktober 2025 (29517, nr. 275)",
    ministerie="Justitie en Veiligheid",
    text="De minister zegt toe de Kamer voor het eind van het jaar te informeren over videobellen\n"
    "    met de meldkamer.",
)


@pytest.mark.parametrize(("xml", "expected"), CASES, ids=[record.kind.element for _, record in CASES])
def test_each_kind_is_read_into_its_record(xml, expected):
    assert parse_entity(xml) == expected


def test_every_kind_of_the_table_has_a_case():
    assert {record.kind.element for _, record in CASES} | {f.TOEZEGGING} == set(RECORDS)


def test_a_toezegging_under_another_prefix_is_read_by_its_namespace():
    assert parse_entity(TOEZEGGING_NS1) == TOEZEGGING_RECORD


def test_a_toezegging_in_a_feed_entry_keeps_its_prefix_and_is_read():
    page = parse_feed_page(
        f"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>{G["toezegging"]}</title>
        <updated>2024-06-12T10:00:01Z</updated><category term="toezegging"/>
        <link rel="next" href="{BASE}/Feed?category=Toezegging&amp;skiptoken=77"/>
        <content type="application/xml">{TOEZEGGING_NS1.decode()}</content></entry></feed>""".encode()
    )

    assert [(entry.category, entry.record) for entry in page.entries] == [("toezegging", TOEZEGGING_RECORD)]
    assert page.next_skiptoken == 77


def test_an_entity_in_another_namespace_is_not_ours():
    foreign = f'<x:zaak xmlns:x="urn:other" id="{G["zaak"]}" bijgewerkt="{STAMP}" verwijderd="false"/>'.encode()

    assert parse_entity(foreign) is None


def test_children_in_another_namespace_are_skipped_and_bare_ones_read():
    xml = entity("zaak", G["zaak"], '<o:nummer xmlns:o="urn:other">X</o:nummer><soort>Motie</soort>')

    record = parse_entity(xml)

    assert (record.number, record.soort) == (None, "Motie")


def test_a_deletion_is_an_empty_record_marked_deleted():
    xml = f'<stemming {TK} id="{G["stemming"]}" tk:bijgewerkt="{STAMP}" tk:verwijderd="true"/>'.encode()

    assert parse_entity(xml) == StemmingRecord(id=G["stemming"], bijgewerkt=BIJGEWERKT, deleted=True)


def test_dates_of_a_datetime_with_a_zone_are_the_kamers_day():
    xml = entity("toezegging", G["toezegging"], "<datumNakoming>2024-12-30T23:30:00Z</datumNakoming>")

    assert parse_entity(xml).due == datetime.date(2024, 12, 31)  # 00:30 in Den Haag


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("<afgedaan>misschien</afgedaan>", "afgedaan van <zaak> %s is geen true of false: 'misschien'"),
        ("<volgnummer>12b</volgnummer>", "volgnummer van <zaak> %s is geen geheel getal: '12b'"),
        ("<volgnummer>1_000</volgnummer>", "volgnummer van <zaak> %s is geen geheel getal: '1_000'"),
        # Python's int() refuses 4,300 digits with a ValueError: no xs:int, and no crash of the sync
        (f"<volgnummer>{'9' * 5000}</volgnummer>", f"volgnummer van <zaak> %s is geen geheel getal: '{'9' * 80}'"),
        ("<gestartOp>gisteren</gestartOp>", "gestartOp van <zaak> %s is geen tijdstip: 'gisteren'"),
        (
            "<gestartOp>2024-13-45T00:00:00</gestartOp>",
            "gestartOp van <zaak> %s is geen tijdstip: '2024-13-45T00:00:00'",
        ),
        (
            f'<kamerstukdossier ref="{"x" * 65}"/>',
            f"de verwijzing kamerstukdossier van <zaak> %s is geen GUID: '{'x' * 65}'",
        ),
    ],
)
def test_bad_values_raise_feed_error_with_a_dutch_reason(body, reason):
    with pytest.raises(FeedError) as caught:
        parse_entity(entity("zaak", G["zaak"], body))

    assert caught.value.reason == reason.replace("%s", G["zaak"])


def test_a_bad_bijgewerkt_is_refused():
    xml = f'<fractie {TK} id="{G["fractie"]}" tk:bijgewerkt="vandaag" tk:verwijderd="false"/>'.encode()

    with pytest.raises(FeedError) as caught:
        parse_entity(xml)

    assert caught.value.reason == f"bijgewerkt van <fractie> {G['fractie']} is geen tijdstip: 'vandaag'"
