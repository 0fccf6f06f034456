"""Date words: month names, seasons, period parts, the words around a date that say what it means,
and the genre words of timetables and milestones.

Data only; extractors/dates.py, extractors/milestones.py, extractors/doc_dates.py and
checks/dates.py build their patterns from these lists.
"""

# Month names and the abbreviations documents use ('sept', 'des.'). Full names first.
MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sept": 9, "sep": 9, "okt": 10, "nov": 11, "des": 12,
}
# Abbreviations that are also ordinary words or names ('jul' = Christmas, 'Jan' = a name):
# alone, without a day or a year, they are not read as months.
AMBIGUOUS_BARE_MONTHS = frozenset({"jul", "jan", "mar", "sep", "nov", "apr", "aug", "jun", "feb", "okt"})

# Seasons. Convention: a season resolves to the first day of its first month in the year written
# (våren 2017 -> 2017-03-01, sommeren -> 06-01, høsten -> 09-01, vinteren 2017 -> 2017-01-01,
# the winter that a year begins with), with precision 'season'; keys compare only the year.
# Bare indefinite forms ('vår' = our) are not dates; definite forms are, with a context year.
SEASONS: dict[str, int] = {
    "våren": 3, "vår": 3, "sommeren": 6, "sommer": 6, "høsten": 9, "høst": 9,
    "vinteren": 1, "vinter": 1,
    # nynorsk
    "våre": 3, "sumaren": 6, "hausten": 9, "haust": 9,
}
SEASON_BARE_OK = frozenset({"våren", "sommeren", "høsten", "vinteren", "sumaren", "hausten"})
SEASON_MONTHS = 3  # a season spans about three months (used for comparisons)
# Words before a season without a year that make it habitual ('om vinteren' = every winter, 'hver
# sommer'): not a date. 'til våren', 'i løpet av våren' name the coming season and stay dates.
HABITUAL_SEASON_BEFORE = ("om", "hver", "hvert", "på", "gjennom", "utover")

# 'primo/medio/ultimo mai': early, mid, late in the month (or year).
PART_OF_PERIOD: dict[str, str] = {
    "primo": "early", "medio": "mid", "ultimo": "late",
    "starten": "early", "begynnelsen": "early", "midten": "mid",
    "slutten": "late", "utgangen": "late", "enden": "late",
}
ORDINALS: dict[str, int] = {"første": 1, "andre": 2, "annet": 2, "tredje": 3, "fjerde": 4}
QUARTER_WORDS = ("kvartal", "kv.", "kv")
TERTIAL_WORDS = ("tertial",)
HALF_WORDS = ("halvår", "halvåret")
WEEK_WORDS = ("uke", "veke", "uke nr.", "uke nr")
YEAR_START_WORDS = ("nyåret",)  # 'på nyåret 2022': early in the year
THIS_YEAR_WORDS = ("året", "samme år", "same år", "dette år", "i år")

# Words just before a date that say how it bounds the event.
QUALIFIERS: dict[str, str] = {
    "fra og med": "from", "f.o.m.": "from", "f.o.m": "from", "fom.": "from", "fra": "from",
    "etter": "from", "oppstart": "from", "start": "from", "starter": "from", "fom": "from",
    "til og med": "until", "t.o.m.": "until", "t.o.m": "until", "tom.": "until",
    "fram til": "until", "frem til": "until", "ut": "until", "ut året": "until",
    "til": "before",  # 'ferdig til høsten': by then
    "innen": "before", "før": "before", "senest": "before", "seinast": "before", "frist": "before",
    "siden": "since", "sidan": "since",
    "ca.": "approx", "ca": "approx", "omkring": "approx", "rundt": "approx", "cirka": "approx",
}

# Words before a 4-digit number that make it something else than a year.
NOT_YEAR_BEFORE = ("kr", "kr.", "nok", "sak", "saksnr", "saksnr.", "nr", "nr.", "arkivsak", "tlf",
                   "tlf.", "telefon", "mob", "mob.", "postboks", "pb", "pb.", "§", "konto", "ansvar",
                   "funksjon", "art", "kapittel", "kap.", "post")

# --- documents' own dates -------------------------------------------------------------------------
# Field labels that carry the date of the document itself (case papers, minutes, notes, letters).
# Not 'utskriftsdato' (when a copy was printed) nor 'deres dato' (the date of the letter answered).
DOC_DATE_LABELS = ("møtedato", "dato for møtet", "dato", "datert", "publisert", "publisert dato",
                   "utgitt", "sist oppdatert", "oppdatert", "revidert", "versjonsdato", "vår dato",
                   "rapportdato", "brevdato", "notatdato", "referatdato", "sist endret", "sist revidert",
                   "dokumentdato")
# The date column of a case's route table ('Utvalg | Møtedato | Saksnr'): a protocol without another
# date is dated by its last row, the final body's treatment.
ROUTE_DATE_LABELS = ("møtedato", "behandlingsdato", "dato for møtet", "møtedag")
# Phrases near the top of a plan that date it: 'Vedtatt i Programstyret 10. september 2009'.
# 'Versjon 1.0 – 12.02.2024': a version label, its number, then the date.
VERSION_LABELS = ("versjon", "versjon nr.", "rev.", "revisjon", "utkast")
DOC_DATE_PHRASES = ("vedtatt", "godkjent", "behandlet", "revidert", "sist revidert", "utarbeidet")

# --- project period -------------------------------------------------------------------------------
PERIOD_LABELS = ("gjennomføringsperiode", "prosjektperiode", "programperiode", "prosjektperioden",
                 "programperioden", "gjennomføringsperioden", "varighet", "tidsperiode", "periode")
# Periods that are not the project's: a report's, an account's, a hearing's, a warranty's.
OTHER_PERIODS = ("rapportperiode", "rapporteringsperiode", "regnskapsperiode", "høringsperiode",
                 "klageperiode", "garantiperiode", "reklamasjonsperiode", "nedbetalingsperiode",
                 "søknadsperiode", "prøveperiode", "oppsigelsesperiode", "avdragsperiode", "måleperiode")
PROJECT_WORDS = ("prosjektet", "programmet", "delprosjektet", "forprosjektet", "hovedprosjektet",
                 "satsingen", "satsinga", "prosjektperioden", "programperioden", "tiltaket")
PERIOD_END_VERBS = ("løper", "varer", "pågår", "går", "gjennomføres", "skal gjennomføres",
                    "avsluttes", "avslutta", "skal avsluttes", "slutter", "er planlagt")

# --- milestones -----------------------------------------------------------------------------------
# Header words of a timetable's date column, its description column and its status column.
DATE_HEADERS = ("når", "tid", "tidspunkt", "dato", "frist", "tidsfrist", "periode", "tidsrom",
                "oppstart", "start", "startdato", "slutt", "sluttdato", "avslutning", "ferdig",
                "ferdigstilt", "ferdigstillelse", "innen", "tidsplan", "måned", "år", "uke",
                "planlagt", "dato/frist", "fra", "til", "leveringsdato", "gjennomføres")
DESC_HEADERS = ("milepæl", "milepæler", "milepel", "aktivitet", "aktiviteter", "hovedaktivitet",
                "hovedaktiviteter", "tiltak", "leveranse", "leveranser", "oppgave", "oppgaver",
                "beskrivelse", "hva", "fremdriftsplan", "framdriftsplan", "fremdrift", "framdrift",
                "innhold", "arbeidsoppgave", "delmål", "hendelse", "aktivitet/milepæl")
STATUS_HEADERS = ("status", "merknad", "merknader", "kommentar", "kommentarer", "utført",
                  "gjennomført", "ferdig?", "oppnådd")
OWNER_HEADERS = ("ansvar", "ansvarlig", "hvem", "utføres av", "arbeidspakke", "arbeids-pakke", "ap",
                 "nr", "nr.", "ressurs", "ressurser")
# Headings and lead-ins that announce a timetable or a list of milestones.
TIMETABLE_CUES = ("milepæl", "milepel", "tidsplan", "fremdrift", "framdrift", "tidsplanen",
                  "aktivitetsplan", "fremdriftsplan", "framdriftsplan", "gjennomføringsplan")

# Words that make a dated sentence a step or event of the project.
EVENT_CUES = (
    "kick-off", "kickoff", "oppstart", "oppstartsmøte", "starte opp", "startes opp", "starter opp",
    "startet opp", "igangsettes", "igangsatt", "initiert", "etableres", "lanseres", "lansering",
    "workshop", "samling", "samlet", "seminar", "konferanse", "møte", "møttes", "møtes", "frokostmøte",
    "prosjektgruppemøte", "styringsgruppemøte", "styremøte", "arbeidsmøte", "dialogmøte", "befaring",
    "sluttrapport", "rapport", "rapporten", "rapportering", "delrapport", "statusrapport", "leveres",
    "levere", "levert", "leveranse", "ferdigstilles", "ferdigstilt", "ferdig", "fullført", "fullføres",
    "avsluttes", "avslutning", "søknad", "søknadsfrist", "frist", "høring", "høringsfrist",
    "rekruttering", "ansettes", "tilsettes", "tilsetting", "evaluering", "evalueres", "behandles",
    "legges fram", "legges frem", "gjennomføres", "gjennomført", "finpusses", "utlyses", "utlysning",
    "anskaffelse", "kontrakt", "pilot", "åpning", "åpnes", "milepæl", "besøk", "studietur", "gjort",
    "være klar", "klar", "godkjennes", "godkjent", "presenteres", "presentert", "starte", "starter",
    "start", "byggestart", "anleggsstart", "åpne", "åpner", "åpning", "i drift", "søke om", "sendes",
    "signeres", "montert", "monteres", "tilbudsfrist", "overlevering", "ferdigbefaring", "innflytting",
    "sette i gang", "settes i gang", "satt i gang", "i gang", "kurs", "kurset", "kursdag", "webinar",
    "opplæring", "kunngjøres", "kunngjøring", "gjenopptas", "gjenopptatt",
    # past steps a report narrates ('avtalene ble inngått høsten 2022', 'guiden ble lansert uke 35')
    "inngått", "inngås", "lansert", "flyttet", "flytter inn", "arrangert", "arrangeres", "drøftet",
    "drøftes", "overtatt", "overtar", "overtas",
    # gatherings a project or a news item invites to ('inviterer til dugnad helgen 16.–17. mai')
    "dugnad", "dugnaden", "inviterer til", "arrangement", "markering",
    # a plan's own revision ('Planen rulleres høsten 2025')
    "rulleres", "rullering", "revideres", "evalueres",
)
# A plan or a process the project is set beside ('i sammenheng med ny kommuneplan, som skal vedtas i
# 2025'): the date after these words is that other work's, not a step of the project.
RELATED_WORK_CUES = ("i sammenheng med", "ses i sammenheng", "sees i sammenheng", "bygger på", "forankret i",
                     "med bakgrunn i", "samordnes med", "koordineres med")
# Labels and headings of a goal ('Hovedmål: ... innen utgangen av 2026'): a goal's deadline is not a step.
GOAL_LABELS = ("mål", "hovedmål", "delmål", "effektmål", "resultatmål", "samfunnsmål", "overordnet mål",
               "målsetting", "målsettinger", "visjon")
# Field labels under an action or a step that date it ('Tidsramme: 2024-2025', 'Frist: 1. mars'):
# in an action plan each action's field is its milestone. Not 'Dato:' or 'Tid:' (a document's or a
# meeting's own date and hour) nor the project period's labels (PERIOD_LABELS).
SCHEDULE_FIELDS = ("tidsramme", "tidsrammer", "frist", "tidsfrist", "tidspunkt", "gjennomføres",
                   "gjennomføring", "gjennomføringstid", "når", "ferdig", "ferdigstilles", "oppstart",
                   "planlagt gjennomført", "planlagt ferdig", "utføres")
# 'skal', 'vil': a dated plan of the project, whatever its verb ('Gulvet skal legges i uke 28').
PLAN_CUES = ("skal", "vil", "skal etter planen", "er planlagt", "planlegges")
# A date that refers to another document ('mandatet datert 10.02.2025'), not a step.
# Letters and applications referred to by their date ('i brev av 21.08.2023', 'Vi viser til søknad av
# 15.02.2025') are references too.
REFERENCE_CUES = ("datert", "dat.", "av dato", "publisert", "sist endret", "sist oppdatert", "versjon",
                  "brev av", "søknad av", "e-post av", "epost av", "henvendelse av", "notat av",
                  "viser til", "vises til", "jf.", "jamfør",
                  # the minutes of an earlier meeting, referred to by its date
                  "referat fra", "referatet fra", "protokoll fra", "protokollen fra", "referat fra møtet",
                  "referatet fra møtet", "protokoll fra møtet")
# Headings and lead-ins of a list of attachments or references: the dates there are the documents'.
ATTACHMENT_HEADINGS = ("vedlegg", "vedlegg til saken", "utrykte vedlegg", "trykte vedlegg",
                       "vedleggsliste", "referanser", "kilder", "kildeliste", "dokumenter i saken",
                       "saksdokumenter", "andre saksdokumenter", "relevante dokumenter",
                       "bakgrunnsdokumenter", "henvisninger", "litteratur", "utrykt vedlegg")
# Headings of a section that lists the coming steps: a dated item there is a step ('Videre arbeid').
NEXT_STEPS_HEADINGS = ("videre arbeid", "veien videre", "neste steg", "neste trinn", "videre framdrift",
                       "videre fremdrift", "plan for neste periode", "neste periode", "kommende aktiviteter",
                       "planlagte aktiviteter", "aktiviteter framover", "aktiviteter fremover")
# A dated sentence in the future or modal mood: coarse dates (a year, a season) count only here.
FUTURE_CUES = ("skal", "vil", "blir", "bør", "må", "planlegges", "planlagt", "forventes", "innen",
               "før", "tas sikte på", "tar sikte på", "er ventet", "skal være", "målet er", "planen er",
               "tanken er")
# Dates in these sentences are decisions or background history, not the project's steps.
DECISION_VERBS = ("vedtok", "vedtatt", "besluttet", "fattet", "gjorde vedtak", "har vedtatt")
# Sentences that state how long something lasts or a funding horizon, not a step.
DURATION_CUES = ("fram til", "frem til", "i perioden", "perioden", "periode", "siden", "varighet",
                 "gjennom hele")

# Steps that normally fall after the end of a project's period: final report, accounts, evaluation,
# political treatment. milestone_after_end does not flag them.
AFTER_END_OK = ("sluttrapport", "rapport", "rapportering", "regnskap", "sluttregnskap", "revisjon",
                "evaluering", "evalueringsrapport", "behandling", "behandles", "politisk",
                "fylkesting", "kommunestyre", "bystyre", "avslutning", "prosjektavslutning",
                "oppsummering", "videreføring", "sluttmøte", "erfaringsdeling", "effektmåling")

# Words before a timetable date that only bound it ('Før 1 des', 'Fra 01.01.14'); other words in a
# date cell ('Oppstart 01.10.13') name the step and join its description.
BOUNDING_WORDS = ("før", "fra", "innen", "etter", "til", "senest", "seinast", "siden", "ca", "ca.",
                  "omkring", "rundt", "cirka", "f.o.m.", "t.o.m.", "fom", "tom", "fra og med",
                  "til og med", "fram til", "frem til", "i", "den", "kl", "kl.", "uke", "ultimo",
                  "medio", "primo", "-", "–", "/", "og")
# Genres whose own date is the meeting they record: a dated sentence on that day is not a step.
MEETING_GENRES = ("minutes", "council_case")
