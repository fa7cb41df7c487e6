//! The parts of 3.11 tracebacks that look at source text: caret lines (`^^^^`, and
//! `~~~^~~~` anchors under binary operators and subscripts) and the "Did you mean"
//! suggestions for NameError and AttributeError (`Python/suggestions.c`).

use crate::object::PyRef;
use crate::objects::exceptions::PyBaseException;
use crate::vm::Vm;

/// The caret line for an expression segment: anchors for a top-level binary operator or
/// subscript (as `extract_anchors_from_line`), `^` under everything otherwise.
pub fn carets(segment: &str) -> String {
    carets_and_anchored(segment).0
}

/// The caret line and whether it has secondary (`~`) ranges: CPython elides a caret
/// line that spans the whole source line only when it has none.
pub fn carets_and_anchored(segment: &str) -> (String, bool) {
    let chars: Vec<char> = segment.chars().collect();
    let anchor = binop_anchor(&chars).or_else(|| subscript_anchor(&chars));
    if let Some((l, r)) = anchor {
        let mut s = String::new();
        for i in 0..chars.len() {
            s.push(if i >= l && i < r { '^' } else { '~' });
        }
        return (s, true);
    }
    ("^".repeat(chars.len()), false)
}

/// Finds the last top-level binary operator (lowest precedence, left-assoc) in `c`.
fn binop_anchor(c: &[char]) -> Option<(usize, usize)> {
    const OPS: [&str; 16] = [
        "**", "//", "<<", ">>", "+", "-", "*", "/", "%", "@", "&", "|", "^", "==", "!=", "<=",
    ];
    let mut depth = 0i32;
    let mut in_str: Option<char> = None;
    let mut best: Option<(usize, usize, u8)> = None;
    let prec = |op: &str| -> u8 {
        match op {
            "|" => 1,
            "^" => 2,
            "&" => 3,
            "<<" | ">>" => 4,
            "+" | "-" => 5,
            "*" | "/" | "//" | "%" | "@" => 6,
            "**" => 7,
            _ => 0,
        }
    };
    let mut i = 0;
    let mut prev_operand = false;
    while i < c.len() {
        let ch = c[i];
        if let Some(q) = in_str {
            if ch == '\\' {
                i += 2;
                continue;
            }
            if ch == q {
                in_str = None;
            }
            i += 1;
            continue;
        }
        if starts_number(c, i) {
            // A number is one operand: the sign of an exponent (`7.187e+19`) is no operator.
            i = skip_number(c, i);
            prev_operand = true;
            continue;
        }
        match ch {
            '\'' | '"' => {
                in_str = Some(ch);
                prev_operand = true;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                prev_operand = true;
            }
            ' ' => {}
            _ if depth == 0 => {
                let mut matched = None;
                for op in OPS {
                    let oc: Vec<char> = op.chars().collect();
                    if c[i..].starts_with(&oc) && prec(op) > 0 {
                        matched = Some(op);
                        break;
                    }
                }
                if let (Some(op), true) = (matched, prev_operand) {
                    let p = prec(op);
                    let better = match best {
                        None => true,
                        Some((_, _, bp)) => p < bp || (p == bp && op != "**"),
                    };
                    if better {
                        best = Some((i, i + op.len(), p));
                    }
                    i += op.len();
                    prev_operand = false;
                    continue;
                }
                if ch.is_alphanumeric() || ch == '_' || ch == '.' {
                    prev_operand = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let (l, r, _) = best?;
    if l == 0 || r >= c.len() {
        return None;
    }
    Some((l, r))
}

/// Whether a number literal starts at `c[i]`: a digit, or `.` and a digit, not inside a name.
fn starts_number(c: &[char], i: usize) -> bool {
    let digit_at = |k: usize| c.get(k).is_some_and(|ch| ch.is_ascii_digit());
    let starts = digit_at(i) || (c[i] == '.' && digit_at(i + 1));
    starts && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'))
}

/// The index just past the number literal starting at `c[i]` (the tokenizer's NUMBER,
/// loosely: letters, digits, `_` and `.`, and a sign right after a decimal exponent's `e`).
fn skip_number(c: &[char], i: usize) -> usize {
    let radix = c[i] == '0' && c.get(i + 1).is_some_and(|ch| "xXoObB".contains(*ch));
    let mut j = i;
    while let Some(&ch) = c.get(j) {
        let exponent_sign =
            (ch == '+' || ch == '-') && !radix && j > i && (c[j - 1] == 'e' || c[j - 1] == 'E');
        if ch.is_alphanumeric() || ch == '_' || ch == '.' || exponent_sign {
            j += 1;
        } else {
            break;
        }
    }
    j
}

fn subscript_anchor(c: &[char]) -> Option<(usize, usize)> {
    if c.last() != Some(&']') {
        return None;
    }
    let mut depth = 0;
    for i in (0..c.len()).rev() {
        match c[i] {
            ']' | ')' | '}' => depth += 1,
            '[' | '(' | '{' => {
                depth -= 1;
                if depth == 0 {
                    if c[i] == '[' && i > 0 {
                        return Some((i, c.len()));
                    }
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

fn levenshtein(a: &str, b: &str) -> usize {
    // CPython's cost model: substitution of case-only differences costs 1, others 2.
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j * 2).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i * 2; b.len() + 1];
        for j in 1..=b.len() {
            let sub = if a[i - 1] == b[j - 1] {
                0
            } else if a[i - 1].to_ascii_lowercase() == b[j - 1].to_ascii_lowercase() {
                1
            } else {
                2
            };
            cur[j] = (prev[j] + 2).min(cur[j - 1] + 2).min(prev[j - 1] + sub);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > 750 || name.len() > 40 {
        return None;
    }
    let mut best: Option<(usize, String)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let max = (name.len() + c.len() + 3) * 2 / 6;
        let d = levenshtein(name, c);
        if d > max {
            continue;
        }
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, c.clone()));
        }
    }
    best.map(|(_, s)| s)
}

/// `. Did you mean: 'x'?` for NameError/AttributeError, as 3.11's traceback display adds.
pub fn suggestion(vm: &Vm, exc: &PyRef) -> Option<String> {
    let e = exc.downcast_ref::<PyBaseException>()?;
    let t = exc.type_();
    let name = e.get_extra("name")?;
    let name = name
        .downcast_ref::<crate::objects::str::PyStr>()?
        .to_string_lossy();
    let mut cands: Vec<String> = Vec::new();
    if t.is_subtype(&vm.exc.attribute_error) {
        let obj = e.get_extra("obj")?;
        let d = crate::ops::call_method(vm, &obj, &vm.names.__dir__, &[]).ok()?;
        for x in crate::ops::collect(vm, &d).ok()? {
            if let Some(s) = x.downcast_ref::<crate::objects::str::PyStr>() {
                cands.push(s.to_string_lossy());
            }
        }
    } else if t.is_subtype(&vm.exc.name_error) {
        // locals of the innermost frame, then its globals, then builtins
        let tb = e.traceback.get()?;
        let mut last = tb;
        while let Some(n) = last
            .downcast_ref::<crate::objects::exceptions::PyTraceback>()
            .and_then(|t| t.next.get())
        {
            last = n;
        }
        let tbo = last.downcast_ref::<crate::objects::exceptions::PyTraceback>()?;
        let fo = tbo
            .frame
            .downcast_ref::<crate::objects::frame::PyFrameObject>()?;
        for n in fo.code.localsplusnames.iter() {
            cands.push(n.to_string_lossy());
        }
        if let Some(m) = best_match(&name, &cands) {
            return Some(format!(". Did you mean: '{}'?", m));
        }
        cands.clear();
        for k in fo.globals.keys() {
            if let Some(s) = k.downcast_ref::<crate::objects::str::PyStr>() {
                cands.push(s.to_string_lossy());
            }
        }
        if let Some(m) = best_match(&name, &cands) {
            return Some(format!(". Did you mean: '{}'?", m));
        }
        cands.clear();
        for k in vm.builtins.keys() {
            if let Some(s) = k.downcast_ref::<crate::objects::str::PyStr>() {
                cands.push(s.to_string_lossy());
            }
        }
    } else {
        return None;
    }
    best_match(&name, &cands).map(|m| format!(". Did you mean: '{}'?", m))
}
