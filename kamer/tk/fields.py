"""Every name the Tweede Kamer SyncFeed uses, in one place.

Source: the official schemas in samples/tk-opendata/xsd/ (tkData v1-0) and recorded feed
entries in samples/tk-opendata/syncfeed/. If the Kamer renames a field, change it here only.

`KINDS` (at the end) is the one table of what is read from each entity kind: per element or
attribute of the schema, the record field it fills and its type. The record field names are the
attribute names of the mirror's models (kamer.models), so storing a record needs no second table.
"""

from dataclasses import dataclass

# Namespaces
ATOM_NS = "http://www.w3.org/2005/Atom"
TK_NS = "http://www.tweedekamer.nl/xsd/tkData/v1-0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# URL paths, relative to the base URL (https://gegevensmagazijn.tweedekamer.nl)
FEED_PATH = "SyncFeed/2.0/Feed"
RESOURCES_PATH = "SyncFeed/2.0/Resources/"
ENTITIES_PATH = "SyncFeed/2.0/Entiteiten/"
PARAM_CATEGORY = "category"
PARAM_SKIPTOKEN = "skiptoken"

# Feed categories (the `category` query parameter) and entry category terms
CATEGORY_DOCUMENT = "Document"
CATEGORY_KAMERSTUKDOSSIER = "Kamerstukdossier"
CATEGORY_ZAAK = "Zaak"
CATEGORY_DOCUMENT_VERSIE = "DocumentVersie"
CATEGORY_ZAAK_ACTOR = "ZaakActor"
CATEGORY_BESLUIT = "Besluit"
CATEGORY_STEMMING = "Stemming"
CATEGORY_AGENDAPUNT = "Agendapunt"
CATEGORY_ACTIVITEIT = "Activiteit"
CATEGORY_TOEZEGGING = "Toezegging"
CATEGORY_PERSOON = "Persoon"
CATEGORY_FRACTIE = "Fractie"

# Atom elements and attributes
FEED = "feed"
ENTRY = "entry"
TITLE = "title"
ID = "id"
AUTHOR = "author"
NAME = "name"
UPDATED = "updated"
CATEGORY = "category"
TERM = "term"
LINK = "link"
REL = "rel"
HREF = "href"
REL_NEXT = "next"
REL_SELF = "self"
REL_ENCLOSURE = "enclosure"
CONTENT = "content"
CONTENT_TYPE_XML = "application/xml"
AUTHOR_NAME = "Tweede Kamer der Staten-Generaal"

# Entity elements (the single child of <content>)
DOCUMENT = "document"
KAMERSTUKDOSSIER = "kamerstukdossier"
ZAAK = "zaak"
DOCUMENT_VERSIE = "documentVersie"
ZAAK_ACTOR = "zaakActor"
BESLUIT = "besluit"
STEMMING = "stemming"
AGENDAPUNT = "agendapunt"
ACTIVITEIT = "activiteit"
TOEZEGGING = "toezegging"
PERSOON = "persoon"
FRACTIE = "fractie"

# Entity attributes. `id` and `ref` are unqualified; the others are global attributes of the
# tkData schema, so the live feed writes them namespaced (tk:bijgewerkt, tk:verwijderd, ...).
ATTR_ID = "id"
ATTR_REF = "ref"
ATTR_BIJGEWERKT = "bijgewerkt"
ATTR_VERWIJDERD = "verwijderd"
ATTR_CONTENT_TYPE = "contentType"
ATTR_CONTENT_LENGTH = "contentLength"
XSI_NIL = "nil"

# Document: references (in schema order) and fields
DOCUMENT_REF_HUIDIGE_VERSIE = "huidigeDocumentVersie"
DOCUMENT_REF_ZAAK = "zaak"
DOCUMENT_VERSIE = "documentVersie"
ZAAK_ACTOR = "zaakActor"
BESLUIT = "besluit"
STEMMING = "stemming"
AGENDAPUNT = "agendapunt"
ACTIVITEIT = "activiteit"
TOEZEGGING = "toezegging"
PERSOON = "persoon"
FRACTIE = "fractie"
DOCUMENT_REF_KAMERSTUKDOSSIER = "kamerstukdossier"
DOCUMENT_SOORT = "soort"
DOCUMENT_NUMMER = "documentNummer"
DOCUMENT_TITEL = "titel"
DOCUMENT_ONDERWERP = "onderwerp"
DOCUMENT_DATUM = "datum"
DOCUMENT_VOLGNUMMER = "volgnummer"
DOCUMENT_VERGADERJAAR = "vergaderjaar"
DOCUMENT_KAMER = "kamer"
DOCUMENT_ORGANISATIE = "organisatie"

# Kamerstukdossier fields
DOSSIER_TITEL = "titel"
DOSSIER_CITEERTITEL = "citeertitel"
DOSSIER_ALIAS = "alias"
DOSSIER_NUMMER = "nummer"
DOSSIER_TOEVOEGING = "toevoeging"
DOSSIER_AFGESLOTEN = "afgesloten"
DOSSIER_KAMER = "kamer"

# Zaak: reference and fields
ZAAK_REF_KAMERSTUKDOSSIER = "kamerstukdossier"
ZAAK_NUMMER = "nummer"
ZAAK_SOORT = "soort"
ZAAK_ONDERWERP = "onderwerp"

# Values
SOORT_BRIEF_REGERING = "Brief regering"
KAMER_TWEEDE_KAMER = "Tweede Kamer"
KAMER_TWEEDE_KAMER_NUMBER = "2"
ORGANISATIE_TWEEDE_KAMER = "Tweede Kamer"


def atom(name: str) -> str:
    """Clark notation for an Atom element: '{http://www.w3.org/2005/Atom}entry'."""
    return f"{{{ATOM_NS}}}{name}"


def tk(name: str) -> str:
    """Clark notation for a tkData element or attribute."""
    return f"{{{TK_NS}}}{name}"


def xsi(name: str) -> str:
    """Clark notation for an XML Schema instance attribute (xsi:nil)."""
    return f"{{{XSI_NS}}}{name}"


# What is read from each entity kind. Field types:
TEXT = "text"  # the element's text, stripped; None when absent, empty or xsi:nil
INT = "int"  # an integer
BOOL = "bool"  # true/false (also True/False, 1/0)
DATE = "date"  # a date; a dateTime gives its date (at the Kamer, Europe/Amsterdam, when it has a zone)
DATETIME = "datetime"  # an aware datetime (zone-less: UTC, as the Kamer's servers write)
REF = "ref"  # the GUID in ref="..." of a reference element
REFS = "refs"  # every such GUID of a repeated reference element, in document order


@dataclass(frozen=True)
class Field:
    """One element (or, with attribute=True, tkData attribute) of an entity -> one record field."""

    source: str
    name: str
    type: str = TEXT
    attribute: bool = False


@dataclass(frozen=True)
class Kind:
    """An entity kind: its element, the feed category it comes in, its record class and fields."""

    element: str
    category: str
    record: str
    fields: tuple[Field, ...]


def _kind(element: str, category: str, record: str, *fields: tuple) -> Kind:
    return Kind(element, category, record, tuple(Field(*spec) for spec in fields))


KINDS = (
    _kind(
        KAMERSTUKDOSSIER,
        CATEGORY_KAMERSTUKDOSSIER,
        "DossierRecord",
        (DOSSIER_TITEL, "title"),
        (DOSSIER_CITEERTITEL, "citeertitel"),
        (DOSSIER_NUMMER, "number"),
        (DOSSIER_TOEVOEGING, "toevoeging"),
        ("hoogsteVolgnummer", "hoogste_volgnummer", INT),
        (DOSSIER_AFGESLOTEN, "afgesloten", BOOL),
    ),
    _kind(
        DOCUMENT,
        CATEGORY_DOCUMENT,
        "DocumentRecord",
        (ATTR_CONTENT_TYPE, "content_type", TEXT, True),
        (ATTR_CONTENT_LENGTH, "content_length", INT, True),
        (DOCUMENT_REF_HUIDIGE_VERSIE, "huidige_versie_id", REF),
        (DOCUMENT_REF_ZAAK, "zaak_ids", REFS),
        (DOCUMENT_REF_KAMERSTUKDOSSIER, "kamerstukdossier_id", REF),
        (DOCUMENT_SOORT, "soort"),
        (DOCUMENT_NUMMER, "document_number"),
        (DOCUMENT_TITEL, "title"),
        (DOCUMENT_ONDERWERP, "subject"),
        (DOCUMENT_DATUM, "date", DATE),
        (DOCUMENT_VOLGNUMMER, "volgnummer", INT),
        (DOCUMENT_VERGADERJAAR, "vergaderjaar"),
        ("citeertitel", "citeertitel"),
        (DOCUMENT_ORGANISATIE, "organisatie"),
    ),
    _kind(
        DOCUMENT_VERSIE,
        CATEGORY_DOCUMENT_VERSIE,
        "DocumentVersieRecord",
        ("document", "document_id", REF),
        ("status", "status"),
        ("versienummer", "versienummer", INT),
        ("bestandsgrootte", "bestandsgrootte", INT),
        ("extensie", "extensie"),
        ("datum", "date", DATETIME),
        ("externeidentifier", "externe_identifier"),
    ),
    _kind(
        ZAAK,
        CATEGORY_ZAAK,
        "ZaakRecord",
        (ZAAK_REF_KAMERSTUKDOSSIER, "kamerstukdossier_id", REF),
        (ZAAK_NUMMER, "number"),
        (ZAAK_SOORT, "soort"),
        (ZAAK_ONDERWERP, "subject"),
        ("gestartOp", "started_on", DATETIME),
        ("organisatie", "organisatie"),
        ("titel", "title"),
        ("citeertitel", "citeertitel"),
        ("termijn", "termijn", DATETIME),
        ("vergaderjaar", "vergaderjaar"),
        ("volgnummer", "volgnummer", INT),
        ("status", "status"),
        ("huidigeBehandelstatus", "huidige_behandelstatus"),
        ("afgedaan", "afgedaan", BOOL),
        ("kabinetsappreciatie", "kabinetsappreciatie"),
    ),
    _kind(
        ZAAK_ACTOR,
        CATEGORY_ZAAK_ACTOR,
        "ZaakActorRecord",
        ("zaak", "zaak_id", REF),
        ("persoon", "persoon_id", REF),
        ("fractie", "fractie_id", REF),
        ("actorNaam", "actor_name"),
        ("actorFractie", "actor_fractie"),
        ("actorAfkorting", "actor_afkorting"),
        ("functie", "functie"),
        ("relatie", "relatie"),
    ),
    _kind(
        BESLUIT,
        CATEGORY_BESLUIT,
        "BesluitRecord",
        ("agendapunt", "agendapunt_id", REF),
        ("zaak", "zaak_ids", REFS),
        ("stemmingsSoort", "stemmings_soort"),
        ("besluitSoort", "besluit_soort"),
        ("besluitTekst", "text"),
        ("opmerking", "opmerking"),
        ("status", "status"),
        ("agendapuntZaakBesluitVolgorde", "volgorde", INT),
    ),
    _kind(
        STEMMING,
        CATEGORY_STEMMING,
        "StemmingRecord",
        ("besluit", "besluit_id", REF),
        ("persoon", "persoon_id", REF),
        ("fractie", "fractie_id", REF),
        ("soort", "soort"),
        ("fractieGrootte", "fractie_grootte", INT),
        ("actorNaam", "actor_name"),
        ("actorFractie", "actor_fractie"),
        ("vergissing", "vergissing", BOOL),
    ),
    _kind(
        AGENDAPUNT,
        CATEGORY_AGENDAPUNT,
        "AgendapuntRecord",
        ("activiteit", "activiteit_id", REF),
        ("nummer", "number"),
        ("onderwerp", "subject"),
        ("aanvangstijd", "starts_at", DATETIME),
        ("eindtijd", "ends_at", DATETIME),
        ("volgorde", "volgorde", INT),
        ("rubriek", "rubriek"),
        ("status", "status"),
    ),
    _kind(
        ACTIVITEIT,
        CATEGORY_ACTIVITEIT,
        "ActiviteitRecord",
        ("soort", "soort"),
        ("nummer", "number"),
        ("onderwerp", "subject"),
        ("datum", "date", DATETIME),
        ("aanvangstijd", "starts_at", DATETIME),
        ("eindtijd", "ends_at", DATETIME),
        ("status", "status"),
        ("vergaderjaar", "vergaderjaar"),
        ("voortouwnaam", "voortouwnaam"),
    ),
    _kind(
        TOEZEGGING,
        CATEGORY_TOEZEGGING,
        "ToezeggingRecord",
        ("toegezegdAanFractie", "toegezegd_aan_fractie_id", REF),
        ("toegezegdAanPersoon", "toegezegd_aan_persoon_id", REF),
        ("aanmaakdatum", "created_on", DATETIME),
        ("nummer", "number"),
        ("activiteit", "activiteit_id", REF),
        ("activiteitNummer", "activiteit_number"),
        ("naam", "naam"),
        ("achternaam", "achternaam"),
        ("initialen", "initialen"),
        ("tussenvoegsel", "tussenvoegsel"),
        ("voornaam", "voornaam"),
        ("titulatuur", "titulatuur"),
        ("functie", "functie"),
        ("status", "status"),
        ("datumNakoming", "due", DATE),
        ("kamerbriefNakoming", "kamerbrief_nakoming"),
        ("ministerie", "ministerie"),
        ("tekst", "text"),
    ),
    _kind(
        PERSOON,
        CATEGORY_PERSOON,
        "PersoonRecord",
        ("nummer", "number"),
        ("titels", "titels"),
        ("initialen", "initials"),
        ("tussenvoegsel", "tussenvoegsel"),
        ("achternaam", "surname"),
        ("voornamen", "first_names"),
        ("roepnaam", "roepnaam"),
        ("geslacht", "geslacht"),
        ("functie", "functie"),
        ("fractielabel", "fractielabel"),
    ),
    _kind(
        FRACTIE,
        CATEGORY_FRACTIE,
        "FractieRecord",
        ("nummer", "number"),
        ("afkorting", "afkorting"),
        ("naamNl", "name"),
        ("aantalZetels", "seats", INT),
        ("datumActief", "active_from", DATE),
        ("datumInactief", "active_until", DATE),
    ),
)
KINDS_BY_ELEMENT = {kind.element: kind for kind in KINDS}
KINDS_BY_CATEGORY = {kind.category: kind for kind in KINDS}
# The order a sync follows them in: dossiers before documents, so documents find their dossier at
# once (the other order works too, a little later); the rest refer to each other by GUID only.
CATEGORIES = tuple(kind.category for kind in KINDS)
