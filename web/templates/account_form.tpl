{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
{{#INTRO}}<p>{{TEXT}}</p>{{/INTRO}}
{{#DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#FORM_ERROR}}<p class="error" role="alert" id="form-error">{{MESSAGE}}</p>{{/FORM_ERROR}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NEXT}}<input type="hidden" name="next" value="{{VALUE}}">{{/NEXT}}
{{#EMAIL_FIELD}}<label for="email">[[account.email]]</label>
{{#ERROR_EMAIL}}<p class="error" id="email-error">{{MESSAGE}}</p>{{/ERROR_EMAIL}}
<input type="email" id="email" name="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" required{{#ERROR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERROR_EMAIL}}>
{{/EMAIL_FIELD}}{{#PASSWORD_FIELD}}<label for="password">{{LABEL}}</label>
{{#HINT}}<span class="hint" id="password-hint">[[account.password_hint]]</span>{{/HINT}}
{{#ERROR_PASSWORD}}<p class="error" id="password-error">{{MESSAGE}}</p>{{/ERROR_PASSWORD}}
<input type="password" id="password" name="password" maxlength="256" autocomplete="{{AUTOCOMPLETE}}" required{{#HINT}} aria-describedby="{{#ERROR_PASSWORD}}password-error {{/ERROR_PASSWORD}}password-hint"{{/HINT}}{{#ERROR_PASSWORD}} aria-invalid="true"{{/ERROR_PASSWORD}}>
{{/PASSWORD_FIELD}}<button type="submit">{{BUTTON}}</button>
</form>
{{#SIGN_IN_LINKS}}<p><a href="/account/forgot">[[account.forgot_link]]</a></p>
<p>[[account.no_account]] <a href="/account/sign-up">[[account.signup_link]]</a></p>{{/SIGN_IN_LINKS}}
{{#SIGN_UP_LINKS}}<p>[[account.have_account]] <a href="/account/sign-in">[[account.signin_link]]</a></p>{{/SIGN_UP_LINKS}}
