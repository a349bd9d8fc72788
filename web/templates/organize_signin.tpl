{{%AUTOESCAPE context="HTML"}}
<h1>[[organize.signin_heading]]</h1>
<p>[[organize.signin_intro]]</p>
{{#FORM_ERROR}}<p class="error" role="alert" id="key-error">{{MESSAGE}}</p>{{/FORM_ERROR}}
<form method="post" action="/n/{{SLUG}}/organize/sign-in">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="key">[[organize.key]]</label>
<span class="hint" id="key-hint">[[organize.key_hint]]</span>
<input type="password" id="key" name="key" maxlength="128" autocomplete="current-password" required aria-describedby="key-hint">
<button type="submit">[[organize.signin]]</button>
</form>
