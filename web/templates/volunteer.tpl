{{%AUTOESCAPE context="HTML"}}
<h1>[[volunteer.heading]]</h1>
<p><a href="/n/{{SLUG}}">{{NETWORK}}</a></p>
{{#DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#JOIN_FIRST}}<p class="error" role="alert">[[volunteer.join_first]]</p>
<p><a class="button" href="/n/{{SLUG}}/join">[[roles.join_link]]</a></p>{{/JOIN_FIRST}}
{{#EDITOR}}
{{#HAS_ERRORS}}<div class="errors-summary" role="alert" tabindex="-1" id="errors">
<h2>[[form.errors_heading]]</h2>
<ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>{{/HAS_ERRORS}}
<p>[[volunteer.intro]]</p>
{{#NEW_PROFILE}}<p>[[volunteer.new_profile]]</p>{{/NEW_PROFILE}}
<form method="post" action="/n/{{SLUG}}/volunteer" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><input type="checkbox" id="available" name="available" value="1"{{#AVAILABLE_CHECKED}} checked{{/AVAILABLE_CHECKED}}>
<label for="available">[[volunteer.available_label]]</label></p>
<label for="name">[[volunteer.name_label]]</label>
<p class="hint" id="name-hint">[[volunteer.name_hint]]</p>
{{#ERROR_NAME}}<p class="error" id="name-error">{{MESSAGE}}</p>{{/ERROR_NAME}}
<input id="name" name="name" type="text" maxlength="100" autocomplete="name" value="{{NAME}}" aria-describedby="name-hint"{{#ERROR_NAME}} aria-invalid="true"{{/ERROR_NAME}}>
<fieldset id="categories">
<legend>[[volunteer.categories_label]]</legend>
{{#ERROR_CATEGORIES}}<p class="error" id="categories-error">{{MESSAGE}}</p>{{/ERROR_CATEGORIES}}
{{#CATEGORY}}<p><input type="checkbox" id="category-{{KEY}}" name="categories" value="{{KEY}}"{{#CHECKED}} checked{{/CHECKED}}>
<label for="category-{{KEY}}">{{LABEL}}</label></p>{{/CATEGORY}}
</fieldset>
<label for="place">[[volunteer.place_label]]</label>
<p class="hint" id="place-hint">[[volunteer.place_hint]]</p>
{{#ERROR_PLACE}}<p class="error" id="place-error">{{MESSAGE}}</p>{{/ERROR_PLACE}}
<input id="place" name="place" type="text" maxlength="200" autocomplete="off" data-place-suggest value="{{PLACE}}" aria-describedby="place-hint"{{#ERROR_PLACE}} aria-invalid="true"{{/ERROR_PLACE}}>
<label for="max_distance_km">[[volunteer.distance_label]]</label>
{{#ERROR_MAX_DISTANCE_KM}}<p class="error" id="max_distance_km-error">{{MESSAGE}}</p>{{/ERROR_MAX_DISTANCE_KM}}
<input id="max_distance_km" name="max_distance_km" type="number" min="1" max="{{DISTANCE_MAX}}" step="any" value="{{MAX_DISTANCE_KM}}"{{#ERROR_MAX_DISTANCE_KM}} aria-invalid="true"{{/ERROR_MAX_DISTANCE_KM}}>
<fieldset id="languages">
<legend>[[volunteer.languages_label]]</legend>
{{#ERROR_LANGUAGES}}<p class="error" id="languages-error">{{MESSAGE}}</p>{{/ERROR_LANGUAGES}}
{{#LANGUAGE}}<p><input type="checkbox" id="language-{{CODE}}" name="languages" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label for="language-{{CODE}}" lang="{{CODE}}">{{LABEL}}</label></p>{{/LANGUAGE}}
</fieldset>
<label for="max_active">[[volunteer.max_active_label]]</label>
{{#ERROR_MAX_ACTIVE}}<p class="error" id="max_active-error">{{MESSAGE}}</p>{{/ERROR_MAX_ACTIVE}}
<input id="max_active" name="max_active" type="number" min="1" max="{{ACTIVE_MAX}}" step="1" value="{{MAX_ACTIVE}}"{{#ERROR_MAX_ACTIVE}} aria-invalid="true"{{/ERROR_MAX_ACTIVE}}>
<label for="max_per_week">[[volunteer.max_per_week_label]]</label>
{{#ERROR_MAX_PER_WEEK}}<p class="error" id="max_per_week-error">{{MESSAGE}}</p>{{/ERROR_MAX_PER_WEEK}}
<input id="max_per_week" name="max_per_week" type="number" min="1" max="{{WEEK_MAX}}" step="1" value="{{MAX_PER_WEEK}}"{{#ERROR_MAX_PER_WEEK}} aria-invalid="true"{{/ERROR_MAX_PER_WEEK}}>
<label for="available_from">[[volunteer.from_label]]</label>
{{#ERROR_AVAILABLE_FROM}}<p class="error" id="available_from-error">{{MESSAGE}}</p>{{/ERROR_AVAILABLE_FROM}}
<input id="available_from" name="available_from" type="date" value="{{AVAILABLE_FROM}}"{{#ERROR_AVAILABLE_FROM}} aria-invalid="true"{{/ERROR_AVAILABLE_FROM}}>
<label for="available_until">[[volunteer.until_label]]</label>
{{#ERROR_AVAILABLE_UNTIL}}<p class="error" id="available_until-error">{{MESSAGE}}</p>{{/ERROR_AVAILABLE_UNTIL}}
<input id="available_until" name="available_until" type="date" value="{{AVAILABLE_UNTIL}}"{{#ERROR_AVAILABLE_UNTIL}} aria-invalid="true"{{/ERROR_AVAILABLE_UNTIL}}>
<button type="submit">[[volunteer.save]]</button>
</form>
<h2>[[volunteer.matches_heading]]</h2>
{{#NO_MATCHES}}<p>[[volunteer.no_matches]]</p>{{/NO_MATCHES}}
<ul class="volunteer-matches">{{#MATCH}}<li><strong>{{TITLE}}</strong> · {{CATEGORY}} · {{STATUS}} · <time>{{WHEN}}</time></li>{{/MATCH}}</ul>
{{/EDITOR}}
