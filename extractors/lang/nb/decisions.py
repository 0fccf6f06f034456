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
# A body's own series of case numbers, written as a short capitalised prefix joined by a hyphen:
# 'K-sak 14/25', 'KS-sak 3/24', 'F-sak 12/23', 'FSK-045/23', 'HOK-12/24' (the prefix names the body).
CASE_PREFIX = r"(?-i:[A-ZÆØÅ]{1,5})-(?:(?i:sak)\s*)?"
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
    "aug", "apr", "o.l", "m.fl", "t.o.m", "f.o.m", "hhv", "vs", "kl", "org.nr", "orgnr", "org", "eks", "ev",
    "mva", "sek", "jr", "ang", "gnr", "bnr", "fv", "rv", "kv", "pst",
})
# Abbreviations that also close sentences ('... innenfor en ramme på kr 4,2 mill. Torget skal ...'):
# their full stop ends the sentence where a capitalised word follows (not a digit: 'mill. 2024').
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset({
    "mill", "mrd", "mv", "m.m", "osv", "etc", "m.fl", "mnd", "stk", "mva", "o.l", "m.v",
})

# First-person recommendations in a memo ('Jeg anbefaler at ...'): advice, not a draft decision.
FIRST_PERSON_ADVICE = r"^\s*(?:jeg|vi|undertegnede)\s+(?:vil\s+)?(?:anbefaler|anbefale|foreslår|foreslå|tilrår|råder)\b"

# Passive reports of a decision: 'Planen ble vedtatt i kommunestyret 19. mars 2025 (K-sak 14/25)'.
PASSIVE_ADOPTED = r"\b(?:ble|blei|vart|er|var)\s+(?P<vote>(?:enstemmig|einstemmig|samrøystes)\s+)?(?:vedtatt|vedteke|godkjent|behandlet\s+og\s+vedtatt)\s+(?:i|av)\s+"

# A proposal made in the meeting by a member: 'X (Ap) fremmet følgende endringsforslag:'.
MOTION_WORDS: tuple[str, ...] = ("forslag", "endringsforslag", "tilleggsforslag", "alternativt forslag",
                                 "oversendelsesforslag", "utsettelsesforslag", "fellesforslag")

# Where a proposal recommends a case to a higher body ('Innstilling til kommunestyret:'), the
# body's vote makes it a proposal of that body, not an adopted decision.
RECOMMENDS_TO = r"\btil\s+(?P<to>(?:kommunestyre|bystyre|fylkesting|formannskap|representantskap|fylkesutvalg)[a-zæøå]*)\b"

# Amounts said of a fund's remaining balance, not of a planned grant or cost ('fondet har 148 000
# kroner igjen', 'saldo', 'disponibelt').
BALANCE_CUES: tuple[str, ...] = ("igjen", "saldo", "saldoen", "gjenstående", "gjenstår", "disponibelt",
                                 "disponible", "restmidler", "udisponert", "udisponerte", "til disposisjon",
                                 "står på fondet", "beholdning", "beholdningen")

# Deciding bodies whose money is the municipality's or the county's: a frame a council sets aside
# is the same thing as the document's 'Kommunens bidrag', 'kommunal andel'.
BODY_OWNER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("fylke", ("fylkeskommune", "fylkeskommunen", "fylkeskommunens", "fylkeskommunal", "fylkeskommunale")),
    ("kommune", ("kommune", "kommunen", "kommunens", "kommunal", "kommunale")),
    ("formannskap", ("kommune", "kommunen", "kommunens", "kommunal", "kommunale")),
    ("bystyre", ("kommune", "kommunen", "kommunens", "kommunal", "kommunale")),
    ("rådmann", ("kommune", "kommunen", "kommunens", "kommunal", "kommunale")),
)


# Money in a decision (checks/decisions.py). Words just before an amount that make it a frame the
# decision sets aside, or funding it commits; words that introduce where the money comes from.
FRAME_CUES: tuple[str, ...] = ("inntil", "ramme", "rammen", "avsetter", "avsettes", "settes av", "setter av",
                               "satt av", "settes det av", "øremerker", "øremerkes")
FUNDING_CUES: tuple[str, ...] = ("finansieres med", "finansieres ved", "finansiert med", "dekkes med",
                                 "bevilger", "bevilges", "innvilges", "innvilger", "tildeles", "tildeler",
                                 "gis", "bidrar med", "overføres")
SOURCE_CUES: tuple[str, ...] = ("fra", "dekkes av", "dekkes over", "over", "belastes", "tas fra")
# 'bevilger kr 2 100 000 som kommunal andel': money named by whose share it is. 'som' introduces a
# source only where a share word follows, since 'som' is everywhere else too.
SHARE_CUES: tuple[str, ...] = ("som",)
SHARE_WORDS: tuple[str, ...] = ("andel", "egenandel", "eigenandel", "bidrag", "medfinansiering", "delfinansiering",
                                "kommunal", "kommunale", "kommunens", "fylkeskommunal", "fylkeskommunens")


# Documents that record a meeting (their title says so): a 'Konklusjon:' there is what the meeting
# concluded, an adopted decision, where in a case paper it would be a recommendation.
RECORD_WORDS: tuple[str, ...] = ("referat", "protokoll", "møtebok", "møtereferat")
RECORD_ADOPTED_LABELS: tuple[str, ...] = ("konklusjon", "konklusjoner")

# A letter that announces a grant: 'Vi har gleden av å meddele at X innvilges tilskudd på kr ...',
# 'X tildeles kr ...', 'Det gis tilsagn om kr ...'. The intro is dropped from the decision's text.
GRANT_INTRO = (r"^(?:(?:vi|det)\s+(?:har\s+(?:den\s+)?(?:gleden|glede)\s+av\s+å|kan|vil)\s+"
               r"(?:meddele|informere\s+om|bekrefte|opplyse\s+om)\s+at\s+)")
GRANT_PASSIVE = r"\b(?:innvilges|innvilgast|tildeles|tildelast|bevilges)\b|^det\s+(?:gis|gjevast|gjøres)\s+tilsagn\b"
# A grant names money or what is granted.
GRANT_OBJECT = r"\b(?:kr|nok|kroner|tilskudd|tilskot|tilsagn|støtte|lån)\b"

# Headings of a case's record that name the body handling it: 'Behandling i Formannskapet - 27.02.2024',
# 'Vedtak i Kommunestyret - 14.03.2024', 'Innstilling i Formannskapet'.
HANDLING_HEADS: tuple[str, ...] = ("behandling", "vedtak", "innstilling", "votering")
