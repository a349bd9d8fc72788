{{%AUTOESCAPE context="HTML"}}
{{#BLOCKED}}<p class="notice warning">{{BADGE}}</p>
<form method="post" action="/n/{{SLUG}}/organize/accounts/{{ACCOUNT_ID}}/unblock"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">{{UNBLOCK}}</button></form>{{/BLOCKED}}
{{#CAN_BLOCK}}<details>
<summary>{{BLOCK}}</summary>
<form method="post" action="/n/{{SLUG}}/organize/accounts/{{ACCOUNT_ID}}/block">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p>[[moderation.block_account_explained]]</p>
<label for="block-account-{{FORM_ID}}">[[organize.reason]]</label>
<select id="block-account-{{FORM_ID}}" name="reason">{{#REASON_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/REASON_OPTION}}</select>
<button type="submit" class="danger">[[moderation.block_submit]]</button>
</form>
</details>{{/CAN_BLOCK}}
