//! The `anpfiff` command line: a thin layer over the library.

use anpfiff::{eval, pipeline, write};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn folders of German sports articles into CSV tables of dates, scores,
/// goals, ages and quotes.
///
/// Examples:
///   anpfiff                          # the bundled corpus/ into out/
///   anpfiff archive/2024 -o tables   # any folders, recursively (.txt, .md)
///   anpfiff eval gold/ tables/       # score tables against gold annotations
///
/// Exit status: 0 when at least one article was processed and all tables
/// were written (files that failed are listed in errors.csv); 1 when no
/// article could be processed or the output could not be written; 2 for
/// usage errors.
#[derive(Parser, Debug)]
#[command(
    name = "anpfiff",
    version,
    verbatim_doc_comment,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Folders or files to read (default: corpus/).
    inputs: Vec<PathBuf>,

    /// Output folder for the tables.
    #[arg(short, long, default_value = "out")]
    out: PathBuf,

    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,

    /// Do not prefix text cells starting with = + - @ TAB CR with ' (for
    /// machine consumers; the guard protects spreadsheet users).
    #[arg(long)]
    no_formula_guard: bool,

    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
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
    let inputs = if cli.inputs.is_empty() {
        vec![PathBuf::from("corpus")]
    } else {
        cli.inputs
    };
    let config = pipeline::Config {
        inputs,
        out: cli.out,
        jobs: cli.jobs,
        write: write::Options {
            formula_guard: !cli.no_formula_guard,
        },
    };
    match pipeline::run(&config) {
        Ok(summary) => {
            if !cli.quiet {
                println!("{}", summary.describe(&config.out));
            }
            if summary.counts.articles == 0 {
                eprintln!(
                    "anpfiff: no article could be processed; see {}/errors.csv",
                    config.out.display()
                );
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("anpfiff: {e}");
            ExitCode::from(1)
        }
    }
}
