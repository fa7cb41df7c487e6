//! Printing uncaught exceptions the way CPython does (`PyErr_Display`): chained
//! exceptions, `Traceback (most recent call last):`, source lines with 3.11's carets.

use crate::TracebackFrame;
use crate::object::{PyObject, PyRef};
use crate::objects::exceptions::{PyBaseException, PyTraceback};
use crate::objects::frame::PyFrameObject;
use crate::vm::Vm;

/// One traceback entry's data.
pub struct Entry {
    pub filename: String,
    pub lineno: i32,
    pub name: String,
    pub loc: Option<crate::eval::linetable::Location>,
}

pub fn entries(tb: Option<PyRef>) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut cur = tb;
    let mut guard = 0;
    while let Some(t) = cur {
        guard += 1;
        if guard > 100_000 {
            break;
        }
        let Some(tbo) = t.downcast_ref::<PyTraceback>() else {
            break;
        };
        if let Some(fo) = tbo.frame.downcast_ref::<PyFrameObject>() {
            let code = &fo.code;
            let loc = crate::eval::linetable::addr2location(
                &code.raw.linetable,
                code.firstlineno,
                tbo.lasti,
            );
            out.push(Entry {
                filename: code.filename.to_string_lossy(),
                lineno: tbo.lineno,
                name: code.name.to_string_lossy(),
                loc,
            });
        }
        cur = tbo.next.get();
    }
    out
}

pub fn frames_of(exc: &PyBaseException) -> Vec<TracebackFrame> {
    entries(exc.traceback.get())
        .into_iter()
        .map(|e| TracebackFrame {
            filename: e.filename,
            lineno: e.lineno.max(0) as u32,
            name: e.name,
        })
        .collect()
}

fn source_line(vm: &Vm, filename: &str, lineno: i32) -> Option<String> {
    if lineno < 1 {
        return None;
    }
    let cache = &vm.source_cache;
    let mut c = cache.borrow_mut();
    if !c.contains_key(filename) {
        let mut text = std::fs::read(filename)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        if text.is_none() {
            if let Some(d) = &vm.config.module_dir {
                text = std::fs::read(d.join(filename))
                    .ok()
                    .map(|b| String::from_utf8_lossy(&b).into_owned());
            }
        }
        c.insert(filename.to_string(), text);
    }
    let text = c.get(filename)?.as_ref()?;
    text.split('\n')
        .nth((lineno - 1) as usize)
        .map(|l| l.trim_end_matches('\r').to_string())
}

/// `type.__module__.__qualname__` as the last line of a traceback prints it.
pub fn type_display_name(vm: &Vm, o: &PyObject) -> String {
    let t = o.type_();
    let module = t
        .dict
        .get_str(&vm.names.__module__)
        .and_then(|m| m.downcast::<crate::objects::str::PyStr>().ok())
        .map(|m| m.to_string_lossy());
    let q = if t.is_heap() {
        t.qualname().to_string_lossy()
    } else {
        t.name_str()
    };
    match module {
        Some(m) if m != "builtins" && m != "__main__" => format!("{}.{}", m, q),
        _ => q,
    }
}

/// `str(exc)` for the message line (None if str() itself failed).
pub fn exc_message(vm: &Vm, o: &PyObject) -> Option<String> {
    crate::ops::str(vm, o).ok().map(|s| s.to_string_lossy())
}

/// The caret line under a traceback source line (`tb_displayline`): the columns `c..ec`
/// of `line` (bytes; to the last non-blank character when the expression goes on past
/// this line), elided when `^` would span the whole stripped line with no anchors, and
/// placed by display width as 3.11.7 does (wide characters take two columns).
fn push_carets(out: &mut String, line: &str, indent: usize, c: usize, single: bool, ec: usize) {
    let bytes = line.as_bytes();
    let ec = if single { ec } else { line.trim_end().len() };
    if c < indent || ec > bytes.len() || ec <= c {
        return;
    }
    let start_chars = String::from_utf8_lossy(&bytes[indent..c]).chars().count();
    let segment = String::from_utf8_lossy(&bytes[c..ec]);
    let seg_chars = segment.chars().count();
    let full = String::from_utf8_lossy(&bytes[indent..])
        .trim_end()
        .chars()
        .count();
    let (carets, anchored) = if single {
        crate::traceback_anchors::carets_and_anchored(&segment)
    } else {
        ("^".repeat(seg_chars), false)
    };
    if start_chars == 0 && seg_chars == full && !anchored {
        return;
    }
    // Columns, not characters: a wide (East Asian W/F) character takes two.
    let prefix = String::from_utf8_lossy(&bytes[indent..c]);
    out.push_str("    ");
    out.push_str(&" ".repeat(crate::traceback_width::str_width(&prefix)));
    for (ch, caret) in segment.chars().zip(carets.chars()) {
        for _ in 0..crate::traceback_width::char_width(ch) {
            out.push(caret);
        }
    }
    out.push('\n');
}

fn format_one(vm: &Vm, exc: &PyRef, out: &mut String) {
    let Some(e) = exc.downcast_ref::<PyBaseException>() else {
        return;
    };
    let ents = entries(e.traceback.get());
    if !ents.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
    }
    for ent in &ents {
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            ent.filename, ent.lineno, ent.name
        ));
        if let Some(line) = source_line(vm, &ent.filename, ent.lineno) {
            let stripped = line.trim_start();
            let indent = line.len() - stripped.len();
            let body = stripped.trim_end();
            if body.is_empty() {
                continue;
            }
            out.push_str("    ");
            out.push_str(body);
            out.push('\n');
            if let Some(loc) = ent.loc {
                if let (Some(l), Some(el), Some(c), Some(ec)) =
                    (loc.line, loc.end_line, loc.col, loc.end_col)
                {
                    if l == ent.lineno {
                        push_carets(out, &line, indent, c as usize, el == l, ec as usize);
                    }
                }
            }
        }
    }
    let name = type_display_name(vm, exc);
    match exc_message(vm, exc) {
        Some(m) if m.is_empty() => out.push_str(&name),
        Some(m) => {
            out.push_str(&name);
            out.push_str(": ");
            out.push_str(&m);
        }
        None => {
            out.push_str(&name);
            out.push_str(": <exception str() failed>");
        }
    }
    if let Some(s) = crate::traceback_anchors::suggestion(vm, exc) {
        out.push_str(&s);
    }
    out.push('\n');
    if let Some(notes) = e.notes.get() {
        if let Ok(items) = crate::ops::collect(vm, &notes) {
            for n in items {
                if let Ok(s) = crate::ops::str(vm, &n) {
                    out.push_str(&s.to_string_lossy());
                    out.push('\n');
                }
            }
        }
    }
}

/// The full report for an uncaught exception, chained exceptions first.
pub fn format_exception(vm: &Vm, exc: &PyRef) -> String {
    let mut chain: Vec<(PyRef, &'static str)> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    let mut cur = Some(exc.clone());
    let mut label = "";
    while let Some(c) = cur {
        if seen.contains(&(c.as_ptr() as usize)) || chain.len() > 1000 {
            break;
        }
        seen.push(c.as_ptr() as usize);
        chain.push((c.clone(), label));
        let Some(e) = c.downcast_ref::<PyBaseException>() else {
            break;
        };
        if let Some(cause) = e.cause.get() {
            label = "\nThe above exception was the direct cause of the following exception:\n\n";
            cur = Some(cause);
        } else if !e.suppress_context.get() {
            label = "\nDuring handling of the above exception, another exception occurred:\n\n";
            cur = e.context.get();
        } else {
            cur = None;
        }
    }
    let mut out = String::new();
    for (c, lbl) in chain.iter().rev() {
        format_one(vm, c, &mut out);
        out.push_str(lbl);
    }
    out
}
