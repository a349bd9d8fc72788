{{%AUTOESCAPE context="HTML"}}
<section class="intro">
<h1>[[directory.heading]]</h1>
<p class="lead">[[directory.lead]]</p>
<p><a href="/start">[[directory.start_link]]</a></p>
</section>
<section aria-labelledby="filter-heading">
<h2 id="filter-heading">[[directory.filter_heading]]</h2>
<form method="get" action="/directory" class="find" role="search">
<label for="language">[[directory.language_label]]</label>
<select id="language" name="language">
<option value="">[[directory.any_language]]</option>
{{#LANGUAGE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/LANGUAGE_OPTION}}
</select>
<label for="category">[[directory.category_label]]</label>
<select id="category" name="category">
<option value="">[[directory.any_category]]</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}
</select>
<button type="submit">[[directory.filter_button]]</button>
</form>
</section>
<section aria-labelledby="networks-heading">
<h2 id="networks-heading">[[directory.networks_heading]]</h2>
<div id="map" class="map js-only" data-map data-tiles="{{TILE_URL}}" data-attribution="{{TILE_ATTRIBUTION}}" role="region" aria-label="[[directory.map_label]]"></div>
{{#NO_NETWORKS}}<p>[[directory.no_networks]]</p>{{/NO_NETWORKS}}
{{#NO_MATCHES}}<p>[[directory.no_matches]]</p>{{/NO_MATCHES}}
<ul class="cards" data-map-list>
{{#NETWORK_ITEM}}<li class="card" data-lat="{{LAT}}" data-lon="{{LON}}" data-radius-km="{{RADIUS_KM}}" data-geojson="{{GEOJSON}}" data-title="{{NAME}}" data-href="/n/{{SLUG}}">
<h3><a href="/n/{{SLUG}}">{{NAME}}</a></h3>
<p>{{DESCRIPTION}}</p>
<dl class="facts">
<dt>[[directory.area]]</dt><dd>{{AREA}}</dd>
<dt>[[directory.languages]]</dt><dd>{{LANGUAGES}}</dd>
<dt>[[directory.categories]]</dt><dd>{{CATEGORIES}}</dd>
<dt>[[directory.reach]]</dt><dd><a href="/n/{{SLUG}}">[[directory.reach_page]]</a>{{#HAS_EMAIL}} · <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{/HAS_EMAIL}}{{#HAS_WEBSITE}} · <a href="{{WEBSITE}}" rel="noopener nofollow">{{WEBSITE}}</a>{{/HAS_WEBSITE}}{{#HAS_PHONE}} · <a href="tel:{{DIAL}}">{{PHONE}}</a>{{/HAS_PHONE}}</dd>
</dl>
</li>{{/NETWORK_ITEM}}
</ul>
<p>[[directory.export_hint]] <a href="/api/v1/directory">JSON</a> · <a href="/api/v1/directory/hsds/datapackage.json">HSDS 3.1 (CSV)</a></p>
</section>
