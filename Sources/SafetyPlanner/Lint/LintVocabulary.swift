/// The words `safetyplan lint` looks for, in English and Spanish, with what to write instead.
///
/// The youth is never a "child prostitute" or a "runaway", and the adult who exploits a
/// child is named by what they do: DESIGN.md's language rules, and the source's
/// survivor-centred practice (the youth's own understanding of their experience shapes
/// the approach). Matching is by whole word, ignoring case; "john" is matched in lower
/// case only, so a person's name is not flagged.
enum LintVocabulary {
    /// A stigmatizing term and the wording to suggest.
    struct Term {
        var words: String
        var suggestion: String
        var isCaseSensitive = false
    }

    static let stigmatizingTerms: [Term] = [
        Term(words: "child prostitutes", suggestion: "youth who have experienced commercial sexual exploitation"),
        Term(words: "child prostitute", suggestion: "youth who has experienced commercial sexual exploitation"),
        Term(words: "teen prostitutes", suggestion: "youth who have experienced commercial sexual exploitation"),
        Term(words: "teen prostitute", suggestion: "youth who has experienced commercial sexual exploitation"),
        Term(words: "child prostitution", suggestion: "commercial sexual exploitation of children"),
        Term(words: "prostitutes", suggestion: "people who are exploited"),
        Term(words: "prostitute", suggestion: "person who is exploited"),
        Term(words: "sex workers", suggestion: "youth who have been exploited"),
        Term(words: "sex worker", suggestion: "youth who has been exploited"),
        Term(words: "pimps", suggestion: "traffickers\" or \"exploiters"),
        Term(words: "pimp", suggestion: "trafficker\" or \"exploiter"),
        Term(words: "johns", suggestion: "buyers", isCaseSensitive: true),
        Term(words: "john", suggestion: "buyer", isCaseSensitive: true),
        Term(words: "promiscuous", suggestion: "a plain description of what happened, without judgment"),
        Term(words: "runaways", suggestion: "youth who have left home"),
        Term(words: "runaway", suggestion: "youth who has left home"),
        Term(words: "niña prostituta", suggestion: "joven que ha vivido explotación sexual comercial"),
        Term(words: "niño prostituto", suggestion: "joven que ha vivido explotación sexual comercial"),
        Term(words: "prostitución infantil", suggestion: "explotación sexual comercial infantil"),
        Term(words: "prostitutas", suggestion: "personas explotadas"),
        Term(words: "prostitutos", suggestion: "personas explotadas"),
        Term(words: "prostituta", suggestion: "persona explotada"),
        Term(words: "prostituto", suggestion: "persona explotada"),
        Term(words: "trabajadoras sexuales", suggestion: "jóvenes que han vivido explotación"),
        Term(words: "trabajadores sexuales", suggestion: "jóvenes que han vivido explotación"),
        Term(words: "trabajadora sexual", suggestion: "joven que ha vivido explotación"),
        Term(words: "trabajador sexual", suggestion: "joven que ha vivido explotación"),
        Term(words: "padrotes", suggestion: "tratantes\" o \"quienes le explotan"),
        Term(words: "padrote", suggestion: "tratante\" o \"quien le explota"),
        Term(words: "proxenetas", suggestion: "tratantes\" o \"quienes le explotan"),
        Term(words: "proxeneta", suggestion: "tratante\" o \"quien le explota"),
        Term(words: "chulos", suggestion: "tratantes\" o \"quienes le explotan"),
        Term(words: "chulo", suggestion: "tratante\" o \"quien le explota"),
        Term(words: "promiscua", suggestion: "una descripción sin juicio de lo que pasó"),
        Term(words: "promiscuo", suggestion: "una descripción sin juicio de lo que pasó"),
        Term(words: "menor fugada", suggestion: "joven que se fue de casa"),
        Term(words: "menor fugado", suggestion: "joven que se fue de casa"),
        Term(words: "fugitiva", suggestion: "joven que se fue de casa"),
        Term(words: "fugitivo", suggestion: "joven que se fue de casa"),
    ]

    /// Proper names that contain a term and are allowed: the service's own name.
    static let allowedNames = ["National Runaway Safeline", "1800runaway.org"]

    /// Words that push a youth to act. A phrase right after "not"/"no" ("you do not have
    /// to", "no tienes que") reassures instead, and is not matched.
    static let pressurePhrases: [String] = [
        "you must", "you have to", "you need to", "you should", "you've got to", "you got to", "you gotta",
        "tienes que", "tiene que", "tendrás que", "debes", "deberías", "hay que", "necesitas irte", "necesitas dejar",
    ]

    /// What to say instead of a pressure phrase.
    static func pressureAdvice(language: String) -> String {
        language == "es"
            ? "say what the youth can do if they want (\"puedes\", \"cuando quieras\")"
            : "say what the youth can do if they want (\"you can\", \"when you are ready\")"
    }

    /// Labels a youth may not use for themselves; early-stage youth text goes without them.
    static let labels: [String] = [
        "victim", "victims", "trafficking", "trafficked", "exploitation", "exploited", "víctima", "víctimas",
        "trata de personas", "la trata", "explotación", "explotada", "explotado", "explotadas", "explotados",
    ]
}
