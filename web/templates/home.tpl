{{%AUTOESCAPE context="HTML"}}
<section class="intro">
<h1>[[home.heading]]</h1>
<p class="lead">[[home.lead]]</p>
<p>[[home.how]]</p>
<p><a href="/directory">[[directory.nav]]</a></p>
</section>
<section aria-labelledby="find-heading">
<h2 id="find-heading">[[home.find_heading]]</h2>
<form method="get" action="/" class="find" role="search">
<label for="q">[[home.find_label]]</label>
<div class="row">
<input id="q" name="q" type="search" value="{{Q}}" maxlength="100" autocomplete="address-level2">
<button type="submit">[[home.find_button]]</button>
</div>
<input type="hidden" name="lat" value="{{LAT}}" data-geo="lat">
<input type="hidden" name="lon" value="{{LON}}" data-geo="lon">
<button type="button" class="secondary js-only" data-locate>[[home.use_location]]</button>
</form>
{{#QUERY_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/QUERY_ERROR}}
{{#PLACE_CHOICES}}<nav aria-labelledby="choices-heading"><p id="choices-heading">[[areas.choose_place]]</p>
<ul>{{#PLACE_CHOICE}}<li><a href="/?lat={{LAT}}&amp;lon={{LON}}">{{DISPLAY}}</a></li>{{/PLACE_CHOICE}}</ul></nav>{{/PLACE_CHOICES}}
</section>
<section aria-labelledby="networks-heading">
<h2 id="networks-heading">{{NETWORKS_HEADING}}</h2>
<div id="map" class="map js-only" data-map data-tiles="{{TILE_URL}}" data-attribution="{{TILE_ATTRIBUTION}}" role="region" aria-label="[[home.map_label]]"></div>
{{#NONE_SERVES}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NONE_SERVES}}
{{#NO_NETWORKS}}<p>[[home.no_networks]]</p>{{/NO_NETWORKS}}
<ul class="cards" data-map-list>
{{#NETWORK_ITEM}}<li class="card" data-lat="{{LAT}}" data-lon="{{LON}}" data-radius-km="{{RADIUS_KM}}" data-geojson="{{GEOJSON}}" data-title="{{NAME}}" data-href="/n/{{SLUG}}">
<h3><a href="/n/{{SLUG}}">{{NAME}}</a></h3>
<p>{{DESCRIPTION}}</p>
<p class="meta">{{AREA}}{{#DISTANCE}} · {{TEXT}}{{/DISTANCE}}</p>
</li>{{/NETWORK_ITEM}}
</ul>
</section>
