// The map of incidents and the small map of an incident page: Leaflet with
// a basemap of country shapes from Natural Earth (world-atlas, drawn from a
// file served by dossier itself: no tile server, works offline), and
// markers grouped by a small grid clustering; the shape of a marker says
// how precisely its incidents are placed.
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

// A marker says how precisely its incidents are placed: a town or a site
// is a solid circle, a province a dashed one, and an incident known only
// by its country a square at the country's centre, which the legend can
// hide: that centre is no place where anything happened.
const pointStyle = {
  city: { radius: 7, weight: 1.5, color: '#7a1f1f', fillColor: '#c0392b', fillOpacity: 0.85 },
  admin1: { radius: 9, weight: 2, color: '#7a1f1f', fillColor: '#e8a39b', fillOpacity: 0.55, dashArray: '3 3' },
};

function precisionOf(i) {
  const p = i.location.precision;
  return p === 'country' || p === 'admin1' ? p : 'city';
}

function drawPoints(map, layer, incidents) {
  layer.clearLayers();
  let markers = 0;
  for (const group of cluster(map, incidents)) {
    const lat = group.reduce((s, i) => s + i.location.lat, 0) / group.length;
    const lon = group.reduce((s, i) => s + i.location.lon, 0) / group.length;
    let m;
    if (group.length === 1) {
      const p = precisionOf(group[0]);
      m = L.circleMarker([lat, lon], Object.assign({ className: 'incident-marker precision-' + p }, pointStyle[p]));
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
  return markers;
}

// drawCountryLevel puts one square a country for the incidents placed only
// in that country, whatever the zoom: they are not clustered with points.
// The square stands above and right of the centre, its corner on it, and
// under the other markers, so that it leaves the centre of a cluster there
// (a capital's) free to click and still shows beside it.
function drawCountryLevel(layer, incidents) {
  const byCountry = new Map();
  for (const i of incidents) {
    const key = i.location.country || i.location.lat + ',' + i.location.lon;
    if (!byCountry.has(key)) byCountry.set(key, []);
    byCountry.get(key).push(i);
  }
  for (const [country, group] of byCountry) {
    const icon = document.createElement('span');
    icon.textContent = String(group.length);
    icon.dataset.count = String(group.length);
    const label = group.length + (group.length === 1 ? ' incident' : ' incidents') + ' placed only in ' + country + ' (country-level, drawn at its centre)';
    const m = L.marker([group[0].location.lat, group[0].location.lon], {
      icon: L.divIcon({ html: icon, className: 'country-marker', iconSize: [24, 24], iconAnchor: [-3, 27], popupAnchor: [15, -27] }),
      title: label,
      zIndexOffset: -1000,
    });
    const box = popupFor(group);
    const note = document.createElement('p');
    note.className = 'precision-note';
    note.textContent = 'Placed only in ' + country + ': the square stands at the country\'s centre, not where it happened.';
    box.insertBefore(note, box.firstChild);
    m.bindPopup(box);
    m.addTo(layer);
  }
  return byCountry.size;
}

// legend is the map's key, with the box that shows or hides the
// country-level squares.
function legend(map, countryLayer, countryLevel, el) {
  const control = L.control({ position: 'topright' });
  control.onAdd = () => {
    const box = L.DomUtil.create('div', 'map-legend');
    L.DomEvent.disableClickPropagation(box);
    const row = (cls, text) => {
      const p = document.createElement('div');
      const key = document.createElement('span');
      key.className = 'key ' + cls;
      p.appendChild(key);
      p.appendChild(document.createTextNode(text));
      box.appendChild(p);
      return p;
    };
    row('key-city', 'town or site');
    row('key-admin1', 'province only');
    row('key-cluster', 'several incidents: click to zoom');
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = 'map-country-level';
    input.checked = true;
    input.disabled = countryLevel === 0;
    input.addEventListener('change', () => {
      if (input.checked) countryLayer.addTo(map);
      else countryLayer.remove();
      el.dataset.countryShown = String(input.checked);
    });
    const key = document.createElement('span');
    key.className = 'key key-country';
    label.appendChild(input);
    label.appendChild(key);
    label.appendChild(document.createTextNode('country only (' + countryLevel + ')'));
    box.appendChild(label);
    return box;
  };
  control.addTo(map);
}

async function incidentsMap(el) {
  const [geo, items] = await Promise.all([countries(el.dataset.countries), fetchAll(el.dataset.src, maxIncidents)]);
  const incidents = located(items);
  const points = incidents.filter((i) => precisionOf(i) !== 'country');
  const countryLevel = incidents.filter((i) => precisionOf(i) === 'country');
  const map = baseMap(el, {});
  drawCountries(map, geo);
  // Fit the points: a country's centre says little of where to look.
  const fit = points.length > 0 ? points : incidents;
  if (fit.length > 0) {
    map.fitBounds(L.latLngBounds(fit.map((i) => [i.location.lat, i.location.lon])).pad(0.2), { maxZoom: 6 });
  } else {
    map.setView([25, 20], 2);
  }
  const countryLayer = L.layerGroup().addTo(map);
  const pointLayer = L.layerGroup().addTo(map);
  el.dataset.countryMarkers = String(drawCountryLevel(countryLayer, countryLevel));
  const redraw = () => { el.dataset.markers = String(drawPoints(map, pointLayer, points)); };
  redraw();
  map.on('zoomend', redraw);
  legend(map, countryLayer, countryLevel.length, el);
  el.dataset.incidents = String(incidents.length);
  el.dataset.countryLevel = String(countryLevel.length);
  el.dataset.countryShown = 'true';
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
