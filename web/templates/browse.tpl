{{%AUTOESCAPE context="HTML"}}
<h1>[[browse.heading]]</h1>
<form method="get" action="/n/{{SLUG}}/browse" class="filters">
<fieldset>
<legend>[[browse.filters]]</legend>
<label for="kind">[[browse.kind]]</label>
<select id="kind" name="kind">
<option value="">[[browse.kind_all]]</option>
<option value="request" {{REQUEST_SELECTED}}>[[browse.kind_requests]]</option>
<option value="offer" {{OFFER_SELECTED}}>[[browse.kind_offers]]</option>
</select>
<label for="category">[[browse.category]]</label>
<select id="category" name="category">
<option value="">[[browse.category_all]]</option>
{{#CATEGORY_OPTION}}<option value="{{KEY}}" {{SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}
</select>
<label for="urgency">[[browse.urgency]]</label>
<select id="urgency" name="urgency">
<option value="">[[browse.urgency_all]]</option>
<option value="today" {{TODAY_SELECTED}}>[[urgency.today]]</option>
<option value="week" {{WEEK_SELECTED}}>[[urgency.week]]</option>
<option value="flexible" {{FLEXIBLE_SELECTED}}>[[urgency.flexible]]</option>
</select>
<label for="radius_km">[[browse.distance]]</label>
<span class="hint" id="distance-hint">{{DISTANCE_HINT}}</span>
<select id="radius_km" name="radius_km" aria-describedby="distance-hint">
<option value="">[[browse.distance_any]]</option>
{{#RADIUS_OPTION}}<option value="{{KM}}" {{SELECTED}}>{{LABEL}}</option>{{/RADIUS_OPTION}}
</select>
<input type="hidden" name="lat" value="{{LAT}}" data-geo="lat">
<input type="hidden" name="lon" value="{{LON}}" data-geo="lon">
<div class="row"><button type="submit">[[browse.apply]]</button>
<button type="button" class="secondary js-only" data-locate>[[browse.near_me]]</button>
<a href="/n/{{SLUG}}/browse">[[browse.clear]]</a></div>
</fieldset>
</form>
<div id="map" class="map js-only" data-map data-lat="{{CENTRE_LAT}}" data-lon="{{CENTRE_LON}}" data-tiles="{{TILE_URL}}" data-attribution="{{TILE_ATTRIBUTION}}" role="region" aria-label="[[browse.map_label]]"></div>
<h2 id="results-heading">{{RESULTS}}</h2>
{{#EMPTY}}<p>[[browse.empty]]</p>{{/EMPTY}}
<ul class="cards" data-map-list aria-labelledby="results-heading">
{{#ITEM}}<li class="card" data-lat="{{LAT}}" data-lon="{{LON}}" data-title="{{TITLE}}" data-href="/p/{{ID}}">
<p class="meta"><span class="badge">{{KIND}}</span> <span class="badge">{{CATEGORY}}</span> {{#URGENT}}<span class="badge urgency-today">{{URGENCY}}</span>{{/URGENT}}{{#NOT_URGENT}}<span class="badge">{{URGENCY}}</span>{{/NOT_URGENT}}</p>
<h3><a href="/p/{{ID}}">{{TITLE}}</a></h3>
<p class="meta">{{POSTED}}{{#QUANTITY}} · {{TEXT}}{{/QUANTITY}}{{#DISTANCE}} · {{TEXT}}{{/DISTANCE}}</p>
</li>{{/ITEM}}
</ul>
<nav class="pager" aria-label="[[browse.pages]]">{{#FIRST}}<a href="{{HREF}}">[[browse.first]]</a>{{/FIRST}}{{#NEXT}}<a href="{{HREF}}" rel="next">[[browse.next]]</a>{{/NEXT}}</nav>
<p><a href="/n/{{SLUG}}/ask">[[layout.ask]]</a> · <a href="/n/{{SLUG}}/offer">[[layout.offer]]</a></p>
