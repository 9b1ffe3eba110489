//! HTML pages: the article text, its title and publication date.
//!
//! The page is parsed with a real HTML parser (html5ever through
//! `scraper`), so broken markup, entities (`&auml;`, `&#8222;`) and
//! comments are handled as a browser would. Then:
//!
//! - **Where the article is**: the `<article>` with the most text, else
//!   `<main>` (or `role="main"`), else `<body>`.
//! - **What is dropped**: navigation, asides, footers, scripts, styles,
//!   forms, embedded media, figures with their captions and photo credits,
//!   hidden elements, and `<header>` outside an `<article>` (the site
//!   banner; an article's own header with its headline and lead is kept).
//! - **Layout**: block elements (`p`, `div`, `h1`–`h6`, `li`, `blockquote`,
//!   …) become paragraphs separated by a blank line, as in the text files;
//!   `<br>` and table rows a line break; table cells are separated by a
//!   space. White space inside a paragraph collapses to one space (the
//!   no-break space included), except in `<pre>`. Soft hyphens and
//!   zero-width spaces are removed, so `Bundes&shy;liga` reads `Bundesliga`.
//! - **Title**: `og:title`, else the first `<h1>`, else `<title>`.
//! - **Published**: `article:published_time`, `datePublished` (meta,
//!   microdata or JSON-LD) and similar meta tags, else the first
//!   `<time datetime>` in the article.
//!
//! Offsets in the tables refer to the extracted text; `--keep-text` saves
//! it so they can be checked.

use crate::header::{PartialDate, parse_date};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The article text: paragraphs separated by blank lines, ending with a
    /// line end; empty when the page has no text.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
}

/// Extracts the article from a decoded HTML page.
///
/// ```
/// let page = anpfiff::read::html::extract(
///     "<html><head><title>Derby</title><script>var x = 1;</script></head>\
///      <body><nav>Start | Sport</nav><article><h1>3:1 im Derby</h1>\
///      <p>Bayern gewann am Sonntag&nbsp;3:1.</p></article></body></html>",
/// );
/// assert_eq!(page.text, "3:1 im Derby\n\nBayern gewann am Sonntag 3:1.\n");
/// assert_eq!(page.title.as_deref(), Some("3:1 im Derby"));
/// ```
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = content_root(&doc);
    let text = root.map(text_of).unwrap_or_default();
    Page {
        text,
        title: title(&doc, root),
        published: published(&doc, root),
    }
}

/// Elements whose whole content is dropped.
const DROPPED: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "object",
    "embed",
    "canvas",
    "svg",
    "math",
    "audio",
    "video",
    "picture",
    "figure",
    "figcaption",
    "dialog",
    "head",
    "title",
    "meta",
    "link",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alert",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

fn is_dropped(el: ElementRef<'_>) -> bool {
    let e = el.value();
    let name = e.name();
    if DROPPED.contains(&name) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = e.attr("role")
        && DROPPED_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
    {
        return true;
    }
    name == "header" && !el.ancestors().any(|a| is_named(a, "article"))
}

fn is_named(node: ego_tree::NodeRef<'_, Node>, name: &str) -> bool {
    matches!(node.value(), Node::Element(e) if e.name() == name)
}

/// The element that holds the article.
fn content_root(doc: &Html) -> Option<ElementRef<'_>> {
    let elements = || doc.root_element().descendent_elements();
    let best_article = elements()
        .filter(|e| e.value().name() == "article")
        .map(|e| (text_of(e).chars().count(), e))
        // the first of equally long ones
        .fold(None::<(usize, ElementRef<'_>)>, |best, (n, e)| match best {
            Some((m, _)) if m >= n => best,
            _ => Some((n, e)),
        });
    if let Some((n, e)) = best_article
        && n > 0
    {
        return Some(e);
    }
    elements()
        .find(|e| e.value().name() == "main")
        .or_else(|| elements().find(|e| e.value().attr("role") == Some("main")))
        .or_else(|| elements().find(|e| e.value().name() == "body"))
        .or_else(|| Some(doc.root_element()))
}

/// Builds text with HTML white-space rules.
#[derive(Default)]
struct TextBuilder {
    out: String,
    /// Line ends owed before the next text (1 = line break, 2 = paragraph).
    newlines: usize,
    space: bool,
}

impl TextBuilder {
    fn text(&mut self, t: &str, pre: bool) {
        for ch in t.chars() {
            if matches!(ch, '\u{AD}' | '\u{200B}' | '\u{FEFF}') {
                continue;
            }
            if pre && ch == '\n' {
                self.push_pending();
                self.out.push('\n');
                continue;
            }
            if ch.is_whitespace() && !pre {
                self.space = true;
                continue;
            }
            self.push_pending();
            self.out.push(if ch.is_whitespace() { ' ' } else { ch });
        }
    }

    fn push_pending(&mut self) {
        if self.out.is_empty() {
            self.newlines = 0;
            self.space = false;
            return;
        }
        if self.newlines > 0 {
            while self.out.ends_with(' ') {
                self.out.pop();
            }
            for _ in 0..self.newlines {
                self.out.push('\n');
            }
        } else if self.space && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        self.newlines = 0;
        self.space = false;
    }

    fn line_break(&mut self) {
        self.newlines = self.newlines.max(1);
    }

    fn paragraph(&mut self) {
        self.newlines = 2;
    }

    fn finish(mut self) -> String {
        let kept = self.out.trim_end().len();
        self.out.truncate(kept);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

/// The text under `root`, without dropped elements.
fn text_of(root: ElementRef<'_>) -> String {
    let mut b = TextBuilder::default();
    // > 0 while inside a dropped element (counts open elements in it)
    let mut dropped = 0usize;
    let mut pre = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let Some(el) = ElementRef::wrap(node) else {
                        continue;
                    };
                    if dropped > 0 || (node != *root && is_dropped(el)) {
                        dropped += 1;
                        continue;
                    }
                    boundary(&mut b, e.name());
                    if e.name() == "pre" {
                        pre += 1;
                    }
                }
                Node::Text(t) if dropped == 0 => b.text(t, pre > 0),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if dropped > 0 {
                        dropped -= 1;
                        continue;
                    }
                    boundary(&mut b, e.name());
                    if e.name() == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                }
            }
        }
    }
    b.finish()
}

/// What an element's start or end does to the text flow.
fn boundary(b: &mut TextBuilder, name: &str) {
    match name {
        "br" | "tr" => b.line_break(),
        "td" | "th" => b.space = true,
        n if BLOCKS.contains(&n) => b.paragraph(),
        _ => {}
    }
}

fn collapse(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    for key in keys {
        for e in doc.root_element().descendent_elements() {
            let v = e.value();
            if v.name() != "meta" {
                continue;
            }
            let named = ["property", "name", "itemprop"]
                .iter()
                .filter_map(|a| v.attr(a))
                .any(|a| a.trim().eq_ignore_ascii_case(key));
            if named && let Some(c) = v.attr("content").and_then(collapse) {
                return Some(c);
            }
        }
    }
    None
}

fn title(doc: &Html, root: Option<ElementRef<'_>>) -> Option<String> {
    let first = |scope: ElementRef<'_>, name: &str| {
        scope
            .descendent_elements()
            .find(|e| e.value().name() == name)
            .and_then(|e| collapse(&e.text().collect::<String>()))
    };
    meta(doc, &["og:title", "twitter:title"])
        .or_else(|| root.and_then(|r| first(r, "h1")))
        .or_else(|| first(doc.root_element(), "h1"))
        .or_else(|| first(doc.root_element(), "title"))
}

/// Meta keys that hold the publication date, most specific first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "datePublished",
    "og:published_time",
    "publishdate",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
];

fn published(doc: &Html, root: Option<ElementRef<'_>>) -> Option<PartialDate> {
    let date = |s: &str| parse_date(s.trim()).map(|(d, _)| d);
    if let Some(d) = meta(doc, DATE_KEYS).and_then(|v| date(&v)) {
        return Some(d);
    }
    let all = || doc.root_element().descendent_elements();
    let microdata = all()
        .filter(|e| e.value().attr("itemprop") == Some("datePublished"))
        .find_map(|e| {
            let v = e.value();
            v.attr("content").or(v.attr("datetime")).and_then(date)
        });
    if microdata.is_some() {
        return microdata;
    }
    let ld = all()
        .filter(|e| {
            e.value().name() == "script"
                && e.value()
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .find_map(|e| {
            let json: serde_json::Value =
                serde_json::from_str(&e.text().collect::<String>()).ok()?;
            find_key(&json, "datePublished").and_then(date)
        });
    if ld.is_some() {
        return ld;
    }
    root?
        .descendent_elements()
        .filter(|e| e.value().name() == "time")
        .find_map(|e| e.value().attr("datetime").and_then(date))
}

/// The first string under `key` anywhere in a JSON value.
fn find_key<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    match v {
        serde_json::Value::Object(m) => m
            .get(key)
            .and_then(|x| x.as_str())
            .or_else(|| m.values().find_map(|x| find_key(x, key))),
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_key(x, key)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_dropped_and_paragraphs_kept() {
        let p = extract(
            "<body><header><a href=/>Sportblatt</a></header>\
             <nav><ul><li>Fußball</li><li>Handball</li></ul></nav>\
             <main><p>Erster   Absatz\nmit Umbruch.</p><div>Zweiter<br>Teil</div>\
             <figure><img src=x><figcaption>Foto: Agentur</figcaption></figure>\
             <div hidden>versteckt</div><style>p{}</style>\
             <p>Der Bundes&shy;liga-Klub &#8222;gewann&#8220; &amp; feierte.</p></main>\
             <footer>Impressum</footer></body>",
        );
        assert_eq!(
            p.text,
            "Erster Absatz mit Umbruch.\n\nZweiter\nTeil\n\nDer Bundesliga-Klub „gewann“ & feierte.\n"
        );
    }

    #[test]
    fn the_longest_article_wins_and_its_header_stays() {
        let p = extract(
            "<article><p>Kurz.</p></article>\
             <article><header><h1>Titel</h1><time datetime=\"2024-05-12T18:30\">Sonntag</time>\
             </header><p>Ein langer Bericht über das Spiel.</p></article>",
        );
        assert!(
            p.text.starts_with("Titel\n\nSonntag\n\nEin langer"),
            "{}",
            p.text
        );
        assert_eq!(p.published, Some(PartialDate::day(2024, 5, 12)));
        assert_eq!(p.title.as_deref(), Some("Titel"));
    }

    #[test]
    fn metadata_sources() {
        let p = extract(
            "<html><head><title>Seite</title>\
             <meta property=\"og:title\" content=\" Das  Derby \">\
             <meta property=\"article:published_time\" content=\"2023-10-01T12:00:00+02:00\">\
             </head><body><p>Text</p></body></html>",
        );
        assert_eq!(p.title.as_deref(), Some("Das Derby"));
        assert_eq!(p.published, Some(PartialDate::day(2023, 10, 1)));
        let p = extract(
            "<head><title>Nur Titel</title><script type=\"application/ld+json\">\
             {\"@graph\": [{\"@type\": \"NewsArticle\", \"datePublished\": \"2022-03\"}]}\
             </script></head><body><p>Text</p></body>",
        );
        assert_eq!(p.title.as_deref(), Some("Nur Titel"));
        assert_eq!(p.published.map(|d| d.iso()), Some("2022-03".into()));
    }

    #[test]
    fn tables_pre_and_empty_pages() {
        let p = extract(
            "<table><tr><td>Bayern</td><td>3:1</td></tr><tr><td>Köln</td></tr></table>\
             <pre>a  b\nc</pre>",
        );
        assert_eq!(p.text, "Bayern 3:1\nKöln\n\na  b\nc\n");
        assert_eq!(extract("<script>x</script>").text, "");
        assert_eq!(extract("").text, "");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}Tief{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(extract(&html).text, "Tief\n");
    }
}
