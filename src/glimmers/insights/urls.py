from django.urls import path

from glimmers.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.insights, name="insights"),
    path("on-this-day/", views.on_this_day, name="on_this_day"),
    path("jar/", views.jar, name="jar"),
    path("week/", views.week, name="week"),
]
