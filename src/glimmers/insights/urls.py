from django.urls import path

from glimmers.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.insights, name="insights"),
]
