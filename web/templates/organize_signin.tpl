{{%AUTOESCAPE context="HTML"}}
<h1>[[organize.signin_heading]]</h1>
<p>[[organize.signin_intro]]</p>
{{#FORM_ERROR}}<p class="error" role="alert" id="key-error">{{MESSAGE}}</p>{{/FORM_ERROR}}
{{#SIGNED_OUT}}<p><a class="button" href="{{HREF}}">[[roles.sign_in_to_organize]]</a></p>{{/SIGNED_OUT}}
{{#SIGNED_IN}}<p>[[roles.not_an_organizer]]</p>
<form method="post" action="/n/{{SLUG}}/organize/admin-key">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="key">[[organize.key]]</label>
<span class="hint" id="key-hint">[[organize.key_hint]]</span>
<input type="password" id="key" name="key" maxlength="128" autocomplete="off" required aria-describedby="key-hint">
<button type="submit">[[roles.redeem_key]]</button>
</form>{{/SIGNED_IN}}
