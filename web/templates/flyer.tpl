{{%AUTOESCAPE context="HTML"}}
<article class="flyer">
<h1>{{NAME}}</h1>
<p class="lead">[[flyer.tagline]]</p>
<p>{{DESCRIPTION}}</p>
<p>[[flyer.what]]</p>
<div class="qr">{{QR:none}}</div>
<p class="lead"><strong>[[flyer.scan]]</strong></p>
<p class="secret">{{ASK_URL}}</p>
<p>[[flyer.no_questions]]</p>
<p>[[flyer.offer]] <strong class="url">{{OFFER_URL}}</strong></p>
</article>
<p class="no-print"><button type="button" class="js-only" data-print>[[flyer.print]]</button> [[flyer.print_hint]]</p>
