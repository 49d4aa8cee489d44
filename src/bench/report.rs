//! One benchmark's figures, as a table row or a JSON line.
//!
//! The JSON line is the format `scripts/bench-vs-beam.sh` reads, shared with
//! the Erlang side: `{"name":..,"params":{..},"figures":{..},
//! "schedulers":N,"revision":".."}`.

use std::fmt::Write;

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub name: &'static str,
    pub params: Vec<(&'static str, u64)>,
    pub figures: Vec<(&'static str, f64)>,
    pub schedulers: usize,
}

impl Report {
    pub fn new(name: &'static str) -> Report {
        Report {
            name,
            params: Vec::new(),
            figures: Vec::new(),
            schedulers: 0,
        }
    }

    pub fn param(mut self, name: &'static str, value: u64) -> Report {
        self.params.push((name, value));
        self
    }

    pub fn figure(mut self, name: &'static str, value: f64) -> Report {
        self.figures.push((name, value));
        self
    }

    pub fn to_json(&self, revision: &str) -> String {
        let mut out = format!("{{\"name\":\"{}\",\"params\":{{", self.name);
        for (i, (name, value)) in self.params.iter().enumerate() {
            let comma = if i > 0 { "," } else { "" };
            let _ = write!(out, "{comma}\"{name}\":{value}");
        }
        out.push_str("},\"figures\":{");
        for (i, (name, value)) in self.figures.iter().enumerate() {
            let comma = if i > 0 { "," } else { "" };
            let _ = write!(out, "{comma}\"{name}\":{value:.1}");
        }
        let revision = revision.replace(['"', '\\'], "");
        let _ = write!(
            out,
            "}},\"schedulers\":{},\"revision\":\"{revision}\"}}",
            self.schedulers
        );
        out
    }

    /// A readable line: `ring     procs=1000 hops=1000000   ns_per_hop=120.1`.
    pub fn to_line(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect();
        let figures: Vec<String> = self
            .figures
            .iter()
            .map(|(n, v)| format!("{n}={v:.1}"))
            .collect();
        format!(
            "{:<9} {:<28} {}",
            self.name,
            params.join(" "),
            figures.join("  ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_have_the_shared_format() {
        let mut report = Report::new("ring")
            .param("procs", 1000)
            .param("hops", 10)
            .figure("ns_per_hop", 120.14);
        report.schedulers = 2;
        assert_eq!(
            report.to_json("abc1234"),
            r#"{"name":"ring","params":{"procs":1000,"hops":10},"figures":{"ns_per_hop":120.1},"schedulers":2,"revision":"abc1234"}"#
        );
        assert!(report.to_line().contains("ns_per_hop=120.1"));
    }
}
