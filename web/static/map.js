// Maps, where JavaScript and Leaflet run: the places listed on the page as
// markers (data-lat/data-lon on the list items), and on forms a pin the
// person may move to say roughly where (fills the form's lat/lon fields).
(function () {
  'use strict';
  if (!window.L) return;

  function tiles(map, element) {
    L.tileLayer(element.getAttribute('data-tiles'), {
      maxZoom: 18,
      attribution: element.getAttribute('data-attribution')
    }).addTo(map);
  }

  // A network's area, from the list item's data attributes: its polygon
  // (data-geojson) or its circle (data-radius-km around data-lat/data-lon).
  // Returns the area's bounds, or null when the item has no area.
  function drawArea(map, item, point) {
    var geojson = item.getAttribute('data-geojson');
    if (geojson) {  // a drawn service area: the polygon itself
      var shape = L.geoJSON(JSON.parse(geojson), { style: { weight: 1, fillOpacity: 0.05 } }).addTo(map);
      var box = shape.getBounds();
      return box.isValid() ? box : null;
    }
    var radius = parseFloat(item.getAttribute('data-radius-km'));
    if (!(radius > 0)) return null;
    L.circle(point, { radius: radius * 1000, weight: 1, fillOpacity: 0.05 }).addTo(map);
    return L.latLng(point).toBounds(radius * 2000);
  }

  document.querySelectorAll('[data-map]').forEach(function (element) {
    var list = document.querySelector('[data-map-list]');
    var items = list ? list.querySelectorAll('[data-lat][data-lon]') : [];
    var map = L.map(element, { scrollWheelZoom: false });
    tiles(map, element);
    var bounds = [];
    items.forEach(function (item) {
      var point = [parseFloat(item.getAttribute('data-lat')), parseFloat(item.getAttribute('data-lon'))];
      if (isNaN(point[0]) || isNaN(point[1])) return;
      bounds.push(point);
      var marker = L.circleMarker(point, { radius: 8, color: '#0b5d3b', weight: 2, fillOpacity: 0.5 });
      var link = document.createElement('a');
      link.href = item.getAttribute('data-href');
      link.textContent = item.getAttribute('data-title');
      marker.bindPopup(link);
      marker.addTo(map);
      var area = drawArea(map, item, point);
      if (area && items.length === 1) {  // one area: show all of it
        bounds.push(area.getSouthWest(), area.getNorthEast());
      }
    });
    if (bounds.length > 0) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
    } else {
      var centre = [parseFloat(element.getAttribute('data-lat')) || 20, parseFloat(element.getAttribute('data-lon')) || 0];
      map.setView(centre, element.hasAttribute('data-lat') ? 11 : 2);
    }
  });

  document.querySelectorAll('[data-pin-map]').forEach(function (element) {
    var form = element.closest('form');
    var lat = form.querySelector('[data-geo=lat]');
    var lon = form.querySelector('[data-geo=lon]');
    var start = [parseFloat(lat.value || element.getAttribute('data-lat')),
                 parseFloat(lon.value || element.getAttribute('data-lon'))];
    var map = L.map(element, { scrollWheelZoom: false }).setView(start, 12);
    tiles(map, element);
    var pin = L.circleMarker(start, { radius: 10, color: '#8a2c0d', weight: 3, fillOpacity: 0.4 }).addTo(map);
    map.on('click', function (event) {
      pin.setLatLng(event.latlng);
      lat.value = event.latlng.lat.toFixed(4);
      lon.value = event.latlng.lng.toFixed(4);
      lat.removeAttribute('data-from-place');
    });
    // A place chosen from the typeahead (app.js) moves the pin there.
    form.addEventListener('gapfill:place', function (event) {
      var point = [event.detail.lat, event.detail.lon];
      pin.setLatLng(point);
      map.setView(point, 12);
    });
  });
})();
