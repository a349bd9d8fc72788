{{%AUTOESCAPE context="HTML"}}
<h1>[[roles.join_heading]]</h1>
{{#FORM_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/FORM_ERROR}}
{{#DONE}}<p class="notice" role="status">[[roles.joined]] <a href="/n/{{SLUG}}/volunteer">[[volunteer.link]]</a></p>{{/DONE}}
<p>[[roles.join_intro]]</p>
{{#SIGNED_IN}}<form method="post" action="/n/{{SLUG}}/join">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[roles.join_submit]]</button>
</form>{{/SIGNED_IN}}
{{#SIGNED_OUT}}<p><a class="button" href="{{HREF}}">[[roles.sign_in_first]]</a></p>{{/SIGNED_OUT}}
