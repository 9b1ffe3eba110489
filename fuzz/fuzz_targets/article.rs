//! The whole per-article path: decode → normalise → segment → every
//! extractor → link → character offsets. Any panic is a bug; every row must
//! point at its own text.
#![no_main]

use anpfiff::article::Article;
use anpfiff::extract;
use anpfiff::pipeline::analyse;
use anpfiff::read::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((text, encoding)) = decode(data) else {
        return;
    };
    let article = Article::new("fuzz.txt".into(), "fuzz.txt".into(), encoding, &text);
    let extractors = extract::all();
    // raw extractor output: spans on character boundaries inside the text
    let ctx = extract::Context::new(&article);
    for e in &extractors {
        for row in e.extract(&ctx) {
            assert!(row.start <= row.end && row.end <= article.text.len());
            assert!(article.text.is_char_boundary(row.start) && article.text.is_char_boundary(row.end));
        }
    }
    let out = analyse(&article, &extractors);
    let chars: Vec<char> = article.text.chars().collect();
    for table in &out.tables {
        for row in table {
            let span: String = chars[row.start..row.end].iter().collect();
            assert_eq!(span, row.text);
        }
    }
});
