// Client-side navigation between server-rendered pages (see navigation.rs for why it is ours and not
// Leptos' islands_routing.js). Links, back/forward and form posts fetch the next page and swap it in;
// islands the new page renders exactly as before keep running, new ones come alive; nothing reloads.
(() => {
  if (!window.fetch || !window.DOMParser || !history.pushState || !window.FormData) return;
  history.scrollRestoration = 'manual';
  let latest = 0;
  let asked = 0;
  let shownPage = location.pathname + location.search;

  // Files (PDFs, calendars, photos, the bundle) and the API load as the browser would.
  const isPage = (url) =>
    url.origin === location.origin &&
    !/\.[A-Za-z0-9]+$/.test(url.pathname) &&
    !/^\/(api|pkg|media)\//.test(url.pathname);

  const topIslands = (root) =>
    [...root.querySelectorAll('leptos-island')].filter(
      (island) => !island.parentElement.closest('leptos-island'),
    );

  // Attributes are copied *and* removed: a stale `aria-current`, `aria-invalid`, `hidden` or
  // `data-submitting` must not survive into the next page.
  const syncAttributes = (live, next, keep = []) => {
    for (const name of live.getAttributeNames())
      if (!next.hasAttribute(name) && !keep.includes(name)) live.removeAttribute(name);
    for (const name of next.getAttributeNames()) live.setAttribute(name, next.getAttribute(name));
  };

  const swapHead = (doc) => {
    document.title = doc.title;
    syncAttributes(document.documentElement, doc.documentElement, ['data-navigating']);
    const described =
      'meta[name]:not([name=viewport]):not([name=theme-color]),meta[property],link[rel=canonical],link[rel=alternate]';
    for (const element of document.head.querySelectorAll(described)) element.remove();
    for (const element of doc.head.querySelectorAll(described))
      document.head.append(document.adoptNode(element));
  };

  // The whole body is replaced, not patched: nothing of the old page lingers. A live island is kept
  // (state and all) where the new page renders it exactly as the server first rendered it; an island
  // whose server HTML changed (a new cart count, another language) is replaced and started afresh.
  const swapBody = (doc) => {
    const next = document.adoptNode(doc.body);
    const live = topIslands(document.body);
    for (const island of topIslands(next)) {
      const same = live.findIndex(
        (old) =>
          old.dataset.component === island.dataset.component &&
          (old.$$server || old.outerHTML) === island.outerHTML,
      );
      if (same >= 0) island.replaceWith(live.splice(same, 1)[0]);
    }
    syncAttributes(document.body, next, ['data-hydrated']);
    document.body.replaceChildren(...next.childNodes);
  };

  // Replaces only the children of the page's `data-live` parts (live search: the field being typed
  // in stays as it is). False when this page has no such parts (the person has moved on).
  const swapLiveParts = (doc) => {
    const pairs = [...document.querySelectorAll('[data-live]')].map((live) => [
      live,
      doc.querySelector(`[data-live="${live.dataset.live}"]`),
    ]);
    if (!pairs.length || pairs.some(([, next]) => !next)) return false;
    document.title = doc.title;
    for (const [live, next] of pairs) {
      syncAttributes(live, next);
      live.replaceChildren(...document.adoptNode(next).childNodes);
    }
    return true;
  };

  // A page's `<script src>` runs as on a page load (once the address is the new page's). Inline
  // scripts do not: the document's CSP admits only its own first page's.
  const runScripts = () => {
    for (const swapped of document.body.querySelectorAll('script[src]')) {
      const script = document.createElement('script');
      for (const name of swapped.getAttributeNames()) script.setAttribute(name, swapped.getAttribute(name));
      swapped.replaceWith(script);
    }
  };

  // Where the eye and the screen reader go: the `#fragment`, else the first field the server marked
  // invalid, else the page's heading; back/forward return to where the person was.
  const settle = (url, scroll) => {
    if (scroll !== undefined) return scrollTo(0, scroll);
    const hash = url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)));
    const invalid = document.querySelector('main [aria-invalid="true"]');
    const heading = document.querySelector('main h1') || document.querySelector('main');
    const target = hash || invalid || heading;
    if (hash) hash.scrollIntoView();
    else if (invalid) invalid.scrollIntoView({ block: 'center' });
    else scrollTo(0, 0);
    if (!target) return;
    if (!target.matches('a[href],button,input,select,textarea,[tabindex]'))
      target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };

  const showText = (text) => {
    const main = document.querySelector('main') || document.body;
    const notice = document.createElement('p');
    notice.setAttribute('role', 'alert');
    notice.className = 'my-4 rounded-lg bg-red-50 p-3 font-medium text-red-800';
    notice.textContent = text.slice(0, 500);
    main.prepend(notice);
    notice.scrollIntoView();
  };

  // `how`: { history: 'push' | 'replace' | 'none', scroll, live, fallback }
  const navigate = async (url, init = {}, how = {}) => {
    // A live search result never overtakes a page the person asked for.
    if (how.live && asked > 0) return;
    if (!how.live) asked++;
    const id = ++latest;
    const root = document.documentElement;
    root.setAttribute('data-navigating', '');
    try {
      let target = new URL(url, location.href);
      let response;
      for (let hops = 0; ; hops++) {
        response = await fetch(target, {
          ...init,
          headers: { 'Islands-Router': 'true', Accept: 'text/html' },
          credentials: 'same-origin',
        });
        // The server hands a redirect over as a header (server/src/middleware.rs): fetch would follow
        // it itself and drop its #fragment.
        const moved = response.headers.get('islands-location');
        if (!moved || hops > 5) break;
        target = new URL(moved, target);
        init = {};
      }
      if (id !== latest) return;
      const type = response.headers.get('content-type') || '';
      if (!type.startsWith('text/html')) {
        if (!init.method) return location.assign(target);
        return showText(await response.text());
      }
      const html = await response.text();
      if (id !== latest) return;
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const shown = new URL(response.url || target);
      shown.hash = target.hash;
      const leftAt = scrollY;
      if (how.live) {
        // Results for a page the person has already left are of no use.
        if (!swapLiveParts(doc)) return;
      } else {
        swapHead(doc);
        swapBody(doc);
      }
      // The address changes once the new page is in place.
      if (how.history !== 'none') {
        history.replaceState({ ...(history.state || {}), scroll: leftAt }, '');
        history[how.history === 'replace' ? 'replaceState' : 'pushState']({}, '', shown);
      }
      shownPage = location.pathname + location.search;
      if (!how.live) runScripts();
      window.__skHydrate?.(document.body);
      if (!how.live) settle(shown, how.scroll);
      window.dispatchEvent(new CustomEvent('sk:navigated', { detail: { url: shown.href } }));
    } catch (error) {
      console.error(error);
      if (id === latest) (how.fallback || (() => location.assign(url)))();
    } finally {
      if (!how.live) asked--;
      if (id === latest) root.removeAttribute('data-navigating');
    }
  };
  // Islands that post by themselves (the photo upload) hand the page they were sent to over here.
  // Live search hands over `{ url, live: true }`: only the `data-live` parts change.
  window.addEventListener('sk:navigate', (event) => {
    event.preventDefault();
    const detail = event.detail;
    if (typeof detail === 'string') navigate(detail);
    else navigate(detail.url, {}, { history: 'replace', live: detail.live });
  });

  window.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest && event.target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download') || link.hasAttribute('data-native'))
      return;
    if ((link.getAttribute('rel') || '').split(/\s+/).includes('external')) return;
    const url = new URL(link.href, location.href);
    if (!isPage(url)) return;
    // A `#fragment` of this very page (the skip link): the browser scrolls and moves focus itself.
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    event.preventDefault();
    navigate(url);
  });

  window.addEventListener('popstate', (event) => {
    // Back from `#isi` to the same page: only the fragment changed, the browser scrolls.
    if (location.pathname + location.search === shownPage) return;
    navigate(location.href, {}, { history: 'none', scroll: (event.state && event.state.scroll) || 0 });
  });

  // Runs last: islands listen on their own elements and the form progress helper on `document`, this
  // on `window`. A form one of them took (a photo upload, add to cart, a second tap) is left alone.
  window.addEventListener('submit', (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
    if (form.target || form.hasAttribute('data-native')) return;
    const submitter = event.submitter;
    const method = ((submitter && submitter.getAttribute('formmethod')) || form.method).toLowerCase();
    const action = new URL((submitter && submitter.getAttribute('formaction')) || form.action, location.href);
    if (action.origin !== location.origin || (method !== 'get' && method !== 'post')) return;
    let data;
    try {
      data = new FormData(form, submitter);
    } catch {
      data = new FormData(form);
    }
    // Browsers without FormData's submitter argument leave the pressed button's name=value out.
    if (submitter && submitter.name && !data.getAll(submitter.name).includes(submitter.value))
      data.append(submitter.name, submitter.value);
    event.preventDefault();
    // If the fetch itself fails, the form is posted the way the browser would have.
    const fallback = () => {
      form.removeAttribute('data-submitting');
      form.setAttribute('data-native', '');
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    };
    const asText = () => {
      const params = new URLSearchParams();
      for (const [name, value] of data) params.append(name, typeof value === 'string' ? value : value.name);
      return params;
    };
    if (method === 'get') {
      action.search = asText().toString();
      return navigate(action, {}, { fallback });
    }
    // Multipart forms (photos, documents, receipts) keep their files: the FormData itself is sent.
    const enctype = (submitter && submitter.getAttribute('formenctype')) || form.enctype;
    const body = enctype === 'multipart/form-data' ? data : asText();
    navigate(action, { method: 'POST', body }, { fallback });
  });
})();
