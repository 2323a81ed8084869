"""The catalog of syndication boilerplate that the ``boilerplate`` rule removes:
one row per template, with where it comes from and two examples that the tests run.

Evidence for each row: /work/shared/boilerplate-catalog.md (Yoast SEO's localised
``rssafter`` defaults, WordPress and Jetpack output, wire-service tails, feed
services). To add a pattern, add a row; its ``example`` must be removed and its
``legit`` line kept, alone and as the last line of a short document.

Template syntax (compiled by ``cleaner.rules.boilerplate``):
- words match literally; a space matches any run of spaces or tabs;
  ``'`` matches ``'`` or ``’``; ``...`` matches ``...`` or ``…``;
- ``{a|b|}`` is one of the listed literal alternatives (an empty one makes it optional);
- ``{name}`` is a placeholder from ``PLACEHOLDERS``; every placeholder is bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Position = Literal["footer", "interjection"]

# One character of a site name or headline. Allowed: anything but a sentence
# break, so a body sentence cannot pass for "<title> appeared first on <site>."
# A period or question mark must be inside a token (``Sportnieuws.nl``) or, for
# a period, end an abbreviation of at most two letters (``U.S.``, ``St.``); a
# comma must not open a lower-case clause (``Facebook, where …``). The
# alternatives are disjoint (each character matches at most one), so repeating
# the group cannot backtrack exponentially.
_NAME_CHAR = r"""(?:[^\n.?,]|\.(?=\S)|(?<![^\W\d_]{3})\.(?!\S)|\?(?=\S)|,(?![^\S\n]+(?-i:[a-z])))"""

# One character of a title: like a name, but any comma or question mark is
# fine (``Is it over? Experts weigh in``); a period still may not end a
# sentence, so a body sentence that starts like a footer is not swallowed.
_TITLE_CHAR = r"""(?:[^\n.]|\.(?=\S)|(?<![^\W\d_]{3})\.(?!\S))"""

# name -> (regex, meaning shown by ``cleaner --explain boilerplate``)
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "title": (_TITLE_CHAR + "{1,300}", "a title, 1-300 characters, any punctuation but no sentence-ending period"),
    "site": (
        _NAME_CHAR + "{1,300}",
        "a name, 1-300 characters, any punctuation, quotes, emoji, | : & but no sentence break",
    ),
    "headline": (_NAME_CHAR + r"{1,300}[.?]?", "like {site}, optionally ending in . or ?"),
    "quoted": (r"""(?:"[^"\n]{1,300}"|“[^”\n]{1,300}”)""", "a title in straight or curly double quotes"),
    "credits": (r"[^\n()]{1,300}", "names and places, 1-300 characters, no parentheses"),
    "app": (r"[A-Z][^\n.,;:!?]{0,39}", "a capitalised app name, up to 40 characters"),
    "words": (r"[^\n.!?:;]{0,40}", "up to 40 characters of words (free, daily, …)"),
    "year": (r"\d{4}(?:[^\S\n]*[-–][^\S\n]*\d{4})?", "a year or a range of years"),
    "count": (r"\d{1,9}", "a number"),
    "more": (
        r"(?:[^\S\n]*(?:→|»|›|>>|\.\.\.|…|\.|!|:|&rarr;|&raquo;|&hellip;))?",
        "optionally an arrow, ellipsis, or . ! :",
    ),
    "arrow": (r"[^\S\n]*(?:→|»|›|>>|&rarr;|&raquo;)", "an arrow: → » › >>"),
}


@dataclass(frozen=True)
class BoilerplateEntry:
    """One kind of boilerplate line.

    ``position`` is where it is removed: ``footer`` at the end of a paragraph or
    feed item (followed only by other boilerplate), ``interjection`` anywhere as
    a whole line. ``glued`` footers are also cut from the end of the document's
    last line. ``default`` says whether the rule removes it unless configured.
    """

    name: str
    position: Position
    template: str
    source: str
    example: str
    legit: str
    default: bool = True
    glued: bool = False
    ignore_case: bool = False


_YOAST = "Yoast SEO RSS footer (option wpseo_rss, key rssafter)"

CATALOG: tuple[BoilerplateEntry, ...] = (
    # Yoast SEO footers, one row per localised default or common edit.
    BoilerplateEntry(
        name="yoast-en",
        position="footer",
        template="The post {title} appeared first on {site}.",
        source=f"{_YOAST}, English default",
        example="The post City council approves riverside park budget appeared first on Harbor City Gazette.",
        legit="The post appeared first on Facebook, where it was shared thousands of times.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-en-first-appeared",
        position="footer",
        template="The post {title} first appeared on {site}.",
        source=f"{_YOAST}, English edit",
        example="The post 10 tips for winter cycling first appeared on Bike Life | News & Gear.",
        legit="The post about the fire first appeared on Reddit, where moderators removed it.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-de",
        position="footer",
        template="Der Beitrag {title} erschien zuerst auf {site}.",
        source=f"{_YOAST}, German default",
        example="Der Beitrag Neue Radwege für die Innenstadt erschien zuerst auf Stadtblog Köln.",
        legit="Der Beitrag erschien zuerst auf Facebook und wurde dort tausendfach geteilt.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-fr",
        position="footer",
        template="L'article {title} est apparu en premier sur {site}.",
        source=f"{_YOAST}, French default",
        example="L’article Le budget du parc adopté est apparu en premier sur Le Journal du Port.",
        legit="L’article 12 est apparu en premier sur la liste, avant d’être retiré.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-es",
        position="footer",
        template="La entrada {title} se publicó primero en {site}.",
        source=f"{_YOAST}, Spanish default",
        example="La entrada Nuevo horario de la biblioteca se publicó primero en Diario del Puerto.",
        legit="La entrada al museo se publicó primero en la web oficial, según el ayuntamiento.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-it",
        position="footer",
        template="L'articolo {title} sembra essere il primo su {site}.",
        source=f"{_YOAST}, Italian default",
        example="L'articolo Nuovo orario per la biblioteca sembra essere il primo su Il Giornale del Porto.",
        legit="L'articolo sembra essere il primo su questo tema, e altri seguiranno.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-it-proviene",
        position="footer",
        template="L'articolo {title} proviene da {site}.",
        source=f"{_YOAST}, Italian edit",
        example="L’articolo Sciopero dei treni venerdì proviene da Notizie Oggi.",
        legit="L'articolo 3 proviene da una bozza del governo. Non è definitivo.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-pt",
        position="footer",
        template="O post {title} apareceu primeiro em {site}.",
        source=f"{_YOAST}, Portuguese default",
        example="O post Prefeitura anuncia novo parque apareceu primeiro em Jornal do Porto.",
        legit="A tecnologia apareceu primeiro em telefones celulares.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-nl",
        position="footer",
        template="Het bericht {title} verscheen eerst op {site}.",
        source=f"{_YOAST}, Dutch default",
        example="Het bericht 🎥 | Antony faked an injury verscheen eerst op Sportnieuws.nl.",
        legit="Het bericht verscheen eerst op Twitter, waar het duizenden keren werd gedeeld.",
        glued=True,
    ),
    BoilerplateEntry(
        name="yoast-nl-de-post",
        position="footer",
        template="De post {title} verscheen eerst op {site}.",
        source=f"{_YOAST}, Dutch edit",
        example="De post Gemeente opent nieuw zwembad verscheen eerst op Nieuws uit de Regio.",
        legit="De post van vandaag verscheen eerst op Instagram, waarna hij werd verwijderd.",
        glued=True,
    ),
    # WordPress and news-API excerpt endings.
    BoilerplateEntry(
        name="excerpt-more",
        position="footer",
        template="{[…]|[&hellip;]}",
        source="WordPress excerpt_more default, appended to excerpts",
        example="[&hellip;]",
        legit="[…] and then the committee adjourned.",
        glued=True,
    ),
    BoilerplateEntry(
        name="news-api-truncation",
        position="footer",
        template="[+{count} chars]",
        source="news APIs (NewsAPI content field) marking cut text",
        example="[+2345 chars]",
        legit="[+2345 chars] is how the API marks text it cut.",
        glued=True,
    ),
    BoilerplateEntry(
        name="continue-reading",
        position="footer",
        template="Continue reading{more}",
        source="WordPress theme excerpt links",
        example="Continue reading →",
        legit="Continue reading the report and you will see …",
    ),
    BoilerplateEntry(
        name="continue-reading-title",
        position="footer",
        template="Continue reading {title}{arrow}",
        source="WordPress theme excerpt links",
        example="Continue reading Ten things to do this weekend →",
        legit="Continue reading the report and you will see why.",
    ),
    BoilerplateEntry(
        name="continue-reading-quoted",
        position="footer",
        template="Continue reading {quoted}{more}",
        source="WordPress theme excerpt links",
        example="Continue reading “Ten things to do this weekend”",
        legit="Continue reading “Ulysses” if you can, she advised.",
    ),
    BoilerplateEntry(
        name="continue-reading-on-site",
        position="footer",
        template="Continue reading {this article|this story|the full story|the full article} on {site}{more}",
        source="trade-publication feeds",
        example="Continue reading this article on Variety.",
        legit="Continue reading this article on paper, if you prefer, and come back later.",
    ),
    BoilerplateEntry(
        name="read-more",
        position="footer",
        template="{Read more|Read the full story|Read the full article|Read full story}{more}",
        source="WordPress themes and feed readers",
        example="Read More »",
        legit="Read more books, the librarian said.",
        ignore_case=True,
    ),
    # Jetpack share and like widgets, flattened to text: a block of short lines.
    BoilerplateEntry(
        name="share-this",
        position="footer",
        template="{Share this|Share this article|Share this story|Share}:",
        source="Jetpack sharing heading",
        example="Share this:",
        legit="Share this: it matters.",
    ),
    BoilerplateEntry(
        name="click-to-share",
        position="footer",
        template="Click to {title} (Opens in new window)",
        source="Jetpack sharing buttons",
        example="Click to share on Twitter (Opens in new window)",
        legit="Click to share on Twitter, the app says, before you post.",
    ),
    BoilerplateEntry(
        name="like-this",
        position="footer",
        template="Like this:",
        source="Jetpack likes heading",
        example="Like this:",
        legit="Like this: a slow start, then a sprint.",
    ),
    BoilerplateEntry(
        name="like-loading",
        position="footer",
        template="{Like |}Loading...",
        source="Jetpack likes widget",
        example="Like Loading...",
        legit="Loading... the trucks took most of the morning.",
    ),
    BoilerplateEntry(
        name="related-heading",
        position="footer",
        template="Related",
        source="Jetpack related-posts heading",
        example="Related",
        legit="Related reading: the council's 2019 report.",
    ),
    BoilerplateEntry(
        name="share-button-labels",
        position="footer",
        template="{Tweet|Email|Print|Share|Facebook|Twitter|WhatsApp|LinkedIn|Pinterest|Reddit|Telegram|Pocket}",
        source="share-button labels (Jetpack and similar)",
        example="Tweet",
        legit="Email the council before Friday.",
    ),
    # Wire-service and publisher tails.
    BoilerplateEntry(
        name="ap-copyright",
        position="footer",
        template="{Copyright|Copyright ©|©} {year} The Associated Press. {All rights reserved|All Rights Reserved}."
        " This material may not be published, broadcast, rewritten or redistributed.",
        source="Associated Press copyright tail",
        example="Copyright 2024 The Associated Press. All rights reserved. This material may not be published,"
        " broadcast, rewritten or redistributed.",
        legit="Copyright 2024 The Associated Press figures were cited in the ruling.",
    ),
    BoilerplateEntry(
        name="ap-redistribution",
        position="footer",
        template="This material may not be published, broadcast, rewritten or redistributed.",
        source="Associated Press copyright tail, second sentence alone",
        example="This material may not be published, broadcast, rewritten or redistributed.",
        legit="This material may not be published, the judge ruled, until the trial ends.",
    ),
    BoilerplateEntry(
        name="reuters-trust-principles",
        position="footer",
        template="Our Standards: The Thomson Reuters Trust Principles{.|}",
        source="Reuters story tail",
        example="Our Standards: The Thomson Reuters Trust Principles.",
        legit="Our Standards: The Thomson Reuters Trust Principles are published online, the agency said.",
    ),
    BoilerplateEntry(
        name="reuters-credit",
        position="footer",
        template="(Reporting by {credits}; Editing by {credits})",
        source="Reuters credit line (who reported and edited: data for some readers)",
        example="(Reporting by Jane Doe in London; Editing by John Smith)",
        legit="(Reporting by the BBC was later corrected.)",
        default=False,
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="copyright-notice",
        position="footer",
        template="{©|Copyright|Copyright ©|(c)|&copy;} {year} {site}. {All rights reserved|All Rights Reserved|ALL RIGHTS RESERVED}.",
        source="publisher copyright line",
        example="© 2024 Harbor City Gazette, Inc. All rights reserved.",
        legit="Copyright 2024 reforms passed. All rights reserved by authors now last 70 years.",
    ),
    BoilerplateEntry(
        name="all-rights-reserved",
        position="footer",
        template="{All rights reserved|All Rights Reserved|ALL RIGHTS RESERVED}{.|}",
        source="publisher copyright line, alone",
        example="All rights reserved.",
        legit="All rights reserved for the union were restored in March.",
    ),
    # Interjections: whole lines anywhere in the body.
    BoilerplateEntry(
        name="advertisement",
        position="interjection",
        template="Advertisement",
        source="ad slots in scraped news pages",
        example="ADVERTISEMENT",
        legit="Advertisement spending rose 4% last year.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="continues-below-advertisement",
        position="interjection",
        template="{Story|Article} continues below advertisement",
        source="ad slots in scraped news pages",
        example="Story continues below advertisement",
        legit="Story continues below the fold in the print edition.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="scroll-to-continue",
        position="interjection",
        template="Scroll to continue with content",
        source="ad slots in scraped news pages",
        example="SCROLL TO CONTINUE WITH CONTENT",
        legit="Scroll to continue with content warnings on, the app says.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="continue-reading-main-story",
        position="interjection",
        template="Continue reading the main story",
        source="ad slots in scraped New York Times pages",
        example="Continue reading the main story",
        legit="Continue reading the main story and the sidebar before you vote.",
    ),
    BoilerplateEntry(
        name="newsletter-prompt",
        position="interjection",
        template="{Sign up for|Subscribe to} our {words}newsletter{s|}{more}",
        source="newsletter boxes in scraped pages",
        example="Sign up for our free daily newsletter",
        legit="Sign up for our newsletter and you get a weekly digest, the clerk said.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="click-here-to-subscribe",
        position="interjection",
        template="Click here to subscribe{more}",
        source="subscription boxes in scraped pages",
        example="Click here to subscribe!",
        legit="Click here to subscribe, the pop-up said, and it would not go away.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="related-headline",
        position="interjection",
        template="Related: {headline}",
        source="related-story links in scraped news pages",
        example="RELATED: Storm knocks out power to 12,000 homes",
        legit="Related: the vote failed. Officials said they would try again.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="read-more-headline",
        position="interjection",
        template="{Read more|Also read}: {headline}",
        source="related-story links in scraped news pages",
        example="READ MORE: Why the U.S. Fed paused rates again?",
        legit="Read more: the full text runs to 300 pages. Few will finish it.",
        ignore_case=True,
    ),
    # Feed services and attribution lines.
    BoilerplateEntry(
        name="feed43",
        position="footer",
        template="{--|—|–} Delivered by Feed43 service",
        source="Feed43 (feed43.com) generated feeds",
        example="-- Delivered by Feed43 service",
        legit="Delivered by Feed43 service, the feed was hours late.",
    ),
    BoilerplateEntry(
        name="sent-via",
        position="footer",
        template="Sent via {app}",
        source="read-later and feed-reader apps sharing a post",
        example="Sent via Inoreader",
        legit="Sent via courier, the documents arrived on Monday.",
    ),
    BoilerplateEntry(
        name="originally-appeared",
        position="footer",
        template="This {article|story|post} {originally appeared|first appeared|was originally published|was first published}"
        " {on|in} {site}.",
        source="republication attribution (data for some readers)",
        example="This article originally appeared on The Conversation.",
        legit="This story first appeared in print, in a shorter version. It has been updated.",
        default=False,
    ),
    BoilerplateEntry(
        name="source-line",
        position="footer",
        template="Source: {site}",
        source="attribution line at the end of feed items (data for some readers)",
        example="Source: Harbor City Gazette",
        legit="Source: officials familiar with the talks, who spoke on condition of anonymity.",
        default=False,
    ),
)
