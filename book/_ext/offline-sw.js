// The book's service worker (written into the site's root as sw.js by book/_ext/offline.py).
//
// On install it keeps a copy of every file of the book (pages, search, scripts, pictures, the
// Python runtime and the exercises wheel) in a cache named for this build; when the book is
// rebuilt this file changes (VERSION and FILES), the browser installs the new copy and the old
// cache is deleted.  Requests for the book's files are answered from the cache, so every page,
// the search and Python work without the network after one visit; anything else goes to the network.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `ttb-${VERSION}`;
const ROOT = new URL("./", self.location.href);
const KNOWN = new Set(FILES.map((file) => new URL(file, ROOT).href));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(new URL(file, ROOT), { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("ttb-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function cacheKey(url) {
  const clean = new URL(url);
  clean.search = "";
  clean.hash = "";
  if (clean.pathname.endsWith("/")) clean.pathname += "index.html";
  return clean.href;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(ROOT.href)) return;
  const key = cacheKey(request.url);
  if (!KNOWN.has(key)) return; // not a file of this build: the network, as usual
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key).then((hit) => hit || fetch(request).then((response) => {
        if (response.ok) cache.put(key, response.clone());
        return response;
      })),
    ),
  );
});
