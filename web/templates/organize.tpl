{{%AUTOESCAPE context="HTML"}}
<h1>[[organize.heading]]</h1>
{{#DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#ACTION_ERROR}}<p class="notice warning" role="alert">{{MESSAGE}}</p>{{/ACTION_ERROR}}
<p><a class="button" href="/n/{{SLUG}}/organize/intake">[[organize.intake]]</a> <a href="{{AUDIT_HREF}}">[[moderation.audit_link]]</a></p>
{{#SUGGESTIONS}}<section aria-labelledby="suggestions-heading">
<h2 id="suggestions-heading">[[suggestions.heading]]</h2>
<p>{{TEXT}} <a href="{{HREF}}">[[suggestions.review]]</a></p>
</section>{{/SUGGESTIONS}}
{{#REPORTS}}<section aria-labelledby="reports-heading">
<h2 id="reports-heading">{{HEADING}}</h2>
<ul class="cards">
{{#REPORT}}<li class="card report-item" id="report-{{REPORT_ID}}">
<p><a href="/p/{{POST_ID}}">#{{POST_ID}} {{POST_TITLE}}</a> · <strong>{{REASON}}</strong>{{#ALREADY_HIDDEN}} · [[moderation.hidden_badge]]{{/ALREADY_HIDDEN}}</p>
{{#NOTE}}<p>{{TEXT}}</p>{{/NOTE}}
<form method="post" action="/n/{{SLUG}}/organize/reports/{{REPORT_ID}}/resolve"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="resolution" value="hidden"><button type="submit" class="danger">[[moderation.resolve_hide]]</button></form>
<form method="post" action="/n/{{SLUG}}/organize/reports/{{REPORT_ID}}/resolve"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="resolution" value="dismissed"><button type="submit" class="secondary">[[moderation.resolve_dismiss]]</button></form>
</li>{{/REPORT}}
</ul>
</section>{{/REPORTS}}
{{#DUPLICATES}}<section aria-labelledby="duplicates-heading">
<h2 id="duplicates-heading">[[duplicates.heading]]</h2>
<p>[[duplicates.explained]]</p>
<ul class="cards">
{{#DUPLICATE}}<li class="card duplicate-item" id="possible-duplicate-{{FLAG_ID}}">
<p><strong>[[duplicates.why]]</strong> {{WHY}}</p>
<div class="duplicate-pair">
{{#NEWER}}<div><h3>[[duplicates.newer]]</h3><p><a href="/p/{{ID}}">#{{ID}} {{TITLE}}</a></p><p>{{CATEGORY}} · {{AGE}} · {{STATUS}}</p><p>[[duplicates.place]] {{PLACE}}</p></div>{{/NEWER}}
{{#OLDER}}<div><h3>[[duplicates.older]]</h3><p><a href="/p/{{ID}}">#{{ID}} {{TITLE}}</a></p><p>{{CATEGORY}} · {{AGE}} · {{STATUS}}</p><p>[[duplicates.place]] {{PLACE}}</p></div>{{/OLDER}}
</div>
<form method="post" action="/n/{{SLUG}}/organize/duplicates/{{FLAG_ID}}/merge"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">[[duplicates.merge]]</button></form>
<form method="post" action="/n/{{SLUG}}/organize/duplicates/{{FLAG_ID}}/dismiss"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[duplicates.dismiss]]</button></form>
</li>{{/DUPLICATE}}
</ul>
</section>{{/DUPLICATES}}
{{#REFERRALS}}<section aria-labelledby="referrals-heading">
<h2 id="referrals-heading">[[referrals.heading]]</h2>
{{#INCOMING}}<h3>[[referrals.incoming]]</h3>
<ul class="cards">
{{#REFERRAL}}<li class="card referral-item" id="referral-{{REFERRAL_ID}}">
<p><strong>{{TITLE}}</strong> · {{FROM}}</p>
{{#NOTE}}<p>[[referrals.note_label]]: {{TEXT}}</p>{{/NOTE}}
<dl>
{{#DETAILS}}<dt>[[post.details]]</dt><dd>{{TEXT}}</dd>{{/DETAILS}}
{{#PLACE}}<dt>[[post.place]]</dt><dd>{{TEXT}}</dd>{{/PLACE}}
<dt>[[post.contact]]</dt><dd>{{CONTACT}}</dd>
</dl>
<form method="post" action="/n/{{SLUG}}/organize/referrals/{{REFERRAL_ID}}/accept"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">[[referrals.accept]]</button></form>
<form method="post" action="/n/{{SLUG}}/organize/referrals/{{REFERRAL_ID}}/decline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="decline-reason-{{REFERRAL_ID}}">[[referrals.decline_reason]]</label>
<select id="decline-reason-{{REFERRAL_ID}}" name="reason">{{#DECLINE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/DECLINE_OPTION}}</select>
<button type="submit" class="secondary">[[referrals.decline]]</button>
</form>
</li>{{/REFERRAL}}
</ul>{{/INCOMING}}
{{#OTHERS}}<h3>[[referrals.all]]</h3>
<ul class="cards">
{{#REFERRAL}}<li class="card referral-item" id="referral-{{REFERRAL_ID}}">
<p><strong>{{TITLE}}</strong> · {{SUMMARY}} · <span class="badge">{{STATUS}}</span>{{#DECLINE_REASON}} · {{TEXT}}{{/DECLINE_REASON}}{{#NEW_POST}} · <a href="/p/{{NEW_ID}}">#{{NEW_ID}}</a>{{/NEW_POST}}</p>
{{#NOTE}}<p>[[referrals.note_label]]: {{TEXT}}</p>{{/NOTE}}
{{#CAN_WITHDRAW}}<form method="post" action="/n/{{SLUG}}/organize/referrals/{{REFERRAL_ID}}/withdraw"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[referrals.withdraw]]</button></form>{{/CAN_WITHDRAW}}
</li>{{/REFERRAL}}
</ul>{{/OTHERS}}
</section>{{/REFERRALS}}
<form method="get" action="/n/{{SLUG}}/organize">
<fieldset>
<legend>[[organize.filters]]</legend>
<label for="kind">[[browse.kind]]</label>
<select id="kind" name="kind">
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
<label for="status">[[organize.status]]</label>
<select id="status" name="status">
<option value="">[[organize.status_live]]</option>
<option value="open" {{OPEN_SELECTED}}>[[status.open]]</option>
<option value="matched" {{MATCHED_SELECTED}}>[[status.matched]]</option>
</select>
<button type="submit">[[browse.apply]]</button>
</fieldset>
</form>
<h2 id="queue-heading">{{QUEUE_HEADING}}</h2>
{{#EMPTY}}<p>[[organize.empty]]</p>{{/EMPTY}}
<ol class="cards" aria-labelledby="queue-heading">
{{#ITEM}}<li class="card queue-item" id="post-{{ID}}">
<p class="meta"><span class="badge">{{KIND}}</span> <span class="badge">{{CATEGORY}}</span> {{#URGENT}}<span class="badge urgency-today">{{URGENCY}}</span>{{/URGENT}}{{#NOT_URGENT}}<span class="badge">{{URGENCY}}</span>{{/NOT_URGENT}} <span class="badge">{{STATUS}}</span>{{#ORGANIZER_ENTRY}} <span class="badge">[[organize.organizer_entry]]</span>{{/ORGANIZER_ENTRY}}</p>
<h3><a href="/p/{{ID}}">#{{ID}} {{TITLE}}</a></h3>
<p class="meta">{{WAITING}}</p>
<dl>
{{#DETAILS}}<dt>[[post.details]]</dt><dd>{{TEXT}}</dd>{{/DETAILS}}
{{#PLACE}}<dt>[[post.place]]</dt><dd>{{TEXT}}</dd>{{/PLACE}}
<dt>[[post.contact]]</dt><dd>{{CONTACT}}</dd>
</dl>
{{#MODERATION}}{{#HIDDEN}}<p class="notice warning">[[moderation.hidden_badge]]: {{REASON}}</p>
<form method="post" action="/n/{{SLUG}}/organize/posts/{{ID}}/unhide"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[moderation.unhide]]</button></form>{{/HIDDEN}}
{{#BLOCKED}}<p class="notice warning">[[moderation.blocked_badge]]</p>
<form method="post" action="/n/{{SLUG}}/organize/posts/{{ID}}/unblock"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[moderation.unblock]]</button></form>{{/BLOCKED}}
{{#CAN_HIDE}}<details>
<summary>[[moderation.hide]]</summary>
<form method="post" action="/n/{{SLUG}}/organize/posts/{{ID}}/hide">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="hide-reason-{{ID}}">[[organize.reason]]</label>
<select id="hide-reason-{{ID}}" name="reason">{{#REASON_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/REASON_OPTION}}</select>
<button type="submit" class="danger">[[moderation.hide_submit]]</button>
</form>
</details>{{/CAN_HIDE}}
{{#CAN_BLOCK}}<details>
<summary>[[moderation.block]]</summary>
<form method="post" action="/n/{{SLUG}}/organize/posts/{{ID}}/block">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p>[[moderation.block_explained]]</p>
<label for="block-reason-{{ID}}">[[organize.reason]]</label>
<select id="block-reason-{{ID}}" name="reason">{{#REASON_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/REASON_OPTION}}</select>
<button type="submit" class="danger">[[moderation.block_submit]]</button>
</form>
</details>{{/CAN_BLOCK}}
{{>POSTER_ACCOUNT}}{{/MODERATION}}
{{#MATCH}}<div class="match">
<p><strong>{{STATUS}}</strong>{{#WHO}}: {{TEXT}}{{/WHO}}{{#OFFER}}: <a href="/p/{{ID}}">#{{ID}}</a>{{/OFFER}}</p>
{{#LIVE}}<form method="post" action="/n/{{SLUG}}/organize/matches/{{MATCH_ID}}/complete"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">[[post.complete]]</button></form>
<form method="post" action="/n/{{SLUG}}/organize/matches/{{MATCH_ID}}/cancel"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[organize.cancel_match]]</button></form>{{/LIVE}}
{{>ACCOUNT}}
{{#MESSAGES}}<details><summary>{{SUMMARY}}</summary>{{>THREAD}}</details>{{/MESSAGES}}
</div>{{/MATCH}}
{{#OPEN_ACTIONS}}<details>
<summary>[[organize.match]]</summary>
{{#NO_OFFERS}}<p>[[organize.no_offers]]</p>{{/NO_OFFERS}}
{{#OFFERS}}<form method="post" action="/n/{{SLUG}}/organize/posts/{{ID}}/match">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="offer-{{ID}}">[[organize.offer]]</label>
<select id="offer-{{ID}}" name="offer_id">{{#OFFER_OPTION}}<option value="{{OFFER_ID}}">#{{OFFER_ID}} {{TITLE}}</option>{{/OFFER_OPTION}}</select>
<button type="submit">[[organize.match_submit]]</button>
</form>{{/OFFERS}}
</details>
<details>
<summary>[[organize.duplicate]]</summary>
<form method="post" action="/n/{{SLUG}}/organize/posts/{{ID}}/duplicate">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="duplicate-{{ID}}">[[organize.duplicate_of]]</label>
<input type="number" id="duplicate-{{ID}}" name="duplicate_of" min="1" inputmode="numeric" required>
<button type="submit">[[organize.duplicate_submit]]</button>
</form>
</details>
{{#REFER}}<details>
<summary>[[referrals.refer]]</summary>
<form method="post" action="/n/{{SLUG}}/organize/posts/{{ID}}/refer">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="refer-to-{{ID}}">[[referrals.to]]</label>
<select id="refer-to-{{ID}}" name="to">{{#TARGET}}<option value="{{VALUE}}">{{LABEL}}</option>{{/TARGET}}</select>
<fieldset>
<legend>[[referrals.consent]]</legend>
<div class="choices">
<label><input type="radio" name="consent" value="requester" checked> [[referrals.consent_requester]]</label>
<label><input type="radio" name="consent" value="organizer"> [[referrals.consent_organizer]]</label>
</div>
</fieldset>
<label for="refer-note-{{ID}}">[[referrals.note_label]]</label>
<span class="hint" id="refer-note-hint-{{ID}}">[[referrals.note_hint]]</span>
<textarea id="refer-note-{{ID}}" name="note" maxlength="{{NOTE_MAX}}" rows="2" aria-describedby="refer-note-hint-{{ID}}"></textarea>
<button type="submit">[[referrals.refer_submit]]</button>
</form>
</details>{{/REFER}}{{/OPEN_ACTIONS}}
<details>
<summary>[[organize.close]]</summary>
<form method="post" action="/n/{{SLUG}}/organize/posts/{{ID}}/close">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason-{{ID}}">[[organize.reason]]</label>
<select id="reason-{{ID}}" name="reason">
<option value="withdrawn">[[organize.reason_withdrawn]]</option>
<option value="moderated">[[organize.reason_moderated]]</option>
<option value="duplicate">[[organize.reason_duplicate]]</option>
</select>
<button type="submit" class="danger">[[organize.close_submit]]</button>
</form>
</details>
</li>{{/ITEM}}
</ol>
<nav class="pager" aria-label="[[browse.pages]]">{{#PREVIOUS}}<a href="{{HREF}}" rel="prev">[[organize.previous]]</a>{{/PREVIOUS}}{{#NEXT}}<a href="{{HREF}}" rel="next">[[browse.next]]</a>{{/NEXT}}</nav>
{{#ADMIN}}<p><a href="/n/{{SLUG}}/admin">[[roles.admin_link]]</a></p>{{/ADMIN}}
