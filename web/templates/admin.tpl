{{%AUTOESCAPE context="HTML"}}
<h1>[[roles.admin_heading]]</h1>
{{#DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#ACTION_ERROR}}<p class="notice warning" role="alert">{{MESSAGE}}</p>{{/ACTION_ERROR}}
{{#NEW_LINK}}<div class="notice" role="status">
<p>[[roles.new_link]]</p>
<p><label for="new-link">[[roles.link]]</label><input type="text" id="new-link" readonly value="{{LINK}}"></p>
</div>{{/NEW_LINK}}
<p><a href="/n/{{SLUG}}/organize">[[roles.dashboard_link]]</a></p>
<section aria-labelledby="area-heading">
<h2 id="area-heading">[[areas.heading]]</h2>
<p><a href="/n/{{SLUG}}/admin/area">[[areas.change_link]]</a></p>
</section>
<section aria-labelledby="policy-heading">
<h2 id="policy-heading">[[roles.policy_heading]]</h2>
<form method="post" action="/n/{{SLUG}}/admin/policy">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="choices"><label><input type="checkbox" id="claim_needs_volunteer" name="claim_needs_volunteer" {{CLAIM_CHECKED}}> [[roles.claim_needs_volunteer]]</label></div>
<button type="submit">[[roles.save]]</button>
</form>
</section>
<section aria-labelledby="contact-heading">
<h2 id="contact-heading">[[directory.contact_heading]]</h2>
<p>[[directory.contact_intro]]</p>
<form method="post" action="/n/{{SLUG}}/admin/contact">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="contact_email">[[directory.contact_email]]</label>
{{#ERROR_CONTACT_EMAIL}}<p class="error" id="contact_email-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_EMAIL}}
<input type="email" id="contact_email" name="contact_email" value="{{CONTACT_EMAIL}}" maxlength="254" autocomplete="off"{{#ERROR_CONTACT_EMAIL}} aria-invalid="true" aria-describedby="contact_email-error"{{/ERROR_CONTACT_EMAIL}}>
<label for="contact_website">[[directory.contact_website]]</label>
{{#ERROR_CONTACT_WEBSITE}}<p class="error" id="contact_website-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_WEBSITE}}
<input type="url" id="contact_website" name="contact_website" value="{{CONTACT_WEBSITE}}" maxlength="300" autocomplete="off"{{#ERROR_CONTACT_WEBSITE}} aria-invalid="true" aria-describedby="contact_website-error"{{/ERROR_CONTACT_WEBSITE}}>
<label for="contact_phone">[[directory.contact_phone]]</label>
{{#ERROR_CONTACT_PHONE}}<p class="error" id="contact_phone-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_PHONE}}
<input type="tel" id="contact_phone" name="contact_phone" value="{{CONTACT_PHONE}}" maxlength="32" autocomplete="off"{{#ERROR_CONTACT_PHONE}} aria-invalid="true" aria-describedby="contact_phone-error"{{/ERROR_CONTACT_PHONE}}>
<button type="submit">[[roles.save]]</button>
</form>
</section>
<section aria-labelledby="invite-heading">
<h2 id="invite-heading">[[roles.invite_heading]]</h2>
<p>[[roles.invite_intro]]</p>
<form method="post" action="/n/{{SLUG}}/admin/invites">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="invite-role">[[roles.role]]</label>
<select id="invite-role" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}</select>
<button type="submit">[[roles.invite_submit]]</button>
</form>
{{#NO_INVITES}}<p>[[roles.no_invites]]</p>{{/NO_INVITES}}
<ul>
{{#INVITE}}<li>{{ROLE}} · [[roles.expires]] {{EXPIRES}} · {{STATE}}{{#LIVE}}
<form method="post" action="/n/{{SLUG}}/admin/invites/{{ID}}/revoke"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[roles.revoke]]</button></form>{{/LIVE}}</li>{{/INVITE}}
</ul>
</section>
<section aria-labelledby="members-heading">
<h2 id="members-heading">[[roles.members_heading]]</h2>
<ul class="cards">
{{#MEMBER}}<li class="card" id="member-{{ACCOUNT}}">
<p><strong>[[roles.account]] #{{ACCOUNT}}</strong> · {{ROLE}} · [[roles.since]] {{SINCE}}</p>
<form method="post" action="/n/{{SLUG}}/admin/members/{{ACCOUNT}}/role">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="role-{{ACCOUNT}}">[[roles.role]]</label>
<select id="role-{{ACCOUNT}}" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}</select>
<button type="submit">[[roles.change_role]]</button>
</form>
<form method="post" action="/n/{{SLUG}}/admin/members/{{ACCOUNT}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="danger">[[roles.remove]]</button></form>
</li>{{/MEMBER}}
</ul>
</section>
