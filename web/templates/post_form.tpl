{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
<p class="lead">{{INTRO}}</p>
{{#ORGANIZER_ENTRY}}<p class="notice">[[form.organizer_entry]]</p>{{/ORGANIZER_ENTRY}}
{{#HAS_ERRORS}}<div class="errors-summary" role="alert" tabindex="-1" id="errors">
<h2>[[form.errors_heading]]</h2>
<ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>{{/HAS_ERRORS}}
{{#FORM_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/FORM_ERROR}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#OUTSIDE_AREA}}<div class="notice warning" role="alert" tabindex="-1" id="outside-area">
<p>{{TEXT}}</p>
{{#OTHERS}}<p>{{TEXT}}</p>
<ul>{{#OTHER}}<li><a href="/n/{{SLUG}}/ask">{{NAME}}</a></li>{{/OTHER}}</ul>{{/OTHERS}}
{{#NO_OTHERS}}<p>{{TEXT}}</p>{{/NO_OTHERS}}
<p>{{SEND_ANYWAY}}</p>
<input type="hidden" name="outside_ok" value="{{ACK}}">
</div>{{/OUTSIDE_AREA}}
{{#KIND_CHOICE}}<fieldset>
<legend>[[form.kind]]</legend>
<div class="choices">
<label><input type="radio" name="kind" value="request" {{REQUEST_CHECKED}}> [[form.kind_request]]</label>
<label><input type="radio" name="kind" value="offer" {{OFFER_CHECKED}}> [[form.kind_offer]]</label>
</div>
</fieldset>{{/KIND_CHOICE}}

<label for="title">{{TITLE_LABEL}}</label>
<span class="hint" id="title-hint">[[form.title_hint]]</span>
{{#ERROR_TITLE}}<p class="error" id="title-error">{{MESSAGE}}</p>{{/ERROR_TITLE}}
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="120" required aria-describedby="title-hint{{#ERROR_TITLE}} title-error{{/ERROR_TITLE}}"{{#ERROR_TITLE}} aria-invalid="true"{{/ERROR_TITLE}}>

{{#CATEGORY_CHOICE}}<fieldset id="category"{{#ERROR_CATEGORY}} aria-describedby="category-error"{{/ERROR_CATEGORY}}>
<legend>[[form.category]]</legend>
{{#ERROR_CATEGORY}}<p class="error" id="category-error">{{MESSAGE}}</p>{{/ERROR_CATEGORY}}
<div class="choices categories">
{{#CATEGORY}}<label><input type="radio" name="category" value="{{KEY}}" {{CHECKED}}><img class="icon" src="{{STATIC}}/icons/{{ICON}}.svg" alt="" width="24" height="24"> {{LABEL}}</label>
{{/CATEGORY}}</div>
</fieldset>{{/CATEGORY_CHOICE}}
{{#RIDE_CATEGORY}}<input type="hidden" name="category" value="transport">{{/RIDE_CATEGORY}}

{{#RIDE_FIELDS}}<fieldset>
<legend>[[ride.legend]]</legend>
<label for="pickup_area">[[ride.pickup]]</label>
<span class="hint" id="pickup-hint">[[ride.area_hint]]</span>
{{#ERROR_RIDE_PICKUP_AREA}}<p class="error" id="pickup-error">{{MESSAGE}}</p>{{/ERROR_RIDE_PICKUP_AREA}}
<input type="text" id="pickup_area" name="pickup_area" value="{{PICKUP_AREA}}" maxlength="200" autocomplete="off" data-place-suggest="names" aria-describedby="pickup-hint"{{#ERROR_RIDE_PICKUP_AREA}} aria-invalid="true"{{/ERROR_RIDE_PICKUP_AREA}}>
<label for="dropoff_area">[[ride.dropoff]]</label>
{{#ERROR_RIDE_DROPOFF_AREA}}<p class="error" id="dropoff-error">{{MESSAGE}}</p>{{/ERROR_RIDE_DROPOFF_AREA}}
<input type="text" id="dropoff_area" name="dropoff_area" value="{{DROPOFF_AREA}}" maxlength="200" autocomplete="off" data-place-suggest="names" aria-describedby="pickup-hint"{{#ERROR_RIDE_DROPOFF_AREA}} aria-invalid="true"{{/ERROR_RIDE_DROPOFF_AREA}}>
<label for="appointment_at">[[ride.appointment]]</label>
{{#ERROR_RIDE_APPOINTMENT_AT}}<p class="error" id="appointment-error">{{MESSAGE}}</p>{{/ERROR_RIDE_APPOINTMENT_AT}}
<input type="datetime-local" id="appointment_at" name="appointment_at" value="{{APPOINTMENT_AT}}"{{#ERROR_RIDE_APPOINTMENT_AT}} aria-invalid="true"{{/ERROR_RIDE_APPOINTMENT_AT}}>
<div class="choices"><label><input type="checkbox" name="return_trip" value="1" {{RETURN_TRIP_CHECKED}}> [[ride.return_trip]]</label></div>
<label for="passengers">[[ride.passengers]]</label>
{{#ERROR_RIDE_PASSENGERS}}<p class="error" id="passengers-error">{{MESSAGE}}</p>{{/ERROR_RIDE_PASSENGERS}}
<input type="number" id="passengers" name="passengers" value="{{PASSENGERS}}" min="1" max="20" inputmode="numeric"{{#ERROR_RIDE_PASSENGERS}} aria-invalid="true"{{/ERROR_RIDE_PASSENGERS}}>
<fieldset id="needs">
<legend>[[ride.needs]]</legend>
{{#ERROR_RIDE_ACCESSIBILITY_NEEDS}}<p class="error">{{MESSAGE}}</p>{{/ERROR_RIDE_ACCESSIBILITY_NEEDS}}
<div class="choices">{{#NEED}}<label><input type="checkbox" name="needs" value="{{KEY}}" {{CHECKED}}> {{LABEL}}</label>{{/NEED}}</div>
</fieldset>
</fieldset>{{/RIDE_FIELDS}}

<label for="details">[[form.details]]</label>
<span class="hint" id="details-hint">[[form.details_hint]]</span>
{{#ERROR_DETAILS}}<p class="error" id="details-error">{{MESSAGE}}</p>{{/ERROR_DETAILS}}
<textarea id="details" name="details" maxlength="4000" aria-describedby="details-hint"{{#ERROR_DETAILS}} aria-invalid="true"{{/ERROR_DETAILS}}>{{DETAILS}}</textarea>

{{#QUANTITY_FIELD}}<label for="quantity">[[form.quantity]]</label>
<span class="hint" id="quantity-hint">[[form.quantity_hint]]</span>
{{#ERROR_QUANTITY}}<p class="error" id="quantity-error">{{MESSAGE}}</p>{{/ERROR_QUANTITY}}
<input type="number" id="quantity" name="quantity" value="{{QUANTITY}}" min="1" max="100000" inputmode="numeric" aria-describedby="quantity-hint"{{#ERROR_QUANTITY}} aria-invalid="true"{{/ERROR_QUANTITY}}>{{/QUANTITY_FIELD}}

{{#URGENCY_FIELD}}<fieldset id="urgency">
<legend>[[form.urgency]]</legend>
<div class="choices">
<label><input type="radio" name="urgency" value="today" {{TODAY_CHECKED}}> [[urgency.today]]</label>
<label><input type="radio" name="urgency" value="week" {{WEEK_CHECKED}}> [[urgency.week]]</label>
<label><input type="radio" name="urgency" value="flexible" {{FLEXIBLE_CHECKED}}> [[urgency.flexible]]</label>
</div>
</fieldset>{{/URGENCY_FIELD}}

<fieldset id="window">
<legend>{{WHEN_LEGEND}}</legend>
<span class="hint">[[form.when_hint]]</span>
<label for="window_from">[[form.when_from]]</label>
{{#ERROR_WINDOW_FROM}}<p class="error" id="from-error">{{MESSAGE}}</p>{{/ERROR_WINDOW_FROM}}
<input type="datetime-local" id="window_from" name="window_from" value="{{WINDOW_FROM}}"{{#ERROR_WINDOW_FROM}} aria-invalid="true"{{/ERROR_WINDOW_FROM}}>
<label for="window_to">[[form.when_to]]</label>
{{#ERROR_WINDOW_TO}}<p class="error" id="to-error">{{MESSAGE}}</p>{{/ERROR_WINDOW_TO}}
<input type="datetime-local" id="window_to" name="window_to" value="{{WINDOW_TO}}"{{#ERROR_WINDOW_TO}} aria-invalid="true"{{/ERROR_WINDOW_TO}}>
</fieldset>

<label for="place">[[form.place]]</label>
<span class="hint" id="place-hint">[[form.place_hint]]</span>
{{#ERROR_LOCATION_TEXT}}<p class="error" id="place-error">{{MESSAGE}}</p>{{/ERROR_LOCATION_TEXT}}
{{#ERROR_LOCATION}}<p class="error" id="location-error">{{MESSAGE}}</p>{{/ERROR_LOCATION}}
<input type="text" id="place" name="place" value="{{PLACE}}" maxlength="200" autocomplete="off" data-place-suggest aria-describedby="place-hint"{{#ERROR_LOCATION_TEXT}} aria-invalid="true"{{/ERROR_LOCATION_TEXT}}>
<input type="hidden" name="lat" value="{{LAT}}" data-geo="lat">
<input type="hidden" name="lon" value="{{LON}}" data-geo="lon">
<div class="map js-only" data-pin-map data-lat="{{CENTRE_LAT}}" data-lon="{{CENTRE_LON}}" data-tiles="{{TILE_URL}}" data-attribution="{{TILE_ATTRIBUTION}}" role="region" aria-label="[[form.pin_map]]"></div>
<p class="hint js-only">[[form.pin_hint]]</p>

<label for="max_distance_km">{{DISTANCE_LABEL}}</label>
<span class="hint" id="distance-hint">[[post_fields.distance_hint]]</span>
{{#ERROR_MAX_DISTANCE_KM}}<p class="error" id="distance-error">{{MESSAGE}}</p>{{/ERROR_MAX_DISTANCE_KM}}
<select id="max_distance_km" name="max_distance_km" aria-describedby="distance-hint{{#ERROR_MAX_DISTANCE_KM}} distance-error{{/ERROR_MAX_DISTANCE_KM}}"{{#ERROR_MAX_DISTANCE_KM}} aria-invalid="true"{{/ERROR_MAX_DISTANCE_KM}}>
<option value="" {{DISTANCE_UNSET_SELECTED}}>[[post_fields.distance_unset]]</option>
{{#DISTANCE}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>
{{/DISTANCE}}</select>

<fieldset id="languages" aria-describedby="languages-hint{{#ERROR_LANGUAGES}} languages-error{{/ERROR_LANGUAGES}}">
<legend>{{LANGUAGES_LEGEND}}</legend>
<span class="hint" id="languages-hint">{{LANGUAGES_HINT}}</span>
{{#ERROR_LANGUAGES}}<p class="error" id="languages-error">{{MESSAGE}}</p>{{/ERROR_LANGUAGES}}
<div class="choices">{{#LANGUAGE}}<label><input type="checkbox" name="languages" value="{{CODE}}" {{CHECKED}}> <span lang="{{CODE}}">{{NAME}}</span></label>
{{/LANGUAGE}}</div>
<label for="language_other">[[post_fields.language_other]]</label>
<select id="language_other" name="language_other">
<option value="">[[post_fields.language_other_none]]</option>
{{#OTHER_LANGUAGE}}<option value="{{CODE}}" lang="{{CODE}}" {{SELECTED}}>{{NAME}}</option>
{{/OTHER_LANGUAGE}}</select>
</fieldset>

<fieldset id="contact">
<legend>[[form.contact]]</legend>
<span class="hint">[[form.contact_hint]]</span>
<div class="choices">
<label><input type="radio" name="contact_method" value="site" {{SITE_CHECKED}}> [[contact.site]]</label>
<label><input type="radio" name="contact_method" value="phone" {{PHONE_CHECKED}}> [[contact.phone]]</label>
<label><input type="radio" name="contact_method" value="email" {{EMAIL_CHECKED}}> [[contact.email]]</label>
</div>
<label for="contact_name">[[form.contact_name]]</label>
{{#ERROR_CONTACT_NAME}}<p class="error" id="name-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_NAME}}
<input type="text" id="contact_name" name="contact_name" value="{{CONTACT_NAME}}" maxlength="100" autocomplete="given-name"{{#ERROR_CONTACT_NAME}} aria-invalid="true"{{/ERROR_CONTACT_NAME}}>
<label for="contact_phone">[[form.contact_phone]]</label>
{{#ERROR_CONTACT_PHONE}}<p class="error" id="phone-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_PHONE}}
<input type="tel" id="contact_phone" name="contact_phone" value="{{CONTACT_PHONE}}" maxlength="32" autocomplete="tel"{{#ERROR_CONTACT_PHONE}} aria-invalid="true"{{/ERROR_CONTACT_PHONE}}>
<label for="contact_email">[[form.contact_email]]</label>
{{#ERROR_CONTACT_EMAIL}}<p class="error" id="email-error">{{MESSAGE}}</p>{{/ERROR_CONTACT_EMAIL}}
<input type="email" id="contact_email" name="contact_email" value="{{CONTACT_EMAIL}}" maxlength="254" autocomplete="email"{{#ERROR_CONTACT_EMAIL}} aria-invalid="true"{{/ERROR_CONTACT_EMAIL}}>
</fieldset>

<div class="privacy">
<h2>[[form.privacy_heading]]</h2>
<p>[[form.privacy_public]]</p>
<p>[[form.privacy_private]]</p>
</div>
<button type="submit">{{SUBMIT}}</button>
</form>
