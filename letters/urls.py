from django.urls import path

from letters import views

urlpatterns = [
    path("", views.home, name="home"),
    path("brieven/", views.letter_list, name="letter_list"),
    path("brieven/uploaden/", views.upload, name="letter_upload"),
    path("brieven/<int:pk>/", views.letter_detail, name="letter_detail"),
    path("brieven/<int:pk>/versies/<int:number>/", views.letter_detail, name="letter_version"),
    path("brieven/<int:pk>/versies/<int:number>/bestand/", views.version_download, name="version_download"),
    path("importfouten/", views.failed_imports, name="failed_imports"),
]
