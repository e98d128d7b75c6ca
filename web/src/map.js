// The map of incidents and the small map of an incident page: Leaflet with
// a basemap of country shapes from Natural Earth (world-atlas, drawn from a
// file served by dossier itself: no tile server, works offline), and
// markers grouped by a small grid clustering.
import L from 'leaflet';
import { feature } from 'topojson-client';
import { fetchAll, showError, incidentLink, dateText } from './fetch.js';

const maxIncidents = 5000;
const cellPixels = 56;

async function countries(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error('country shapes: ' + res.statusText);
  const topo = await res.json();
  const geo = feature(topo, topo.objects.countries);
  // Antarctica is no use on a map of conflicts and smears along the
  // bottom of a Mercator map; rings that cross the antimeridian (Russia,
  // Fiji) are unwrapped so that they do not draw a band across the world.
  geo.features = geo.features.filter((f) => f.id !== '010');
  for (const f of geo.features) unwrap(f.geometry);
  return geo;
}

function unwrap(g) {
  if (!g) return;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
        while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
      }
    }
  }
}

function baseMap(el, options) {
  el.textContent = '';
  const map = L.map(el, Object.assign({ worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 }, options));
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Country shapes: Natural Earth');
  return map;
}

function drawCountries(map, geo) {
  L.geoJSON(geo, {
    interactive: false,
    style: { color: '#8b95a1', weight: 0.6, fillColor: '#f4f1e8', fillOpacity: 1 },
  }).addTo(map);
}

function located(items) {
  return items.filter((i) => i.location && i.location.lat != null && i.location.lon != null);
}

function popupFor(incidents) {
  const box = document.createElement('div');
  box.className = 'popup';
  const list = document.createElement('ul');
  for (const i of incidents.slice(0, 12)) {
    const li = document.createElement('li');
    li.appendChild(incidentLink(i.id, i.title));
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = ' ' + dateText(i.date) + (i.location.place ? ' · ' + i.location.place : '');
    li.appendChild(meta);
    list.appendChild(li);
  }
  box.appendChild(list);
  if (incidents.length > 12) {
    const more = document.createElement('p');
    more.textContent = 'and ' + (incidents.length - 12) + ' more; zoom in to see them';
    box.appendChild(more);
  }
  return box;
}

// cluster groups incidents whose markers would fall in the same cell of a
// grid at the map's zoom.
function cluster(map, incidents) {
  const zoom = map.getZoom();
  const cells = new Map();
  for (const i of incidents) {
    const p = map.project([i.location.lat, i.location.lon], zoom);
    const key = Math.floor(p.x / cellPixels) + ':' + Math.floor(p.y / cellPixels);
    let c = cells.get(key);
    if (!c) { c = []; cells.set(key, c); }
    c.push(i);
  }
  return [...cells.values()];
}

function drawMarkers(map, layer, incidents, el) {
  layer.clearLayers();
  let markers = 0;
  for (const group of cluster(map, incidents)) {
    const lat = group.reduce((s, i) => s + i.location.lat, 0) / group.length;
    const lon = group.reduce((s, i) => s + i.location.lon, 0) / group.length;
    let m;
    if (group.length === 1) {
      m = L.circleMarker([lat, lon], { radius: 7, weight: 1.5, color: '#7a1f1f', fillColor: '#c0392b', fillOpacity: 0.85, className: 'incident-marker' });
      m.bindPopup(popupFor(group));
    } else {
      const icon = document.createElement('span');
      icon.textContent = String(group.length);
      const size = group.length < 10 ? 30 : group.length < 100 ? 38 : 46;
      m = L.marker([lat, lon], {
        icon: L.divIcon({ html: icon, className: 'cluster-marker', iconSize: [size, size] }),
        title: group.length + ' incidents',
      });
      const bounds = L.latLngBounds(group.map((i) => [i.location.lat, i.location.lon]));
      m.on('click', () => {
        if (map.getZoom() >= map.getMaxZoom() || bounds.getNorthEast().equals(bounds.getSouthWest())) {
          m.bindPopup(popupFor(group)).openPopup();
        } else {
          map.fitBounds(bounds.pad(0.3), { maxZoom: map.getZoom() + 3 });
        }
      });
    }
    m.addTo(layer);
    markers++;
  }
  el.dataset.markers = String(markers);
}

async function incidentsMap(el) {
  const [geo, items] = await Promise.all([countries(el.dataset.countries), fetchAll(el.dataset.src, maxIncidents)]);
  const incidents = located(items);
  const map = baseMap(el, {});
  drawCountries(map, geo);
  if (incidents.length > 0) {
    map.fitBounds(L.latLngBounds(incidents.map((i) => [i.location.lat, i.location.lon])).pad(0.2), { maxZoom: 6 });
  } else {
    map.setView([25, 20], 2);
  }
  const layer = L.layerGroup().addTo(map);
  drawMarkers(map, layer, incidents, el);
  map.on('zoomend', () => drawMarkers(map, layer, incidents, el));
  el.dataset.incidents = String(incidents.length);
  el.classList.add('ready');
}

async function miniMap(el) {
  const lat = parseFloat(el.dataset.lat);
  const lon = parseFloat(el.dataset.lon);
  const geo = await countries(el.dataset.countries);
  const map = baseMap(el, { scrollWheelZoom: false, zoomControl: true, attributionControl: true });
  drawCountries(map, geo);
  map.setView([lat, lon], 5);
  L.circleMarker([lat, lon], { radius: 7, weight: 2, color: '#7a1f1f', fillColor: '#c0392b', fillOpacity: 0.9, className: 'incident-marker' })
    .bindTooltip(el.dataset.label || '')
    .addTo(map);
  el.dataset.markers = '1';
  el.classList.add('ready');
}

function start() {
  const big = document.getElementById('map');
  if (big) incidentsMap(big).catch((err) => showError(big, 'map', err));
  const mini = document.getElementById('minimap');
  if (mini) miniMap(mini).catch((err) => showError(mini, 'map', err));
}

if (document.readyState !== 'loading') start();
else document.addEventListener('DOMContentLoaded', start);
