"""Decision vocabulary: deciding bodies, the labels that open a proposal or an adopted decision, the
phrases that report a decision in prose, vote phrases, case-number labels, and the abbreviations a
sentence splitter must not break at."""

# Deciding bodies, as stems: the text may write them definite ('kommunestyret'), indefinite
# ('kommunestyre') or genitive ('kommunestyrets'). Longest first so 'fylkesutvalget' beats 'utvalget'.
BODIES: tuple[str, ...] = (
    "interkommunalt politisk råd", "partssammensatt utvalg", "hovedutvalg for [a-zæøå]+", "utvalg for [a-zæøå ]+?",
    "kommunestyre", "bystyre", "formannskap", "fylkesutvalg", "fylkesting", "fylkesråd", "regionråd",
    "regionstyre", "styringsgruppe", "programstyre", "prosjektstyre", "arbeidsutvalg", "representantskap",
    "kontrollutvalg", "planutvalg", "næringsutvalg", "hovedutvalg", "samarbeidsråd", "ordførermøte",
    "eldreråd", "ungdomsråd", "årsmøte", "generalforsamling", "styre", "rådmann", "kommunedirektør",
    "fylkesrådmann", "fylkesdirektør", "referansegruppe", "prosjektgruppe", "politisk råd",
)

# Endings a body stem may carry: definite (-et/-en/-a), genitive (-s, -ets, -ens).
BODY_ENDINGS = r"(?:ets|ens|et|en|ts|ns|t|n|a|s|e)?"

# Labels that open a proposal. Ranked: a case with several proposals keeps the formal one
# ('Forslag til vedtak' over 'Prosjektleders anbefaling'), since the recommendation repeats it.
PROPOSAL_LABELS: tuple[tuple[str, int], ...] = (
    ("forslag til vedtak", 3),
    ("innstilling til vedtak", 3),
    ("forslag til innstilling", 3),
    ("innstilling", 3),
    ("tilråding", 2),
    ("forslag", 1),
    ("anbefaling", 1),
    ("konklusjon", 1),
)

# Labels that open an adopted decision.
ADOPTED_LABELS: tuple[str, ...] = ("endelig vedtak", "vedtak", "beslutning", "besluttet", "vedtatt")

# Labels that close a decision section: what follows is not decision text.
SECTION_LABELS: tuple[str, ...] = (
    "behandling", "saksopplysninger", "saksutredning", "bakgrunn", "vurdering", "sammendrag",
    "vedlegg", "dokumenter", "saksgang", "hjemmel", "økonomi", "konsekvenser", "merknad", "votering",
    "avstemning", "protokolltilførsel", "saken gjelder", "innledning", "orientering", "referat",
    "nå-situasjon", "anbefalinger",
)

# Prose that reports an adopted decision; 'body' and 'rest' are filled by the extractor.
VERB_ADOPT = r"(?:vedtok|vedtatt|besluttet|bestemte|godkjente|vedtas|godkjent)"
FATTET_VEDTAK = r"fattet\s+(?:(?P<body>[a-zæøå ]+?)\s+)?(?:følgende|slikt|sålydende|dette|slik)\s+(?P<vote>enstemmige?\s+)?vedtak"

# Votes as written.
UNANIMOUS = ("enstemmig", "enstemmige", "samrøystes", "einstemmig")
VOTE_COUNT = r"(?P<for>\d{1,3})\s*(?:stemmer\s+)?mot\s+(?P<against>\d{1,3})(?:\s+stemmer)?"
VOTE_AGAINST_ONLY = r"\bmot\s+(?P<against>\d{1,3})\s+stemmer?\b"
VOTE_FOR_ONLY = r"\bmed\s+(?P<for>\d{1,3})\s+stemmer\b(?!\s+mot)"

# Case numbers: 'Sak 06/22', 'PS 12/34', 'Saksnr. 2013/1234', '047/12:'.
CASE_LABELS: tuple[str, ...] = ("sak", "saksnr", "saksnr.", "sak nr", "sak nr.", "ps", "rs", "utvalgssak",
                                "politisk sak", "arkivsak", "arkivsaksnr", "arkivsak nr", "saksnummer")
ARCHIVE_LABELS: tuple[str, ...] = ("arkivsak", "arkivsaksnr", "arkivsak nr", "arkivsaknr", "vår ref", "deres ref")

# Field labels of a meeting's header: which body meets, and when.
MEETING_BODY_LABELS: tuple[str, ...] = ("møte", "utvalg", "organ", "møte i", "styre, råd, utvalg",
                                         "utvalgsnavn", "møtested og organ")
MEETING_DATE_LABELS: tuple[str, ...] = ("møtedato", "dato", "møtetid", "tid", "dato for møte")

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset({
    "kr", "mill", "mrd", "ca", "nr", "jf", "jfr", "bl.a", "dvs", "mv", "m.m", "evt", "pkt", "adm", "dir",
    "f.eks", "ift", "iht", "mht", "osv", "pr", "tlf", "inkl", "ekskl", "st", "avd", "vedr", "ref", "kap",
    "fig", "tab", "s", "mnd", "stk", "etc", "div", "tidl", "nov", "des", "jan", "feb", "okt", "sept",
    "aug", "apr", "o.l", "m.fl", "t.o.m", "f.o.m", "hhv", "vs", "kl",
})


# Money in a decision (checks/decisions.py). Words just before an amount that make it a frame the
# decision sets aside, or funding it commits; words that introduce where the money comes from.
FRAME_CUES: tuple[str, ...] = ("inntil", "ramme", "rammen", "avsetter", "avsettes", "settes av", "setter av",
                               "satt av", "settes det av", "øremerker", "øremerkes")
FUNDING_CUES: tuple[str, ...] = ("finansieres med", "finansieres ved", "finansiert med", "dekkes med",
                                 "bevilger", "bevilges", "innvilges", "innvilger", "tildeles", "tildeler",
                                 "gis", "bidrar med", "overføres")
SOURCE_CUES: tuple[str, ...] = ("fra", "dekkes av", "dekkes over", "over", "belastes", "tas fra")
