{{%AUTOESCAPE context="HTML"}}
<h1>[[areas.heading]]</h1>
{{#DONE}}<p class="notice" role="status">[[areas.saved]]</p>{{/DONE}}
{{#HAS_ERRORS}}<div class="errors-summary" role="alert" tabindex="-1" id="errors">
<h2>[[form.errors_heading]]</h2>
<ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>{{/HAS_ERRORS}}
<p><a href="/n/{{SLUG}}/admin">[[roles.admin_heading]]</a></p>
<p>{{CURRENT}}</p>
<div id="map" class="map js-only" data-map data-tiles="{{TILE_URL}}" data-attribution="{{TILE_ATTRIBUTION}}" role="region" aria-label="[[areas.heading]]"></div>
<ul class="visually-hidden" data-map-list><li data-lat="{{LAT}}" data-lon="{{LON}}" data-radius-km="{{RADIUS_KM}}" data-geojson="{{GEOJSON}}" data-title="{{NAME}}" data-href="/n/{{SLUG}}"></li></ul>
<p>[[areas.intro]]</p>
{{#CHOICES}}<form method="post" action="/n/{{SLUG}}/admin/area">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="radius_km" value="{{RADIUS_VALUE}}">
<p>[[areas.choose_place]]</p>
<ul>{{#CHOICE}}<li><button type="submit" class="secondary" name="point" value="{{POINT}}">{{DISPLAY}}</button></li>{{/CHOICE}}</ul>
</form>{{/CHOICES}}
<form method="post" action="/n/{{SLUG}}/admin/area" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="place">[[areas.place_label]]</label>
{{#ERROR_PLACE}}<p class="error" id="place-error">{{MESSAGE}}</p>{{/ERROR_PLACE}}
<input id="place" name="place" type="text" maxlength="100" value="{{PLACE_VALUE}}" autocomplete="off">
<label for="radius_km">[[areas.radius_label]]</label>
{{#ERROR_RADIUS_KM}}<p class="error" id="radius_km-error">{{MESSAGE}}</p>{{/ERROR_RADIUS_KM}}
<input id="radius_km" name="radius_km" type="number" min="0.1" max="2000" step="any" value="{{RADIUS_VALUE}}">
<label for="geojson">[[areas.geojson_label]]</label>
{{#ERROR_GEOJSON}}<p class="error" id="geojson-error">{{MESSAGE}}</p>{{/ERROR_GEOJSON}}
<textarea id="geojson" name="geojson" rows="6">{{GEOJSON_VALUE}}</textarea>
<button type="submit">[[areas.save]]</button>
</form>
