//! The session a front end opens: the same options mean the same session
//! in the REPL, `run`, and `serve`.

use crate::runtime::{Config, Order};
use crate::session::{Session, SessionConfig};
use crate::stage::control::StageControl;
use crate::view::Style;

/// How a front end wants its runtime.
#[derive(Clone, Debug, Default)]
pub struct SessionOptions {
    /// Deterministic mode with this seed (a virtual clock); live without.
    pub seed: Option<u64>,
    /// Deterministic mode: the BEAM's order, or the seed's random one.
    pub order: Order,
    /// Scheduler threads for the live runtime (default: one per core).
    pub schedulers: Option<usize>,
    /// How terms and errors are written (`--elixir`: as iex writes them).
    pub syntax: crate::view::Syntax,
}

impl SessionOptions {
    /// The session these options ask for: deterministic only with a seed.
    pub fn config(&self, style: Style) -> SessionConfig {
        let mut config = self.runtime_config(style);
        config.syntax = self.syntax;
        config
    }

    fn runtime_config(&self, style: Style) -> SessionConfig {
        match self.seed {
            Some(seed) => {
                let mut config = SessionConfig::deterministic(seed, style);
                config.runtime = config.runtime.with_order(self.order);
                config
            }
            None => {
                let mut config = SessionConfig::live(style);
                if let Some(n) = self.schedulers {
                    config.runtime = Config::live().with_schedulers(n);
                }
                config
            }
        }
    }
}

/// A session as every front end has it: with the stage as its observer
/// (off until `stage on`, `--serve` or `serve`).
pub fn open_session(config: SessionConfig) -> Session {
    let mut session = Session::new(config);
    StageControl::install(&mut session);
    session
}
