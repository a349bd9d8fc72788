{{%AUTOESCAPE context="HTML"}}
<h1>[[roles.invite_title]]</h1>
{{#FORM_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/FORM_ERROR}}
<p class="lead">{{NETWORK}}: {{ROLE}}</p>
<p>[[roles.invite_explained]]</p>
{{#SIGNED_IN}}<form method="post" action="/invite/{{TOKEN}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[roles.accept]]</button>
</form>{{/SIGNED_IN}}
{{#SIGNED_OUT}}<p><a class="button" href="{{HREF}}">[[roles.sign_in_first]]</a></p>{{/SIGNED_OUT}}
