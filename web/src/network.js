// The network of actors: cytoscape, one colour per kind of actor, click
// through to an actor's page.
import cytoscape from 'cytoscape';
import { fetchJSON, showError } from './fetch.js';

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

const predicates = {
  leader_of: 'leader of',
  member_of: 'member of',
  founded: 'founded',
  backed_by: 'backed by',
  spokesperson_of: 'spokesperson of',
  part_of: 'part of',
};

async function draw(el) {
  const g = await fetchJSON(el.dataset.src);
  el.textContent = '';
  if (g.nodes.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No relations between actors yet.';
    el.appendChild(p);
    return;
  }
  const elements = [];
  for (const n of g.nodes) {
    elements.push({ data: { id: n.id, label: n.name, kind: n.kind, size: 14 + Math.min(26, 4 * Math.sqrt(n.documents + n.incidents)) } });
  }
  for (const e of g.edges) {
    elements.push({ data: { id: e.source + '>' + e.predicate + '>' + e.target, source: e.source, target: e.target, label: predicates[e.predicate] || e.predicate } });
  }
  const cy = cytoscape({
    container: el,
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
          'font-size': 10,
          color: '#1d232a',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': '140px',
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      {
        selector: 'edge',
        style: {
          width: 1.2,
          'curve-style': 'bezier',
          'line-color': '#9aa5b1',
          'target-arrow-color': '#9aa5b1',
          'target-arrow-shape': 'triangle',
          label: 'data(label)',
          'font-size': 7,
          color: '#5b6670',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
        },
      },
      { selector: 'node:active, node:selected', style: { 'border-color': '#111', 'border-width': 2 } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, numIter: 1500 },
  });
  cy.on('tap', 'node', (evt) => {
    location.href = '/actors/' + encodeURIComponent(evt.target.id());
  });
  cy.on('mouseover', 'node', () => { el.style.cursor = 'pointer'; });
  cy.on('mouseout', 'node', () => { el.style.cursor = ''; });
  // The browser tests find a node to click through this.
  el.cy = cy;
  el.dataset.nodes = String(cy.nodes().length);
  el.dataset.edges = String(cy.edges().length);
  el.classList.add('ready');
}

function start() {
  const el = document.getElementById('network');
  if (el) draw(el).catch((err) => showError(el, 'network', err));
}

if (document.readyState !== 'loading') start();
else document.addEventListener('DOMContentLoaded', start);
