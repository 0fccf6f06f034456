"""Money words: how Norwegian documents write amounts, and which words around a number say it is
not money (an account code, a phone number, a count) or say what kind of budget line it is.

Pure data, read by extractors.amounts (spelling of amounts) and extractors.budgets (kinds of lines).
All words are lower case; matching code lowercases the text first.
"""

# Currency markers written before or after a number: 'kr 200 000', '200 000 kr', 'NOK 300''.
CURRENCY_WORDS: tuple[str, ...] = ("kroner", "kronor", "kr", "nok")

# Scale words after a number, with their multiplier: '15 mill.', '3,4 mrd.', '15 MNOK', '500 tusen'.
SCALE_WORDS: tuple[tuple[str, int], ...] = (
    ("milliarder", 10**9), ("milliardar", 10**9), ("milliard", 10**9), ("mrd", 10**9),
    ("millioner", 10**6), ("millionar", 10**6), ("million", 10**6), ("mill", 10**6), ("mio", 10**6),
    ("mnok", 10**6), ("mkr", 10**6),
    ("tusen", 10**3), ("tnok", 10**3), ("knok", 10**3),
)

# Words right before a number that make it a code, not money: 'ansvar 727 000 funksjon 17010'.
CODE_WORDS: tuple[str, ...] = (
    "ansvar", "funksjon", "konto", "kontonr", "kontonummer", "art", "kostnadssted", "prosjektnr",
    "prosjektnummer", "kap", "kapittel", "post", "org", "orgnr", "organisasjonsnummer", "org.nr",
    "foretaksnr", "foretaksnummer", "tlf", "telefon", "tel", "mob", "mobil", "faks", "fax", "sak", "saksnr",
    "arkivsak", "arkivsaksnr", "ref", "journalpost", "jpid", "postboks", "pb", "side", "sidene", "s",
    "punkt", "pkt", "nr", "vedlegg", "gnr", "bnr", "§", "paragraf", "kl", "klokka", "klokken", "uke",
)

# Words right after a number that make it a count or a measure, not money: '6 bedrifter'.
COUNT_WORDS: tuple[str, ...] = (
    "bedrift", "bedrifter", "deltaker", "deltakere", "deltager", "deltagere", "stilling", "stillinger",
    "stillingsressurs", "stillingsressurser", "årsverk", "person", "personer", "innbyggere", "ansatte",
    "medarbeidere", "medlemmer", "medlemsbedrifter", "kommuner", "prosjekter", "arbeidsplasser",
    "timer", "time", "dager", "dag", "døgn", "uker", "måneder", "mnd", "år", "årig", "sider", "elever",
    "studenter", "besøkende", "gjester", "plasser", "boliger", "dekar", "daa", "m2", "kvm", "km", "meter",
    "tonn", "kg", "liter", "prosent", "pst", "prosentpoeng", "%", "‰", "stk", "eksemplarer", "regioner",
    "klynger", "nettverk", "søknader", "tiltak", "møter", "samlinger", "kurs", "foretak", "virksomheter",
    "husstander", "stemmer", "representanter", "mot", "stykker",
)

# A bare number (no currency, no scale word) followed by a plural noun counts things, whatever the
# noun ('1 400 grunneiere', '2 300 søkere', '12 000 innbyggarar'): the plural endings, and the words
# with those endings that follow a sum of money instead (verbs, currency).
PLURAL_ENDINGS: tuple[str, ...] = ("ere", "arar", "erar", "inger", "ingar", "heter", "ter", "ler", "ner", "der",
                                   "ger", "ker", "ser", "rer", "ver", "mer", "per", "ar")
NOT_PLURAL_WORDS: tuple[str, ...] = (
    "er", "var", "kroner", "kronor", "millioner", "milliarder", "dekker", "koster", "gjelder", "omfatter",
    "tilsvarer", "inkluderer", "finansierer", "fordeler", "overstiger", "utgjer", "gir", "kommer", "går",
    "summerer", "ligger", "foreligger", "betaler", "mangler", "gjenstår", "svarer", "øker", "under", "over",
    "etter", "eller", "hver", "per", "pr", "fra", "mer", "når", "der", "her", "enn", "har", "hadde", "skal",
    "samt", "sammen", "tilsammen", "totalt", "årlig", "ekskl", "inkl", "eks", "mva",
)

# A table header or caption that scales every amount in the table: 'Beløp i 1000 kr', 'TNOK'.
TABLE_SCALES: tuple[tuple[str, int], ...] = (
    (r"i\s*1\s?000\s*(?:kr|nok|kroner)", 10**3), (r"\(\s*1\s?000\s*(?:kr|nok)\s*\)", 10**3),
    (r"(?:kr|nok)\s*1\s?000(?!\s?\d)", 10**3), (r"^\W*1\s?000\s*(?:kr|nok|kroner)\W*$", 10**3),
    (r"i\s+hele\s+tusen", 10**3), (r"i\s+tusen", 10**3), (r"^\W*tusen\s*(?:kr|kroner|nok)\W*$", 10**3),
    (r"\(\s*tusen\s*(?:kr|kroner|nok)\s*\)", 10**3),
    (r"\btnok\b", 10**3), (r"\bknok\b", 10**3), (r"\bnok\s*'000", 10**3),
    (r"i\s+mill(?:ioner|\.)?\s*(?:kr|kroner|nok)", 10**6), (r"\bmnok\b", 10**6),
    (r"\(\s*mill(?:ioner|\.)?\s*(?:kr|kroner)\.?\s*\)", 10**6),
)

# A line of its own that states the unit of the amounts that follow ('Beløp i 1000 kr', 'Alle tall i
# hele tusen kroner', '(i mill. kr)'): it holds for every table of its section, and its number is no
# amount. Narrower than TABLE_SCALES: 'kr 1000' alone is an amount.
UNIT_STATEMENTS: tuple[tuple[str, int], ...] = (
    (r"\bi\s*1\s?000\s*(?:kr|nok|kroner)(?![a-zæøå])", 10**3), (r"\(\s*1\s?000\s*(?:kr|nok|kroner)\s*\)", 10**3),
    (r"\bi\s+hele\s+tusen", 10**3), (r"\bi\s+tusen\s*(?:kr|kroner|nok)", 10**3), (r"\btnok\b", 10**3),
    (r"\bi\s+(?:nok|kr)\s*1\s?000(?!\s?\d)", 10**3), (r"\bnok\s*'000", 10**3),
    (r"\bi\s+(?:hele\s+)?mill(?:ioner|\.)?\s*(?:kr|kroner|nok)", 10**6), (r"\bi\s+mnok\b", 10**6),
)

# Words that mark an amount as approximate: 'ca kr 2-300.000'.
APPROX_WORDS: tuple[str, ...] = ("ca", "ca.", "cirka", "omkring", "om lag", "omlag", "anslagsvis", "rundt")

# --- kinds of budget line -------------------------------------------------------------------------
# Cues are matched as word prefixes in the lowercased text ('finansier' matches 'finansieres').

# A sum of other lines: table rows 'Sum', 'Totalt', 'I alt'; prose 'totalramme', 'til sammen'.
TOTAL_LABELS: tuple[str, ...] = (
    "sum", "summer", "totalt", "total", "i alt", "til sammen", "tilsammen", "samlet", "totalsum",
    "totalbudsjett", "totalkostnad", "totale kostnader", "sum totalt", "delsum", "sum i alt",
)
SUBTOTAL_LABELS: tuple[str, ...] = ("delsum", "sum kostnader", "sum utgifter", "sum inntekter",
                                    "sum finansiering", "sum drift", "sum lønn", "sum investering",
                                    "subtotal", "mellomsum")
TOTAL_CUES: tuple[str, ...] = ("totalramme", "totalbudsjett", "totalkostnad", "totale kostnad", "totalt",
                               "til sammen", "tilsammen", "i alt", "samlet budsjett", "samlede kostnad",
                               "samlet kostnad", "samlet ramme", "samlet finansiering")

# A sentence that states what the budget as a whole is ('Budsjettet for 2025 er på kr 1 000 000', 'et
# budsjett på kr 300 000'): the amount is the budget's total, not one more cost. The nouns, and the
# words between the noun and the amount.
BUDGET_NOUNS: tuple[str, ...] = ("budsjettet", "budsjett", "prosjektbudsjettet", "prosjektbudsjett",
                                 "årsbudsjettet")
BUDGET_IS_WORDS: tuple[str, ...] = ("er på", "er", "på", "utgjør", "ligger på", "var på", "var", "blir på")

# An upper bound set aside for something: 'inntil kr 15 mill.', 'satt av', 'avsetter', 'ramme'.
FRAME_CUES: tuple[str, ...] = ("inntil", "satt av", "settes av", "sette av", "setter av", "avsetter",
                               "avsatt", "avsettes", "ramme", "rammen", "kostnadsramme", "budsjettramme",
                               "økonomisk ramme", "øvre grense", "maksimalt", "maks")
# Of those, the words that only bound an amount ('inntil kr 165 000'): the amount is a frame unless its
# sentence says it is a financing ('søker om inntil', 'tilsagn på inntil', 'bidrar med inntil').
BOUND_CUES: tuple[str, ...] = ("inntil", "opptil", "øvre grense", "maksimalt", "maks")

# Money coming in: financing, grants, contributions.
FUNDING_CUES: tuple[str, ...] = (
    "finansier", "finansiering", "finansieringsplan", "finansiert", "tilskudd", "tilskot", "bidrag",
    "innvilg", "bevilg", "tilsagn", "bevilget", "støtte", "egenandel", "egeninnsats", "egne midler", "søkes",
    "søkt", "medfinansi", "overføres", "overført", "tildel", "inntekt", "inntekter", "delfinansi",
    "kilde", "midler fra", "fond", "søker", "bidrar",
    # who pays part of it ('1,5 mill. av dette er dekket av spillemidler')
    "dekket av", "dekkes av", "dekt av", "dekkast av", "betalt av", "betales av",
)

# A finite verb right after an amount: the words after it say what the amount is ('1,5 mill. av dette
# er dekket av spillemidler'), even when a word before it named another amount of the sentence.
PREDICATE_VERBS: tuple[str, ...] = ("er", "ble", "blir", "var", "vert", "vart", "skal", "vil", "kan")

# Money going out: costs, spending.
COST_CUES: tuple[str, ...] = (
    "kostnad", "kostnader", "koster", "utgift", "utgifter", "lønn", "kjøp", "honorar", "bistand",
    "konsulent", "reise", "drift", "budsjett", "brukes", "benyttes", "investering", "innkjøp",
    "fordeles", "fordelt", "prosjektledelse", "husleie", "materiell", "aktivitet",
    # a report's spending ('Forbruket ble kr 212 400') and an addition to costs named before
    "forbruk", "i tillegg kommer", "kommer i tillegg",
    # a price quoted for the work: an offer, a tender, an estimate ('tilbudet er på kr 176 000')
    "tilbud", "pristilbud", "anbud", "kostnadsoverslag", "overslag", "kalkyle", "prisantydning",
    # what something cost or will cost ('har kostet om lag 4,1 millioner kroner')
    "kostet", "koste", "kostar", "kosta", "kostnadsført",
)

# A difference between two amounts (budget against accounts, old against new estimate): kind other,
# since it is neither a cost nor a financing of its own. In prose ('Mindreforbruket på kr 87 600') and
# as a table column header ('Avvik', 'Endring').
DEVIATION_CUES: tuple[str, ...] = (
    "mindreforbruk", "merforbruk", "overforbruk", "underforbruk", "overskridelse", "overskridelsen",
    "budsjettoverskridelse", "merbehov", "merkostnad", "mindrekostnad", "avvik", "avviket", "differanse",
    "differansen", "besparelse", "innsparing", "ubrukte midler", "ubrukt", "mindreutgift", "merutgift",
    "mindreinntekt", "merinntekt",
)
DEVIATION_COLUMN_WORDS: tuple[str, ...] = (
    "avvik", "endring", "endringer", "differanse", "diff", "mindreforbruk", "merforbruk", "forskjell",
    "gjenstår", "gjenstående", "rest", "restbudsjett", "disponibelt", "økning", "reduksjon", "+/-", "+/−",
)

# Prose words that say an amount is the sum of a table column ('Samlet merbehov er kr 640 000').
SUM_WORDS: tuple[str, ...] = ("samlet", "samlede", "totalt", "total", "til sammen", "tilsammen", "i alt",
                              "sum", "summen", "totale")

# A sentence about what was spent ('regnskapet viser', 'kostet', 'litt over budsjett'): its sum is compared
# with a table's accounts column ('Regnskap'), a sentence about a plan with its budget column.
ACCOUNTS_WORDS: tuple[str, ...] = ("regnskap", "brukt", "kostet", "forbruk", "påløpt", "faktisk", "faktiske",
                                   "endte på", "endte opp", "over budsjett", "under budsjett", "ble gjennomført",
                                   "sluttsum", "medgått")
ACCOUNTS_HEADERS: tuple[str, ...] = ("regnskap", "faktisk", "forbruk", "påløpt", "resultat", "medgått")
BUDGET_HEADERS: tuple[str, ...] = ("budsjett", "vedtatt", "plan", "opprinnelig", "ramme")

# Words too common in budgets to tell one item from another when prose is matched to a table row.
GENERIC_LABEL_WORDS: tuple[str, ...] = (
    "bedrift", "bedrifter", "bedriftene", "bedriftenes", "prosjekt", "prosjektet", "prosjekter",
    "prosjektets", "kommune", "kommunen", "kommunens", "kommuner", "tiltak", "tiltaket", "tiltakene",
    "arbeid", "arbeidet", "budsjett", "budsjettet", "kostnad", "kostnader", "kostnadene", "midler",
    "midlene", "beløp", "beløpet", "total", "totalt", "samlet", "planen", "plan", "året", "perioden",
    "periode", "andre", "annet", "øvrige", "ulike", "diverse", "nye", "nytt", "ny", "skal", "blir", "ble",
    "vil", "kan", "også", "dette", "disse", "denne", "etter", "over", "under", "mellom", "eller", "ikke",
    "inkludert", "cirka", "rundt", "omkring",
)

# Words in a table's caption, header or heading that make it a financing table / a cost table.
# 'budsjett' is in neither: both kinds of table are called budsjett.
FUNDING_TABLE_CUES: tuple[str, ...] = (
    "finansiering", "finansieringsplan", "finansiert", "tilskudd", "søkes fra", "søkt fra", "egenandel",
    "inntekter", "bidragsyter", "kilde", "bevilget", "bevilgning", "finansieres",
)
COST_TABLE_CUES: tuple[str, ...] = ("kostnad", "kostnader", "kostnadsplan", "utgifter", "kostnadsoverslag",
                                    "lønn", "kjøp av tjenester",
                                    # accounts against budget: what was spent ('Regnskap pr. 31.08', 'Forbruk')
                                    "regnskap", "forbruk", "påløpt")

# Row labels that name a funder (a financing table without a header is recognised by its rows).
FUNDER_WORDS: tuple[str, ...] = (
    "fylkeskommune", "kommune", "kommunene", "innovasjon norge", "forskningsrådet", "departement",
    "direktorat", "egeninnsats", "egne midler", "egenandel", "fond", "tilskudd", "bidrag", "stat",
    "innovasjonsprogram", "sparebank", "stiftelse", "deltakere", "eu", "interreg", "fylkesmannen",
    "statsforvalteren", "regionråd", "næringsfond",
    # sources that are not bodies: grants from a pool, sponsors, volunteer work, loans
    "spillemidler", "sponsor", "dugnad", "låneopptak", "lån", "gave", "gaver", "midler",
)

# Amounts that are not part of any budget: a company's turnover, a result, a tax.
NOT_BUDGET_CUES: tuple[str, ...] = (
    "omsetning", "omsatte", "omsetter", "driftsresultat", "årsresultat", "resultat før", "overskudd",
    "underskudd", "eiendomsskatt", "formue", "aksjekapital", "lønnsomhet", "markedsverdi", "verdsatt",
    "eksport", "salg på", "solgte for",
)

# An amount per period: 'kr 50 000 pr år'.
PER_YEAR_CUES: tuple[str, ...] = ("pr år", "pr. år", "per år", "i året", "årlig", "pr år.", "/år",
                                  "hvert år", "pr. år.")

# Words that may follow an amount inside a table cell without making it a cell of words:
# 'kr 40 000 pr år', '95 000 eks. mva.'.
CELL_QUALIFIERS: tuple[str, ...] = PER_YEAR_CUES + ("eks. mva", "ekskl. mva", "inkl. mva", "eks mva", "inkl mva",
                                                    "ekskl mva", "u/mva", "m/mva", "+ mva", "mva")

# A note under a table, not a line of this budget: 'Mrk. Finansiering SNP 2009 er kr 1.810.000'.
NOTE_PREFIXES: tuple[str, ...] = ("mrk", "merk", "nb", "obs", "note", "fotnote", "*")

# A sentence that hands an amount out over the items that follow: '... fordelt på følgende poster:'.
ITEMISING_CUES: tuple[str, ...] = ("fordelt på", "fordeles slik", "fordeles på", "fordelt slik",
                                   "følgende poster", "fordeler seg", "består av", "fordelt som følger",
                                   "fordeles som følger", "fordelingen er")

# Words that restate an amount named before ('midlene (kr 200 000,-)'): a repetition, not a new line,
# unless a decision moves the money.
BACK_REFERENCES: tuple[str, ...] = ("midlene", "beløpet", "summen", "disse midlene", "pengene")

# Headings and phrases of a decision: amounts in them belong to the decision.
DECISION_CUES: tuple[str, ...] = ("vedtak", "vedtok", "vedtatt", "vedtas", "innstilling", "besluttet",
                                  "beslutning")
