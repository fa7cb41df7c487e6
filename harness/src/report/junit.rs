//! `junit.xml`: one test suite per feature, one test case per program; a program that
//! does not pass is a `<failure>` naming its non-passing layers and first divergences.

use crate::outcome::{Layer, Outcome};
use crate::results::ResultsFile;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escapes text for XML attributes and content (and drops characters XML forbids).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// The XML text.
pub fn render(results: &ResultsFile) -> String {
    let mut by_feature: BTreeMap<&str, Vec<&crate::results::ProgramResult>> = BTreeMap::new();
    for p in &results.programs {
        by_feature.entry(&p.feature).or_default().push(p);
    }
    let failures = results.programs.iter().filter(|p| !p.passed()).count();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<testsuites name=\"pyconform\" tests=\"{}\" failures=\"{failures}\">",
        results.programs.len()
    );
    let _ = writeln!(
        s,
        "  <properties><property name=\"cpython\" value=\"{}\"/><property name=\"refvm_commit\" value=\"{}\"/></properties>",
        xml_escape(&results.info.cpython_version),
        xml_escape(&results.info.refvm_commit)
    );
    for (feature, programs) in by_feature {
        let fails = programs.iter().filter(|p| !p.passed()).count();
        let _ = writeln!(
            s,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{fails}\">",
            xml_escape(feature),
            programs.len()
        );
        for p in programs {
            let secs = p.timing.cpython_exec_ns.unwrap_or(0) as f64 / 1e9;
            let _ = write!(
                s,
                "    <testcase classname=\"{}\" name=\"{}\" time=\"{secs:.6}\"",
                xml_escape(feature),
                xml_escape(&p.program)
            );
            if p.passed() {
                s.push_str("/>\n");
                continue;
            }
            let bad: Vec<(Layer, &crate::outcome::Verdict)> = Layer::ALL
                .iter()
                .filter_map(|&l| p.layers.get(&l).map(|v| (l, v)))
                .filter(|(_, v)| v.outcome != Outcome::Pass && v.outcome.compared())
                .collect();
            let message = if bad.is_empty() {
                "no layer was compared (every layer unsupported or skipped)".to_owned()
            } else {
                bad.iter()
                    .map(|(l, v)| format!("{l}: {}", v.outcome))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let kind = bad
                .iter()
                .map(|(_, v)| v.outcome)
                .max_by_key(|o| o.severity())
                .unwrap_or(Outcome::Unsupported);
            let mut body = String::new();
            for (l, v) in &bad {
                let _ = writeln!(body, "== {l}: {}", v.outcome);
                if let Some(reason) = p.known.get(l) {
                    let _ = writeln!(body, "(known difference: {reason})");
                }
                if let Some(d) = &v.detail {
                    let _ = writeln!(body, "{d}");
                }
            }
            let _ = writeln!(
                s,
                ">\n      <failure type=\"{kind}\" message=\"{}\">{}</failure>\n    </testcase>",
                xml_escape(&message),
                xml_escape(&body)
            );
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            xml_escape("a<b>&\"'\u{1}\n"),
            "a&lt;b&gt;&amp;&quot;&apos;\\x01\n"
        );
    }
}
