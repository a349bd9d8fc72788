{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
<p class="notice" role="status">{{MESSAGE}}</p>
{{#LINK}}<p><a href="{{HREF}}">{{TEXT}}</a></p>{{/LINK}}
