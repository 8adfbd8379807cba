"""Device tokens in the web settings: made (shown once), listed, revoked; others' are 404."""

from glimmers.accounts.models import DeviceToken
from glimmers.accounts.tokens import create_token


def test_make_a_token_see_it_once_and_revoke_it(owner_client, owner):
    response = owner_client.post("/accounts/tokens/new/", {"name": "phone"})
    assert response.status_code == 200
    page = response.content.decode()
    record = DeviceToken.objects.get(owner=owner)
    token = page.split('value="glm_', 1)[1].split('"', 1)[0]
    assert record.token_hash != token
    settings = owner_client.get("/accounts/settings/").content.decode()
    assert "<strong>phone</strong>" in settings
    assert "glm_" not in settings  # shown only once
    response = owner_client.post(f"/accounts/tokens/{record.id}/revoke/")
    assert response.status_code == 302
    assert not DeviceToken.objects.exists()


def test_a_too_long_name_is_one_sentence(owner_client):
    response = owner_client.post("/accounts/tokens/new/", {"name": "x" * 81}, follow=True)
    assert "at most 80 characters" in response.content.decode()
    assert not DeviceToken.objects.exists()


def test_strangers_cannot_revoke_and_anonymous_are_sent_to_sign_in(owner, stranger_client, client):
    record, _token = create_token(owner, "phone")
    assert stranger_client.post(f"/accounts/tokens/{record.id}/revoke/").status_code == 404
    assert client.post(f"/accounts/tokens/{record.id}/revoke/").status_code == 302
    assert client.post("/accounts/tokens/new/", {"name": "x"}).status_code == 302
    assert DeviceToken.objects.count() == 1
    assert (
        "<strong>phone</strong>" not in stranger_client.get("/accounts/settings/").content.decode()
    )
