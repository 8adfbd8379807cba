from django.urls import path

from glimmers.accounts import views

app_name = "accounts"
urlpatterns = [
    path("welcome/", views.welcome, name="welcome"),
    path("login/", views.GentleLoginView.as_view(), name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/export.json", views.export_download, name="export"),
    path("settings/delete/", views.delete_account_view, name="delete"),
]
