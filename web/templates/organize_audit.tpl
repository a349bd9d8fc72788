{{%AUTOESCAPE context="HTML"}}
<h1>[[moderation.audit_heading]]</h1>
<p>[[moderation.audit_intro]]</p>
<p><a href="/n/{{SLUG}}/organize">[[moderation.back_to_dashboard]]</a></p>
{{#EMPTY}}<p>[[moderation.audit_empty]]</p>{{/EMPTY}}
<div class="table-scroll">
<table>
<caption class="visually-hidden">[[moderation.audit_heading]]</caption>
<thead><tr><th scope="col">[[moderation.audit_when]]</th><th scope="col">[[moderation.audit_who]]</th><th scope="col">[[moderation.audit_action]]</th><th scope="col">[[moderation.audit_target]]</th><th scope="col">[[moderation.audit_detail]]</th></tr></thead>
<tbody>
{{#EVENT}}<tr><td>{{WHEN}}</td><td>{{WHO}}</td><td>{{ACTION}}</td><td>{{#POST_LINK}}<a href="{{HREF}}">{{TARGET}}</a>{{/POST_LINK}}{{#PLAIN_TARGET}}{{TARGET}}{{/PLAIN_TARGET}}</td><td>{{DETAIL}}</td></tr>{{/EVENT}}
</tbody>
</table>
</div>
<nav class="pager" aria-label="[[browse.pages]]">{{#NEXT}}<a href="{{HREF}}" rel="next">[[moderation.audit_older]]</a>{{/NEXT}}</nav>
