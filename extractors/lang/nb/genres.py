"""Genre words: which kind of document a title or an opening line announces, and the cues of a news item.

Checked in order; the first genre whose cue appears in the title (then the opening text) wins.
"""

GENRE_CUES: list[tuple[str, tuple[str, ...]]] = [
    ("minutes", ("møteprotokoll", "protokoll fra", "møtereferat", "referat fra", "referat", "protokoll")),
    ("mandate", ("prosjektmandat", "programmandat", "mandat for", "mandat")),
    ("action_plan", ("handlingsplan", "handlingsprogram", "tiltaksplan", "aksjonsplan")),
    ("project_plan", ("prosjektplan", "prosjektstyringsdokument", "forprosjektplan", "prosjektbeskrivelse")),
    ("report", ("sluttrapport", "statusrapport", "årsrapport", "evalueringsrapport", "delrapport",
                "framdriftsrapport", "fremdriftsrapport", "rapport",
                # a body's yearly account of its work is a report too
                "årsmelding", "årsberetning", "virksomhetsrapport", "aktivitetsrapport")),
    # A case paper for a political body. 'Notat' alone is not one (an internal memo with Til/Fra/Kopi is
    # 'other'), nor is an archive number, which every letter carries: the case paper's own words are.
    ("council_case", ("saksframlegg", "saksfremlegg", "saksutredning", "særutskrift", "forslag til vedtak",
                      "innstilling", "sak ", "saksnr", "utvalgssak", "saksgang", "møtedato")),
]

# Cues that a text is a news item: a byline, a publication stamp.
ARTICLE_CUES = ("publisert:", "publisert ", "skrevet av", "journalist", "foto:", "editor", "redaktør")

# A byline on a line of its own: 'Av Kari Nordmann', 'Tekst og foto: Per Hansen'.
BYLINE_WORDS = ("av", "tekst:", "tekst og foto:", "tekst og bilde:", "skrevet av", "foto og tekst:")
# Verbs that attribute a quote in news style: '– Vi gleder oss, sier ordføreren.'
SPEECH_VERBS = ("sier", "sa", "forteller", "fortalte", "mener", "understreker", "påpeker", "poengterer",
                "legger til", "uttaler", "smiler", "konstaterer", "opplyser", "forklarer")
# How a quote opens in Norwegian news: a dash line or a guillemet.
QUOTE_OPENERS = ("–", "—", "-", "«")
# Words in a newspaper's name: a dateline 'Lauvnes-Avisa, 18.02.2025' is a newspaper's, 'Elvdal, 3. mars
# 2025' is a place's (letters and plans carry those too).
NEWSPAPER_WORDS = ("avis", "avisa", "avisen", "posten", "tidende", "tidend", "blad", "bladet", "nytt",
                   "dagblad", "dagbladet", "budstikke", "budstikka", "kurer", "kuréren", "nyheter",
                   "magasin", "magasinet", "nettavis", "news")
