//! A supervision tree as `supervisor` callback modules (see `export sup`).
