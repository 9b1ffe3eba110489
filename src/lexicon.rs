//! Word lists, kept as data.
//!
//! Every list the extractors use lives in one file under `data/`, one entry
//! per line (`#` starts a comment). This module loads each once and offers
//! simple lookups; the extractors never spell out word lists in code.

pub mod letters;
pub mod lower;
mod word_set;

use std::sync::LazyLock;
pub(crate) use word_set::Bits;
pub use word_set::{WordSet, lowered};

/// Parses a list file: trimmed lines, comments and blanks dropped.
pub fn entries(raw: &'static str) -> impl Iterator<Item = &'static str> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Abbreviations that end with a period inside a sentence (`Nr.`, `bzw.`).
pub static ABBREVIATIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/abbreviations.txt")));

/// Given names (`Kevin`, `Jeremy`, `Mads`) that open a person's full name.
pub static FIRST_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/first_names.txt")));

/// Name particles (`de`, `De`, `van`, `da`, `von`) inside or before surnames.
pub static NAME_PARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/name_particles.txt")));

/// Capitalised words that are never (part of) a person's name.
pub static NON_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/non_names.txt")));

/// Role nouns that introduce a name (`Trainer`, `Keeper`), lowercase.
pub static PERSON_ROLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/person_roles.txt")));

/// Verbs that attribute direct speech, with their particles (`fügte hinzu`).
pub static SPEECH_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/speech_verbs.txt")));

/// Role nouns and compound endings that describe a person (`trainer`, `keeper`).
pub static ROLE_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/role_nouns.txt")));

/// Nationality and origin nouns (`Spanier`, `Brasilianer`, `Südtiroler`).
pub static NATIONALITY_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/nationality_nouns.txt")));

/// Words between `mit` and an age (`mit gerade einmal 32 Jahren`).
pub static AGE_FILLERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/age_fillers.txt")));

/// Words marking an age as past (`der damals 30-Jährige`).
pub static AGE_PAST_MARKERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/age_past_markers.txt")));

/// Past-tense verbs that make an event age (`mit 18 Jahren`) past.
pub static AGE_PAST_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/age_past_verbs.txt")));

/// Words showing a number in parentheses counts something, not an age.
pub static COUNT_CONTEXT: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/count_context.txt")));

/// Prepositions whose following name is an object, not an antecedent.
pub static OPPONENT_PREPOSITIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/opponent_prepositions.txt")));

/// Personal pronouns that can name a speaker (`er`, `sie`).
pub static PRONOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/pronouns.txt")));

/// Articles, possessives and adverbs that may open a person description.
pub static DETERMINERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/determiners.txt")));

/// Parses a `word number` list (months, weekdays, number words).
pub fn numbered(raw: &'static str) -> Vec<(&'static str, i32)> {
    entries(raw)
        .filter_map(|l| {
            let (word, n) = l.rsplit_once(' ')?;
            Some((word.trim(), n.trim().parse().ok()?))
        })
        .collect()
}

/// Month names and abbreviations with their numbers (`data/months.txt`).
pub static MONTHS: LazyLock<Vec<(&'static str, i32)>> =
    LazyLock::new(|| numbered(include_str!("../data/months.txt")));

/// Weekdays with ISO numbers, Monday = 1 (`data/weekdays.txt`).
pub static WEEKDAYS: LazyLock<Vec<(&'static str, i32)>> =
    LazyLock::new(|| numbered(include_str!("../data/weekdays.txt")));

/// `heute`, `gestern`, … with their day offsets (`data/relative_days.txt`).
pub static RELATIVE_DAYS: LazyLock<Vec<(&'static str, i32)>> =
    LazyLock::new(|| numbered(include_str!("../data/relative_days.txt")));

/// Spelled-out numbers (`data/number_words.txt`).
pub static NUMBER_WORDS: LazyLock<Vec<(&'static str, i32)>> =
    LazyLock::new(|| numbered(include_str!("../data/number_words.txt")));

/// Nouns that make a preceding number a count (`2000 Zuschauer`).
pub static COUNT_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/count_nouns.txt")));

/// Verb forms and words that put a clause in the past.
pub static PAST_MARKERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/past_markers.txt")));

/// Words that point a clause to a coming event.
pub static FUTURE_MARKERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/future_markers.txt")));

/// Lowercase words ending in `-t` that are not verbs.
pub static NOT_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/not_verbs.txt")));

/// Looks a word up in a numbered list.
pub fn number_of(list: &[(&'static str, i32)], word: &str) -> Option<i32> {
    list.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// What follows the last `sep` byte in `word`, if it has one: the last
/// part of a compound (`Co-Trainer`, `Weltranglisten-357`). A byte search,
/// cheaper on short words than `rsplit_once`'s general one.
pub fn after_last(word: &str, sep: u8) -> Option<&str> {
    word.bytes()
        .rposition(|b| b == sep)
        .and_then(|i| word.get(i + 1..))
}

/// A regex alternation of the words of a list, longest first, escaped.
pub fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// Lowercase words ending in `-te`/`-ten` that are not past-tense verbs.
pub static NOT_PAST: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/not_past.txt")));

/// Words that make `die 20-Jährigen` a group rather than one person.
pub static GROUP_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/group_words.txt")));

/// Words before `N:M` that make it a ratio or statistic, not a score.
pub static SCORE_BLOCKERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/score_blockers.txt")));

/// Compound heads after `N:M-` that make it no score (`1:1-Situation`).
pub static SCORE_COMPOUND_BLOCKERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/score_compound_blockers.txt")));

/// Units after `N:M` that make it a clock time or duration (`Uhr`, `Stunden`).
pub static TIME_UNITS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/time_units.txt")));

/// Spelled-out minute ordinals, `word number` per line (`zwölften 12`).
pub static MINUTE_ORDINALS: LazyLock<std::collections::HashMap<&'static str, u32>> =
    LazyLock::new(|| {
        entries(include_str!("../data/minute_ordinals.txt"))
            .filter_map(|l| {
                let (w, n) = l.split_once(' ')?;
                Some((w, n.trim().parse().ok()?))
            })
            .collect()
    });

/// Word stems that say a goal was scored (`traf`, `Treffer`, `zum`).
pub static GOAL_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/goal_words.txt")));

/// Word stems of misses, saves and cards (`Pfosten`, `scheiterte`).
pub static MISS_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/miss_words.txt")));

/// Penalty markers (`Elfmeter`, `FE`, `Strafstoß`).
pub static PENALTY_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/penalty_words.txt")));

/// Own-goal markers (`Eigentor`, `ET`).
pub static OWN_GOAL_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/own_goal_words.txt")));

/// Tags that may follow a goal minute in a stamp (`PP`, `SH`, `EN`).
pub static GOAL_MINUTE_TAGS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/goal_minute_tags.txt")));

/// Words after `N:M` that make it a statistic (`18:5 Torschüssen`).
pub static SCORE_AFTER_BLOCKERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/score_after_blockers.txt")));

/// Words that say a goal did not count (`Abseits`, `aberkannt`).
pub static DISALLOWED_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/disallowed_words.txt")));

/// Club-name words (`SV`, `Red`, `Bull`) that belong to team names.
pub static CLUB_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/club_words.txt")));

/// Country names (`Belgien`, `Nordirland`): national teams, never persons.
pub static COUNTRIES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/countries.txt")));

/// Verbs by which a team beats the team named after them (`schlug`).
pub static WIN_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/win_verbs.txt")));

/// Words after a score that introduce the opponent (`gegen`, `über`).
pub static TEAM_LEAD_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/team_lead_words.txt")));

/// Articles marking an object noun phrase (`bezwang den Franzosen X`).
pub static OBJECT_ARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/object_articles.txt")));

/// Indefinite articles (`ein 23-jähriger Brasilianer` is a new person).
pub static INDEFINITE_ARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/indefinite_articles.txt")));

/// First-person pronouns: inside a quotation, `ich bin 32 Jahre alt` is
/// the speaker's age.
pub static FIRST_PERSON: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/first_person.txt")));

/// Articles before a short quoted title (`der „Tag des Ehrenamts“`).
pub static TITLE_ARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/title_articles.txt")));

/// Verbs that, right after a name, make that person the scorer (`traf`).
pub static SCORING_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/scoring_verbs.txt")));

/// Verbs that tell a goal even beyond the sentence of a prose minute.
pub static STRONG_GOAL_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/strong_goal_verbs.txt")));

/// Endings of keeper nouns (`torhüter`, `keeper`).
pub static KEEPER_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/keeper_words.txt")));

/// Words before a score that make it the score a goal produced (`zum`).
pub static SCORE_LEADS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/score_leads.txt")));

/// Compound heads after a score that make it a goal's score (`-führung`).
pub static SCORE_LEAD_COMPOUNDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/score_lead_compounds.txt")));

/// Suffixes of nouns no surname carries (`ung`, `schaft`).
pub static NOUN_SUFFIXES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/noun_suffixes.txt")));

/// Articles that make the next capitalised word a noun (`der`, `zum`).
pub static NOUN_ARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/noun_articles.txt")));

/// Home and away words with their side (`Gäste away`, `Hausherren home`).
pub static HOME_AWAY_WORDS: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    entries(include_str!("../data/home_away_words.txt"))
        .filter_map(|l| {
            let (w, side) = l.split_once(' ')?;
            Some((w, side.trim() == "home"))
        })
        .collect()
});

/// Words before a team name that make it an opponent or a place (`gegen`).
pub static TEAM_BLOCKING_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/team_blocking_words.txt")));

/// Words saying a clause's subject conceded a goal (`kassierte`).
pub static CONCEDE_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/concede_words.txt")));

/// Words after a name that make it a place or trophy (`Stadium`, `Cup`).
pub static PLACE_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/place_heads.txt")));

/// Lowercase words with adjective endings that are not attributes
/// (`gegen`, `ohne`): a name may follow them.
pub static NOT_ATTRIBUTES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/not_attributes.txt")));

/// Words before a bare month name that make it a date (`im Mai`).
pub static MONTH_CONTEXT: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/month_context.txt")));

/// Words before a four-digit number that make it a label (`Nr. 2010`).
pub static NUMBER_LABELS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/number_labels.txt")));

/// `ge-` words that are not past participles (`gegen`, `gestern`).
pub static NOT_PARTICIPLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/not_participles.txt")));

/// Prepositions that put a following date in the past (`seit`, `wegen`).
pub static PAST_PREPOSITIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/past_prepositions.txt")));

/// Nouns for half-time after `zur` (`pause`, `halbzeit`).
pub static HALFTIME_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/halftime_words.txt")));

/// Starts of label words before a half-time score (`halbzeitstand`).
pub static HALFTIME_LABELS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/halftime_labels.txt")));

/// Phrases after a score that make it the half-time score (`in die pause`).
pub static HALFTIME_AFTER: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/halftime_after.txt")));

/// Compound heads after `N:M-` for a score during play (`führung`).
pub static RUNNING_COMPOUNDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/running_compounds.txt")));

/// Forms of `liegen` (`lag`, `liegen`).
pub static LYING_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/lying_verbs.txt")));

/// Words after a score that tell it during play (`zurückgelegen`).
pub static RUNNING_AFTER: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/running_after.txt")));

/// Words after a score that tell it during play with a form of `liegen`.
pub static LYING_AFTER: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/lying_after.txt")));

/// Starts of nouns for a part of a game (`satz`, `drittel`).
pub static PERIOD_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/period_words.txt")));

/// Words just before a score that tell it during play (`noch`).
pub static RUNNING_BEFORE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/running_before.txt")));

/// Words right after a score that tell it during play (`gestanden`).
pub static RUNNING_NEXT: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/running_next.txt")));

/// Nouns for the state of play before a score (`stand`).
pub static STATE_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/state_words.txt")));

/// Phrases holding a miss word that tell no miss (`am langen pfosten`).
pub static NOT_MISS_PHRASES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/not_miss_phrases.txt")));

/// Conjunctions that end a clause (`und`, `ehe`).
pub static CLAUSE_BREAKS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/clause_breaks.txt")));

/// Phrases that tell an own goal (`ins eigene netz`).
pub static OWN_GOAL_PHRASES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/own_goal_phrases.txt")));

/// Nouns for the goal after `ins` (`tor`, `netz`, `eck`).
pub static GOAL_TARGETS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/goal_targets.txt")));

/// Nouns that tell a goal in the sentence of a prose minute (`führung`).
pub static WEAK_GOAL_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/weak_goal_words.txt")));

/// Verbs after a score that make it a result (`verloren`).
pub static RESULT_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/result_verbs.txt")));

/// Nouns after `im` for another match (`hinspiel`, `vorjahr`).
pub static OTHER_MATCH_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/other_match_words.txt")));

/// Labels of a fact box's goal line (`Tore:`).
pub static GOALS_LABELS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/goals_labels.txt")));

/// Endings of nouns for a match's outcome (`sieg`, `niederlage`).
pub static RESULT_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/result_nouns.txt")));

/// Stems of match-statistics nouns (`rebound`, `zweikampf`).
pub static STAT_STEMS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/stat_stems.txt")));

/// Plural nationality nouns with the country they stand for
/// (`Däninnen` → `Dänemark`).
pub static NATIONALITY_TEAMS: LazyLock<std::collections::HashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        entries(include_str!("../data/nationality_teams.txt"))
            .filter_map(|l| l.split_once(' '))
            .map(|(n, c)| (n, c.trim()))
            .collect()
    });

/// Endings of nouns that describe a team (`mannschaft`, `spitzenreiter`).
pub static TEAM_DESCRIPTIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/team_descriptions.txt")));

/// Words that open a clause with its subject (`der`, `sein`).
pub static NOMINATIVE_OPENERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/nominative_openers.txt")));

/// Prepositions that open an adverbial phrase (`am`, `im`).
pub static PREPOSITIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/prepositions.txt")));

/// Possessive determiners (`sein`, `ihre`).
pub static POSSESSIVES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/possessives.txt")));

/// Words for a consolation goal (`ehrentreffer`).
pub static CONSOLATION_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/consolation_words.txt")));

/// Name particles that are also prepositions (`von`).
pub static PREPOSITION_PARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/preposition_particles.txt")));

/// Verbs that equate subject and predicate (`ist`, `war`).
pub static COPULAS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/copulas.txt")));

/// Relative pronouns (`der`, `welche`).
pub static RELATIVE_PRONOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../data/relative_pronouns.txt")));
