{{%AUTOESCAPE context="HTML"}}
<h1>[[claim.heading]]</h1>
<p class="lead">{{POST_TITLE}}</p>
<p>[[claim.intro]]</p>
{{#HAS_ERRORS}}<div class="errors-summary" role="alert" tabindex="-1" id="errors">
<h2>[[form.errors_heading]]</h2>
<ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>{{/HAS_ERRORS}}
{{#FORM_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/FORM_ERROR}}
<form method="post" action="/p/{{ID}}/claim" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="volunteer_name">[[claim.name]]</label>
{{#ERROR_VOLUNTEER_NAME}}<p class="error" id="name-error">{{MESSAGE}}</p>{{/ERROR_VOLUNTEER_NAME}}
<input type="text" id="volunteer_name" name="volunteer_name" value="{{NAME}}" maxlength="100" required autocomplete="given-name"{{#ERROR_VOLUNTEER_NAME}} aria-invalid="true"{{/ERROR_VOLUNTEER_NAME}}>
<p class="hint">[[claim.reach_hint]]</p>
<label for="volunteer_phone">[[form.contact_phone]]</label>
{{#ERROR_VOLUNTEER_PHONE}}<p class="error" id="phone-error">{{MESSAGE}}</p>{{/ERROR_VOLUNTEER_PHONE}}
<input type="tel" id="volunteer_phone" name="volunteer_phone" value="{{PHONE}}" maxlength="32" autocomplete="tel"{{#ERROR_VOLUNTEER_PHONE}} aria-invalid="true"{{/ERROR_VOLUNTEER_PHONE}}>
<label for="volunteer_email">[[form.contact_email]]</label>
{{#ERROR_VOLUNTEER_EMAIL}}<p class="error" id="email-error">{{MESSAGE}}</p>{{/ERROR_VOLUNTEER_EMAIL}}
<input type="email" id="volunteer_email" name="volunteer_email" value="{{EMAIL}}" maxlength="254" autocomplete="email"{{#ERROR_VOLUNTEER_EMAIL}} aria-invalid="true"{{/ERROR_VOLUNTEER_EMAIL}}>
<label for="note">[[claim.note]]</label>
{{#ERROR_NOTE}}<p class="error" id="note-error">{{MESSAGE}}</p>{{/ERROR_NOTE}}
<textarea id="note" name="note" maxlength="1000"{{#ERROR_NOTE}} aria-invalid="true"{{/ERROR_NOTE}}>{{NOTE}}</textarea>
<p class="privacy">[[claim.privacy]]</p>
<button type="submit">[[claim.submit]]</button>
</form>
<p><a href="/p/{{ID}}">[[claim.back]]</a></p>
