{{%AUTOESCAPE context="HTML"}}
<section class="thread" id="thread-{{MATCH_ID}}" aria-labelledby="thread-heading-{{MATCH_ID}}">
<h3 id="thread-heading-{{MATCH_ID}}">[[relay.heading]]</h3>
<p class="meta">[[relay.privacy_note]]</p>
{{#NO_MESSAGES}}<p>[[relay.no_messages]]</p>{{/NO_MESSAGES}}
{{#LIST}}<ol class="messages">
{{#MESSAGE}}<li class="message{{#MINE}} mine{{/MINE}}"><p class="meta"><strong>{{AUTHOR}}</strong> · {{WHEN}}</p><p class="message-body">{{BODY}}</p></li>
{{/MESSAGE}}</ol>{{/LIST}}
{{#MORE}}<p class="meta">[[relay.more]]</p>{{/MORE}}
{{#CLOSED}}<p>[[relay.closed]]</p>{{/CLOSED}}
{{#REPLY}}<form method="post" action="{{ACTION}}#thread-{{MATCH_ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reply-{{MATCH_ID}}">[[relay.reply_label]]</label>
{{#ERROR}}<p class="error" id="reply-error-{{MATCH_ID}}" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<textarea id="reply-{{MATCH_ID}}" name="body" rows="3" maxlength="{{MAX}}" required{{#ERROR}} aria-invalid="true" aria-describedby="reply-error-{{MATCH_ID}}"{{/ERROR}}>{{TYPED}}</textarea>
<button type="submit">[[relay.send]]</button>
</form>{{/REPLY}}
</section>
