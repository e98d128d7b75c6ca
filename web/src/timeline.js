// The timeline of incidents (all of them, or one actor's), with
// vis-timeline: zoom and drag, one row per event type, click to open.
// An incident dated to the day is a point; one known only to the month or
// the year is a bar over that month or year, so that it shows how little
// is known. The timeline of all incidents opens on the densest recent
// year of the filter, with controls to zoom and to show or hide event
// types and precisions.
import { Timeline } from 'vis-timeline/peer';
import { DataSet } from 'vis-data/peer';
import { fetchAll, fetchJSON, showError, dateText, dateBounds, checkbox, button } from './fetch.js';

const maxIncidents = 5000;
const day = 24 * 3600 * 1000;
const year = 365.25 * day;

const precisionLabels = { day: 'to the day', month: 'to the month', year: 'to the year' };

function precisionOf(r) {
  const p = r.date.precision;
  if (p === 'day' || p === 'month' || p === 'year') return p;
  const { start, end } = dateBounds(r.date);
  return end - start < 2 * day ? 'day' : end - start < 32 * day ? 'month' : 'year';
}

function itemFor(r) {
  const { start, end } = dateBounds(r.date);
  const precision = precisionOf(r);
  const content = document.createElement('span');
  content.textContent = r.title;
  content.title = r.title + ' — ' + dateText(r.date) + (r.country ? ', ' + r.country : '') +
    (precision === 'day' ? '' : ' (dated ' + precisionLabels[precision] + ')');
  const item = { id: r.id, content, start, group: r.type || 'Other', className: 'precision-' + precision, precision };
  if (end - start < 2 * day) {
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

// span is the whole of the items, with a margin, and at least a year.
function span(items) {
  let lo = Math.min(...items.map((i) => +i.start));
  let hi = Math.max(...items.map((i) => +(i.end || i.start)));
  const pad = Math.max((hi - lo) * 0.05, 180 * day);
  return { start: lo - pad, end: hi + pad, count: items.length };
}

// densest finds the year-long window that holds the most items, counting
// each at the middle of its dates; of the windows that hold nearly as many
// (nine tenths of the most), the latest wins, as recent incidents are what
// a reader most often looks for. Items dated only to the year weigh in
// only when nothing is dated more closely. When all the items fall within
// a year and a half, the window is all of them.
function densest(items, width = year) {
  const all = span(items);
  if (all.end - all.start <= 1.5 * year + 360 * day) return all;
  const close = items.filter((i) => i.precision !== 'year');
  const times = (close.length > 0 ? close : items)
    .map((i) => (+i.start + +(i.end || i.start)) / 2)
    .sort((a, b) => a - b);
  const counts = [];
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] > width) lo++;
    counts.push({ lo, hi, n: hi - lo + 1 });
  }
  const most = Math.max(...counts.map((c) => c.n));
  const best = counts.filter((c) => c.n >= Math.ceil(most * 0.9)).pop();
  // Centre the year on the items it holds.
  const mid = (times[best.lo] + times[best.hi]) / 2;
  const start = mid - width / 2 - 15 * day;
  const end = mid + width / 2 + 15 * day;
  const count = items.filter((i) => +i.start <= end && +(i.end || i.start) >= start).length;
  return { start, end, count };
}

// controls are the buttons to zoom and the boxes that show or hide event
// types and precisions, above the timeline.
function controls(el, timeline, all, groups, opening) {
  const bar = document.createElement('div');
  bar.className = 'timeline-controls';
  const zoom = document.createElement('div');
  zoom.className = 'zoom';
  zoom.appendChild(button('−', 'Zoom out', () => timeline.zoomOut(0.5)));
  zoom.appendChild(button('+', 'Zoom in', () => timeline.zoomIn(0.5)));
  zoom.appendChild(button('Densest year', 'Back to the year with the most incidents', () =>
    timeline.setWindow(new Date(opening.start), new Date(opening.end), { animation: false })));
  zoom.appendChild(button('All', 'Show every incident', () => {
    const s = span(all.get());
    timeline.setWindow(new Date(s.start), new Date(s.end), { animation: false });
  }));
  bar.appendChild(zoom);

  const shown = () => {
    const types = new Set([...bar.querySelectorAll('input[name=type]:checked')].map((i) => i.value));
    const precisions = new Set([...bar.querySelectorAll('input[name=precision]:checked')].map((i) => i.value));
    groups.forEach((g) => groups.update({ id: g.id, visible: types.has(g.id) }));
    const items = all.get({ filter: (i) => types.has(i.group) && precisions.has(i.precision) });
    timeline.setItems(new DataSet(items));
    el.dataset.shown = String(items.length);
  };
  const byPrecision = document.createElement('fieldset');
  byPrecision.className = 'precisions';
  byPrecision.appendChild(Object.assign(document.createElement('legend'), { textContent: 'Dated' }));
  for (const p of ['day', 'month', 'year']) {
    const n = all.get({ filter: (i) => i.precision === p }).length;
    if (n > 0) byPrecision.appendChild(checkbox('precision', p, true, [' ' + precisionLabels[p] + ' (' + n + ')'], shown));
  }
  bar.appendChild(byPrecision);
  const byType = document.createElement('fieldset');
  byType.className = 'types';
  byType.appendChild(Object.assign(document.createElement('legend'), { textContent: 'Types' }));
  groups.forEach((g) => {
    const n = all.get({ filter: (i) => i.group === g.id }).length;
    byType.appendChild(checkbox('type', g.id, true, [' ' + g.id + ' (' + n + ')'], shown));
  });
  bar.appendChild(byType);
  el.parentNode.insertBefore(bar, el);
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
  const all = new DataSet(refs.map(itemFor));
  const types = [...new Set(refs.map((r) => r.type || 'Other'))].sort();
  const groups = new DataSet(types.map((t) => ({ id: t, content: t })));
  const small = el.classList.contains('small');
  // One actor's incidents are few: all of them. All incidents: the
  // densest recent year.
  const opening = small ? span(all.get()) : densest(all.get());
  let drawn;
  const firstDraw = new Promise((resolve) => { drawn = resolve; });
  const timeline = new Timeline(el, new DataSet(all.get()), small ? null : groups, {
    onInitialDrawComplete: () => drawn(),
    stack: true,
    zoomable: true,
    zoomMin: 7 * day,
    orientation: 'top',
    margin: { item: 6 },
    maxHeight: small ? 320 : 640,
    showCurrentTime: false,
    selectable: true,
    start: new Date(opening.start),
    end: new Date(opening.end),
  });
  timeline.on('click', (props) => {
    if (props.item) location.href = '/incidents/' + encodeURIComponent(props.item);
  });
  if (!small) controls(el, timeline, all, groups, opening);
  // vis-timeline shows itself once it has drawn the opening window.
  await firstDraw;
  // The browser tests read the opening window and the timeline through these.
  el.timeline = timeline;
  el.dataset.windowStart = new Date(opening.start).toISOString().slice(0, 10);
  el.dataset.windowEnd = new Date(opening.end).toISOString().slice(0, 10);
  el.dataset.windowItems = String(opening.count);
  el.dataset.items = String(refs.length);
  el.dataset.shown = String(refs.length);
  el.classList.add('ready');
}

function start() {
  const el = document.getElementById('timeline');
  if (el) draw(el).catch((err) => showError(el, 'timeline', err));
}

if (document.readyState !== 'loading') start();
else document.addEventListener('DOMContentLoaded', start);
