from django.urls import path

from kamer import views

urlpatterns = [
    path("synchronisatie/", views.sync_state, name="sync_state"),
    path("synchronisatie/nu/", views.sync_now, name="sync_now"),
]
