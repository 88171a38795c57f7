// Service worker for tickets (served at /sw.js): a ticket page the holder opened once still opens
// without signal at the door. Network first, so a moved or cancelled session shows as soon as there is a
// connection; the cache only answers when the network cannot. Only ticket pages and the style/script
// bundle are kept, and everything is dropped when the person signs out (a shared phone).
const CACHE = 'sk-tiket-v1';

self.addEventListener('install', () => self.skipWaiting());
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
  if (!url.pathname.startsWith('/tiket/') && !url.pathname.startsWith('/pkg/')) return;
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
