{{%AUTOESCAPE context="HTML"}}
<h1>[[account.title]]</h1>
{{#DONE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/DONE}}
<dl>
<dt>[[account.email]]</dt><dd>{{EMAIL}}</dd>
<dt>[[account.address_state]]</dt><dd>{{#VERIFIED}}[[account.verified]]{{/VERIFIED}}{{#UNVERIFIED}}[[account.unverified]]{{/UNVERIFIED}}</dd>
</dl>
{{#UNVERIFIED}}<form method="post" action="/account/verify/resend">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[account.resend_button]]</button>
</form>{{/UNVERIFIED}}
<form method="post" action="/account/sign-out">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[account.signout_button]]</button>
</form>
<h2>[[account.signout_everywhere_heading]]</h2>
<p>[[account.signout_everywhere_intro]]</p>
<form method="post" action="/account/sign-out-everywhere">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">[[account.signout_everywhere_button]]</button>
</form>
<h2>[[account.export_heading]]</h2>
<p>[[account.export_intro]]</p>
<p><a href="/account/export" download>[[account.export_link]]</a></p>
<h2>[[account.delete_heading]]</h2>
<p>[[account.delete_intro]]</p>
{{#DELETE_ERROR}}<p class="error" role="alert" id="delete-error">{{MESSAGE}}</p>{{/DELETE_ERROR}}
<form method="post" action="/account/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="delete-password">[[account.delete_confirm]]</label>
<input type="password" id="delete-password" name="password" maxlength="256" autocomplete="current-password" required{{#DELETE_ERROR}} aria-invalid="true" aria-describedby="delete-error"{{/DELETE_ERROR}}>
<button type="submit" class="danger">[[account.delete_button]]</button>
</form>
