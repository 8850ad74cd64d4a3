from django.urls import path, re_path

from letters.web import api, dossier_views, letter_views, openapi, topic_views, upload_views, views
from letters.web.exports import FORMATS
from letters.web.listing import listings


def listing_urls() -> list:
    """The CSV/JSON export and the API list of every list in settings.LISTINGS, commitments' too."""
    patterns = []
    for definition in listings().values():
        patterns += [
            re_path(
                rf"^{definition.export_name}\.(?P<fmt>{'|'.join(FORMATS)})$",
                views.export,
                {"name": definition.name},
                name=f"{definition.name}_export",
            ),
            path(
                f"api/{definition.api_name}/",
                api.list_view,
                {"name": definition.name},
                name=f"api_{definition.api_name}",
            ),
        ]
    return patterns


urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.search, name="search"),
    path("brieven/", views.letter_list, name="letter_list"),
    path("passages/", views.section_list, name="section_list"),
    path("passages/<int:pk>/onderwerpen/", topic_views.section_topics, name="section_topics"),
    path("verwijzingen/", views.reference_list, name="reference_list"),
    path("brieven/uploaden/", upload_views.upload, name="letter_upload"),
    path("brieven/uploaden/<int:pk>/", upload_views.upload_job, name="upload_job"),
    path("brieven/<int:pk>/", letter_views.letter_detail, name="letter_detail"),
    path("brieven/<int:pk>/versies/<int:number>/", letter_views.letter_detail, name="letter_version"),
    path("brieven/<int:pk>/versies/<int:number>/bestand/", letter_views.version_download, name="version_download"),
    path(
        "brieven/<int:pk>/versies/<int:old>/vergelijk/<int:new>/", letter_views.version_compare, name="version_compare"
    ),
    path("onderwerpen/", topic_views.topic_index, name="topic_index"),
    path("onderwerpen/hertaggen/<int:pk>/", topic_views.retag_job, name="retag_job"),
    path("onderwerpen/<slug:slug>/", topic_views.topic_detail, name="topic_detail"),
    path("onderwerpen/<slug:slug>/volgen/", topic_views.topic_follow, name="topic_follow"),
    path("onderwerpen/<slug:slug>/regels/", topic_views.topic_rules, name="topic_rules"),
    path("dossiers/<str:key>/", dossier_views.dossier_detail, name="dossier_detail"),
    path("kamerstukken/<str:key>/", dossier_views.kamerstuk_detail, name="kamerstuk_detail"),
    path("importfouten/", views.failed_imports, name="failed_imports"),
    path(
        "brieven/<int:pk>/publicaties/<int:publication>/",
        letter_views.publication_download,
        name="publication_download",
    ),
    path("api/", openapi.api_docs, name="api_docs"),
    path("api/openapi.json", openapi.openapi_json, name="api_openapi"),
    path("api/letters/<int:pk>/", api.letter, name="api_letter"),
    path("api/dossiers/<str:key>/", api.dossier, name="api_dossier"),
    *listing_urls(),
]
