// Gapfill's progressive enhancements. Every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // Copy buttons: <button data-copy="#id">.
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.classList.remove('js-only');
    button.addEventListener('click', function () {
      var source = document.querySelector(button.getAttribute('data-copy'));
      if (!source) return;
      var text = source.textContent.trim();
      var done = function () {
        var status = document.querySelector(button.getAttribute('data-copied') || '#copy-status');
        if (status) status.textContent = status.getAttribute('data-message');
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () {});
      } else {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        try { document.execCommand('copy'); done(); } catch (e) { /* selected for the person */ }
      }
    });
  });

  // Print buttons (the flyer).
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });

  // "Use my location": fills the form's hidden lat/lon and submits it.
  document.querySelectorAll('[data-locate]').forEach(function (button) {
    if (!navigator.geolocation) { button.hidden = true; return; }
    button.addEventListener('click', function () {
      var form = button.form;
      navigator.geolocation.getCurrentPosition(function (position) {
        var lat = form.querySelector('[data-geo=lat]');
        var lon = form.querySelector('[data-geo=lon]');
        lat.value = position.coords.latitude.toFixed(3);
        lon.value = position.coords.longitude.toFixed(3);
        var text = form.querySelector('input[type=search]');
        if (text) text.value = '';
        form.submit();
      }, function () { button.disabled = true; }, { timeout: 10000, maximumAge: 600000 });
    });
  });
  // Place typeahead: <input data-place-suggest> offers the towns and ZIP codes
  // that start with what was typed, from this site's own gazetteer
  // (/api/v1/places; nothing goes elsewhere). Only what looks like a town or a
  // ZIP code is sent: text mixing digits and letters (a street address) is not.
  // Choosing a suggestion puts the form's lat/lon there (and the map's pin,
  // through the "gapfill:place" event); typing something else takes them back.
  document.querySelectorAll('[data-place-suggest]').forEach(function (input, index) {
    if (!window.fetch) return;
    var form = input.form;
    // data-place-suggest="names": suggestions only (a ride's pickup and drop-off).
    var places = form && input.getAttribute('data-place-suggest') !== 'names';
    var lat = places && form.querySelector('[data-geo=lat]');
    var lon = places && form.querySelector('[data-geo=lon]');
    var list = document.createElement('datalist');
    list.id = 'place-suggestions-' + index;
    input.after(list);
    input.setAttribute('list', list.id);
    var found = {};
    var timer = null;
    var asked = '';
    function suggestible(text) {
      return text.length >= 2 && text.length <= 60 && (/^\d{2,5}$/.test(text) || !/\d/.test(text));
    }
    function chosen() {
      var place = found[input.value];
      if (place && lat && lon) {
        lat.value = place.lat.toFixed(4);
        lon.value = place.lon.toFixed(4);
        lat.setAttribute('data-from-place', '');
        form.dispatchEvent(new CustomEvent('gapfill:place', { detail: place }));
      } else if (lat && lat.hasAttribute('data-from-place')) {
        lat.value = '';
        lon.value = '';
        lat.removeAttribute('data-from-place');
      }
    }
    function ask() {
      var text = input.value.trim();
      if (!suggestible(text) || text === asked) return;
      asked = text;
      fetch('/api/v1/places?limit=6&q=' + encodeURIComponent(text), { credentials: 'omit' })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (body) {
          if (input.value.trim() !== text) return;
          list.textContent = '';
          found = {};
          body.items.forEach(function (item) {
            var option = document.createElement('option');
            option.value = item.display;
            found[item.display] = item;
            list.appendChild(option);
          });
          chosen();
        }, function () { /* the form works without suggestions */ });
    }
    input.addEventListener('input', function () {
      chosen();
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
  });
})();
