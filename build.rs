//! Finds out whether the real BEAM is here: with `erl` and `erlc` on the
//! PATH, the differential suite in tests/otp/ runs against it (cfg
//! `has_erlang`); without them its tests are compiled as ignored, so a
//! fresh machine's `cargo test` reports them as ignored, never as passed.
//! The same for a real browser: with Chromium and chromedriver (Debian's
//! `chromium` and `chromium-driver`), tests/browser.rs drives the stage's
//! pages (cfg `has_chromium`); with `rebar3` too, the projects `export app`
//! writes are built and booted (cfg `has_rebar3`); with `elixir` and
//! `mix`, Elixir programs run on the real Elixir too (cfg `has_elixir`).

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_erlang)");
    println!("cargo::rustc-check-cfg=cfg(has_chromium)");
    println!("cargo::rustc-check-cfg=cfg(has_rebar3)");
    println!("cargo::rustc-check-cfg=cfg(has_elixir)");
    println!("cargo::rerun-if-env-changed=PATH");
    let path = env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = env::split_paths(&path).filter(|d| d.is_dir()).collect();
    // Installing Erlang changes a PATH directory: look again then.
    for dir in &dirs {
        println!("cargo::rerun-if-changed={}", dir.display());
    }
    let found = |tool: &str| dirs.iter().any(|dir| dir.join(tool).is_file());
    if found("erl") && found("erlc") {
        println!("cargo::rustc-cfg=has_erlang");
        // `export app` writes a rebar3 project: Debian's `rebar3` builds it.
        if found("rebar3") {
            println!("cargo::rustc-cfg=has_rebar3");
        }
        // Debian's `elixir` (1.14, with `mix`): the Elixir programs run on
        // it beside the playground, and exported Mix projects build.
        if found("elixir") && found("mix") {
            println!("cargo::rustc-cfg=has_elixir");
        }
    }
    let chromium = found("chromium") || PathBuf::from("/usr/bin/chromium").is_file();
    let driver = found("chromedriver") || PathBuf::from("/usr/bin/chromedriver").is_file();
    if chromium && driver {
        println!("cargo::rustc-cfg=has_chromium");
    }
}
