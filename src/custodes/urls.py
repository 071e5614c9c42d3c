from django.urls import include, path

from custodes.api.routes import api

urlpatterns = [
    path("portal/", include("custodes.portal.urls")),
    path("api/v1/", api.urls),
    path("notice/", include("custodes.notices.urls")),
    path("transparency/demands/", include("custodes.publishing.urls")),
    path("transparency/", include("custodes.transparency.urls")),
    path("guidelines/", include("custodes.guidelines.urls")),
    path("", include("custodes.web.urls")),
]
