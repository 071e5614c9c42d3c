from django.urls import path

from custodes.publishing import views

app_name = "publishing"

urlpatterns = [
    path("", views.index, name="index"),
    path("feed/", views.feed, name="feed"),
    path("<slug:slug>/", views.demand_page, name="demand"),
    path("<slug:slug>.json", views.demand_json, name="json"),
]
