//! A progress bar on standard error: articles done, MB/s, time left.
//!
//! Only drawn when asked for (the command line asks when standard error is
//! a terminal and `--quiet` is not given); otherwise every call is a no-op.
//! It never touches standard output or the tables.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::Duration;

/// Progress of one run.
pub struct Progress {
    bar: Option<ProgressBar>,
    done: u64,
    total: Option<u64>,
}

impl Progress {
    /// Draws nothing.
    pub fn hidden() -> Progress {
        Progress {
            bar: None,
            done: 0,
            total: None,
        }
    }

    /// A bar over `articles` files of `bytes` bytes in all.
    pub fn files(enabled: bool, articles: u64, bytes: u64) -> Progress {
        if !enabled {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "[{wide_bar}] {msg} · {decimal_bytes}/{decimal_total_bytes} · {decimal_bytes_per_sec} · ETA {eta}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        let mut p = Progress {
            bar: Some(bar),
            done: 0,
            total: Some(articles),
        };
        p.message();
        p
    }

    /// A spinner for a stream of unknown length (standard input).
    pub fn stream(enabled: bool) -> Progress {
        if !enabled {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} {elapsed_precise} {msg} · {decimal_bytes} · {decimal_bytes_per_sec}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        let mut p = Progress {
            bar: Some(bar),
            done: 0,
            total: None,
        };
        p.message();
        p
    }

    /// One more input (article or failed file) of `bytes` bytes is done.
    pub fn advance(&mut self, bytes: u64) {
        self.done += 1;
        self.message();
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    fn message(&mut self) {
        if let Some(bar) = &self.bar {
            bar.set_message(match self.total {
                Some(t) => format!("{}/{t} articles", self.done),
                None => format!("{} articles", self.done),
            });
        }
    }

    /// Removes the bar (before the summary is printed).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
