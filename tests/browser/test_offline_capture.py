"""Offline on a phone: the capture page opens with no network, three glimmers (one with a
photo) wait on the device through a reload, and all three are saved exactly once, with the
times they were noticed, when the network returns. Logging out wipes the queue and caches."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from glimmers.diary.models import Glimmer
from tests.browser.conftest import PHONE, no_sideways_scroll
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

QUEUED = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("glimmers", 1);
  open.onupgradeneeded = () => open.result.createObjectStore("queue", { keyPath: "id" });
  open.onsuccess = () => {
    const all = open.result.transaction("queue").objectStore("queue").getAll();
    all.onsuccess = () => { open.result.close(); resolve(all.result.map(e => e.body)); };
  };
  open.onerror = () => reject(open.error);
})"""


def capture(page, text, sense, photo=None):
    page.get_by_label("What did you notice?").fill(text)
    page.get_by_label(sense, exact=True).check()
    if photo:
        page.set_input_files('input[name="photos"]', str(photo))
    page.get_by_role("button", name="Save this glimmer").click()


def test_capture_offline_then_sync_once(live_server, browser, owner, photo_file, screens):
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Kyiv", locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Name").fill("olena")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/")
    manifest = page.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())"
    )
    assert manifest["start_url"] == "/"
    # The service worker keeps the app shell; from now on it looks after the page.
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")

    context.set_offline(True)
    capture(page, "Candle light in the shelter", "Sight")
    status = page.locator("#queue-status")
    status.get_by_text("waiting for the network: 1").wait_for()
    time.sleep(1.1)  # distinct times, so "original times" means something
    capture(page, "Someone humming", "Hearing", photo=photo_file)
    status.get_by_text("waiting for the network: 2").wait_for()
    capture(page, "Warm tea in a paper cup", "Taste")
    status.get_by_text("waiting for the network: 3").wait_for()
    assert page.input_value('textarea[name="text"]') == ""
    assert Glimmer.objects.count() == 0

    # Reopened with no network: the page comes from the device, and they still wait.
    page.reload()
    status.get_by_text("waiting for the network: 3").wait_for()
    queued = {entry["text"]: entry for entry in page.evaluate(QUEUED)}
    assert len(queued) == 3
    assert no_sideways_scroll(page)
    page.screenshot(path=str(screens / "offline-light.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(screens / "offline-dark.png"), full_page=True, animations="disabled")
    page.emulate_media(color_scheme="light")

    context.set_offline(False)
    status.get_by_text("Everything that waited is saved now (3)").wait_for()
    assert page.evaluate(QUEUED) == []
    saved = {glimmer.text: glimmer for glimmer in Glimmer.objects.filter(owner=owner)}
    assert set(saved) == set(queued)  # all three, once each
    for text, glimmer in saved.items():
        assert str(glimmer.id) == queued[text]["id"]
        noticed = datetime.fromisoformat(queued[text]["noticed_at"].replace("Z", "+00:00"))
        assert abs((glimmer.noticed_at - noticed).total_seconds()) < 0.001
        assert glimmer.created_at > glimmer.noticed_at  # saved later, kept its own time
    assert saved["Someone humming"].photos.count() == 1
    assert saved["Candle light in the shelter"].senses == ["sight"]

    # Reopened online again: nothing is sent twice.
    page.reload()
    page.wait_for_load_state("networkidle")
    assert Glimmer.objects.count() == 3

    # Logging out wipes the queue and the kept pages.
    context.set_offline(True)
    capture(page, "A private one", "Touch")
    status.get_by_text("waiting for the network: 1").wait_for()
    context.set_offline(False)
    page.wait_for_function("document.querySelector('#queue-status').textContent.includes('saved')")
    page.get_by_text("More", exact=True).click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/accounts/login/**")
    assert page.evaluate(QUEUED) == []
    assert page.evaluate("caches.keys()") == []
    assert Glimmer.objects.count() == 4
    context.close()


def test_a_refused_glimmer_goes_back_into_the_form_to_mend(
    live_server, browser, owner, photo_file, screens
):
    """A phone whose clock ran ahead: the server refuses the time. The glimmer waits with the
    reason, goes back into the form (words, senses, time, photo, its id), is put right and
    saved once."""
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Kyiv", locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Name").fill("olena")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/")

    context.set_offline(True)
    page.get_by_text("More about this moment").click()
    page.get_by_label("When").fill("2099-05-01T08:30")
    capture(page, "Rain on the tent", "Hearing", photo=photo_file)
    status = page.locator("#queue-status")
    status.get_by_text("waiting for the network: 1").wait_for()
    mend = page.get_by_role("button", name="Put it back in the form to mend it")
    assert not mend.is_visible()

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    status.get_by_text("One could not be saved yet").wait_for()
    assert "in the future" in status.inner_text()
    assert not Glimmer.objects.exists()
    mend.click()
    status.get_by_text("It is back in the form below").wait_for()
    assert page.evaluate(QUEUED) == []
    assert page.get_by_label("What did you notice?").input_value() == "Rain on the tent"
    assert page.get_by_label("Hearing", exact=True).is_checked()
    assert page.get_by_label("When").input_value() == "2099-05-01T08:30"
    assert page.evaluate("document.querySelector('input[name=photos]').files.length") == 1
    kept_id = page.evaluate("document.querySelector('input[name=id]').value")
    page.screenshot(path=str(screens / "offline-mend.png"), full_page=True, animations="disabled")

    # Put right: the time of the moment (today, a little earlier), then save as usual.
    page.get_by_label("When").fill("")
    page.get_by_role("button", name="Save this glimmer").click()
    page.get_by_text("Saved. Thank you for noticing.").wait_for()
    saved = Glimmer.objects.get()
    assert str(saved.id) == kept_id and saved.text == "Rain on the tent"
    assert saved.senses == ["hearing"] and saved.photos.count() == 1
    assert not mend.is_visible()
    context.close()
