// Glimmers offline: glimmers captured with no network wait in an on-device queue (IndexedDB)
// and are sent through the API, with their own ids and times, once the network is back.
// Sending one twice is harmless: the server keeps the first and answers the same.
// Everything here is an addition: without JavaScript the capture form posts as usual.
(function () {
  "use strict";
  var DB_NAME = "glimmers";
  var STORE = "queue";
  var MAX_SIDE = 1600;
  var signedIn = document.body && document.body.hasAttribute("data-signed-in");
  var syncing = false;

  // --- the queue -------------------------------------------------------------------
  function openQueue() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "id" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return openQueue().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function waiting() {
    return withStore("readonly", function (store) { return store.getAll(); });
  }

  function keep(entry) {
    return withStore("readwrite", function (store) { store.put(entry); });
  }

  function forget(id) {
    return withStore("readwrite", function (store) { store.delete(id); });
  }

  // --- telling the person ------------------------------------------------------------
  function statusBox() {
    return document.getElementById("queue-status");
  }

  function say(key, count, detail) {
    var box = statusBox();
    if (!box) { return; }
    var text = box.getAttribute("data-" + key) || "";
    text = text.replace("__COUNT__", String(count)).replace("__DETAIL__", detail || "");
    box.textContent = text;
    box.hidden = !text;
  }

  function mendButton() {
    return document.getElementById("queue-mend");
  }

  function showCount() {
    return waiting().then(function (entries) {
      var troubled = entries.filter(function (entry) { return entry.problem; });
      var mend = mendButton();
      if (mend) { mend.hidden = !troubled.length || !captureForm(); }
      if (troubled.length) {
        say("problem", entries.length, troubled[0].problem);
      } else if (entries.length) {
        say("waiting", entries.length);
      } else if (statusBox() && statusBox().getAttribute("data-shown") !== "saved") {
        say("none", 0);
      }
      return entries.length;
    }).catch(function () { return 0; });
  }

  // --- capturing with no network --------------------------------------------------------
  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function names(text) {
    return (text || "").split(",").map(function (name) { return name.trim(); }).filter(Boolean);
  }

  function asBase64(blob) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).split(",", 2)[1]); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(blob);
    });
  }

  // Photos are made small on the device (a long side of 1600 px) so the queue stays light.
  function smallPhoto(file) {
    if (!window.createImageBitmap) { return asBase64(file); }
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) { resolve(asBase64(blob || file)); }, "image/jpeg", 0.85);
      });
    }).catch(function () { return asBase64(file); });
  }

  function entryFrom(form) {
    var data = new FormData(form);
    var lines = {};
    data.forEach(function (value, key) {
      if (key.indexOf("line_") === 0 && String(value).trim()) { lines[key.slice(5)] = String(value); }
    });
    var when = data.get("noticed_at");
    var intensity = data.get("intensity");
    var body = {
      id: String(data.get("id") || "") || newId(),
      text: String(data.get("text") || ""),
      noticed_at: when ? new Date(String(when)).toISOString() : new Date().toISOString(),
      senses: data.getAll("senses").map(String),
      sense_lines: lines,
      body: String(data.get("body") || ""),
      kind: String(data.get("kind") || "moment"),
      tags: names(String(data.get("tags") || "")),
      people: names(String(data.get("people") || "")),
      intensity: intensity ? parseInt(String(intensity), 10) : null,
    };
    var files = Array.prototype.slice.call(form.querySelectorAll('input[type="file"]'))
      .reduce(function (all, input) { return all.concat(Array.prototype.slice.call(input.files || [])); }, [])
      .slice(0, 4);
    return Promise.all(files.map(smallPhoto)).then(function (photos) {
      return { id: body.id, body: body, photos: photos, queued_at: new Date().toISOString() };
    });
  }

  function captureForm() {
    var form = document.querySelector("form.capture");
    return isCapture(form) ? form : null;
  }

  // --- mending one the server refused -----------------------------------------------------
  // It goes back into the form, id and photos included, so the person can put it right and
  // save it again (the same id: saving it twice still keeps one).
  function localInputValue(iso) {
    var moment = new Date(iso);
    if (isNaN(moment.getTime())) { return ""; }
    var local = new Date(moment.getTime() - moment.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 16);
  }

  function setField(form, name, value) {
    var field = form.querySelector('[name="' + name + '"]');
    if (field) { field.value = value == null ? "" : String(value); }
  }

  function photoFiles(photos) {
    if (!photos.length || !window.DataTransfer) { return null; }
    var transfer = new DataTransfer();
    photos.forEach(function (data, number) {
      var bytes = atob(data);
      var buffer = new Uint8Array(bytes.length);
      for (var i = 0; i < bytes.length; i += 1) { buffer[i] = bytes.charCodeAt(i); }
      transfer.items.add(new File([buffer], "photo-" + (number + 1) + ".jpg", { type: "image/jpeg" }));
    });
    return transfer.files;
  }

  function fillForm(form, entry) {
    var body = entry.body || {};
    form.reset();
    setField(form, "id", entry.id);
    setField(form, "text", body.text);
    form.querySelectorAll('[name="senses"]').forEach(function (box) {
      box.checked = (body.senses || []).indexOf(box.value) !== -1;
    });
    Object.keys(body.sense_lines || {}).forEach(function (sense) {
      setField(form, "line_" + sense, body.sense_lines[sense]);
    });
    setField(form, "body", body.body);
    setField(form, "kind", body.kind || "moment");
    setField(form, "tags", (body.tags || []).join(", "));
    setField(form, "people", (body.people || []).join(", "));
    setField(form, "intensity", body.intensity);
    setField(form, "noticed_at", body.noticed_at ? localInputValue(body.noticed_at) : "");
    var files = photoFiles(entry.photos || []);
    var picker = form.querySelector('input[type="file"]');
    if (files && picker) { picker.files = files; }
    // Unfold what holds something, so the person sees all of it.
    form.querySelectorAll("details").forEach(function (fold) {
      var filled = Array.prototype.some.call(fold.querySelectorAll("input, textarea, select"), function (field) {
        return field.type !== "checkbox" && field.value && field.value !== "moment";
      });
      if (filled) { fold.open = true; }
    });
  }

  function mendFirst() {
    var form = captureForm();
    if (!form) { return Promise.resolve(); }
    return waiting().then(function (entries) {
      var entry = entries.filter(function (one) { return one.problem; })[0];
      if (!entry) { return null; }
      fillForm(form, entry);
      return forget(entry.id).then(showCount).then(function () {
        say("mending", 0, entry.problem);
        var text = form.querySelector('[name="text"]');
        if (text) { text.focus(); }
      });
    });
  }

  document.addEventListener("click", function (event) {
    if (event.target && event.target.id === "queue-mend") { mendFirst(); }
  });

  function isCapture(form) {
    return form && form.classList.contains("capture") && form.querySelector('[name="id"]') &&
      form.getAttribute("action") === (statusBox() && statusBox().getAttribute("data-capture-url"));
  }

  function freshForm(form) {
    form.reset();
    var id = form.querySelector('[name="id"]');
    if (id) { id.value = newId(); }
  }

  function queueFrom(form) {
    var text = form.querySelector('[name="text"]');
    if (!text || !text.value.trim()) {
      say("empty", 0);
      if (text) { text.focus(); }
      return Promise.resolve();
    }
    return entryFrom(form).then(keep).then(function () {
      freshForm(form);
      return showCount();
    }).then(function () {
      var box = statusBox();
      if (box) { box.setAttribute("data-shown", "waiting"); }
      text.focus();
    });
  }

  // Offline: the form is kept here instead of being sent (htmx never sees the submit).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!isCapture(form) || navigator.onLine) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    queueFrom(form);
  }, true);

  // Online, but the request did not get through (a dead connection): keep it too.
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail && event.detail.elt;
    if (isCapture(form)) { queueFrom(form); }
  });

  document.addEventListener("htmx:afterSwap", function () {
    showCount();
  });

  // --- sending what waits --------------------------------------------------------------
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function send(entry) {
    var body = Object.assign({}, entry.body, {
      photos: (entry.photos || []).map(function (data) { return { data: data }; }),
    });
    return fetch("/api/v1/glimmers", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body),
    });
  }

  function sync() {
    if (syncing || !navigator.onLine || !signedIn) { return Promise.resolve(); }
    syncing = true;
    var saved = 0;
    return waiting().then(function (entries) {
      if (!entries.length) { return; }
      say("sending", entries.length);
      return entries.reduce(function (chain, entry) {
        return chain.then(function (stop) {
          if (stop) { return stop; }
          return send(entry).then(function (response) {
            if (response.status === 201) {
              saved += 1;
              return forget(entry.id);
            }
            if (response.status === 401 || response.status === 403) {
              say("signin", entries.length - saved);
              return "stop";
            }
            // The server refused this one (a time in the future, say): it stays, with why.
            return response.json().catch(function () { return {}; }).then(function (answer) {
              entry.problem = answer.error || String(response.status);
              return keep(entry);
            });
          }, function () { return "stop"; });
        });
      }, Promise.resolve());
    }).then(function (stop) {
      syncing = false;
      if (stop === "stop") { return; }
      return showCount().then(function (left) {
        if (saved && !left) {
          say("saved", saved);
          var box = statusBox();
          if (box) { box.setAttribute("data-shown", "saved"); }
        }
      });
    }, function () { syncing = false; });
  }

  window.addEventListener("online", sync);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { sync(); }
  });

  // --- logging out wipes the queue and the kept pages -------------------------------------
  function wipe() {
    var jobs = [new Promise(function (resolve) {
      var request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
    })];
    if (window.caches) {
      jobs.push(caches.keys().then(function (keys) {
        return Promise.all(keys.map(function (key) { return caches.delete(key); }));
      }));
    }
    if (navigator.serviceWorker) {
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
      }));
    }
    return Promise.all(jobs).catch(function () {});
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute("data-logout")) { return; }
    event.preventDefault();
    var warning = form.getAttribute("data-unsent") || "";
    sync().then(waiting).catch(function () { return []; }).then(function (left) {
      if (left.length && !window.confirm(warning.replace("__COUNT__", String(left.length)))) {
        return null;
      }
      return wipe().then(function () { form.submit(); });
    });
  });

  // --- start ----------------------------------------------------------------------------
  if (!signedIn) { return; }
  var form = document.querySelector("form.capture");
  if (form && isCapture(form)) {
    // A page kept for offline use carries an id that may be used already: take a new one.
    var id = form.querySelector('[name="id"]');
    if (id) { id.value = newId(); }
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
  showCount().then(sync);
})();
