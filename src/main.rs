//! The `anpfiff` command line: a thin layer over the library.

use anpfiff::eval;
use anpfiff::pipeline::{self, Config, Input, RunError};
use anpfiff::shard::Shard;
use anpfiff::write::{self, Destination, Dialect, Format};
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: every article allocates a
/// few hundred small blocks on a worker thread, and mimalloc's per-thread
/// free lists serve them in a fraction of glibc's instructions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn German sports articles into tables of dates, scores, goals, ages
/// and quotes — CSV, JSON Lines or an Excel workbook.
///
/// Reads folders (recursively) of .txt, .md, .html and .htm articles, or
/// JSON Lines on standard input, and writes one table per kind of fact,
/// each row with character offsets back into the article text.
///
/// Exit status: 0 when at least one article was processed and all tables
/// were written (files that failed are listed in the errors table); 1 when
/// no article could be processed or the output could not be written; 2 for
/// usage errors. Standard input or a shard with nothing in it at all is not
/// an error (exit 0).
#[derive(Parser, Debug)]
#[command(
    name = "anpfiff",
    version,
    verbatim_doc_comment,
    after_long_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Folders or files to read (default: corpus/); `-` reads JSON Lines
    /// from standard input.
    ///
    /// Folders are walked recursively for .txt, .md, .html and .htm files
    /// (sorted; the article_id is the path inside the folder). HTML pages
    /// are reduced to their article text. With `-`, every line is one
    /// article: {"id": "…", "text": "…", "date": "YYYY-MM-DD"} (`text`
    /// required; `date` and `title` optional and winning over a header in
    /// the text; a line without `id` is called stdin:LINE).
    ///
    /// Example: anpfiff archive/2024 extra/seite.html -o tables
    /// Example: zcat articles.jsonl.gz | anpfiff - -o tables
    #[arg(
        value_name = "INPUT",
        verbatim_doc_comment,
        help = "Folders or files to read (default: corpus/); - reads JSON Lines from stdin"
    )]
    inputs: Vec<PathBuf>,

    /// Output folder for the tables; `-` writes JSON Lines to standard
    /// output (needs --format jsonl).
    ///
    /// Tables are written to hidden .partial files and renamed when the run
    /// is complete; existing tables of the same name are replaced.
    ///
    /// Example: anpfiff corpus -o /data/tabellen
    #[arg(
        short,
        long,
        default_value = "out",
        value_name = "FOLDER",
        verbatim_doc_comment,
        help = "Output folder; - writes JSON Lines to stdout"
    )]
    out: PathBuf,

    /// Output format: csv (one file per table), jsonl (one JSON object per
    /// row, in anpfiff.jsonl or on standard output), xlsx (anpfiff.xlsx, one
    /// sheet per table).
    ///
    /// jsonl: every object starts with "table" ("articles", "dates", …,
    /// "errors"); numeric columns are numbers or null, the rest strings.
    /// xlsx: frozen header, autofilter, numbers as numbers, full dates as
    /// dates, text always as text (never a formula).
    ///
    /// Example: anpfiff corpus --format xlsx -o bericht
    /// Example: anpfiff - --format jsonl -o - < artikel.jsonl > zeilen.jsonl
    #[arg(long, value_enum, default_value_t = FormatArg::Csv, verbatim_doc_comment, help = "Output format")]
    format: FormatArg,

    /// CSV for Excel: UTF-8 BOM, `;` between fields, CRLF line ends — what
    /// German Excel opens as proper columns by double-click.
    ///
    /// Example: anpfiff corpus --excel -o fuer-excel
    #[arg(
        long,
        verbatim_doc_comment,
        help = "CSV for German Excel: UTF-8 BOM, ;, CRLF"
    )]
    excel: bool,

    /// CSV field delimiter: one ASCII character, or `tab` (default `,`, or
    /// `;` with --excel).
    ///
    /// Example: anpfiff corpus --delimiter tab -o tsv
    #[arg(long, value_name = "C", value_parser = parse_delimiter, verbatim_doc_comment, help = "CSV field delimiter: one ASCII character, or tab")]
    delimiter: Option<u8>,

    /// Run only these tables' extractors, comma-separated: dates, scores,
    /// goals, ages, quotes, matches (= scores and goals).
    ///
    /// Only their tables are written, plus articles and errors; matches only
    /// when both scores and goals run. articles.csv then has count columns
    /// for these tables only.
    ///
    /// Example: anpfiff corpus --only dates,goals
    #[arg(
        long,
        value_name = "TABLES",
        value_delimiter = ',',
        verbatim_doc_comment,
        help = "Run only these tables: dates,scores,goals,ages,quotes,matches"
    )]
    only: Option<Vec<String>>,

    /// Process only shard K of N (K from 1 to N): the articles whose id
    /// hashes to it, so N machines or array jobs split one corpus without
    /// coordination. Together the N shards give exactly the rows of one run.
    ///
    /// Example: anpfiff corpus --shard 2/8 -o out-2
    /// Example (SLURM, #SBATCH --array=1-8):
    ///   anpfiff corpus --shard $SLURM_ARRAY_TASK_ID/8 -o out-$SLURM_ARRAY_TASK_ID
    #[arg(
        long,
        value_name = "K/N",
        verbatim_doc_comment,
        help = "Process only shard K of N (1-based) of the articles"
    )]
    shard: Option<Shard>,

    /// Also save each article's normalised text as OUT/texts/<article_id>,
    /// the text every start/end offset refers to (for HTML: the extracted
    /// text).
    ///
    /// Example: anpfiff seiten/ --keep-text -o out
    #[arg(
        long,
        verbatim_doc_comment,
        help = "Save each article's text as OUT/texts/<article_id>"
    )]
    keep_text: bool,

    /// Worker threads (default: all cores).
    ///
    /// Example: anpfiff corpus -j 4
    #[arg(
        short,
        long,
        value_name = "N",
        verbatim_doc_comment,
        help = "Worker threads (default: all cores)"
    )]
    jobs: Option<usize>,

    /// Do not prefix CSV text cells starting with = + - @ TAB CR with '
    /// (for machine consumers; the guard protects spreadsheet users).
    ///
    /// Example: anpfiff corpus --no-formula-guard -o roh
    #[arg(
        long,
        verbatim_doc_comment,
        help = "No ' before CSV text cells starting with = + - @"
    )]
    no_formula_guard: bool,

    /// Print nothing but errors: no summary, no progress bar (the bar is
    /// only drawn when standard error is a terminal anyway).
    ///
    /// Example: anpfiff corpus -q
    #[arg(
        short,
        long,
        verbatim_doc_comment,
        help = "Print nothing but errors (no summary, no progress bar)"
    )]
    quiet: bool,
}

const EXAMPLES: &str = "\
Examples:
  anpfiff                                    # the bundled corpus/ into out/
  anpfiff archive/2024 -o tables             # any folders, recursively
  anpfiff corpus --excel -o excel            # CSV that German Excel opens
  anpfiff corpus --format xlsx -o bericht    # one workbook, one sheet per table
  anpfiff - --format jsonl -o - < in.jsonl   # a line filter (Spark, Hadoop)
  anpfiff corpus --shard 3/8 -o out-3        # the third of eight machines
  anpfiff eval fixtures/gold out --show 20   # score tables against gold";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Csv,
    Jsonl,
    Xlsx,
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => match s.as_bytes() {
            [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => Ok(*b),
            _ => Err(format!(
                "{s:?} is not one ASCII character; use e.g. --delimiter ';' or --delimiter tab"
            )),
        },
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Score an output folder against gold annotations, as the SPEC's
    /// "Scoring" section defines (same table as eval/score.py).
    ///
    /// Example: anpfiff eval fixtures/gold out --show 20
    Eval {
        /// Folder with texts/ and gold CSVs (dates.csv, scores.csv, …).
        gold: PathBuf,
        /// Folder the program wrote.
        pred: PathBuf,
        /// List up to N differences per table at the full level.
        #[arg(long, default_value_t = 0)]
        show: usize,
        /// Tables to score, comma-separated.
        #[arg(long, default_value = "dates,scores,goals,ages,quotes")]
        tables: String,
    },
}

/// Ends the program with a usage error (exit status 2).
fn usage(message: impl std::fmt::Display) -> ! {
    Cli::command()
        .error(ErrorKind::ArgumentConflict, message)
        .exit()
}

fn config(cli: Cli) -> Config {
    let format = match cli.format {
        FormatArg::Csv => {
            let mut dialect = if cli.excel {
                Dialect::EXCEL
            } else {
                Dialect::STANDARD
            };
            if let Some(d) = cli.delimiter {
                dialect.delimiter = d;
            }
            Format::Csv(dialect)
        }
        other => {
            if cli.excel || cli.delimiter.is_some() {
                usage(format!(
                    "--excel and --delimiter are for CSV; leave them out with --format {}",
                    if other == FormatArg::Xlsx {
                        "xlsx"
                    } else {
                        "jsonl"
                    }
                ));
            }
            if other == FormatArg::Xlsx {
                Format::Xlsx
            } else {
                Format::Jsonl
            }
        }
    };
    let input = match cli.inputs.as_slice() {
        [] => Input::Paths(vec![PathBuf::from("corpus")]),
        [one] if one.as_os_str() == "-" => Input::Stdin,
        many if many.iter().any(|p| p.as_os_str() == "-") => usage(
            "`-` (JSON Lines on standard input) cannot be combined with other inputs; \
             run once per source",
        ),
        many => Input::Paths(many.to_vec()),
    };
    let output = if cli.out.as_os_str() == "-" {
        if format != Format::Jsonl {
            usage("-o - writes to standard output, which needs --format jsonl");
        }
        if cli.keep_text {
            usage("--keep-text writes files: give an output folder with -o instead of -");
        }
        Destination::Stdout
    } else {
        Destination::Folder(cli.out)
    };
    Config {
        input,
        output,
        jobs: cli.jobs,
        write: write::Options {
            formula_guard: !cli.no_formula_guard,
            format,
            keep_text: cli.keep_text,
        },
        only: cli.only,
        shard: cli.shard,
        progress: !cli.quiet && std::io::stderr().is_terminal(),
    }
}

/// Where a reader finds the rows of failed files.
fn errors_hint(config: &Config) -> String {
    match (&config.output, config.write.format) {
        (Destination::Stdout, _) => "the \"errors\" rows on standard output".into(),
        (Destination::Folder(p), Format::Csv(_)) => format!("{}/errors.csv", p.display()),
        (Destination::Folder(p), Format::Jsonl) => {
            format!("the \"errors\" rows in {}/anpfiff.jsonl", p.display())
        }
        (Destination::Folder(p), Format::Xlsx) => {
            format!("the errors sheet in {}/anpfiff.xlsx", p.display())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Eval {
        gold,
        pred,
        show,
        tables,
    }) = cli.command
    {
        let tables: Vec<&str> = tables.split(',').map(str::trim).collect();
        return match eval::score(&gold, &pred, &tables, show) {
            Ok(report) => {
                print!("{}", report.render(show));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("anpfiff eval: {e}");
                ExitCode::from(1)
            }
        };
    }
    let quiet = cli.quiet;
    let config = config(cli);
    if config.input == Input::Stdin && std::io::stdin().is_terminal() && !quiet {
        eprintln!(
            "anpfiff: reading JSON Lines from the terminal, one {{\"id\", \"text\", \"date\"}} \
             object per line; end with Ctrl-D (or pipe a file in: anpfiff - < articles.jsonl)"
        );
    }
    match pipeline::run(&config) {
        Ok(summary) => {
            if !quiet {
                let errors = match config.write.format {
                    Format::Csv(_) => "errors.csv",
                    _ => "the errors table",
                };
                let line = summary.describe(&config.output.to_string(), errors);
                // standard output carries the rows when writing to it
                match config.output {
                    Destination::Stdout => eprintln!("{line}"),
                    Destination::Folder(_) => println!("{line}"),
                }
            }
            let empty = summary.counts.articles == 0 && summary.counts.errors == 0;
            let nothing_expected = config.input == Input::Stdin || config.shard.is_some();
            if summary.counts.articles == 0 && !(empty && nothing_expected) {
                eprintln!(
                    "anpfiff: no article could be processed; see {}",
                    errors_hint(&config)
                );
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(RunError::Usage(message)) => usage(message),
        // the reader of a pipe stopped early (`anpfiff - -o - | head`):
        // not an error of ours, end quietly as Unix filters do
        Err(RunError::Stdout(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("anpfiff: {e}");
            ExitCode::from(1)
        }
    }
}
