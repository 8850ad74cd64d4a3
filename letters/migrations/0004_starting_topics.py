"""The starting topics of this domain, search indexes on PostgreSQL, and topic permissions."""

from django.db import migrations

from tkdossiers.roles import grant

# Frozen copy of letters/topics/defaults.py as it was when this migration was written.
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
    },
    {
        "slug": "ptss-en-psychosociale-zorg",
        "name": "PTSS en psychosociale zorg",
        "description": "Posttraumatische stressstoornis bij hulpverleners, de landelijke regeling en psychosociale "
        "ondersteuning.",
        "rules": [
            ("PTSS", 3),
            ("posttraumatische*", 2),
            ("psychosociale", 1),
            ("psychotrauma*", 1),
            ("beroepsziekte", 1),
            ("hoog-risico beroep*", 1),
            ("hoog-risicoberoep*", 1),
        ],
    },
    {
        "slug": "alerteren-nl-alert-en-was",
        "name": "Alerteren: NL-Alert en WAS (sirenes)",
        "description": "Waarschuwen en alarmeren van de bevolking: NL-Alert, het Waarschuwings- en "
        "Alarmeringssysteem en sirenes.",
        "rules": [
            ("NL-Alert", 3),
            ("alerter*", 2),
            ("WAS", 2),
            ("Waarschuwings- en Alarmeringssysteem", 3),
            ("sirene*", 2),
            ("alarmering*", 1),
            ("waarschuwingsketen", 1),
        ],
    },
    {
        "slug": "crisisbeheersing",
        "name": "Crisisbeheersing",
        "description": "Voorbereiding op en bestrijding van rampen en crises, veiligheidsregio's en de Landelijke "
        "Agenda Crisisbeheersing.",
        "rules": [
            ("crisisbeheersing", 2),
            ("Landelijke Agenda Crisisbeheersing", 2),
            ("rampenbestrijding", 2),
            ("crisisstructuur", 1),
            ("crisisorganisatie", 1),
            ("stroomuitval", 1),
        ],
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
    },
    {
        "slug": "noodcommunicatievoorziening",
        "name": "Noodcommunicatievoorziening",
        "description": "De Noodcommunicatievoorziening (NCV) voor vitale partijen bij uitval van gewone netwerken.",
        "rules": [("Noodcommunicatievoorziening", 3), ("NCV", 2)],
    },
]

FOLLOW = ["add_topicfollow", "change_topicfollow", "delete_topicfollow", "view_topicfollow", "view_topic"]
CLERKS_TOO = ["tag_section", "change_topic", "add_topicrule", "change_topicrule", "delete_topicrule", "view_topicrule",
              "view_retagjob"]
GRANTS = {
    "Beleidsmedewerkers": [f"letters.{name}" for name in FOLLOW],
    "Griffie": [f"letters.{name}" for name in [*FOLLOW, *CLERKS_TOO]],
}


def create_topics(apps, schema_editor):
    Topic = apps.get_model("letters", "Topic")
    TopicRule = apps.get_model("letters", "TopicRule")
    for item in STARTING_TOPICS:
        topic, created = Topic.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"], "description": item["description"]}
        )
        if created:
            TopicRule.objects.bulk_create(TopicRule(topic=topic, term=t, weight=w) for t, w in item["rules"])


def grant_topics(apps, schema_editor):
    grant(apps, GRANTS, admin_apps=["letters"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0003_topics")]

    operations = [
        migrations.RunPython(create_topics, migrations.RunPython.noop),
        migrations.RunPython(grant_topics, migrations.RunPython.noop),
    ]
