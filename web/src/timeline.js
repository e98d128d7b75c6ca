// The timeline of incidents (all of them, or one actor's), with
// vis-timeline: zoom and drag, one row per event type, click to open.
import { Timeline } from 'vis-timeline/peer';
import { DataSet } from 'vis-data/peer';
import { fetchAll, fetchJSON, showError, dateText, dateBounds } from './fetch.js';

const maxIncidents = 5000;
const day = 24 * 3600 * 1000;

function itemFor(i) {
  const { start, end } = dateBounds(i.date);
  const content = document.createElement('span');
  content.textContent = i.title;
  content.title = i.title + ' — ' + dateText(i.date) + (i.country ? ', ' + i.country : '');
  const precise = end - start < 2 * day;
  const item = { id: i.id, content, start, group: i.type || 'Other', className: precise ? 'precise' : 'imprecise' };
  if (precise) {
    item.type = 'point';
  } else {
    item.end = end;
    item.type = 'range';
  }
  return item;
}

// refOf reads a list item (an incident summary) as an incident reference.
function refOf(s) {
  return { id: s.id, title: s.title, date: s.date, type: s.type, country: s.location ? s.location.country : '' };
}

async function load(el) {
  if (el.dataset.items === 'incidents') {
    const actor = await fetchJSON(el.dataset.src);
    return actor.incidents || [];
  }
  const items = await fetchAll(el.dataset.src, maxIncidents);
  return items.map(refOf);
}

async function draw(el) {
  const refs = (await load(el)).filter((r) => r.date && r.date.start);
  el.textContent = '';
  if (refs.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No dated incidents to show.';
    el.appendChild(p);
    return;
  }
  const items = new DataSet(refs.map(itemFor));
  const types = [...new Set(refs.map((r) => r.type || 'Other'))].sort();
  const groups = new DataSet(types.map((t) => ({ id: t, content: t })));
  const small = el.classList.contains('small');
  // Open on the span of the incidents, with a margin, and at least a year.
  let lo = Math.min(...items.map((i) => +i.start));
  let hi = Math.max(...items.map((i) => +(i.end || i.start)));
  const pad = Math.max((hi - lo) * 0.05, 180 * day);
  lo -= pad;
  hi += pad;
  const timeline = new Timeline(el, items, small ? null : groups, {
    stack: true,
    zoomable: true,
    zoomMin: 7 * day,
    orientation: 'top',
    margin: { item: 6 },
    maxHeight: small ? 320 : 640,
    showCurrentTime: false,
    selectable: true,
    start: new Date(lo),
    end: new Date(hi),
  });
  timeline.on('click', (props) => {
    if (props.item) location.href = '/incidents/' + encodeURIComponent(props.item);
  });
  el.dataset.items = String(refs.length);
  el.classList.add('ready');
}

function start() {
  const el = document.getElementById('timeline');
  if (el) draw(el).catch((err) => showError(el, 'timeline', err));
}

if (document.readyState !== 'loading') start();
else document.addEventListener('DOMContentLoaded', start);
