{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/">[[error_page.home]]</a></p>
