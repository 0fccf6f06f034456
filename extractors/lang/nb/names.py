"""Norwegian person names: common given names, name particles, and capitalised words that are never
part of a person's name (organisation and place cues).

GIVEN_NAMES is a general language resource (the most common given names in Norway, men's and
women's, with common spelling variants), not names taken from any document planscan reads.
"""

_MEN = """
Aage Adam Adrian Aksel Albert Alexander Alf Alfred Ali Amund Anders Andreas André Andre Ane Ansgar
Anton Are Arild Arne Arnfinn Arnstein Arnt Arve Arvid Asbjørn Asgeir Aslak Atle Audun Axel Bård
Bastian Ben Benjamin Bent Bernt Birger Birk Bjarne Bjarte Bjørn Bjørnar Bendik Bo Bror Brage Brede
Carl Carsten Casper Christian Christoffer Christopher Cato Dag Daniel David Didrik Dagfinn Eilif
Egil Eigil Eik Einar Eirik Eivind Eldar Elias Emil Endre Erik Eric Erland Erlend Erling Even Fabian
Filip Finn Fredrik Frank Frode Frithjof Fridtjof Gaute Geir Georg Gjermund Glenn Gorm Gudmund Gunnar
Gustav Guttorm Haakon Hakon Håkon Hallgeir Hallvard Halvard Halvor Hans Harald Helge Henning
Henrik Herman Hogne Idar Ingar Inge Ingebrigt Ingvar Ingve Isak Ivar Jacob Jakob Jan Jarle Jens
Jesper Joachim Joakim Johan Johannes John Jon Jonas Jonatan Jonathan Jon-Erik Jostein Jørgen
Jørn Jøran Kai Kaj Karl Kasper Kenneth Kent Kim Kjartan Kjell Kjetil Knut Kolbjørn Kristian
Kristoffer Kåre Lars Leif Leiv Lennart Leon Lorentz Lucas Ludvig Lukas Magne Magnar Magnus Marius
Markus Marcus Martin Mathias Matias Mats Mads Michael Mikael Mikkel Modolf Morgan Morten Nikolai
Nils Njål Noah Odd Oddbjørn Oddvar Ola Olaf Olav Ole Oliver Oscar Oskar Otto Ove Pål Paul Peder
Per Peter Petter Philip Preben Rasmus Ragnar Reidar Rolf Roar Robert Roger Rune Rudolf Runar
Sander Sebastian Severin Sigmund Sigurd Sigve Simen Simon Sindre Sivert Snorre Steffen Stein
Steinar Sten Stian Stig Sturla Sune Svein Sverre Sveinung Svend Sølve Teodor Terje Thomas Thor Thore
Tim Tobias Tom Tommy Tor Tord Tore Torbjørn Torfinn Torgeir Torkel Torleif Torstein Trond Trygve
Tryggve Tønnes Ulf Vebjørn Vegard Vetle Vidar Viggo Vilhelm Viktor Vemund Yngve Øistein Øystein
Øyvind Ørjan Ådne Åge Åsmund Ånund Jørund Joar Jo Erlend Gard Harry Roald Torjus Tarjei Olve
Ketil Kolbein Hallstein Hermund Ottar Asle Eskil Espen Geirr Gisle Hans-Petter Jan-Erik Per-Olav
"""

_WOMEN = """
Ada Agnes Agnete Eirin Eirill Elin Ingvild Hilde Marthe Sunniva Vilde Tiril Maren Marthine Aina Alette Alexandra Alma Amalie Amanda Andrea Anette Anita Anja Ann Anna Anne
Anne-Grete Anne-Lise Anne-Marie Annette Anniken Astrid Aud Audhild Augusta Aurora Beate Benedicte
Bente Berit Birgit Birgitte Bjørg Borghild Brit Brita Britt Bodil Camilla Carina Caroline Cathrine
Catrine Cecilie Christina Christine Connie Dagny Dagrun Dina Dorthe Ebba Edel Edith Eli Elin Elisabeth
Elise Ella Ellen Ellinor Elsa Else Embla Emilie Emma Erle Eva Evelyn Frida Frøydis Gerd Gina Grete
Gro Gry Gudrun Gunn Gunhild Gunvor Guri Hanna Hanne Harriet Hedda Hege Heidi Helen Helene Helga Hella
Henny Henriette Hilde Hildegunn Hilma Ida Inga Inger Ingeborg Ingrid Ingunn Irene Iselin Jane Janne
Jenny Johanne Jorunn Josefine Julie Kaja Kamilla Karen Kari Karin Karina Karoline Kate Katrine
Kirsten Kjersti Klara Kristin Kristina Kristine Laila Lena Lene Lill Lilli Lina Linda Line Linn Lisa
Lise Live Liv Maja Mari Maria Marianne Marie Marit Marte Martha Marthe Martine Mathilde Maud Mette
Mia Mina Mona Monica Monika Nina Nora Oda Oline Pernille Ragna Ragnhild Randi Rannveig Reidun Rigmor
Rita Runa Ruth Sara Sigrid Sigrun Silje Siri Siv Sofie Sofia Solveig Sol Solfrid Sunniva Susanne
Svanhild Synnøve Synne Thea Tone Tonje Tora Torhild Torill Torild Toril Torunn Tove Trine Turid Tuva
Unni Vigdis Vibeke Victoria Viktoria Wenche Wenke Åse Åshild Åslaug Øydis Eldbjørg Ellen-Marie
Gunnhild Hildur Kjellaug Magnhild Marita Ragnfrid Sissel Tordis Venche Vivian Yvonne Åsa Kristi
Lisbeth Liss Merete Ninni Oddny Oddrun Oddbjørg Rønnaug Signe Stine Sølvi Torunn Ranveig Berith
"""

# More of the common given names in Norway (older and newer generations, nynorsk and dialect forms),
# so that a short 'Given Surname' name is known without a title beside it.
_MORE_MEN = """
Aleksander Arnold Asmund Aasmund Bernhard Dan Dennis Edvard Edvin Eilert Elling Eskild Eyvind Frits
Gabriel Geirmund Halfdan Helmer Henry Herbjørn Hugo Ingolf Iver Jim Johnny Jonny Julius Karsten
Kristen Kurt Lasse Laurits Lauritz Leander Liam Linus Mattis Nicolai Niklas Nikolas Oddgeir Oddmund
Olai Patrick Ragnvald Reinert Richard Rikard Robin Rolv Ronny Sigbjørn Sigvald Sjur Stefan Syver
Theodor Thorleif Thorbjørn Tollef Torvald Truls Ulrik Valter Walter Werner William Willy Yngvar
Arnljot Gunleik Halstein Jomar Kyrre Mikal Sveinar Svenn Tarald Torodd Trym Wilhelm Øivind Eivin
Ragnvald Torgrim Sigurd Aslak Håvard Håvar Ivar Kjell-Arne Oddleif Oddvin Ronald Rudi Sveinulf
Tormod Torger Torkjell Vidkun Vilmar Ingvald Olaus Ole-Jørgen Per-Arne Jan-Ove Tor-Arne
"""
_MORE_WOMEN = """
Aase Agathe Agnethe Alise Aslaug Asta Astri Bergljot Birte Borgny Brynhild Cecilia Charlotte Dagmar
Dorte Eline Elina Elisa Erna Evy Gjertrud Grethe Gunbjørg Gunnvor Halldis Hallveig Hannah Henrikke
Herdis Hjørdis Ina Ine Ingebjørg Ingelin Ingri Isabel Isabella Jannicke Janicke Johanna Jorun
Karianne Katharina Kathrine Kine Kjellrun Kristiane Laura Lea Leah Lilly Liva Lotte Lovise Malin
Margit Margrete Margrethe Marion Mildrid Milla Mirjam Nanna Natalie Nathalie Norunn Olaug Olga Olina
Pia Ragnborg Rikke Rut Selma Sigrunn Sigfrid Solbjørg Solvor Stina Sylvi Sylvia Thale Therese Thora
Tina Torbjørg Turi Tyra Ulla Vera Vilja Åsne Aashild Ylva Kaia Karine Lisbet Margareth Merethe
Oddveig Jofrid Maiken Mariann Marielle Mariell Julia Emilia Olivia Ingvill Ingvil Edle Ragne Aslaug
Astrid Gunnbjørg Helga Inge-Lise Kirsti Kristen Liv-Marit Marta Oddlaug Ranveig Reidunn Sidsel
Sigbjørg Solvei Sonja Steinunn Synøve Torhild Valborg Vårin Åsta
"""

GIVEN_NAMES: frozenset[str] = (frozenset(_MEN.split()) | frozenset(_WOMEN.split())
                               | frozenset(_MORE_MEN.split()) | frozenset(_MORE_WOMEN.split()))

# Lower-case particles that may stand inside a name ('Ludvig von Trapp', 'Ida de Vries').
PARTICLES: frozenset[str] = frozenset({"von", "van", "de", "der", "den", "da", "di", "du", "af", "la", "le"})

# Capitalised words that mark an organisation or a place, never a person's name.
ORG_WORDS: frozenset[str] = frozenset({
    "as", "asa", "sa", "ans", "da", "ks", "kf", "iks", "hf", "ba", "nuf", "kommune", "kommunes",
    "fylkeskommune", "fylkeskommunes", "fylkeskommuner", "fylkesmannen", "statsforvalteren", "norge",
    "universitet", "universitetet", "høgskole", "høgskolen", "forening", "foreningen", "klynge",
    "klyngen", "gruppen", "gruppa", "senter", "senteret", "sentret", "stiftelse", "stiftelsen", "næringsråd",
    "næringshage", "næringshagen", "region", "regionen", "regionråd", "regionrådet", "rådet", "kommunene",
    "departement", "departementet", "direktorat", "direktoratet", "bank", "banken", "sparebank",
    "sparebanken", "holding", "invest", "consult", "consulting", "group", "innovasjon", "forskningsrådet",
    "sintef", "ntnu", "nhh", "bi", "nho", "lo", "ks",
    "ap", "h", "frp", "sp", "sv", "krf", "v", "mdg", "r", "rødt", "fylke", "fylket", "kommunestyret",
    "formannskapet", "styret", "styringsgruppen", "teknologi", "technologies", "technology", "energi",
    "hotell", "hotel", "park", "skole", "skolen", "sykehus", "sykehuset", "museum",
})

# Capitalised words that open sentences or headings and are never a given name or surname.
NOT_NAME_WORDS: frozenset[str] = frozenset({
    "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "desember", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    "det", "den", "de", "dette", "denne", "han", "hun", "vi", "jeg", "sak", "vedtak", "møte", "dato",
    "tid", "sted", "forfall", "navn", "rolle", "leder", "medlem", "varamedlem", "prosjektleder",
    "tlf", "mob", "e-post", "epost", "telefon", "adresse", "ansvar", "kontakt", "referat", "protokoll",
    "oslo", "bergen", "trondheim", "stavanger", "akershus", "østfold", "viken", "innlandet", "oppland",
    "hedmark", "buskerud", "vestfold", "telemark", "agder", "rogaland", "vestland", "hordaland",
    "nordland", "troms", "finnmark", "trøndelag", "møre", "romsdal", "sogn", "fjordane", 
    "hamar", "lillehammer", "gjøvik", "drammen", "kristiansand", "tromsø", "bodø",
    "norsk", "norske", "nord", "sør", "øst", "vest", "med", "og",
})

# Word endings of organisations and places in the definite form ('Kunnskapsbyen', 'Solklyngen',
# 'Næringsrådet'); no common surname ends so ('Hagen' is a surname: '-hagen' is left out).
ORG_SUFFIXES: tuple[str, ...] = ("byen", "klyngen", "gruppen", "senteret", "sentret", "foreningen", "regionen",
                                 "rådet", "parken", "verket", "banken", "laget", "kommune", "fylkeskommune",
                                 "utvalget", "styret", "nettverket", "programmet", "prosjektet", "forbund",
                                 "forbundet", "sykehjem", "sykehjemmet", "avdelingen", "etaten")
