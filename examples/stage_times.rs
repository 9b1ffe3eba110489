//! Times each stage on one file: `cargo run --release --example stage_times FILE`.

use anpfiff::article::Article;
use anpfiff::extract::{self, Context};
use anpfiff::read::{Encoding, decode};
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stage_times FILE");
        return;
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    let t = Instant::now();
    let (text, enc) = decode(&bytes).unwrap_or((String::new(), Encoding::Utf8));
    let article = Article::new(path.clone(), path, enc, &text);
    println!("read+normalise+segment: {:?}", t.elapsed());
    let t = Instant::now();
    let ctx = Context::new(&article);
    println!("people: {:?}", t.elapsed());
    for e in extract::all() {
        let t = Instant::now();
        let rows = e.extract(&ctx);
        println!(
            "{}: {} rows in {:?}",
            e.spec().name,
            rows.len(),
            t.elapsed()
        );
    }
}
