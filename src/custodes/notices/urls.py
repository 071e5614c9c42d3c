from django.urls import path

from custodes.notices import views

app_name = "notices"

urlpatterns = [
    path("<str:token>/", views.object_page, name="object"),
]
