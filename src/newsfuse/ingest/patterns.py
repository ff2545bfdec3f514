"""Line patterns of site chrome that read the same on any news site, in any outlet's template.

These are the general conventions of web publishing (calls to action,
WordPress comment forms, "You may also like" tails, copyright lines, photo
credits), not phrases of particular sites. chrome.py and clean.py combine
them with layout features (length, stopwords, punctuation, position); a
pattern alone never removes a long sentence-like paragraph (see chrome.py).
"""

from __future__ import annotations

import re

from newsfuse.lexicon import MONTH_WORDS, WEEKDAY_NAMES, WEEKDAY_WORDS

_MONTH = r"(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAY_WORDS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"

# A calendar date written out: "January 28", "Jan. 28, 2026", "28 January 2026", "2026-01-28".
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}){_ORD}(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})"
    rf"|(?P<a5>\d{{1,2}})\s?/\s?(?P<b5>\d{{1,2}})\s?/\s?(?P<y5>\d{{4}}|\d{{2}}))\b"
    rf"|(?<!\d)(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?!\d)",
    re.I,
)
TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}T|MSK|CET|IST)(?:\s*[+-]\d{1,2})?)?"
    r"|\b\d{1,2}\s*[ap]\.?m\.?",
    re.I,
)
WEEKDAY_RE = re.compile(rf"\b{_WEEKDAY}(?![a-z])", re.I)

# Prefixes that flag a headline's kind rather than say anything: "PREVIEW:",
# "UPDATE 2 -", "[VIDEO]". An all-caps word or two before a colon counts too.
LABEL_WORDS = (
    r"breaking(?:\s+news)?|exclusive|updated?|preview|watch|video|live(?:\s+updates)?|opinion|analysis|"
    r"explainer|factbox|fact[\s-]?check|photos?|in\s+pictures|podcast|editorial|sponsored|corrected|"
    r"correction|refile|interview|review|feature|special\s+report|just\s+in|developing|urgent|flash|alert|"
    r"news\s+alert|premium|paid\s+content|advertorial|press\s+release"
)
LABEL_RE = re.compile(
    rf"^(?:[\[(](?i:{LABEL_WORDS})(?:\s+\d+)?[\])]\s*"
    rf"|(?i:{LABEL_WORDS})(?:\s+\d+)?\s*(?::|\||\s[—-])\s*"
    rf"|(?i:{LABEL_WORDS})(?:\s+\d+)?-"  # wire style: "UPDATE 1-Dockers strike again"
    rf"|[A-Z][A-Z0-9&'’.]+(?:\s+[A-Z][A-Z0-9&'’.]+){{0,2}}\s*:\s*)(?=\S)",
)

# Calls to action: an imperative verb that asks the reader to do something
# with the site rather than report anything. Strong verbs are calls to action
# whenever the line is short and unpunctuated or ends in "!" or an arrow;
# weak verbs also open ordinary sentences ("Get well soon, Tara!"), so they
# need a channel or a link as well, or a line of a few words ("Watch the report").
PROMPT_START_RE = re.compile(
    r"^(?:please\s+)?(?:follow|subscribe|share|sign\s+up|sign\s+in|log\s*in|register|download|install|click|tap|"
    r"continue\s+reading|see\s+more|view\s+(?:more|all|comments)|don'?t\s+miss|do\s+not\s+miss|never\s+miss|"
    r"add\s+us|bookmark|scroll|skip\s+to|be\s+the\s+first|don'?t\s+forget|remember\s+to|make\s+sure\s+to|"
    r"read\s+more|read\s+or\s+share|load\s+more|report\s+an?\s+(?:typo|error|correction)|enter\s+your\s+e-?mail|open\s+in\s+(?:the\s+)?app|show\s+(?:more|less|all|key|full|comments|replies|\d+))\b",
    re.I,
)
WEAK_PROMPT_START_RE = re.compile(
    r"^(?:please\s+)?(?:read|like|join|watch|listen|get|stay|check\s+out|find\s+us|visit|contact\s+us|send\s+us|"
    r"tell\s+us|support|donate|enable|turn\s+on|allow|discover|explore|catch\s+up|keep\s+up)\b",
    re.I,
)
# Few enough words for a weak-verb line without punctuation to be a button or link.
WEAK_PROMPT_MAX_WORDS = 5
# What a call to action points at: a channel, the site itself, the reader.
CHANNEL_RE = re.compile(
    r"\b(?:telegram|facebook|twitter|x|instagram|whatsapp|youtube|tiktok|linkedin|threads|vk|viber|signal|"
    r"newsletters?|site|website|app|channel|feed|rss|e-?mail|inbox|podcast|google\s+news|apple\s+news|"
    r"notifications?|updates|here|us|our|video|javascript|browser|loading|(?:this|the)\s+(?:story|article|post|page))\b",
    re.I,
)
# A call to action later in a short line ("If you enjoyed this post, make sure
# you subscribe to my RSS feed", "Have a question? Send it to news@x.com").
PROMPT_INSIDE_RE = re.compile(
    r"\b(?:subscribe|sign\s+up|follow\s+us|like\s+us|send\s+(?:it|us|them|your)|e-?mail\s+us|contact\s+us|"
    r"share\s+this|download\s+(?:our|the)\s+app|click\s+here|tap\s+here|(?:straight\s+)?(?:to|in)\s+your\s+inbox)\b",
    re.I,
)
EMAIL_OR_URL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b|\bhttps?://|\bwww\.", re.I)
PROMPT_END_RE = re.compile(r"(?:[!→»›>…:]|-+>|\.\.\.)\s*$")

COMMENT_FORM_RE = re.compile(
    r"your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|"
    r"^leave\s+a\s+(?:comment|reply)|^post\s+(?:a\s+)?comment|^cancel\s+reply|save\s+my\s+name,?\s+email|"
    r"^notify\s+me\s+of|^\d+\s+comments?$|^no\s+comments(?:\s+yet)?\.?$|be\s+the\s+first\s+to\s+comment|"
    r"^comments\s+are\s+closed|must\s+be\s+logged\s+in\s+to\s+post|^(?:name|email|e-mail|website|comment)\s*\*?$|"
    r"^add\s+a\s+comment|^join\s+the\s+(?:discussion|conversation)|^comments?\s*\(\d+\)$|^show\s+comments",
    re.I,
)
AUTHOR_BOX_RE = re.compile(
    r"^(?:about\s+(?:the\s+)?(?:author|writer|reporter|contributor)s?|author\s+bio(?:graphy)?|"
    r"(?:more|other)\s+(?:articles|posts|stories)\s+(?:by|from\s+(?:this|the)\s+author)|view\s+all\s+posts\s+by|"
    r"all\s+posts\s+by|posted\s+by\b|written\s+by\b|published\s+by\b)",
    re.I,
)
# Names a CMS prints when no real author is set.
CMS_AUTHOR_RE = re.compile(
    r"^(?:admin|administrator|webmaster|site\s+admin|editor|editorial(?:\s+(?:staff|team|desk|board))?|"
    r"(?:web|news|online|digital|city|foreign|metro)\s+desk|desk\s+report|staff(?:\s+(?:reporter|writer))?)$",
    re.I,
)
# "By Jane Doe", "By Jane Doe and Ali Khan, Europe correspondent | 16 January
# 2026", "By Jane Doe in Lisbon", "By Jane Doe · 15 January 2026 · 6 min read".
# "By Tuesday ...", "By March 5 ..." open sentences, not bylines ("By Jan Novak" is one).
_NOT_BYLINE_NAMES = (
    r"(?!(?:" + r"|".join(WEEKDAY_NAMES) + r")\b|(?:" + r"|".join(MONTH_WORDS) + r")\b\.?(?:\s+\d|\s*,|$))"
)
BYLINE_RE = re.compile(
    rf"^(?i:by)\s+(?i:{_NOT_BYLINE_NAMES})[A-Z\u00c0-\u024f][\w.'’-]*"
    r"(?:\s+(?:[A-Z\u00c0-\u024f][\w.'’-]*|and|&|,|de|van|von|al|bin|el))*"
    r"(?:\s*[,|—–·•/-]\s*.{0,80}|\s+(?:in|at|for)\s+.{1,60})?$"
)
COPYRIGHT_RE = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})|all\s+rights\s+reserved", re.I)
TAIL_MARKER_RE = re.compile(
    r"^(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)|"
    r"related(?:\s+(?:articles?|stories|news|posts|content|coverage|topics|reading|links))?|"
    r"more\s+from\b.*|more\s+(?:stories|news|articles|on\s+this(?:\s+story)?|in\s+\w+(?:\s+\w+)?|to\s+read)|"
    r"read\s+(?:more|next|also)|also\s+read|see\s+also|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|"
    r"most\s+(?:read|popular|viewed|shared|commented)|popular(?:\s+(?:now|stories|posts|news))?|"
    r"trending(?:\s+(?:now|stories|news))?|latest(?:\s+(?:news|stories|posts|articles))?|top\s+stories|"
    r"editor'?s\s+picks?|don'?t\s+miss|what\s+to\s+read\s+next|in\s+other\s+news|other\s+news|"
    r"(?:recent|similar)\s+(?:posts|articles|stories|news)|further\s+reading|"
    r"(?:promoted|sponsored|partner|paid)\s+(?:stories|content|links|posts))\s*[:.…»>]*$",
    re.I,
)
# "Related: Storm damage bill tops £2m", "►READ MORE: ...": a link to another story set inside the page.
RELATED_LINK_RE = re.compile(
    r"^[•►▶»>*·-]?\s*(?:related(?:\s+(?:article|story|stories|content|coverage))?|read\s+(?:more|also|next)|"
    r"also\s+read|see\s+also|more|watch|listen|recommended|editor'?s\s+pick)\s*[:|]\s*\S",
    re.I,
)
CAPTION_RE = re.compile(
    r"^\(?(?:photo(?:graph)?|image|picture|file\s+photo|graphic|illustration|credit|video)s?(?:\s+credit)?\s*:|^buy\s+photo\b|"
    r"^(?:photo|image|picture|video)\s+(?:caption|source|credits?)\s*[,:]|"  # "Image caption, ...", "Photo source: ..."
    r"^(?:photo|image|picture)s?\s+(?:by|courtesy\s+of)\s+[A-Z]|"  # "Photo by Jane Doe on Unsplash"
    r"\((?:source|photo|image|credit|file(?:\s+photo)?|pictured)\s*:[^()]*\)$|"
    r"\b(?:getty\s+images|shutterstock|afp\s+photo|ap\s+photo|reuters/|epa-efe)\b",
    re.I,
)
# "Posted on April 14, 2024 by Greenwatch Staff", "By Bayline Wire | Published 3 June 2024":
# the byline part of a timestamp line.
DATED_BYLINE_RE = re.compile(r"\b(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")
# "(Xinhua/Peter Mwangi)", "(Jon Asher/Felbridge Post)": a photographer and agency closing a
# caption. Wire copy may close a whole story with an editor's "(eng/mb)", so short blocks only.
CREDIT_END_RE = re.compile(r"\((?:[A-Z][\w.'’-]*\s?){1,4}/\s?(?:[A-Z][\w.'’-]*\s?){1,4}\)$")
TAGS_RE = re.compile(r"^(?:tags|topics|filed\s+under|categories|related\s+topics|keywords)\s*:", re.I)
CREDITS_RE = re.compile(
    r"^[(\[]?(?:(?:additional\s+)?reporting|writing|editing|compiled|translated|produced)\s+by\b|"
    r"^[^.!?]{3,200}\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?\)?$",  # AP style
    re.I,
)
# "Home > World > Asia", "Home › Business": "›" and "»" never join a headline's words, so one is enough.
BREADCRUMB_RE = re.compile(
    r"^[^.!?]{1,80}?(?:\s[>»›/|]\s[^.!?]{1,40}){2,}$|^[^.!?›»]{1,40}(?:\s[›»]\s[^.!?›»]{1,40})+$"
)
# Two crumbs of a word or two each ("Politics | Congress", "News > Business"):
# a headline may hold one separator, but then one side runs longer.
SHORT_CRUMBS_RE = re.compile(
    r"^[A-Z\u00c0-\u024f][\w&'’.-]*(?:\s[A-Z\u00c0-\u024f&][\w&'’.-]*)?"
    r"\s[>|/]\s[A-Z\u00c0-\u024f][\w&'’.-]*(?:\s[A-Z\u00c0-\u024f&][\w&'’.-]*)?$"
)
# Words of on-page controls; a short line made only of these is a widget.
CONTROL_WORDS = frozenset(
    "advertisement advertising ad ads sponsored share shares tweet email e-mail print comments comment menu "
    "search home login log in subscribe close next previous prev back to top more loading reply like follow "
    "whatsapp facebook twitter telegram linkedin pinterest reddit copy link save listen audio video photo "
    "photos gallery view story continues below scroll skip content main the continue reading this article cookie "
    "cookies settings accept all reject font size a share: on via sms messenger and or".split()
)
ADVERT_WORDS = frozenset({"advertisement", "advertising", "ad", "ads", "sponsored"})

# Nouns that name a kind of publication in the names of news outlets ("The X
# Herald", "X Times", "Daily X", "X Wire"): the naming conventions of
# newspapers, agencies and broadcasters, not names of particular outlets. A
# masthead must start or end with one (see meta.masthead_name).
PUBLICATION_WORDS = frozenset(
    "news times post herald daily weekly journal gazette tribune telegraph chronicle observer guardian wire press "
    "ledger courier express mail standard register dispatch bulletin monitor independent magazine reporter insider "
    "review record star sun "
    "inquirer enquirer examiner sentinel mirror globe advertiser argus messenger agency network radio television tv "
    "broadcasting zeitung tageblatt gazeta gazzetta giornale corriere diario jornal courrier quotidien nieuws noticias"
    .split()
)
# Words of section labels ("World News", "Local News", "Business Daily"): a
# masthead needs a word that is neither one of these nor "news".
SECTION_WORDS = frozenset(
    "world foreign local national international regional metro city state business politics political sport sports "
    "economy markets market money tech technology science health entertainment culture lifestyle opinion opinions "
    "breaking latest top home live today weather travel education crime features europe asia africa americas "
    "middle east us uk your".split()
)

# "3 hours ago", "12 mins ago", "Updated 2 days ago", "just now": a time
# relative to a moment the saved page no longer carries, so it dates nothing.
RELATIVE_TIME_RE = re.compile(
    r"\b(?:\d+|an?|one|a\s+few)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|"
    r"mo|months?|y|yrs?|years?)\s+ago\b|\bjust\s+now\b",
    re.I,
)
# A live blog's entry or key event: a clock time or relative time, then its headline
# ("14:52 Coastguard rescues two walkers", "2h ago Rail services suspended").
TIMED_HEADLINE_RE = re.compile(
    r"^(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}T))?|\d{1,2}[.:]\d{2}\s*[ap]\.?m\.?|"
    r"(?:\d+|an?)\s*(?:m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago)\s*[|·•—–:-]?\s+\S",
    re.I,
)
# A site's name after a headline, as a copied <title> carries it ("Ferry strike strands
# thousands | Harrowgate Courier"); meta.masthead_name judges the name.
TITLE_SITE_RE = re.compile(r"^(?P<title>.{15,}?)\s+(?:\||—|–|-|::|·)\s+(?P<site>[^|—–·]{3,60})$")
# "3 minute read", "5 min read", "Reading time: 4 minutes".
READING_TIME_RE = re.compile(r"^(?:\d+\s*-?\s*min(?:ute)?s?\.?\s+read|reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?\.?)$", re.I)

# Consent banners: they talk about cookies (or tracking) together with what
# the reader may do about it. A line of a few words with one of the consent
# words next to such a block is its heading or a button.
COOKIE_RE = re.compile(r"\bcookies?\b|\btracking\s+technologies\b", re.I)
# ... and speak to the reader as the site: a news sentence about cookies does not.
SITE_VOICE_RE = re.compile(r"\b(?:we|our|us|you|your|this\s+(?:site|website|page))\b", re.I)
# A banner never reports speech: "'We use cookies to sell ads,' the company said" is news.
REPORTED_SPEECH_RE = re.compile(r"\b(?:said|says|told|according\s+to)\b", re.I)
CONSENT_RE = re.compile(
    r"\b(?:accept|agree|consent|preferences|partners|privacy|continu(?:e|ing)\s+to\s+(?:use|browse)|"
    r"browsing|personali[sz]ed?|opt\s+out|manage|settings|reject|decline|(?:best|better)\s+experience|"
    r"learn\s+more|policy)\b",
    re.I,
)
CONSENT_WORDS = frozenset(
    "accept reject decline agree consent cookie cookies privacy preferences options manage settings "
    "customise customize allow necessary only essential".split()
)

# Paywalls and metered access: "This article is for subscribers only",
# "You have 2 free articles left", "Already a subscriber? Log in".
PAYWALL_RE = re.compile(
    r"\b(?:for|to)\s+(?:paying\s+|digital\s+)?(?:subscribers|members)\s+only\b|"
    r"\bfree\s+(?:articles?|stories|reads)\s+(?:left|remaining)\b|"
    r"\balready\s+(?:a\s+)?(?:subscriber|member|subscribed)\b|"
    r"\b(?:subscribe|log\s*in|sign\s+in|register)\s+(?:now\s+)?to\s+(?:continue|keep|read\s+the\s+full)\b|"
    r"\bto\s+continue\s+reading\b|\bunlock\s+(?:this|the\s+full|unlimited|full)\b|"
    r"\b(?:this|the\s+full)\s+(?:article|story|content)\s+is\s+(?:only\s+)?(?:available\s+)?(?:to|for)\s+"
    r"(?:subscribers|members|premium)",
    re.I,
)
# At most this many words: a paywall notice is a sentence or three, never a paragraph of reporting.
PAYWALL_MAX_WORDS = 45

# A comment section's heading: "Comments (14)", "3 Comments", "Reader comments".
# Unlike the comment form (patterns above) it opens a run of readers' posts.
COMMENT_SECTION_RE = re.compile(
    r"^(?:(?:\d+\s+)?(?:reader\s+|user\s+)?comments|\d+\s+comment|comments?\s*\(\d+\)|(?:\d+\s+)?(?:responses|replies)"
    r"(?:\s+to\b.*)?|join\s+the\s+(?:discussion|conversation)|show\s+comments|view\s+comments)\s*[:.]?$",
    re.I,
)

# The job a byline gives its author ("Health Correspondent", "Staff Reporter",
# "Europe editor"): a line of a few words that ends in a newsroom role.
ROLE_WORDS = (
    r"correspondents?|reporters?|editors?|writers?|journalists?|columnists?|contributors?|producers?|"
    r"photographers?|critic|analyst|bureau\s+chief|news\s+desk|staff"
)
ROLE_LINE_RE = re.compile(rf"^(?:[A-Z][\w'’.&-]*\s+){{0,4}}(?i:{ROLE_WORDS})$|^(?:[\w'’.&-]+\s+){{0,3}}(?i:{ROLE_WORDS})$")
# A capitalised word of a name (accented capitals too), and a person's name of two to four of them.
_NAME_WORD = r"[A-Z\u00c0-\u024f][\w'’.-]+"
_FULL_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
# "Ana Ruiz, Health Correspondent", "Jon Asher | Staff Reporter".
NAMED_ROLE_RE = re.compile(
    rf"^(?P<name>{_FULL_NAME})\s*[,|—–-]\s*"
    rf"(?:[\w'’.&-]+\s+){{0,4}}(?i:{ROLE_WORDS})$"
)
# Two or more people's names and nothing else ("Jane Doe and Omar Haddad"): under a headline, the byline.
_PERSON = rf"{_NAME_WORD}(?:\s+(?:(?:de|van|von|der|den|da|di|du|la|le|al|bin|ibn|el|ter)\s+)*{_NAME_WORD}){{1,2}}"
NAMES_ONLY_RE = re.compile(rf"^{_PERSON}(?:\s*(?:,|and|&)\s*{_PERSON})+$")
# An author bio: "<Name> is a/the ... correspondent ...", "<Name> covers ... for ...".
BIO_RE = re.compile(
    rf"^(?P<name>{_FULL_NAME})\s+"
    rf"(?:(?:is|was|has\s+been)\s+(?:a|an|the|our)\b.{{0,80}}?\b(?i:{ROLE_WORDS})\b|"
    rf"(?:covers|writes\s+about|reports\s+on)\b)"
)
