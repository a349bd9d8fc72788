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
})();
