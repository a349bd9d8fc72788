{{%AUTOESCAPE context="HTML"}}
{{#CREATED}}<div class="notice" role="status">
<h2>[[post.created_heading]]</h2>
<p>[[post.keep_link]]</p>
<p class="secret" id="private-link">{{LINK}}</p>
<button type="button" class="secondary js-only" data-copy="#private-link">[[post.copy_link]]</button>
<p id="copy-status" aria-live="polite" data-message="[[post.copied]]"></p>
</div>{{/CREATED}}
{{#CLAIMED}}<div class="notice" role="status">
<h2>[[post.claimed_heading]]</h2>
<p>[[post.claimed_keep_link]]</p>
<p class="secret" id="private-link">{{LINK}}</p>
<button type="button" class="secondary js-only" data-copy="#private-link">[[post.copy_link]]</button>
<p id="copy-status" aria-live="polite" data-message="[[post.copied]]"></p>
</div>{{/CLAIMED}}
{{#DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#ACTION_ERROR}}<p class="notice warning" role="alert">{{MESSAGE}}</p>{{/ACTION_ERROR}}
{{#HIDDEN_NOTICE}}<p class="notice warning" role="status">{{MESSAGE}}</p>{{/HIDDEN_NOTICE}}
{{#MERGED_NOTICE}}<p class="notice" role="status">[[duplicates.merged_notice]] <a href="{{HREF}}">[[duplicates.open_surviving]]</a></p>{{/MERGED_NOTICE}}
{{#MOVED_ON}}<p class="notice" role="status">[[referrals.moved_on]]</p>{{/MOVED_ON}}
{{#REFERRAL_DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/REFERRAL_DONE}}
{{#REFERRED_TO}}<p class="notice">{{TEXT}} <a href="{{HREF}}">[[referrals.open_new]]</a></p>{{/REFERRED_TO}}
{{#REFERRED_FROM}}<p class="notice">{{TEXT}}</p>{{/REFERRED_FROM}}
{{#REFERRAL_STATUS}}<p class="notice">{{TEXT}}</p>{{/REFERRAL_STATUS}}
{{#REFERRAL_ASK}}<section class="notice" aria-labelledby="referral-ask-{{REFERRAL_ID}}">
<h2 id="referral-ask-{{REFERRAL_ID}}">{{QUESTION}}</h2>
<p>[[referrals.ask_explained]]</p>
<form method="post" action="{{BASE}}/referrals/{{REFERRAL_ID}}/consent"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="agree" value="yes"><button type="submit">[[referrals.yes]]</button></form>
<form method="post" action="{{BASE}}/referrals/{{REFERRAL_ID}}/consent"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="agree" value="no"><button type="submit" class="secondary">[[referrals.no]]</button></form>
</section>{{/REFERRAL_ASK}}
{{#BLOCKED_NOTICE}}<p class="notice warning" role="status">[[moderation.blocked_notice]]</p>{{/BLOCKED_NOTICE}}
<p class="meta"><span class="badge">{{KIND}}</span> <span class="badge">{{CATEGORY}}</span> {{#URGENT}}<span class="badge urgency-today">{{URGENCY}}</span>{{/URGENT}}{{#NOT_URGENT}}<span class="badge">{{URGENCY}}</span>{{/NOT_URGENT}}</p>
<h1>{{TITLE}}</h1>
<p class="status"><strong>{{STATUS}}</strong></p>
<dl>
{{#QUANTITY}}<dt>[[post.quantity]]</dt><dd>{{VALUE}}</dd>{{/QUANTITY}}
{{#WHEN}}<dt>[[post.when]]</dt><dd>{{VALUE}}</dd>{{/WHEN}}
{{#POST_LANGUAGES}}<dt>{{LABEL}}</dt><dd>{{#LANGUAGE}}<span lang="{{CODE}}">{{NAME}}</span>{{#LANGUAGE_separator}}, {{/LANGUAGE_separator}}{{/LANGUAGE}}</dd>{{/POST_LANGUAGES}}
{{#POST_DISTANCE}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/POST_DISTANCE}}
{{#RIDE}}<dt>[[ride.pickup]]</dt><dd>{{PICKUP}}</dd>
<dt>[[ride.dropoff]]</dt><dd>{{DROPOFF}}</dd>
{{#APPOINTMENT}}<dt>[[ride.appointment]]</dt><dd>{{VALUE}}</dd>{{/APPOINTMENT}}
<dt>[[ride.passengers]]</dt><dd>{{PASSENGERS}}{{#RETURN_TRIP}} · [[post.return_trip]]{{/RETURN_TRIP}}</dd>
{{#NEEDS}}<dt>[[ride.needs]]</dt><dd>{{VALUE}}</dd>{{/NEEDS}}{{/RIDE}}
<dt>[[post.posted]]</dt><dd>{{POSTED}}</dd>
<dt>[[post.area]]</dt><dd>[[post.area_text]]</dd>
</dl>
<div id="map" class="map js-only" data-map data-tiles="{{TILE_URL}}" data-attribution="{{TILE_ATTRIBUTION}}" role="region" aria-label="[[post.map_label]]"></div>
<ul class="visually-hidden" data-map-list><li data-lat="{{LAT}}" data-lon="{{LON}}" data-radius-km="1" data-title="{{TITLE}}" data-href="/p/{{ID}}"></li></ul>

{{#PRIVATE}}<section class="privacy" aria-labelledby="private-heading">
<h2 id="private-heading">[[post.private_heading]]</h2>
<p>[[post.private_note]]</p>
<dl>
<dt>[[post.details]]</dt><dd>{{DETAILS}}</dd>
<dt>[[post.place]]</dt><dd>{{PLACE}}</dd>
<dt>[[post.contact]]</dt><dd>{{CONTACT}}</dd>
</dl>
</section>{{/PRIVATE}}

{{#MATCHES}}<section aria-labelledby="matches-heading">
<h2 id="matches-heading">{{HEADING}}</h2>
{{#NO_MATCH}}<p>[[post.no_matches]]</p>{{/NO_MATCH}}
<ul class="cards">
{{#MATCH}}<li class="card">
<p><strong>{{STATUS}}</strong> · {{WHEN}}</p>
{{#WHO}}<p>{{TEXT}}</p>{{/WHO}}
{{#OFFER}}<p><a href="/p/{{ID}}">{{TITLE}}</a></p>{{/OFFER}}
{{#NOTE}}<p>{{TEXT}}</p>{{/NOTE}}
{{#CAN_ACCEPT}}<form method="post" action="{{BASE}}/matches/{{MATCH_ID}}/accept"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">[[post.accept]]</button></form>{{/CAN_ACCEPT}}
{{#CAN_COMPLETE}}<form method="post" action="{{BASE}}/matches/{{MATCH_ID}}/complete"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">[[post.complete]]</button></form>{{/CAN_COMPLETE}}
{{#CAN_CANCEL}}<form method="post" action="{{BASE}}/matches/{{MATCH_ID}}/cancel"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">{{LABEL}}</button></form>{{/CAN_CANCEL}}
{{>THREAD}}
</li>{{/MATCH}}
</ul>
</section>{{/MATCHES}}

{{#OWNER_ACTIONS}}<section aria-labelledby="manage-heading">
<h2 id="manage-heading">[[post.manage_heading]]</h2>
<p><a class="button secondary" href="{{BASE}}/edit">[[post.edit]]</a></p>
<form method="post" action="{{BASE}}/close">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>[[post.close_legend]]</legend>
<div class="choices">
<label><input type="radio" name="reason" value="withdrawn" checked> [[post.close_withdrawn]]</label>
<label><input type="radio" name="reason" value="duplicate"> [[post.close_duplicate]]</label>
</div>
<button type="submit" class="danger">[[post.close]]</button>
</fieldset>
</form>
</section>{{/OWNER_ACTIONS}}

{{#CAN_CLAIM}}<p><a class="big help" href="/p/{{ID}}/claim">[[post.claim]]</a></p>{{/CAN_CLAIM}}
{{#OFFER_NOTE}}<p class="notice">[[post.offer_note]] <a href="/n/{{SLUG}}/ask">[[layout.ask]]</a></p>{{/OFFER_NOTE}}
<p><a href="/n/{{SLUG}}/browse">[[post.back_to_browse]]</a></p>
{{#REPORT_FORM}}<details class="report">
<summary>[[moderation.report_summary]]</summary>
<form method="post" action="/p/{{ID}}/report">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p>[[moderation.report_intro]]</p>
<label for="report-reason">[[moderation.report_reason]]</label>
<select id="report-reason" name="reason" required>{{#REASON_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/REASON_OPTION}}</select>
<label for="report-note">[[moderation.report_note]]</label>
<span class="hint" id="report-note-hint">[[moderation.report_note_hint]]</span>
<textarea id="report-note" name="note" maxlength="{{NOTE_MAX}}" rows="3" aria-describedby="report-note-hint"></textarea>
<button type="submit" class="secondary">[[moderation.report_submit]]</button>
</form>
</details>{{/REPORT_FORM}}
