//! No input makes an extractor panic, and every row points at its text.

use anpfiff::article::Article;
use anpfiff::extract::{self, Context};
use anpfiff::pipeline::analyse;
use proptest::prelude::*;

/// Pieces of German sports text, including the characters the patterns
/// look for (digits, colons, parentheses, quotation marks).
const TOKENS: &[&str] = &[
    "Bayern",
    "Kevin De Bruyne",
    "Doku",
    "Müller",
    "Trainer",
    "der",
    "die",
    "sagte",
    "erklärte",
    "so",
    "gewann",
    "verlor",
    "gegen",
    "am",
    "Sonntag",
    "Mittwochabend",
    "vergangenen",
    "kommenden",
    "heute",
    "gestern",
    "7.",
    "September",
    "2025",
    "07.09.2025",
    "7.9.",
    "2015/16",
    "1:0",
    "2:1",
    "(1:0)",
    "0:6-Klatsche",
    "n.V.",
    "i.E.",
    "(42.)",
    "(90.+2)",
    "(45.+1/Elfmeter)",
    "(68., 78.)",
    "(87. Schöne)",
    "Tore:",
    "20.45 Uhr",
    "44-Jährige",
    "(44)",
    "mit 32 Jahren",
    "„",
    "“",
    "\"",
    "»",
    "«",
    "‚",
    "‘",
    "'",
    "(",
    ")",
    ":",
    ",",
    ".",
    "-",
    "–",
    "\n",
    "\n\n",
    " ",
    "date: 2024-05-12\n",
    "vor 77 Jahren",
    "Minute",
    "zum",
    "das",
    "7:6(5)",
    "6:3,",
    "ß",
    "é",
    "🏆",
    "\u{308}",
    "\r\n",
    "\u{feff}",
];

fn german_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|t| {
        t.iter()
            .enumerate()
            .map(|(i, s)| {
                if i % 3 == 0 {
                    format!("{s} ")
                } else {
                    (*s).to_string()
                }
            })
            .collect()
    })
}

fn check(text: &str) {
    let article = Article::from_text("p.txt", text);
    let extractors = extract::all();
    let ctx = Context::new(&article);
    for e in &extractors {
        for row in e.extract(&ctx) {
            assert!(row.start < row.end, "{}: empty span {row:?}", e.spec().name);
            assert!(
                row.end <= article.text.len(),
                "{}: span past the end",
                e.spec().name
            );
            assert!(
                article.text.is_char_boundary(row.start) && article.text.is_char_boundary(row.end),
                "{}: span off character boundaries",
                e.spec().name
            );
            assert_eq!(
                row.values.len(),
                e.spec().columns.len(),
                "{}: column count",
                e.spec().name
            );
        }
    }
    let out = analyse(&article, &extractors);
    let chars: Vec<char> = article.text.chars().collect();
    assert_eq!(out.chars, chars.len());
    for table in &out.tables {
        for row in table {
            assert!(row.start < row.end && row.end <= chars.len());
            let span: String = chars[row.start..row.end].iter().collect();
            assert_eq!(span, row.text);
            assert!(row.sentence >= 1 && row.sentence <= out.sentences.max(1));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn german_looking_text_never_panics(text in german_like()) {
        check(&text);
    }
}
