"""The starting set of topics for this domain (used by the data migration and as a
fallback for analyse_letter when no database is available).

`rules` are (term, weight); `names` are those of its terms that on their own name the topic
(letters.topics.matching: one mention tags a passage). Only terms nothing else is called by:
"crisisbeheersing" or "meldkamer" also appear in passing, in the name of a directorate or a
list of partners, so they tag by weight.
"""

from letters.topics.matching import Rule, TopicRules

STARTING_TOPICS = [
    {
        "slug": "meldkamers-en-112",
        "name": "Meldkamers en 112",
        "description": "De meldkamers van politie, brandweer, ambulance en KMar, het alarmnummer 112 en de LMS.",
        "rules": [
            ("meldkamer*", 2),
            ("112", 1),
            ("112-melding*", 2),
            ("alarmnummer*", 2),
            ("Landelijke Meldkamer Samenwerking", 2),
            ("LMS", 1),
            ("centralist*", 1),
            ("aannamecentrale", 1),
        ],
        "names": ["Landelijke Meldkamer Samenwerking"],
    },
    {
        "slug": "c2000-en-vmx",
        "name": "C2000 en VMX (missiekritische communicatie)",
        "description": "Het communicatiesysteem C2000 en de vernieuwing missiekritische communicatie (VMX).",
        "rules": [
            ("C2000", 2),
            ("VMX", 2),
            ("missiekritische communicatie*", 2),
            ("IVC", 1),
            ("TETRA", 1),
            ("radiobedien*", 1),
        ],
        "names": ["C2000", "VMX", "IVC", "missiekritische communicatie*"],
    },
    {
        "slug": "ptss-en-psychosociale-zorg",
        "name": "PTSS en psychosociale zorg",
        "description": (
            "Posttraumatische stressstoornis bij hulpverleners, de landelijke regeling en psychosociale ondersteuning."
        ),
        "rules": [
            ("PTSS", 3),
            ("posttraumatische*", 2),
            ("psychosociale", 1),
            ("psychotrauma*", 1),
            ("beroepsziekte", 1),
            ("hoog-risico beroep*", 1),
            ("hoog-risicoberoep*", 1),
        ],
        "names": ["PTSS", "posttraumatische*"],
    },
    {
        "slug": "alerteren-nl-alert-en-was",
        "name": "Alerteren: NL-Alert en WAS (sirenes)",
        "description": (
            "Waarschuwen en alarmeren van de bevolking: NL-Alert, het Waarschuwings- en Alarmeringssysteem en sirenes."
        ),
        "rules": [
            ("NL-Alert", 3),
            ("alerter*", 2),
            ("WAS", 2),
            ("Waarschuwings- en Alarmeringssysteem", 3),
            ("sirene*", 2),
            ("alarmering*", 1),
            ("waarschuwingsketen", 1),
        ],
        "names": ["NL-Alert", "WAS", "Waarschuwings- en Alarmeringssysteem"],
    },
    {
        "slug": "crisisbeheersing",
        "name": "Crisisbeheersing",
        "description": (
            "Voorbereiding op en bestrijding van rampen en crises, veiligheidsregio's en de Landelijke Agenda "
            "Crisisbeheersing."
        ),
        "rules": [
            ("crisisbeheersing", 2),
            ("Landelijke Agenda Crisisbeheersing", 2),
            ("rampenbestrijding", 2),
            ("crisisstructuur", 1),
            ("crisisorganisatie", 1),
            ("stroomuitval", 1),
        ],
        "names": ["Landelijke Agenda Crisisbeheersing"],
    },
    {
        "slug": "brandweerzorg",
        "name": "Brandweerzorg",
        "description": "De brandweer: organisatie, personeel en stelsel.",
        "rules": [
            ("brandweer", 1),
            ("brandweerzorg", 2),
            ("brandweermens*", 1),
            ("brandweerlieden", 1),
            ("brandweerkorps*", 1),
        ],
    },
    {
        "slug": "weerbaarheid",
        "name": "Weerbaarheid",
        "description": "Weerbaarheid van samenleving en overheid tegen (militaire en hybride) dreigingen.",
        "rules": [("weerbaarheid", 2), ("weerbaar", 1), ("hybride dreiging*", 1), ("militaire dreiging*", 1)],
    },
    {
        "slug": "geweld-tegen-hulpverleners",
        "name": "Geweld tegen hulpverleners",
        "description": "Agressie en geweld tegen hulpverleners en de Taskforce Onze hulpverleners veilig.",
        "rules": [
            ("geweld tegen hulpverleners", 3),
            ("Onze hulpverleners veilig", 3),
            ("agressie", 1),
            ("doxing", 1),
            ("Taskforce", 1),
        ],
        "names": ["geweld tegen hulpverleners", "Onze hulpverleners veilig"],
    },
    {
        "slug": "kcr2-locc",
        "name": "KCR2/LOCC",
        "description": "Het Knooppunt Coördinatie Regio's-Rijk en het Landelijk Operationeel Coördinatie Centrum.",
        "rules": [
            ("KCR2", 3),
            ("LOCC", 3),
            ("Knooppunt Coördinatie", 3),
            ("Landelijk Operationeel Coördinatie Centrum", 3),
        ],
        "names": ["KCR2", "LOCC", "Knooppunt Coördinatie", "Landelijk Operationeel Coördinatie Centrum"],
    },
    {
        "slug": "noodcommunicatievoorziening",
        "name": "Noodcommunicatievoorziening",
        "description": "De Noodcommunicatievoorziening (NCV) voor vitale partijen bij uitval van gewone netwerken.",
        "rules": [("Noodcommunicatievoorziening", 3), ("NCV", 2)],
        "names": ["Noodcommunicatievoorziening", "NCV"],
    },
]


def starting_rules() -> list[TopicRules]:
    """The starting topics as the matcher takes them."""
    return [
        TopicRules(
            topic["slug"], tuple(Rule(term, weight, term in topic.get("names", ())) for term, weight in topic["rules"])
        )
        for topic in STARTING_TOPICS
    ]
