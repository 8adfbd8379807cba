// Glimmers' service worker: keeps the app shell (the capture page, styles, scripts, icons)
// so the capture page opens with no network. Glimmers captured offline wait in IndexedDB
// (see offline.js) and are sent through the API later; this worker never touches them.
"use strict";
var SHELL = "glimmers-shell-v1";
var SHELL_FILES = [
  "/static/glimmers/app.css",
  "/static/glimmers/app.js",
  "/static/glimmers/offline.js",
  "/static/glimmers/htmx-2.0.11.min.js",
  "/static/glimmers/icon.svg",
  "/static/glimmers/manifest.webmanifest",
  "/static/glimmers/icons/icon-192.png",
  "/static/glimmers/icons/icon-512.png",
];

// The capture page is kept only as a signed-in person sees it, never a redirect to sign in.
function keepable(response) {
  return response && response.ok && !response.redirected && response.type === "basic";
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) {
      return cache.addAll(SHELL_FILES).then(function () {
        return fetch("/", { credentials: "same-origin" }).then(function (response) {
          if (keepable(response)) {
            return cache.put("/", response);
          }
        });
      });
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name !== SHELL;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

// Network first, so people always see what is saved; the kept copy only when offline.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  var isPage = request.mode === "navigate";
  var isShell = url.pathname.indexOf("/static/glimmers/") === 0;
  if (!isPage && !isShell) {
    return; // the API, photos and everything else go straight to the network
  }
  var key = isPage ? "/" : request;
  event.respondWith(
    fetch(request).then(function (response) {
      if (keepable(response) && (isShell || url.pathname === "/")) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) {
          cache.put(key, copy);
        });
      }
      return response;
    }).catch(function () {
      return caches.match(key).then(function (kept) {
        return kept || Response.error();
      });
    })
  );
});
