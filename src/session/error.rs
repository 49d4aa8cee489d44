//! Evaluation errors: a command that parsed but cannot be carried out.
//!
//! An error is one clear line (and sometimes a hint); it never ends the
//! REPL, and the runtime goes on as before.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct EvalError {
    pub message: String,
    pub hint: Option<String>,
}

impl EvalError {
    pub fn new(message: impl Into<String>) -> EvalError {
        EvalError {
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> EvalError {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

pub type EvalResult<T> = Result<T, EvalError>;
