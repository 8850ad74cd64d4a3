"""Every name the Tweede Kamer SyncFeed uses, in one place.

Source: the official schemas in samples/tk-opendata/xsd/ (tkData v1-0) and recorded feed
entries in samples/tk-opendata/syncfeed/. If the Kamer renames a field, change it here only.
"""

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
