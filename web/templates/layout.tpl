{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · Gapfill</title>
<link rel="stylesheet" href="{{STATIC}}/app.css">
{{#MAP}}<link rel="stylesheet" href="{{STATIC}}/leaflet/leaflet.css">{{/MAP}}
<link rel="icon" href="{{STATIC}}/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">[[layout.skip]]</a>
<header class="site">
<a class="brand" href="/">Gapfill</a>
{{#NETWORK}}<a class="network-name" href="/n/{{SLUG}}">{{NAME}}</a>{{/NETWORK}}
<a class="account-link" href="/account">[[layout.account]]</a>
<nav class="languages" aria-label="[[layout.languages]]">{{#LANGUAGE}}<a href="{{HREF}}" lang="{{CODE}}" hreflang="{{CODE}}">{{NAME}}</a>{{/LANGUAGE}}</nav>
</header>
<main id="main" tabindex="-1">
{{>CONTENT}}
</main>
<footer class="site">
{{#NETWORK}}<nav aria-label="[[layout.network_nav]]"><a href="/n/{{SLUG}}/ask">[[layout.ask]]</a> <a href="/n/{{SLUG}}/offer">[[layout.offer]]</a> <a href="/n/{{SLUG}}/browse">[[layout.browse]]</a> <a href="/n/{{SLUG}}/flyer">[[layout.flyer]]</a> <a href="/n/{{SLUG}}/organize">[[layout.organize]]</a></nav>{{/NETWORK}}
<nav aria-label="[[directory.nav]]"><a href="/directory">[[directory.nav]]</a> <a href="/start">[[directory.start_link]]</a></nav>
<p>[[layout.footer]]</p>
</footer>
<script src="{{STATIC}}/app.js" defer></script>
{{#MAP}}<script src="{{STATIC}}/leaflet/leaflet.js" defer></script>
<script src="{{STATIC}}/map.js" defer></script>{{/MAP}}
</body>
</html>
