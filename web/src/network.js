// The network of actors: cytoscape, one colour per kind of actor and per
// kind of relation. Above it, boxes that show or hide kinds of actors and
// of relations; actors left without a relation on show are hidden unless
// asked for. Labels keep one size on screen whatever the zoom, and a label
// that would cover another is left out until the pointer is on its actor.
// A click on an actor or a relation shows the evidence beside the graph.
import cytoscape from 'cytoscape';
import { fetchJSON, showError, checkbox, button } from './fetch.js';

// The same colours as the legend (dossier.css, .kind-*).
const colours = {
  person: '#2f6db3',
  armed_group: '#c0392b',
  state: '#2e8b57',
  organization: '#8e5ea2',
  party: '#e67e22',
  media: '#7f6a4d',
  other: '#7f8c8d',
};

// Each kind of actor, one and many.
const kindLabels = {
  person: ['person', 'people'],
  armed_group: ['armed group', 'armed groups'],
  state: ['state', 'states'],
  organization: ['organisation', 'organisations'],
  party: ['party', 'parties'],
  media: ['media', 'media'],
  other: ['other', 'others'],
};

// Each relation: how it reads, and its colour.
const predicates = {
  leader_of: ['leader of', '#1f4e79'],
  member_of: ['member of', '#5b8fbf'],
  founded: ['founded', '#2e8b57'],
  backed_by: ['backed by', '#c0392b'],
  spokesperson_of: ['spokesperson of', '#b07d12'],
  part_of: ['part of', '#8e5ea2'],
};

// labelPixels is the size of a label on screen; readableZoom the least
// zoom the graph opens at, where the actors' labels mostly fit.
const labelPixels = 12;
const readableZoom = 0.65;

function predicateLabel(p) {
  return predicates[p] ? predicates[p][0] : p.replaceAll('_', ' ');
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function link(href, text) {
  const a = el('a', '', text);
  a.href = href;
  return a;
}

function swatch(colour, cls) {
  const s = el('span', cls);
  s.style.backgroundColor = colour;
  return s;
}

// evidenceItem is one relation with the sentence that states it.
function evidenceItem(e, names) {
  const li = el('li');
  const head = el('p', 'relation');
  head.appendChild(link('/actors/' + encodeURIComponent(e.source), names.get(e.source) || e.source_name));
  head.appendChild(el('span', 'predicate', ' ' + predicateLabel(e.predicate) + ' '));
  head.appendChild(link('/actors/' + encodeURIComponent(e.target), names.get(e.target) || e.target_name));
  li.appendChild(head);
  if (e.evidence) li.appendChild(el('blockquote', 'evidence', e.evidence));
  const src = el('p', 'src');
  src.appendChild(link('/documents/' + encodeURIComponent(e.document_id), 'the source document'));
  if (e.sources > 1) src.appendChild(document.createTextNode(' and ' + (e.sources - 1) + ' more'));
  li.appendChild(src);
  return li;
}

// showDetail fills the panel with an actor and its relations on show, or
// with one relation.
function showDetail(panel, cy, target, names) {
  panel.textContent = '';
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.title = 'Close';
  close.addEventListener('click', () => { panel.hidden = true; cy.elements().unselect(); });
  panel.appendChild(close);
  const list = el('ul', 'evidence-list');
  if (target.isNode()) {
    const h = el('h2');
    h.appendChild(link('/actors/' + encodeURIComponent(target.id()), target.data('label')));
    panel.appendChild(h);
    const d = target.data();
    panel.appendChild(el('p', 'meta', (kindLabels[d.kind] || [d.kind])[0] +
      ' · ' + d.documents + ' documents · ' + d.incidents + ' incidents'));
    const edges = target.connectedEdges().not('.hidden');
    panel.appendChild(el('p', 'count', edges.length === 0 ? 'No relation on show.' : edges.length + (edges.length === 1 ? ' relation:' : ' relations:')));
    edges.forEach((e) => list.appendChild(evidenceItem(e.data('edge'), names)));
  } else {
    panel.appendChild(el('h2', '', 'Relation'));
    list.appendChild(evidenceItem(target.data('edge'), names));
  }
  panel.appendChild(list);
  panel.hidden = false;
}

// fitLabels keeps labels at labelPixels on screen, and actors at least
// at half their size, and shows the labels that fit: the biggest
// actors first, each label only where it covers no label already shown.
function fitLabels(cy) {
  const z = cy.zoom();
  const grow = Math.max(1, 0.5 / z);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.style({ 'font-size': labelPixels / z, 'text-max-width': 150 / z, 'text-margin-y': 3 / z, width: n.data('size') * grow, height: n.data('size') * grow });
    });
    cy.edges().style({ width: 1.6 * grow, 'font-size': labelPixels / z });
    cy.nodes().removeClass('quiet');
  });
  const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const shown = cy.nodes().not('.hidden');
  const discs = new Map(shown.map((n) => [n.id(), n.boundingBox({ includeLabels: false })]));
  const taken = [];
  const nodes = shown.sort((a, b) => b.data('size') - a.data('size') || b.degree() - a.degree());
  cy.batch(() => {
    nodes.forEach((n) => {
      const box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      const covers = taken.some((t) => overlaps(t, box)) || [...discs].some(([id, d]) => id !== n.id() && overlaps(d, box));
      if (covers) n.addClass('quiet');
      else taken.push(box);
    });
  });
}

async function draw(canvas) {
  const g = await fetchJSON(canvas.dataset.src);
  canvas.textContent = '';
  if (g.nodes.length === 0) {
    canvas.appendChild(el('p', 'empty', 'No relations between actors yet.'));
    return;
  }
  const names = new Map(g.nodes.map((n) => [n.id, n.name]));
  const elements = [];
  for (const n of g.nodes) {
    elements.push({ data: { id: n.id, label: n.name, kind: n.kind, documents: n.documents, incidents: n.incidents, size: 14 + Math.min(26, 4 * Math.sqrt(n.documents + n.incidents)) } });
  }
  for (const e of g.edges) {
    elements.push({ data: { id: e.source + '>' + e.predicate + '>' + e.target, source: e.source, target: e.target, predicate: e.predicate, label: predicateLabel(e.predicate), edge: e } });
  }

  // The stage holds the graph and the evidence panel over its right side.
  const stage = el('div', 'network-stage');
  canvas.parentNode.insertBefore(stage, canvas);
  stage.appendChild(canvas);
  const panel = el('aside', 'network-detail');
  panel.id = 'network-detail';
  panel.hidden = true;
  panel.setAttribute('aria-live', 'polite');
  stage.appendChild(panel);

  const cy = cytoscape({
    container: canvas,
    elements,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': (n) => colours[n.data('kind')] || colours.other,
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'font-size': labelPixels,
          'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
          color: '#1d232a',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': '150px',
          'text-background-color': '#fbfcfd',
          'text-background-opacity': 0.85,
          'text-background-padding': '1px',
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node.quiet', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
      { selector: 'node.quiet.hover, node.quiet:selected', style: { 'text-opacity': 1, 'text-background-opacity': 0.85, 'z-index': 10 } },
      { selector: '.hidden', style: { display: 'none' } },
      {
        selector: 'edge',
        style: {
          width: 1.6,
          'curve-style': 'bezier',
          'line-color': (e) => (predicates[e.data('predicate')] || [0, '#9aa5b1'])[1],
          'target-arrow-color': (e) => (predicates[e.data('predicate')] || [0, '#9aa5b1'])[1],
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.9,
          opacity: 0.75,
          label: '',
        },
      },
      { selector: 'edge.hover, edge:selected', style: { label: 'data(label)', 'underlay-color': '#ffd23f', 'underlay-opacity': 0.7, 'underlay-padding': 3, opacity: 1, color: '#1d232a', 'font-size': labelPixels, 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'z-index': 10 } },
      { selector: 'node:selected', style: { 'border-color': '#111', 'border-width': 3 } },
    ],
  });

  // The filters: kinds of actors, kinds of relations, lone actors.
  const bar = el('div', 'network-controls');
  const kinds = [...new Set(g.nodes.map((n) => n.kind))].sort((a, b) => Object.keys(colours).indexOf(a) - Object.keys(colours).indexOf(b));
  const rels = [...new Set(g.edges.map((e) => e.predicate))].sort();
  const byKind = el('fieldset', 'kinds');
  byKind.appendChild(el('legend', '', 'Actors'));
  for (const k of kinds) {
    const n = g.nodes.filter((x) => x.kind === k).length;
    byKind.appendChild(checkbox('kind', k, true, [swatch(colours[k] || colours.other, 'swatch'), (kindLabels[k] || [k, k])[1] + ' (' + n + ')'], () => apply()));
  }
  const byRel = el('fieldset', 'relations');
  byRel.appendChild(el('legend', '', 'Relations'));
  for (const p of rels) {
    const n = g.edges.filter((x) => x.predicate === p).length;
    byRel.appendChild(checkbox('predicate', p, true, [swatch((predicates[p] || [0, '#9aa5b1'])[1], 'line'), predicateLabel(p) + ' (' + n + ')'], () => apply()));
  }
  const lone = checkbox('isolated', '1', false, [el('span', 'lone-count')], () => apply());
  lone.className = 'isolated';
  bar.appendChild(byKind);
  bar.appendChild(byRel);
  bar.appendChild(lone);
  stage.parentNode.insertBefore(bar, stage);

  const apply = () => {
    const kindOn = new Set([...byKind.querySelectorAll('input:checked')].map((i) => i.value));
    const relOn = new Set([...byRel.querySelectorAll('input:checked')].map((i) => i.value));
    const showLone = lone.querySelector('input').checked;
    let isolated = 0;
    cy.batch(() => {
      cy.edges().forEach((e) => {
        const on = relOn.has(e.data('predicate')) && kindOn.has(e.source().data('kind')) && kindOn.has(e.target().data('kind'));
        e.toggleClass('hidden', !on);
      });
      cy.nodes().forEach((n) => {
        const linked = n.connectedEdges().some((e) => !e.hasClass('hidden'));
        if (kindOn.has(n.data('kind')) && !linked) isolated++;
        n.toggleClass('hidden', !kindOn.has(n.data('kind')) || (!linked && !showLone));
      });
    });
    lone.querySelector('.lone-count').textContent = ' actors without a relation on show (' + isolated + ')';
    layout();
    canvas.dataset.nodes = String(cy.nodes().not('.hidden').length);
    canvas.dataset.edges = String(cy.edges().not('.hidden').length);
    canvas.dataset.isolated = String(isolated);
  };
  const layout = () => {
    // By class: the style behind ':visible' may not be brought up to date yet.
    const shown = cy.elements().not('.hidden');
    // Labels at their size on screen count in the spacing, so that at the
    // fitted zoom few of them cover others.
    cy.nodes().removeStyle().removeClass('quiet');
    cy.edges().removeStyle();
    shown.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 6000,
      nodeOverlap: 40,
      idealEdgeLength: () => 60,
      edgeElasticity: () => 60,
      componentSpacing: 40,
      gravity: 1.2,
      numIter: 2500,
      padding: 30,
    }).run();
    home();
  };
  // The opening view: the whole graph if it fits at a readable zoom, else
  // its largest group of linked actors, at that zoom; 'Fit all' shows
  // everything, with fewer labels.
  const home = () => {
    const shown = cy.elements().not('.hidden');
    cy.fit(shown, 30);
    if (cy.zoom() < readableZoom) {
      const biggest = shown.components().sort((a, b) => b.length - a.length)[0];
      cy.fit(biggest, 30);
      if (cy.zoom() < readableZoom) cy.zoom(readableZoom);
      if (cy.zoom() > 1.2) cy.zoom(1.2);
      cy.center(biggest);
    }
    fitLabels(cy);
  };
  const views = el('div', 'views');
  views.appendChild(button('Main group', 'The largest group of linked actors, labels readable', home));
  views.appendChild(button('Fit all', 'Every actor on show; labels that would cover others are left out', () => {
    cy.fit(cy.elements().not('.hidden'), 30);
  }));
  bar.appendChild(views);
  apply();

  let pending = 0;
  cy.on('zoom', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => fitLabels(cy));
  });
  cy.on('mouseover', 'node, edge', (evt) => { evt.target.addClass('hover'); canvas.style.cursor = 'pointer'; });
  cy.on('mouseout', 'node, edge', (evt) => { evt.target.removeClass('hover'); canvas.style.cursor = ''; });
  // A second tap on the same actor opens it (cytoscape's dbltap fires for
  // two quick taps on anything).
  let last = { id: '', time: 0 };
  cy.on('tap', 'node, edge', (evt) => {
    const id = evt.target.id();
    if (evt.target.isNode() && id === last.id && evt.timeStamp - last.time < 400) {
      location.href = '/actors/' + encodeURIComponent(id);
      return;
    }
    last = { id, time: evt.timeStamp };
    showDetail(panel, cy, evt.target, names);
  });
  // The browser tests find a node to click through this.
  canvas.cy = cy;
  canvas.classList.add('ready');
}

function start() {
  const canvas = document.getElementById('network');
  if (canvas) draw(canvas).catch((err) => showError(canvas, 'network', err));
}

if (document.readyState !== 'loading') start();
else document.addEventListener('DOMContentLoaded', start);
