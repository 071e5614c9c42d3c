from django.urls import path

from custodes.guidelines import views

app_name = "guidelines"

urlpatterns = [
    path("", views.guidelines_page, name="page"),
    path("guidelines.json", views.guidelines_json, name="json"),
    path("guidelines.pdf", views.guidelines_pdf, name="pdf"),
    path("policy/", views.policy_page, name="policy"),
]
