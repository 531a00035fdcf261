"""Page-clutter patterns used by the ``clean`` stage (data, not logic).

Each :class:`Rule` says which kind of clutter it targets and where it was
seen. A rule matches a whole line (after stripping); the cleaning logic in
:mod:`newslib.clean` is generic and only walks these tables. Add a rule here
when a new site's clutter shows up, with a comment naming what it targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A line-level boilerplate pattern.

    Attributes:
        reason: the value written to ``removed.reason``.
        pattern: regular expression matched against the stripped line with
            ``re.search``; anchor it when it must cover the whole line.
        hints: lower-case substrings of which at least one must occur in the
            line before the pattern is tried (a cheap pre-filter: most lines
            are prose and skip unanchored patterns this way).
        tail: when set, only the last ``tail`` characters are searched
            (credits sit at the end of a caption).
    """

    reason: str
    pattern: re.Pattern[str]
    hints: tuple[str, ...] = ()
    tail: int | None = None


#: Agency names that end a photo credit; a caption rule is only tried when
#: one of them occurs in the line.
CREDIT_HINTS: tuple[str, ...] = (
    "getty", "afp", "reuters", "/ap", "(ap", "ap photo", "associated press", "shutterstock", "alamy", "epa", "bloomberg",
    "pa ", "pa images", "wireimage", "sputnik", "kcna", "xinhua", "anadolu", "nurphoto",
)


def _r(reason: str, pattern: str, *, hints: tuple[str, ...] = (), tail: int | None = None) -> Rule:
    return Rule(reason, re.compile(pattern, re.IGNORECASE), hints, tail)


#: Line rules, tried in order; the first match names the reason.
LINE_RULES: tuple[Rule, ...] = (
    # Accessibility / navigation links pasted with the page ("Skip to main content", CBN News).
    _r("navigation", r"^(skip to (main )?content|skip navigation|main menu|menu|search|home|back to top)$"),
    # Share bars: "Share This article" (CBN News), "Share on Facebook", bare "Tweet".
    _r("share bar", r"^(share( this( article| story)?)?|share on \w+( \w+)?|tweet|email|print|copy link|comments?)$"),
    # Teasers for other stories: "READ MORE: Space is teeming with …" (Daily Star).
    _r("read-more teaser", r"^(read more|read next|more|related|most read|also read|don't miss|watch)\s*[:|>-]\s*\S"),
    # Text-to-speech notice: "🎙️ Voice is AI-generated. Inconsistencies may occur." (Newsweek).
    _r("audio player notice", r"voice is ai-generated|listen to this article|^\W*\d+\s*min(ute)?s? (read|listen)$",
       hints=("voice is", "listen", "min")),
    # Widget debris from failed embeds: "LOADINGERROR LOADING" (HuffPost).
    _r("widget debris", r"^(loading\s*)?(error\s*)?loading$|^loadingerror loading$"),
    # Dismiss buttons and trending rails: "Close", "What's Hot" (HuffPost).
    _r("widget debris", r"^(close|what['’]s hot|trending( now)?|advertisement|sponsored( content)?|ad|top stories|latest|popular|you may also like|recommended)$"),
    # Newsletter sign-ups: "… sign up for our newsletter by clicking here." (Daily Star).
    _r("newsletter sign-up", r"sign up (for|to) (our|the) .{0,40}newsletter|subscribe to (our|the) .{0,40}newsletter|newsletter sign[- ]?up|^sign up\b.{0,60}(here|now|free)\W*$",
       hints=("sign up", "sign-up", "signup", "subscribe")),
    # Aggregator footers: "Source: Read Full Article" (Daily Star as syndicated).
    _r("syndication footer", r"^source:\s*read full article$|^read full article$|^originally published (at|on|by)\b"),
    # Author-bio headings: "About the writer" (Newsweek), "About The Author" (CBN News).
    _r("author bio", r"^about (the )?(writer|author|authors|reporter)$"),
    # Truncated bio teaser repeated under the bio: "… based in Boston, Massachusetts. Her focus is reporting on national ... Read more" (Newsweek).
    _r("author bio", r"(\.\.\.|…)\s*read more\s*$", tail=20),
    # Head-shot alt text in bios: "George Thomas Headshot" (CBN News).
    _r("author bio", r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3} head ?shot$"),
    # Photo captions ending with an agency credit: "… Mikhail Svetlov/Getty Images" (Newsweek).
    _r("photo caption", r"(/|\|\s*|©\s*|[.)]\s+|\bphoto:?\s*|\bcredit:?\s*|\bimage:?\s*)(getty images|afp|reuters|ap( photo)?|associated press|shutterstock|alamy|epa(-efe)?|bloomberg|pa( images| wire)?|wireimage|sputnik|kcna|xinhua|anadolu|nurphoto)(\s+via\s+\S.{0,40})?\.?\)?$",
       tail=90, hints=CREDIT_HINTS),
    # Explicit caption/credit lines: "Photo: John Smith", "Picture credit: …", "(Image: Getty)".
    _r("photo caption", r"^\(?(photo|picture|image|pictured|credit|photograph)s?( credit)?\s*:\s*\S.{0,120}\)?$"),
    # Promotional bullets linking to other stories: "  • Panicked Putin begging 'foreigners' to join invasion …" (Daily Star).
    # A bullet line without sentence-final punctuation is a link, not a point of the story.
    _r("promo bullet", r"^[•·▪●◦‣∙]\s*(?!.*[.!?][\"”’')\]]*$).+$"),
)

#: An author-bio heading starts a bio block: the lines after it are removed too,
#: as long as the block is at most this many non-empty lines (bios are short;
#: a longer tail means the heading was something else and only it goes).
BIO_BLOCK_MAX_LINES = 6

#: A short, unpunctuated line right before a photo caption is that photo's
#: title ("Desperate Putin 'Scrambling for Help' from NorthKorea", Newsweek).
CAPTION_TITLE_MAX_WORDS = 14
