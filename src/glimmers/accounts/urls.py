from django.urls import path

from glimmers.accounts.views import pages, tokens

app_name = "accounts"
urlpatterns = [
    path("welcome/", pages.welcome, name="welcome"),
    path("login/", pages.GentleLoginView.as_view(), name="login"),
    path("logout/", pages.logout_view, name="logout"),
    path("settings/", pages.settings_page, name="settings"),
    path("settings/export.json", pages.export_download, name="export"),
    path("settings/delete/", pages.delete_account_view, name="delete"),
    path("tokens/new/", tokens.create, name="token_create"),
    path("tokens/<uuid:token_id>/revoke/", tokens.revoke, name="token_revoke"),
]
