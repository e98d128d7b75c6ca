// Reading the JSON API from the views, and the small controls they share.

// fetchJSON gets one answer of the API, or throws with its error message.
export async function fetchJSON(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.statusText;
    throw new Error(msg);
  }
  return body;
}

// fetchAll follows a list's "next" cursors until max items.
export async function fetchAll(url, max) {
  const items = [];
  let next = url;
  while (next && items.length < max) {
    const page = await fetchJSON(next);
    items.push(...page.items);
    if (!page.next) break;
    const u = new URL(url, location.href);
    u.searchParams.set('cursor', page.next);
    next = u.pathname + u.search;
  }
  return items.slice(0, max);
}

// showError replaces a view's canvas with a message.
export function showError(el, what, err) {
  el.textContent = '';
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = 'Could not draw the ' + what + ': ' + err.message;
  el.appendChild(p);
}

// incidentLink makes a link to an incident, from text only.
export function incidentLink(id, title) {
  const a = document.createElement('a');
  a.href = '/incidents/' + encodeURIComponent(id);
  a.textContent = title || id;
  return a;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// dateText reads an ISO date at its precision, as the pages do.
export function dateText(d) {
  if (!d || !d.start) return 'date unknown';
  const one = (s) => {
    const p = s.split('-');
    if (p.length === 1) return s;
    if (p.length === 2) return months[+p[1] - 1] + ' ' + p[0];
    return (+p[2]) + ' ' + months[+p[1] - 1] + ' ' + p[0];
  };
  return d.end && d.end !== d.start ? one(d.start) + ' – ' + one(d.end) : one(d.start);
}

// dateBounds turns a date at any precision into the first and the last
// moment it covers.
export function dateBounds(d) {
  const parse = (s, last) => {
    const p = s.split('-').map(Number);
    if (p.length === 1) return last ? new Date(Date.UTC(p[0] + 1, 0, 1) - 1) : new Date(Date.UTC(p[0], 0, 1));
    if (p.length === 2) return last ? new Date(Date.UTC(p[0], p[1], 1) - 1) : new Date(Date.UTC(p[0], p[1] - 1, 1));
    return last ? new Date(Date.UTC(p[0], p[1] - 1, p[2] + 1) - 1) : new Date(Date.UTC(p[0], p[1] - 1, p[2]));
  };
  return { start: parse(d.start, false), end: parse(d.end || d.start, true) };
}

// checkbox makes a labelled box: children are text or elements after it.
export function checkbox(name, value, checked, children, onChange) {
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.name = name;
  input.value = value;
  input.checked = checked;
  input.addEventListener('change', onChange);
  label.appendChild(input);
  for (const c of children) label.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return label;
}

// button makes a plain button that calls onClick.
export function button(text, title, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}
