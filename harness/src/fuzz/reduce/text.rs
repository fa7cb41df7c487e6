//! Text-level reduction: deleting runs of lines, then single tokens, for programs (or
//! divergences) the AST level cannot touch. The token splitter is deliberately simple
//! (names, numbers, string literals, operators): it only proposes candidates, and
//! every candidate is checked on both engines anyway.

/// `src` without lines `start..start + len` (0-based).
fn without_lines(lines: &[&str], start: usize, len: usize) -> String {
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i < start || i >= start + len {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// Every deletion of `chunk` consecutive lines, in order.
pub fn line_deletions(src: &str, chunk: usize) -> Vec<String> {
    let lines: Vec<&str> = src.lines().collect();
    let chunk = chunk.max(1);
    (0..lines.len())
        .step_by(chunk)
        .map(|s| without_lines(&lines, s, chunk))
        .collect()
}

/// The byte spans of the tokens of one line.
fn token_spans(line: &str) -> Vec<(usize, usize)> {
    const OPS3: [&str; 6] = ["**=", "//=", ">>=", "<<=", "...", "!=="];
    const OPS2: [&str; 18] = [
        "**", "//", "==", "!=", "<=", ">=", "->", ":=", "<<", ">>", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=",
    ];
    let b = line.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' {
            i += 1;
            continue;
        }
        if c == b'#' {
            spans.push((i, b.len()));
            break;
        }
        let start = i;
        // A string literal, with its prefix letters.
        let mut j = i;
        while j < b.len() && j - i < 3 && b"rRbBuUfF".contains(&b[j]) {
            j += 1;
        }
        if j < b.len() && (b[j] == b'\'' || b[j] == b'"') {
            let q = b[j];
            let triple = j + 2 < b.len() && b[j + 1] == q && b[j + 2] == q;
            let mut k = j + if triple { 3 } else { 1 };
            while k < b.len() {
                if b[k] == b'\\' {
                    k += 2;
                    continue;
                }
                if b[k] == q && (!triple || (k + 2 < b.len() && b[k + 1] == q && b[k + 2] == q)) {
                    k += if triple { 3 } else { 1 };
                    break;
                }
                k += 1;
            }
            i = k.min(b.len());
            spans.push((start, i));
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'_'
                    || b[i] == b'.' && c.is_ascii_digit()
                    || b[i] >= 0x80)
            {
                i += 1;
            }
            spans.push((start, i));
            continue;
        }
        let rest = &line[i..];
        let len = if OPS3.iter().any(|o| rest.starts_with(o)) {
            3
        } else if OPS2.iter().any(|o| rest.starts_with(o)) {
            2
        } else {
            line[i..].chars().next().map_or(1, char::len_utf8)
        };
        i += len;
        spans.push((start, i));
    }
    spans
}

/// Every deletion of one token (left to right, line by line).
pub fn token_deletions(src: &str) -> Vec<String> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        for (s, e) in token_spans(line) {
            let mut new_line = String::new();
            new_line.push_str(&line[..s]);
            new_line.push_str(&line[e..]);
            let mut text = String::new();
            for (m, l) in lines.iter().enumerate() {
                text.push_str(if m == n { &new_line } else { l });
                text.push('\n');
            }
            out.push(text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_like_python() {
        let line = "x = f'a{b}' + rb\"q\\\"\" ** 2 # note";
        let toks: Vec<&str> = token_spans(line)
            .iter()
            .map(|&(s, e)| &line[s..e])
            .collect();
        assert_eq!(
            toks,
            ["x", "=", "f'a{b}'", "+", "rb\"q\\\"\"", "**", "2", "# note"]
        );
        assert_eq!(token_deletions("a b\n").len(), 2);
        assert_eq!(line_deletions("1\n2\n3\n", 2), ["3\n", "1\n2\n"]);
    }
}
