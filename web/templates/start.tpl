{{%AUTOESCAPE context="HTML"}}
<h1>[[start.heading]]</h1>
<p class="lead">[[start.lead]]</p>
<p class="meta">{{STEP_NUMBER}} / 4</p>
{{#HAS_ERRORS}}<div class="errors-summary" role="alert" tabindex="-1" id="errors">
<h2>[[form.errors_heading]]</h2>
<ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/start" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="step" value="{{#STEP_REVIEW}}create{{/STEP_REVIEW}}{{#STEP_NAME}}name{{/STEP_NAME}}{{#STEP_PLACE}}place{{/STEP_PLACE}}{{#STEP_DETAILS}}details{{/STEP_DETAILS}}">
{{#HIDDEN}}<input type="hidden" name="{{FIELD}}" value="{{VALUE}}">
{{/HIDDEN}}
{{#STEP_NAME}}<h2>[[start.step_name]]</h2>
<label for="name">[[start.name]]</label>
{{#ERROR_NAME}}<p class="error" id="name-error">{{MESSAGE}}</p>{{/ERROR_NAME}}
<input type="text" id="name" name="name" value="{{NAME}}" maxlength="120" required{{#ERROR_NAME}} aria-invalid="true" aria-describedby="name-error"{{/ERROR_NAME}}>
<label for="slug">[[start.slug]]</label>
<span class="hint" id="slug-hint">[[start.slug_hint]]</span>
{{#SLUG_SUGGESTED}}<p class="notice" role="status">[[start.slug_suggested]]</p>{{/SLUG_SUGGESTED}}
{{#ERROR_SLUG}}<p class="error" id="slug-error">{{MESSAGE}}</p>{{/ERROR_SLUG}}
<input type="text" id="slug" name="slug" value="{{SLUG}}" maxlength="40" pattern="[a-z0-9-]+" aria-describedby="slug-hint{{#ERROR_SLUG}} slug-error{{/ERROR_SLUG}}"{{#ERROR_SLUG}} aria-invalid="true"{{/ERROR_SLUG}}>
{{/STEP_NAME}}
{{#STEP_PLACE}}<h2>[[start.step_place]]</h2>
<label for="place">[[start.place]]</label>
<span class="hint" id="place-hint">[[start.place_hint]]</span>
{{#ERROR_PLACE}}<p class="error" id="place-error">{{MESSAGE}}</p>{{/ERROR_PLACE}}
<input type="text" id="place" name="place" value="{{PLACE}}" maxlength="100" autocomplete="off" aria-describedby="place-hint{{#ERROR_PLACE}} place-error{{/ERROR_PLACE}}"{{#ERROR_PLACE}} aria-invalid="true"{{/ERROR_PLACE}}>
{{#CHOICE}}<label class="choice"><input type="radio" name="choice" value="{{INDEX}}"> {{LABEL}}</label>
{{/CHOICE}}
<label for="radius_km">[[start.radius]]</label>
{{#ERROR_RADIUS_KM}}<p class="error" id="radius_km-error">{{MESSAGE}}</p>{{/ERROR_RADIUS_KM}}
<input type="number" id="radius_km" name="radius_km" value="{{RADIUS_KM}}" min="1" max="2000" step="any" inputmode="decimal"{{#ERROR_RADIUS_KM}} aria-invalid="true" aria-describedby="radius_km-error"{{/ERROR_RADIUS_KM}}>
<p class="meta">[[start.geonames]]</p>
{{/STEP_PLACE}}
{{#STEP_DETAILS}}<h2>[[start.step_details]]</h2>
<fieldset id="categories">
<legend>[[start.categories]]</legend>
{{#ERROR_CATEGORIES}}<p class="error" id="categories-error">{{MESSAGE}}</p>{{/ERROR_CATEGORIES}}
<div class="choices">
{{#CATEGORY_OPTION}}<label><input type="checkbox" name="category" value="{{VALUE}}" {{CHECKED}}> {{LABEL}}</label>
{{/CATEGORY_OPTION}}</div>
</fieldset>
<fieldset id="languages">
<legend>[[start.languages]]</legend>
{{#ERROR_LANGUAGES}}<p class="error" id="languages-error">{{MESSAGE}}</p>{{/ERROR_LANGUAGES}}
<div class="choices">
{{#LANGUAGE_OPTION}}<label><input type="checkbox" name="language" value="{{VALUE}}" {{CHECKED}}> {{LABEL}}</label>
{{/LANGUAGE_OPTION}}</div>
</fieldset>
<h3>[[directory.contact_heading]]</h3>
<p class="hint">[[directory.contact_intro]]</p>
<label for="contact_email">[[directory.contact_email]]</label>
{{#ERROR_CONTACT_EMAIL}}<p class="error" id="contact_email-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_EMAIL}}
<input type="email" id="contact_email" name="contact_email" value="{{CONTACT_EMAIL}}" maxlength="254" autocomplete="off"{{#ERROR_CONTACT_EMAIL}} aria-invalid="true" aria-describedby="contact_email-error"{{/ERROR_CONTACT_EMAIL}}>
<label for="contact_website">[[directory.contact_website]]</label>
{{#ERROR_CONTACT_WEBSITE}}<p class="error" id="contact_website-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_WEBSITE}}
<input type="url" id="contact_website" name="contact_website" value="{{CONTACT_WEBSITE}}" maxlength="300" autocomplete="off"{{#ERROR_CONTACT_WEBSITE}} aria-invalid="true" aria-describedby="contact_website-error"{{/ERROR_CONTACT_WEBSITE}}>
<label for="contact_phone">[[directory.contact_phone]]</label>
{{#ERROR_CONTACT_PHONE}}<p class="error" id="contact_phone-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_PHONE}}
<input type="tel" id="contact_phone" name="contact_phone" value="{{CONTACT_PHONE}}" maxlength="32" autocomplete="off"{{#ERROR_CONTACT_PHONE}} aria-invalid="true" aria-describedby="contact_phone-error"{{/ERROR_CONTACT_PHONE}}>
<div class="choices"><label><input type="checkbox" id="listed" name="listed" value="yes" {{LISTED_CHECKED}}> [[start.listed]]</label></div>
{{/STEP_DETAILS}}
{{#STEP_REVIEW}}<h2>[[start.step_review]]</h2>
<dl class="facts">
<dt>[[start.name]]</dt><dd>{{NAME}}</dd>
<dt>[[start.slug]]</dt><dd>/n/{{SLUG}}</dd>
<dt>[[directory.area]]</dt><dd>{{AREA}}</dd>
<dt>[[start.categories]]</dt><dd>{{CATEGORIES}}</dd>
<dt>[[start.languages]]</dt><dd>{{LANGUAGES}}</dd>
<dt>[[directory.contact_email]]</dt><dd>{{CONTACT_EMAIL}}</dd>
<dt>[[directory.contact_website]]</dt><dd>{{CONTACT_WEBSITE}}</dd>
<dt>[[directory.contact_phone]]</dt><dd>{{CONTACT_PHONE}}</dd>
<dt>[[start.listed_label]]</dt><dd>{{LISTED}}</dd>
</dl>
{{/STEP_REVIEW}}
<button type="submit">{{#STEP_REVIEW}}[[start.create]]{{/STEP_REVIEW}}{{#STEP_NAME}}[[start.next]]{{/STEP_NAME}}{{#STEP_PLACE}}[[start.next]]{{/STEP_PLACE}}{{#STEP_DETAILS}}[[start.next]]{{/STEP_DETAILS}}</button>
</form>
{{#STEP_REVIEW}}<p><a href="/start">[[start.again]]</a></p>{{/STEP_REVIEW}}
