{{%AUTOESCAPE context="HTML"}}
<h1>[[start.welcome_heading]]</h1>
<p class="lead">[[start.welcome_lead]]</p>
<p>[[start.welcome_public]] <a href="/n/{{SLUG}}">{{PUBLIC_URL}}</a></p>
{{#LISTED}}<p>[[start.welcome_listed]] <a href="/directory">[[directory.nav]]</a></p>{{/LISTED}}
<h2>[[start.next_steps]]</h2>
<ol>
<li><a href="/n/{{SLUG}}/flyer">[[start.step_flyer]]</a></li>
<li><a href="/n/{{SLUG}}/admin">[[start.step_invite]]</a></li>
<li><a href="/n/{{SLUG}}/admin">[[start.step_policy]]</a></li>
<li><a href="/n/{{SLUG}}/admin">[[start.step_contact]]</a></li>
<li><a href="/n/{{SLUG}}/organize">[[start.step_organize]]</a></li>
</ol>
