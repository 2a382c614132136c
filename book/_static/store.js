// BookStore: the one place that keeps what the book saves in this browser (localStorage).
//
// Every key lives in localStorage under the prefix "ttb:"; nothing else in the book reads or
// writes localStorage directly.  Values are anything JSON can hold.
//
//   BookStore.get(key)          -> the saved value, or null
//   BookStore.set(key, value)   -> true when saved (false: storage full or blocked)
//   BookStore.remove(key)
//   BookStore.keys()            -> this book's keys (without the prefix), every page's
//   BookStore.exportAll()       -> {key: value, ...} of everything the book saved, on every page
//   BookStore.importAll(obj)    -> puts back what exportAll gave (keys it names are overwritten)
//   BookStore.clearAll()        -> forgets everything the book saved (and nothing of other sites' pages)
//
// Blocked storage (private windows, strict settings) never throws: get gives null, set false.
(() => {
  "use strict";
  if (window.BookStore) return;

  const PREFIX = "ttb:";

  function storage() {
    try {
      return window.localStorage;
    } catch {
      return null; // access denied
    }
  }

  function validKey(key) {
    if (typeof key !== "string" || !key) throw new TypeError("BookStore keys are non-empty strings");
    return PREFIX + key;
  }

  function get(key) {
    const s = storage();
    if (!s) return null;
    let raw;
    try {
      raw = s.getItem(validKey(key));
    } catch {
      return null;
    }
    if (raw === null) return null;
    try {
      return JSON.parse(raw);
    } catch {
      return null; // not written by this module: treat as absent
    }
  }

  function set(key, value) {
    const s = storage();
    const name = validKey(key);
    if (!s) return false;
    if (value === undefined) {
      remove(key);
      return true;
    }
    try {
      s.setItem(name, JSON.stringify(value));
      return true;
    } catch {
      return false; // full or blocked: what is on the page stays on the page
    }
  }

  function remove(key) {
    const s = storage();
    const name = validKey(key);
    if (!s) return;
    try {
      s.removeItem(name);
    } catch {
      /* blocked */
    }
  }

  function keys() {
    const s = storage();
    if (!s) return [];
    const found = [];
    try {
      for (let i = 0; i < s.length; i += 1) {
        const name = s.key(i);
        if (name && name.startsWith(PREFIX)) found.push(name.slice(PREFIX.length));
      }
    } catch {
      return [];
    }
    return found.sort();
  }

  function exportAll() {
    const all = {};
    for (const key of keys()) {
      const value = get(key);
      if (value !== null) all[key] = value;
    }
    return all;
  }

  function importAll(obj) {
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw new TypeError("BookStore.importAll needs an object of key -> value");
    let saved = 0;
    for (const [key, value] of Object.entries(obj)) {
      if (key && set(key, value)) saved += 1;
    }
    return saved;
  }

  function clearAll() {
    for (const key of keys()) remove(key);
  }

  window.BookStore = Object.freeze({ get, set, remove, keys, exportAll, importAll, clearAll });
})();
