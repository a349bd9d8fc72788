{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}</h1>
<p class="lead">{{DESCRIPTION}}</p>
<p class="meta">{{AREA}} · {{LANGUAGES}}</p>
<div class="actions">
<a class="big help" href="/n/{{SLUG}}/ask">[[layout.ask]]</a>
<a class="big" href="/n/{{SLUG}}/offer">[[layout.offer]]</a>
</div>
<p><a href="/n/{{SLUG}}/ride">[[ride.ask_link]]</a> · <a href="/n/{{SLUG}}/browse">[[layout.browse]]</a></p>
<section aria-labelledby="open-heading">
<h2 id="open-heading">[[network.open_heading]]</h2>
{{#NO_OPEN}}<p>[[network.no_open]]</p>{{/NO_OPEN}}
<ul class="counts">
{{#COUNT}}<li><a href="/n/{{SLUG}}/browse?kind=request&amp;category={{KEY}}"><strong>{{N}}</strong> {{LABEL}}</a></li>{{/COUNT}}
</ul>
<p>{{OFFERS}}</p>
</section>
<section aria-labelledby="together-heading">
<h2 id="together-heading">[[network.together_heading]]</h2>
<p class="lead">{{FULFILLED}}</p>
</section>
<section aria-labelledby="area-heading">
<h2 id="area-heading">[[network.area_heading]]</h2>
<div id="map" class="map js-only" data-map data-tiles="{{TILE_URL}}" data-attribution="{{TILE_ATTRIBUTION}}" role="region" aria-label="[[network.map_label]]"></div>
<ul class="visually-hidden" data-map-list><li data-lat="{{LAT}}" data-lon="{{LON}}" data-radius-km="{{RADIUS_KM}}" data-geojson="{{GEOJSON}}" data-title="{{NAME}}" data-href="/n/{{SLUG}}"></li></ul>
<p>{{AREA}}</p>
</section>
<p><a href="/n/{{SLUG}}/flyer">[[layout.flyer]]</a> · <a href="/n/{{SLUG}}/join">[[roles.join_link]]</a> · <a href="/n/{{SLUG}}/volunteer">[[volunteer.link]]</a> · <a href="/n/{{SLUG}}/organize">[[layout.organize]]</a></p>
