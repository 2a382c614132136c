// Keep a copy of the book in this browser so it works offline after one visit (service worker
// sw.js at the site's root, written by book/_ext/offline.py).  Registered once the page has
// loaded, so reading the page comes first; not when the reader asked to save data.
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  if (navigator.connection && navigator.connection.saveData) return;
  const root = new URL("../", new URL(".", document.currentScript.src));
  const register = () => navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {});
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
})();
