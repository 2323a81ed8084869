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

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Position = Literal["footer", "interjection", "before-footer"]
POSITIONS: tuple[str, ...] = ("footer", "interjection", "before-footer")

# Where a glued entry may also be cut from the end of a paragraph's last line:
# after the end of a sentence (``… the vote. The post X appeared first on Y.``)
# or after any word (``… a concept […]``, ``… Breton Read Full Article at RT.com``).
NOT_GLUED, AFTER_SENTENCE, AFTER_WORD = "", "after-sentence", "after-word"
GLUED: tuple[str, ...] = (NOT_GLUED, AFTER_SENTENCE, AFTER_WORD)

# One character of a site name or headline. Allowed: anything but a sentence
# break, so a body sentence cannot pass for "<title> appeared first on <site>."
# A period or question mark must be inside a token (``Sportnieuws.nl``) or, for
# a period, end an abbreviation of one or two letters (``U.S.``, ``St.``); a
# comma must not open a lower-case clause (``Facebook, where …``). The
# alternatives are disjoint (each character matches at most one), so repeating
# the group cannot backtrack exponentially.
_NAME_CHAR = r"""(?:[^\n.?,]|\.(?=\S)|(?<![^\W\d_]{3})(?<=[^\W\d_])\.(?!\S)|\?(?=\S)|,(?![^\S\n]+(?-i:[a-z])))"""

# One character of a title: like a name, but any comma or question mark is
# fine (``Is it over? Experts weigh in``). A period may end a capitalised word
# of three letters or more (``Jan. 6``, ``Rep. Smith``, ``…Decades. He Died``):
# headlines are in title case, while a body sentence that starts like a footer
# ends its clause on a lower-case word (``The post office closed. …``). The
# word-with-period alternative starts only at a word's first letter and the
# one-character alternatives cannot take that period, so each title has one
# parse and the repetition cannot backtrack exponentially.
_TITLE_CHAR = r"""(?:[^\n.]|\.(?=\S)|(?<![^\W\d_]{3})(?<=[^\W\d_])\.(?!\S)|(?<![^\W\d_])[A-Z][^\W\d_]{2,}\.(?=[^\S\n]))"""

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
    "count": (r"(?:\d{1,3}(?:[,.\u00a0\u202f]\d{3}){1,3}|\d{1,9})", "a number, possibly with thousands separators"),
    "more": (
        r"(?:[^\S\n]*(?:→|»|›|>>|\.\.\.|…|\.|!|:|&rarr;|&raquo;|&hellip;))?",
        "optionally an arrow, ellipsis, or . ! :",
    ),
    "arrow": (r"[^\S\n]*(?:→|»|›|>>|&rarr;|&raquo;)", "an arrow: → » › >>"),
    "hellip": ("(?:…|&hellip;)", "the ellipsis character … or &hellip; (not three full stops)"),
    "url": (r"https?://[^\s()<>\[\]]{1,2000}", "a web address (http or https), up to 2,000 characters"),
    "handle": (r"[\w-]{1,40}", "a user or community name: letters, digits, _ and -"),
    "subreddit": (r"(?:[^\S\n]+to[^\S\n]+r/[\w-]{1,50})?", "optionally: to r/<community>"),
    "label": (r"(?:[^\S\n]*[A-Z][\w .]{0,20})?", "optionally a short capitalised button label (X, Email, Hacker News)"),
}


@dataclass(frozen=True)
class BoilerplateEntry:
    """One kind of boilerplate line.

    ``position`` is where it is removed: ``footer`` at the end of a paragraph or
    feed item (followed only by other boilerplate), ``interjection`` anywhere as
    a whole line, ``before-footer`` only directly above a line that is removed
    (``Vu sur …`` above a French Yoast footer). A ``glued`` entry is also cut
    from the end of a paragraph's last line (``AFTER_SENTENCE`` or
    ``AFTER_WORD``), matched case-sensitively there, and may be wrapped over
    several lines. ``default`` says whether the rule removes it unless
    configured. ``languages`` are ISO 639-1 codes, or ``any`` for marks
    without words. ``example`` must be removed and ``look_alike`` kept.
    """

    name: str
    position: Position
    template: str
    source: str
    example: str
    look_alike: str
    languages: tuple[str, ...] = ("en",)
    default: bool = True
    glued: str = NOT_GLUED
    ignore_case: bool = False

    @property
    def legit(self) -> str:
        """The look-alike line (the name older code uses)."""
        return self.look_alike


_YOAST = "Yoast SEO RSS footer (option wpseo_rss, key rssafter)"

CATALOG: tuple[BoilerplateEntry, ...] = (
    # Yoast SEO footers, one row per localised default or common edit.
    BoilerplateEntry(
        name="yoast-en",
        position="footer",
        template="The post {title} appeared first on {site}.",
        source=f"{_YOAST}, English default",
        example="The post City council approves riverside park budget appeared first on Harbor City Gazette.",
        look_alike="The post appeared first on Facebook, where it was shared thousands of times.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-en-first-appeared",
        position="footer",
        template="The post {title} first appeared on {site}.",
        source=f"{_YOAST}, English edit",
        example="The post 10 tips for winter cycling first appeared on Bike Life | News & Gear.",
        look_alike="The post about the fire first appeared on Reddit, where moderators removed it.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-de",
        languages=("de",),
        position="footer",
        template="Der Beitrag {title} erschien zuerst auf {site}.",
        source=f"{_YOAST}, German default",
        example="Der Beitrag Neue Radwege für die Innenstadt erschien zuerst auf Stadtblog Köln.",
        look_alike="Der Beitrag erschien zuerst auf Facebook und wurde dort tausendfach geteilt.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-fr",
        languages=("fr",),
        position="footer",
        template="L'article {title} est apparu en premier sur {site}.",
        source=f"{_YOAST}, French default",
        example="L’article Le budget du parc adopté est apparu en premier sur Le Journal du Port.",
        look_alike="L’article 12 est apparu en premier sur la liste, avant d’être retiré.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-es",
        languages=("es",),
        position="footer",
        template="La entrada {title} se publicó primero en {site}.",
        source=f"{_YOAST}, Spanish default",
        example="La entrada Nuevo horario de la biblioteca se publicó primero en Diario del Puerto.",
        look_alike="La entrada al museo se publicó primero en la web oficial, según el ayuntamiento.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-it",
        languages=("it",),
        position="footer",
        template="L'articolo {title} sembra essere il primo su {site}.",
        source=f"{_YOAST}, Italian default",
        example="L'articolo Nuovo orario per la biblioteca sembra essere il primo su Il Giornale del Porto.",
        look_alike="L'articolo sembra essere il primo su questo tema, e altri seguiranno.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-it-proviene",
        languages=("it",),
        position="footer",
        template="L'articolo {title} proviene da {site}.",
        source=f"{_YOAST}, Italian edit",
        example="L’articolo Sciopero dei treni venerdì proviene da Notizie Oggi.",
        look_alike="L'articolo 3 proviene da una bozza del governo. Non è definitivo.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-pt",
        languages=("pt",),
        position="footer",
        template="O post {title} apareceu primeiro em {site}.",
        source=f"{_YOAST}, Portuguese default",
        example="O post Prefeitura anuncia novo parque apareceu primeiro em Jornal do Porto.",
        look_alike="A tecnologia apareceu primeiro em telefones celulares.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-nl",
        languages=("nl",),
        position="footer",
        template="Het bericht {title} verscheen eerst op {site}.",
        source=f"{_YOAST}, Dutch default",
        example="Het bericht 🎥 | Antony faked an injury verscheen eerst op Sportnieuws.nl.",
        look_alike="Het bericht verscheen eerst op Twitter, waar het duizenden keren werd gedeeld.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-nl-de-post",
        languages=("nl",),
        position="footer",
        template="De post {title} verscheen eerst op {site}.",
        source=f"{_YOAST}, Dutch edit",
        example="De post Gemeente opent nieuw zwembad verscheen eerst op Nieuws uit de Regio.",
        look_alike="De post van vandaag verscheen eerst op Instagram, waarna hij werd verwijderd.",
        glued=AFTER_SENTENCE,
    ),
    # WordPress and news-API excerpt endings.
    BoilerplateEntry(
        name="excerpt-more",
        languages=("any",),
        position="footer",
        template="[{hellip}]",
        source="WordPress excerpt_more default, appended to excerpts (the ellipsis character: [...] with"
        " three dots is a writer's elision, as in the Debian FAQ's `deb cdrom:[…]/ unstable main [...]`)",
        example="[&hellip;]",
        look_alike="[…] and then the committee adjourned.",
        glued=AFTER_WORD,
    ),
    BoilerplateEntry(
        name="news-api-truncation",
        languages=("any",),
        position="footer",
        template="[+{count} chars]",
        source="news APIs (NewsAPI content field) marking cut text",
        example="[+2345 chars]",
        look_alike="[+2345 chars] is how the API marks text it cut.",
        glued=AFTER_WORD,
    ),
    BoilerplateEntry(
        name="continue-reading",
        position="footer",
        template="Continue reading{more}",
        source="WordPress theme excerpt links; glued in news-API descriptions (… Continue reading...)",
        example="Continue reading →",
        look_alike="Continue reading the report and you will see …",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="continue-reading-title",
        position="footer",
        template="Continue reading {title}{arrow}",
        source="WordPress theme excerpt links",
        example="Continue reading Ten things to do this weekend →",
        look_alike="Continue reading the report and you will see why.",
    ),
    BoilerplateEntry(
        name="continue-reading-quoted",
        position="footer",
        template="Continue reading {quoted}{more}",
        source="WordPress theme excerpt links",
        example="Continue reading “Ten things to do this weekend”",
        look_alike="Continue reading “Ulysses” if you can, she advised.",
    ),
    BoilerplateEntry(
        name="continue-reading-on-site",
        position="footer",
        template="Continue reading {this article|this story|the full story|the full article} on {site}{more}",
        source="trade-publication feeds",
        example="Continue reading this article on Variety.",
        look_alike="Continue reading this article on paper, if you prefer, and come back later.",
    ),
    BoilerplateEntry(
        name="read-more",
        position="footer",
        template="{Read more|Read the full story|Read the full article|Read full story}{more}",
        source="WordPress themes and feed readers",
        example="Read More »",
        look_alike="Read more books, the librarian said.",
        ignore_case=True,
        glued=AFTER_SENTENCE,
    ),
    # Jetpack share and like widgets, flattened to text: a block of short lines.
    BoilerplateEntry(
        name="share-this",
        position="footer",
        template="{Share this|Share this article|Share this story|Share}:",
        source="Jetpack sharing heading",
        example="Share this:",
        look_alike="Share this: it matters.",
    ),
    BoilerplateEntry(
        name="click-to-share",
        position="footer",
        template="Click to {title} (Opens in new window){label}",
        source="Jetpack sharing buttons",
        example="Click to share on Twitter (Opens in new window)",
        look_alike="Click to share on Twitter, the app says, before you post.",
    ),
    BoilerplateEntry(
        name="like-this",
        position="footer",
        template="Like this:",
        source="Jetpack likes heading",
        example="Like this:",
        look_alike="Like this: a slow start, then a sprint.",
    ),
    BoilerplateEntry(
        name="like-loading",
        position="footer",
        template="{Like |}Loading...",
        source="Jetpack likes widget",
        example="Like Loading...",
        look_alike="Loading... the trucks took most of the morning.",
    ),
    BoilerplateEntry(
        name="related-heading",
        position="footer",
        template="Related",
        source="Jetpack related-posts heading",
        example="Related",
        look_alike="Related reading: the council's 2019 report.",
    ),
    BoilerplateEntry(
        name="share-button-labels",
        position="footer",
        template="{Tweet|Email|Print|Share|Facebook|Twitter|WhatsApp|LinkedIn|Pinterest|Reddit|Telegram|Pocket|X|Threads"
        "|Mastodon|Bluesky|Tumblr|Hacker News|Nextdoor}",
        source="share-button labels (Jetpack and similar)",
        example="Tweet",
        look_alike="Email the council before Friday.",
    ),
    # Wire-service and publisher tails.
    BoilerplateEntry(
        name="ap-copyright",
        position="footer",
        template="{Copyright|Copyright ©|©} {year} The Associated Press. {All rights reserved|All Rights Reserved}."
        " This material may not be published, broadcast, rewritten{,|} or redistributed{ without permission|}.",
        source="Associated Press copyright tail (since about 2020: ... redistributed without permission.)",
        example="Copyright 2024 The Associated Press. All rights reserved. This material may not be published,"
        " broadcast, rewritten or redistributed.",
        look_alike="Copyright 2024 The Associated Press figures were cited in the ruling.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="ap-copyright-line",
        position="footer",
        template="{Copyright|Copyright ©|©} {year} The Associated Press. {All rights reserved|All Rights Reserved}.",
        source="Associated Press copyright tail, first sentence alone (or wrapped apart from the second)",
        example="Copyright 2023 The Associated Press. All rights reserved.",
        look_alike="Copyright 2023 The Associated Press. All rights reserved by the agency were upheld.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="ap-redistribution",
        position="footer",
        template="This material may not be published, broadcast, rewritten{,|} or redistributed{ without permission|}.",
        source="Associated Press copyright tail, second sentence alone",
        example="This material may not be published, broadcast, rewritten or redistributed.",
        look_alike="This material may not be published, the judge ruled, until the trial ends.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="reuters-trust-principles",
        position="footer",
        template="Our Standards: The Thomson Reuters Trust Principles{.|}",
        source="Reuters story tail",
        example="Our Standards: The Thomson Reuters Trust Principles.",
        look_alike="Our Standards: The Thomson Reuters Trust Principles are published online, the agency said.",
    ),
    BoilerplateEntry(
        name="reuters-credit",
        position="footer",
        template="(Reporting by {credits}; Editing by {credits})",
        source="Reuters credit line (who reported and edited: data for some readers)",
        example="(Reporting by Jane Doe in London; Editing by John Smith)",
        look_alike="(Reporting by the BBC was later corrected.)",
        default=False,
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="copyright-notice",
        position="footer",
        template="{©|Copyright|Copyright ©|(c)|&copy;} {year} {site}. {All rights reserved|All Rights Reserved|ALL RIGHTS RESERVED}.",
        source="publisher copyright line",
        example="© 2024 Harbor City Gazette, Inc. All rights reserved.",
        look_alike="Copyright 2024 reforms passed. All rights reserved by authors now last 70 years.",
    ),
    BoilerplateEntry(
        name="all-rights-reserved",
        position="footer",
        template="{All rights reserved|All Rights Reserved|ALL RIGHTS RESERVED}{.|}",
        source="publisher copyright line, alone",
        example="All rights reserved.",
        look_alike="All rights reserved for the union were restored in March.",
    ),
    # Interjections: whole lines anywhere in the body.
    BoilerplateEntry(
        name="advertisement",
        position="interjection",
        template="Advertisement",
        source="ad slots in scraped news pages",
        example="ADVERTISEMENT",
        look_alike="Advertisement spending rose 4% last year.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="continues-below-advertisement",
        position="interjection",
        template="{Story|Article} continues below advertisement",
        source="ad slots in scraped news pages",
        example="Story continues below advertisement",
        look_alike="Story continues below the fold in the print edition.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="scroll-to-continue",
        position="interjection",
        template="Scroll to continue with content",
        source="ad slots in scraped news pages",
        example="SCROLL TO CONTINUE WITH CONTENT",
        look_alike="Scroll to continue with content warnings on, the app says.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="continue-reading-main-story",
        position="interjection",
        template="Continue reading the main story",
        source="ad slots in scraped New York Times pages",
        example="Continue reading the main story",
        look_alike="Continue reading the main story and the sidebar before you vote.",
    ),
    BoilerplateEntry(
        name="newsletter-prompt",
        position="interjection",
        template="{Sign up for|Subscribe to} {our|the} {words}newsletter{s|}{more}",
        source="newsletter boxes in scraped pages",
        example="Sign up for our free daily newsletter",
        look_alike="Sign up for our newsletter and you get a weekly digest, the clerk said.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="click-here-to-subscribe",
        position="interjection",
        template="Click here to subscribe{more}",
        source="subscription boxes in scraped pages",
        example="Click here to subscribe!",
        look_alike="Click here to subscribe, the pop-up said, and it would not go away.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="related-headline",
        position="interjection",
        template="Related: {headline}",
        source="related-story links in scraped news pages",
        example="RELATED: Storm knocks out power to 12,000 homes",
        look_alike="Related: the vote failed. Officials said they would try again.",
        ignore_case=True,
    ),
    BoilerplateEntry(
        name="read-more-headline",
        position="interjection",
        template="{Read more|Also read}: {headline}",
        source="related-story links in scraped news pages",
        example="READ MORE: Why the U.S. Fed paused rates again?",
        look_alike="Read more: the full text runs to 300 pages. Few will finish it.",
        ignore_case=True,
    ),
    # Feed services and attribution lines.
    BoilerplateEntry(
        name="feed43",
        position="footer",
        template="{--|—|–} Delivered by Feed43 service",
        source="Feed43 (feed43.com) generated feeds",
        example="-- Delivered by Feed43 service",
        look_alike="Delivered by Feed43 service, the feed was hours late.",
    ),
    BoilerplateEntry(
        name="sent-via",
        position="footer",
        template="Sent via {app}",
        source="read-later and feed-reader apps sharing a post",
        example="Sent via Inoreader",
        look_alike="Sent via courier, the documents arrived on Monday.",
    ),
    BoilerplateEntry(
        name="originally-appeared",
        position="footer",
        template="This {article|story|post} {originally appeared|first appeared|was originally published|was first published}"
        " {on|in} {site}.",
        source="republication attribution (data for some readers)",
        example="This article originally appeared on The Conversation.",
        look_alike="This story first appeared in print, in a shorter version. It has been updated.",
        default=False,
    ),
    BoilerplateEntry(
        name="source-line",
        position="footer",
        template="Source: {site}",
        source="attribution line at the end of feed items (data for some readers)",
        example="Source: Harbor City Gazette",
        look_alike="Source: officials familiar with the talks, who spoke on condition of anonymity.",
        default=False,
    ),
    # Feed footers seen in 2023-2025 feed items and news-API fixtures (see
    # benchmarks/boilerplate_wild.json for the sources).
    BoilerplateEntry(
        name="yoast-es-publicacion",
        position="footer",
        template="La publicación {title} apareció primero en {site}.",
        source=f"{_YOAST}, Spanish default since Yoast 14",
        example="La publicación 10 apps para ver resultados deportivos en directo apareció primero en TreceBits.",
        look_alike="La publicación apareció primero en Instagram, donde la vieron miles de personas.",
        languages=("es",),
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="yoast-fr-cet-article",
        position="footer",
        template="Cet article {title} est apparu en premier sur {site}.",
        source=f"{_YOAST}, French wording of recent versions",
        example="Cet article La Nuit des Associations, samedi 12 novembre 2016 à Nice est apparu en premier sur"
        " CLUB BUSINESS 06.",
        look_alike="Cet article est apparu en premier sur le site du ministère, puis il a été retiré.",
        languages=("fr",),
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="vu-sur",
        position="before-footer",
        template="Vu sur {site}",
        source="French feeds: the line above the Yoast footer",
        example="Vu sur Le Journal du Port",
        look_alike="Vu sur la carte, le tracé paraît simple.",
        languages=("fr",),
    ),
    BoilerplateEntry(
        name="yoast-pl",
        position="footer",
        template="{Artykuł|Wpis} {title} pochodzi z serwisu {site}.",
        source=f"{_YOAST}, Polish default",
        example="Artykuł Nowe ścieżki rowerowe w centrum pochodzi z serwisu Gazeta Portowa.",
        look_alike="Artykuł pochodzi z serwisu OpenStreetMap, a mapa z archiwum gminy.",
        languages=("pl",),
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="originally-appeared-at-url",
        position="footer",
        template="This {article|story|post} originally appeared on {site} at {url}",
        source="Engadget feed items (This article originally appeared on Engadget at <URL>)",
        example="This article originally appeared on Engadget at"
        " https://www.engadget.com/cybersecurity/cloudflare-outage-was-not-caused-by-a-cyber-attack-053000551.html?src=rss",
        look_alike="This article originally appeared on Engadget at a time when few readers owned a phone, and it aged well.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="this-post-appeared-first",
        position="footer",
        template="This post appeared first on {site}.{ Read the entire article here|}",
        source="blog mirrors of GitHub and Microsoft feeds (This post appeared first on \"X\". Read the entire article here)",
        example='This post appeared first on "The GitHub Blog". Read the entire article here',
        look_alike="This post appeared first on Reddit, where moderators removed it.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="this-post-appeared-first-markdown",
        position="footer",
        template="This post appeared first on {site}. [Read the entire article here]({url})",
        source="Markdown mirrors of GitHub and Microsoft blog feeds",
        example='This post appeared first on "Microsoft DevOps Blog". [Read the entire article here]'
        "(https://devblogs.microsoft.com/devops/november-patches-for-azure-devops-server-2/)",
        look_alike="This post appeared first on our old blog, which [Read the entire article here](https://example.org/a)"
        " replaced.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="read-more-translated",
        position="footer",
        template="{Leer más|Seguir leyendo|Lire la suite|Weiterlesen|Mehr lesen|Leggi tutto|Continua a leggere|Lees meer"
        "|Verder lezen|Leia mais|Continuar lendo|Czytaj dalej|Czytaj więcej|続きを読む|もっと読む}{more}",
        source="read-more links of news feeds and WordPress themes in other languages",
        example="Leer más",
        look_alike="Leer más libros es la meta del programa municipal.",
        languages=("es", "fr", "de", "it", "nl", "pt", "pl", "ja"),
        ignore_case=True,
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="continue-reading-at-site",
        position="footer",
        template="Continue Reading at {site}",
        source="GameSpot feed items (Continue Reading at GameSpot)",
        example="Continue Reading at GameSpot",
        look_alike="Continue reading at home, the teacher said, and finish the chapter.",
        glued=AFTER_WORD,
    ),
    BoilerplateEntry(
        name="read-full-article-at-site",
        position="footer",
        template="Read Full Article at {site}",
        source="RT feed descriptions (Read Full Article at RT.com)",
        example="Read Full Article at RT.com",
        look_alike="Read full article at your own risk, the editor joked, then went home.",
        glued=AFTER_WORD,
    ),
    BoilerplateEntry(
        name="read-this-article-in-full",
        position="footer",
        template="To read this article in full, please click here{more}",
        source="IDG feed items (Computerworld, CSO, InfoWorld)",
        example="To read this article in full, please click here",
        look_alike="To read this article in full you will need a library card, the note said.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="read-more-arrow",
        position="footer",
        template="Read More{arrow}",
        source="WordPress theme links glued to an item's title (<title> Read More »)",
        example="Read More »",
        look_alike="Read More Books » is the name of the reading club's newsletter.",
        glued=AFTER_WORD,
    ),
    BoilerplateEntry(
        name="reddit-submitted-by",
        position="footer",
        template="submitted by /u/{handle}{subreddit} [link] [comments]",
        source="Reddit RSS items (submitted by /u/NAME to r/SUB [link] [comments])",
        example="submitted by /u/gamersecret2 to r/GamingLaptops [link] [comments]",
        look_alike="submitted by /u/gamersecret2 last week, the post was removed by moderators.",
        glued=AFTER_WORD,
    ),
    BoilerplateEntry(
        name="share-on-opens-new-window",
        position="footer",
        template="Share on {site} (Opens in new window){label}",
        source="Jetpack sharing buttons since 2023 (Share on X (Opens in new window)X)",
        example="Share on Bluesky (Opens in new window) Bluesky",
        look_alike="Share on Bluesky (Opens in new window) is what the button says, the designer explained.",
    ),
    BoilerplateEntry(
        name="email-print-opens-new-window",
        position="footer",
        template="{Email a link to a friend|Click to email a link to a friend|Print|Click to print} (Opens in new window){label}",
        source="Jetpack sharing buttons since 2023 (Email a link to a friend (Opens in new window)Email)",
        example="Email a link to a friend (Opens in new window)Email",
        look_alike="Email a link to a friend (Opens in new window) and wait for the reply, the guide says.",
    ),
    BoilerplateEntry(
        name="ndtv-syndicated",
        position="footer",
        template="(Except for the headline, this story has not been edited by {site} staff and is"
        " {published|auto-generated} from a syndicated feed.)",
        source="NDTV syndicated stories",
        example="(Except for the headline, this story has not been edited by NDTV staff and is published from a"
        " syndicated feed.)",
        look_alike="(Except for the headline, this story has not been edited, the editor said.)",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="feedback-to-editors",
        position="footer",
        template="{Feedback to editors|+ Explore further}",
        source="Phys.org and Medical Xpress page tails",
        example="Feedback to editors",
        look_alike="Feedback to editors is read every morning, the ombudsman said.",
    ),
    BoilerplateEntry(
        name="share-count",
        position="footer",
        template="{count} shares",
        source="share counters in scraped page tails (41 shares)",
        example="41 shares",
        look_alike="41 shares changed hands before the market closed.",
    ),
    BoilerplateEntry(
        name="wordpress-posted-in",
        position="footer",
        template="{This entry was posted in|Posted in} {site}. Bookmark the {permalink|<a>permalink</a>}.",
        source="WordPress default themes' entry footer (This entry was posted in %1$s. Bookmark the permalink.)",
        example="This entry was posted in Uncategorized. Bookmark the permalink.",
        look_alike="Posted in 1998, the letter arrived in 2001. Bookmark the date.",
    ),
    BoilerplateEntry(
        name="visits-counter",
        position="footer",
        template="(Visited {count} {time|times}, {count} {visit|visits} today)",
        source="WordPress Post Views Counter plugin tail",
        example="(Visited 1,204 times, 3 visits today)",
        look_alike="(Visited 3 times, the inspector said, before the permit was issued)",
    ),
    BoilerplateEntry(
        name="medium-originally-published",
        position="footer",
        template="[{title}]({<|}{url}{>|}) was originally published in [{site}]({<|}{url}{>|}) on Medium,"
        " where people are continuing the conversation by highlighting and responding to this story.",
        source="Medium RSS items (full_rss) converted to Markdown: the publication footer",
        example="[LiteLLM Got Hacked](https://levelup.gitconnected.com/litellm-got-hacked-c8eaaf6a91da) was"
        " originally published in [Level Up Coding](https://levelup.gitconnected.com) on Medium, where people"
        " are continuing the conversation by highlighting and responding to this story.",
        look_alike="[This article][original] was originally published in [Life at Hopper][lifeathopper] on Medium.",
        glued=AFTER_SENTENCE,
    ),
    BoilerplateEntry(
        name="conversation-licence",
        position="footer",
        template="This article is republished from The Conversation under a Creative Commons license."
        "{ Read the original article.| Read the original article here.|}",
        source="The Conversation's republishing licence notice (kept by default: it is the licence)",
        example="This article is republished from The Conversation under a Creative Commons license."
        " Read the original article.",
        look_alike="This article is republished from The Conversation with edits for length.",
        default=False,
    ),
)

# The fields a user template may set ([tool.cleaner.rules.boilerplate] templates):
# the same as a built-in row, with ``look_alike`` spelt as in TOML.
REQUIRED_FIELDS = ("name", "template", "position", "example", "look_alike")
OPTIONAL_FIELDS = ("languages", "source", "default", "glued", "ignore_case")


def _user_entry(index: int, table: object, taken: set[str]) -> BoilerplateEntry:
    """One user template, checked field by field; ``ValueError`` names the entry."""
    if not isinstance(table, Mapping):
        raise ValueError(f"boilerplate template #{index + 1}: must be a table, not {type(table).__name__}")
    where = f"boilerplate template {table.get('name', f'#{index + 1}')!r}"
    missing = [key for key in REQUIRED_FIELDS if key not in table]
    unknown = sorted(set(table) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if missing or unknown:
        problem = f"missing {', '.join(missing)}" if missing else f"unknown field {', '.join(unknown)}"
        raise ValueError(f"{where}: {problem} (fields: {', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)})")
    for key in ("name", "template", "example", "look_alike", "source"):
        if key in table and not (isinstance(table[key], str) and table[key].strip()):
            raise ValueError(f"{where}: {key} must be a non-empty string")
    name = table["name"]
    if name in taken:
        raise ValueError(f"{where}: the name is already used")
    if table["position"] not in POSITIONS:
        raise ValueError(f"{where}: position must be one of {', '.join(POSITIONS)}")
    if table.get("glued", NOT_GLUED) not in GLUED:
        raise ValueError(f"{where}: glued must be one of {', '.join(repr(value) for value in GLUED)}")
    languages = table.get("languages", ["en"])
    if not isinstance(languages, list) or not languages or not all(isinstance(code, str) for code in languages):
        raise ValueError(f"{where}: languages must be a list of language codes")
    for key in ("default", "ignore_case"):
        if not isinstance(table.get(key, False), bool):
            raise ValueError(f"{where}: {key} must be true or false")
    unknown_placeholders = [part for part in _PLACEHOLDER_USE.findall(table["template"]) if part not in PLACEHOLDERS]
    if unknown_placeholders:
        raise ValueError(
            f"{where}: unknown placeholder {{{unknown_placeholders[0]}}} (known: {', '.join(PLACEHOLDERS)})"
        )
    return BoilerplateEntry(
        name=name,
        position=table["position"],
        template=table["template"],
        source=table.get("source", "user template"),
        example=table["example"],
        look_alike=table["look_alike"],
        languages=tuple(languages),
        default=table.get("default", True),
        glued=table.get("glued", NOT_GLUED),
        ignore_case=table.get("ignore_case", False),
    )


_PLACEHOLDER_USE = re.compile(r"\{([^{}|]+)\}")


def entries_from_options(tables: Iterable[object], built_in: Mapping[str, BoilerplateEntry]) -> tuple[BoilerplateEntry, ...]:
    """User templates from configuration, checked; names must not repeat a built-in one."""
    if isinstance(tables, (str, bytes, Mapping)) or not isinstance(tables, Iterable):
        raise ValueError("boilerplate templates must be a list of tables")
    taken = set(built_in)
    entries = []
    for index, table in enumerate(tables):
        entry = _user_entry(index, table, taken)
        taken.add(entry.name)
        entries.append(entry)
    return tuple(entries)
