{{%AUTOESCAPE context="HTML"}}
<h1>[[suggestions.heading]]</h1>
<p><a href="/n/{{SLUG}}/organize">[[suggestions.back]]</a></p>
{{#DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#ACTION_ERROR}}<p class="notice warning" role="alert">{{MESSAGE}}</p>{{/ACTION_ERROR}}
<p>{{SUMMARY}}</p>
<p class="hint">[[suggestions.how]]</p>
{{#ACCEPT_ALL}}<form method="post" action="/n/{{SLUG}}/organize/suggestions/accept-all"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{LABEL}}</button></form>{{/ACCEPT_ALL}}
{{#EMPTY}}<p>[[suggestions.empty]]</p>{{/EMPTY}}
<ul class="cards">
{{#ITEM}}<li class="card suggestion-item" id="{{ANCHOR}}">
<p><a href="/p/{{REQUEST_ID}}">#{{REQUEST_ID}} {{REQUEST_TITLE}}</a> · {{CATEGORY}} · [[suggestions.quantity]] {{QUANTITY}}</p>
<p>{{#OFFER}}[[suggestions.with_offer]] <a href="/p/{{OFFER_ID}}">#{{OFFER_ID}} {{OFFER_TITLE}}</a>{{/OFFER}}{{#VOLUNTEER}}[[suggestions.with_volunteer]] {{NAME}}{{/VOLUNTEER}}</p>
<ul class="reasons" aria-label="[[suggestions.reasons]]">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
<form method="post" action="/n/{{SLUG}}/organize/suggestions/accept"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="request_id" value="{{REQUEST_ID}}"><input type="hidden" name="{{SUPPLY_FIELD}}" value="{{SUPPLY_ID}}"><button type="submit">[[suggestions.accept]]</button></form>
<form method="post" action="/n/{{SLUG}}/organize/suggestions/dismiss"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="request_id" value="{{REQUEST_ID}}"><input type="hidden" name="{{SUPPLY_FIELD}}" value="{{SUPPLY_ID}}"><button type="submit" class="secondary">[[suggestions.dismiss]]</button></form>
</li>{{/ITEM}}
</ul>
{{#MORE}}<p>{{TEXT}}</p>{{/MORE}}
