// The site's service worker (served at /sw.js, registered by every page):
// - tickets: a ticket page the holder opened once still opens without signal at the door. Network first,
//   so a moved or cancelled session shows as soon as there is a connection; the cache only answers when
//   the network cannot. Only ticket pages and the style/script bundle are kept, and everything is dropped
//   when the person signs out (a shared phone).
// - any other page asked for without a connection gets the offline page (kept at install), instead of
//   the browser's own error.
const CACHE = 'sk-tiket-v1';
const PAGES = 'sk-halaman-v1';
const OFFLINE = '/offline';

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(PAGES).then((cache) => cache.add(OFFLINE)).catch(() => undefined));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/sign_out') {
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (request.method !== 'GET') return;
  const ticket = url.pathname.startsWith('/tiket/') || url.pathname.startsWith('/pkg/');
  if (!ticket) {
    if (request.mode === 'navigate') {
      event.respondWith(
        fetch(request).catch(() =>
          caches.match(OFFLINE).then((cached) => cached || Response.error()),
        ),
      );
    }
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && url.pathname.startsWith('/tiket/')) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(url.pathname, { ignoreSearch: true }).then((cached) => cached || Response.error()),
      ),
  );
});
