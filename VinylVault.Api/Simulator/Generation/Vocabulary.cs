namespace VinylVault.Api.Simulator.Generation;

/// <summary>Word lists the generated collection is built from: enough variety that a grid of covers looks real.</summary>
internal static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "Alice", "Ben", "Carla", "Dmitri", "Elena", "Fela", "Gil", "Hiro", "Ines", "Jesper", "Kaito", "Lena", "Miles",
        "Nina", "Oscar", "Paula", "Quincy", "Rosa", "Sun", "Tomasz", "Ulla", "Victor", "Wanda", "Xavier", "Yoko",
        "Zoë", "Björn", "Søren", "Ólafur", "Ana", "José", "François", "Małgorzata", "Jürgen", "Ayşe", "Nneka", "Ravi",
    ];

    public static readonly string[] LastNames =
    [
        "Adeyemi", "Bergström", "Coltrane", "Dahlbäck", "Evans", "Fontaine", "García", "Hancock", "Ibáñez", "Jansen",
        "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Neill", "Petrov", "Quist", "Rossi", "Sakamoto", "Tanaka",
        "Umeh", "Vasquez", "Wójcik", "Xu", "Yilmaz", "Żukowski", "Müller", "Nørgaard", "Øvrebø", "Smith", "Brown",
    ];

    public static readonly string[] BandWords =
    [
        "Velvet", "Echo", "Midnight", "Crystal", "Orbit", "Paper", "Neon", "Silver", "Static", "Hollow", "Golden",
        "Electric", "Quiet", "Lunar", "Iron", "Wild", "Sonic", "Broken", "Northern", "Desert", "Ocean", "Analog",
        "Cosmic", "Rusty", "Tender", "Fuzz", "Polar", "Secret", "Marble", "Copper", "Solar", "Delta",
    ];

    public static readonly string[] BandNouns =
    [
        "Machines", "Foxes", "Gardens", "Ghosts", "Horizons", "Rivers", "Tapes", "Engines", "Pilots", "Lovers",
        "Signals", "Shadows", "Satellites", "Wolves", "Dreamers", "Collective", "Orchestra", "Trio", "Quartet",
        "Sound System", "Experience", "Brothers", "Sisters", "Band", "Ensemble", "Project",
    ];

    // Names as Discogs spells them: disambiguated, non-Latin, with "The" moved to the end.
    public static readonly string[] SpecialArtists =
    [
        "Persuader, The", "Sigur Rós", "Mötley Crüe", "坂本龍一", "Кино", "Ásgeir", "Émilie Simon", "Cœur de pirate",
        "Kraftwerk", "Daft Punk", "Orion", "Royal", "Theory", "Dr. Know", "Sault", "Khruangbin", "Tinariwen",
        "Fela Kuti", "Os Mutantes", "Ryō Fukui", "Ali Farka Touré", "Bonobo", "Aphex Twin", "Portishead",
    ];

    public static readonly string[] Joins = ["&", "/", "Featuring", "Vs.", ",", "And", "Meets", "Presents"];

    public static readonly string[] TitleWords =
    [
        "Night", "Sun", "Blue", "Echoes", "River", "Summer", "Dreams", "Fire", "Light", "Waves", "City", "Love",
        "Shadow", "Gold", "Morning", "Rain", "Stars", "Heart", "Motion", "Silence", "Ghost", "Garden", "Machine",
        "Voyage", "Island", "Horizon", "Memory", "Ritual", "Paradise", "Mirror", "Tide", "Velvet", "Spiral",
        "Östermalm", "Søndag", "Sóley", "Fiesta", "Noche", "Été", "Café", "Aurora", "Kyoto", "Lagos", "Havana",
    ];

    public static readonly string[] TitlePatterns =
    [
        "{0}", "{0} {1}", "The {0} {1}", "{0} Of {1}", "{0} & {1}", "{0} In {1}", "Songs For {0}", "{0} Sessions",
        "{0} {1} (Remastered)", "Live At The {0}", "{0} Vol. {2}", "{0} / {1}", "{0}™", "Untitled",
    ];

    public static readonly string[] Labels =
    [
        "Warp Records", "Blue Note", "Svek", "!K7 Records", "Ninja Tune", "Rough Trade", "4AD", "Sub Pop", "Motown",
        "Island", "Trojan Records", "Impulse!", "ECM Records", "Strut", "Soul Jazz Records", "Stones Throw",
        "XL Recordings", "Mute", "Factory", "Creation Records", "Brainfeeder", "Hyperdub", "R&S Records",
        "Columbia", "Deutsche Grammophon", "Analog Africa", "Light In The Attic", "Numero Group", "Not On Label",
    ];

    public static readonly string[] Countries =
    [
        "UK", "US", "US", "UK", "Germany", "France", "Japan", "Sweden", "Netherlands", "Jamaica", "Italy", "Canada",
        "Europe", "Nigeria", "Brazil", "Iceland", "Poland", "Russia", "Belgium", "Australia", "",
    ];

    public static readonly (string Genre, string[] Styles)[] Genres =
    [
        ("Electronic", ["Techno", "Deep House", "Ambient", "Downtempo", "Trip Hop", "IDM", "Drum n Bass", "Dub Techno", "Electro"]),
        ("Rock", ["Indie Rock", "Post-Punk", "Shoegaze", "Psychedelic Rock", "Krautrock", "Punk", "Prog Rock", "Garage Rock"]),
        ("Jazz", ["Hard Bop", "Modal", "Free Jazz", "Cool Jazz", "Fusion", "Spiritual Jazz", "Soul-Jazz"]),
        ("Funk / Soul", ["Soul", "Funk", "Disco", "Afrobeat", "Rhythm & Blues", "Neo Soul"]),
        ("Hip Hop", ["Boom Bap", "Instrumental", "Conscious", "Jazzy Hip-Hop", "Trip Hop"]),
        ("Pop", ["Synth-pop", "Indie Pop", "Chanson", "J-pop", "Ballad", "Europop"]),
        ("Reggae", ["Roots Reggae", "Dub", "Ska", "Rocksteady", "Dancehall"]),
        ("Classical", ["Baroque", "Romantic", "Modern Classical", "Contemporary", "Minimal"]),
        ("Folk, World, & Country", ["Folk", "Highlife", "Bossa Nova", "Afro-Cuban", "Country", "Tuareg"]),
        ("Blues", ["Chicago Blues", "Delta Blues", "Electric Blues"]),
        ("Latin", ["Salsa", "Cumbia", "MPB", "Tropicália"]),
        ("Stage & Screen", ["Soundtrack", "Score", "Musical"]),
    ];

    public static readonly string[] MediaConditions =
    [
        "Mint (M)", "Near Mint (NM or M-)", "Very Good Plus (VG+)", "Very Good (VG)", "Good Plus (G+)", "Good (G)",
        "Fair (F)", "Poor (P)",
    ];

    public static readonly string[] SleeveConditions = [.. MediaConditions, "Generic", "Not Graded", "No Cover"];

    public static readonly string[] ItemNotes =
    [
        "Bought at Rough Trade East.", "Signed by the artist on the inner sleeve.", "Gift from Dad, 1998.",
        "Small seam split, plays perfectly.", "Promo copy, white label.", "Found in a Berlin flea market — €3!",
        "Hype sticker on shrink.", "Needs a clean.", "Duplicate: the one to trade.", "Original inner sleeve missing.",
        "東京で購入", "Numbered 0231/500.",
    ];

    public static readonly string[] ReleaseNotes =
    [
        "Recorded at the Globe studio in Stockholm.\r\nThe titles are the names of the city's districts.\r\n",
        "Limited to 500 copies.", "Includes download code.", "Comes in a gatefold sleeve with a printed inner.",
        "Mastered at Dubplates & Mastering, Berlin.", "℗ & © the label. Made in the EU.",
        "Tracks A1 and B2 previously unreleased.\nRemastered from the original tapes.",
        "Pressed on 180 g vinyl. Includes a 12-page booklet with liner notes in English and 日本語.",
    ];

    public static readonly string[] Headings = ["Side One", "Side Two", "Bonus Tracks", "Part I", "Part II", "Live"];

    public static readonly string[] Roles = ["Producer", "Mastered By", "Written-By", "Mixed By", "Artwork", "Remix"];

    public static readonly string[] Folders = ["Jazz Shelf", "12\" Singles", "To Sell", "Kids' Records", "Für Elise & Co.", "Cassettes"];

    public static readonly string[] Palette =
    [
        "#1f3a5f", "#c44536", "#e09f3e", "#335c67", "#540b0e", "#2a9d8f", "#8d99ae", "#6d597a", "#264653",
        "#f4a261", "#3a5a40", "#9a031e", "#0b132b", "#5f0f40", "#fb8b24", "#e9c46a", "#118ab2", "#073b4c",
    ];
}
