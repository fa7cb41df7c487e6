//! Numeric literals, as `tok_get`'s number branch reads them (with its error messages).

use super::{EOF, Lexer, Stop, Tok, TokErrorKind, is_potential_identifier_char};

fn is_digit(c: i32) -> bool {
    (0x30..=0x39).contains(&c)
}

fn is_xdigit(c: i32) -> bool {
    c >= 0 && (c as u8).is_ascii_hexdigit()
}

impl Lexer<'_> {
    /// `lookahead`: do the next bytes spell `rest` followed by a non-identifier char?
    fn lookahead(&mut self, rest: &[u8]) -> bool {
        let save = (self.pos, self.pending_nl, self.lineno, self.line_start);
        let mut ok = true;
        for &b in rest {
            if self.nextc() != i32::from(b) {
                ok = false;
                break;
            }
        }
        if ok {
            let c = self.nextc();
            ok = !(c != EOF && is_potential_identifier_char(c as u8));
        }
        (self.pos, self.pending_nl, self.lineno, self.line_start) = save;
        ok
    }

    /// `verify_end_of_number`: `c` is the byte after the literal (already read).
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Result<(), Stop> {
        let r = match c {
            0x61 => self.lookahead(b"nd"),
            0x65 => self.lookahead(b"lse"),
            0x66 => self.lookahead(b"or"),
            0x69 => matches!(self.peek(), 0x66 | 0x6e | 0x73),
            0x6f => self.lookahead(b"r"),
            0x6e => self.lookahead(b"ot"),
            _ => false,
        };
        if r {
            // Only a SyntaxWarning ("invalid %s literal") in 3.11.
            return Ok(());
        }
        if c != EOF && is_potential_identifier_char(c as u8) {
            self.backup(c);
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// `tok_decimal_tail`: digits with single underscores; returns the byte after them.
    fn decimal_tail(&mut self) -> Result<i32, Stop> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !is_digit(c) {
                    break;
                }
            }
            if c != i32::from(b'_') {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error("invalid decimal literal".into()));
            }
        }
    }

    fn finish_number(&mut self, c: i32) -> Result<Tok, Stop> {
        self.backup(c);
        let (s, p) = (self.start, self.pos);
        self.push(Tok::Number, s, p);
        Ok(Tok::Number)
    }

    /// A number starting with `.digit` (the digit already read).
    pub(super) fn number_fraction(&mut self) -> Result<Tok, Stop> {
        self.backup(0x30);
        let c = self.nextc();
        self.fraction(c)
    }

    pub(super) fn number(&mut self, first: u8) -> Result<Tok, Stop> {
        if first == b'0' {
            let mut c = self.nextc();
            if c == i32::from(b'x') || c == i32::from(b'X') {
                c = self.nextc();
                loop {
                    if c == i32::from(b'_') {
                        c = self.nextc();
                    }
                    if !is_xdigit(c) {
                        self.backup(c);
                        return Err(self.error("invalid hexadecimal literal".into()));
                    }
                    loop {
                        c = self.nextc();
                        if !is_xdigit(c) {
                            break;
                        }
                    }
                    if c != i32::from(b'_') {
                        break;
                    }
                }
                self.verify_end_of_number(c, "hexadecimal")?;
                return self.finish_number(c);
            }
            if c == i32::from(b'o')
                || c == i32::from(b'O')
                || c == i32::from(b'b')
                || c == i32::from(b'B')
            {
                let octal = c == i32::from(b'o') || c == i32::from(b'O');
                let (name, max) = if octal {
                    ("octal", b'8')
                } else {
                    ("binary", b'2')
                };
                let ok = |c: i32| (0x30..i32::from(max)).contains(&c);
                c = self.nextc();
                loop {
                    if c == i32::from(b'_') {
                        c = self.nextc();
                    }
                    if !ok(c) {
                        if is_digit(c) {
                            return Err(self.error(format!(
                                "invalid digit '{}' in {name} literal",
                                c as u8 as char
                            )));
                        }
                        self.backup(c);
                        return Err(self.error(format!("invalid {name} literal")));
                    }
                    loop {
                        c = self.nextc();
                        if !ok(c) {
                            break;
                        }
                    }
                    if c != i32::from(b'_') {
                        break;
                    }
                }
                if is_digit(c) {
                    return Err(self.error(format!(
                        "invalid digit '{}' in {name} literal",
                        c as u8 as char
                    )));
                }
                self.verify_end_of_number(c, name)?;
                return self.finish_number(c);
            }
            // Maybe old-style octal; '0' alone is fine.
            let mut nonzero = false;
            loop {
                if c == i32::from(b'_') {
                    c = self.nextc();
                    if !is_digit(c) {
                        self.backup(c);
                        return Err(self.error("invalid decimal literal".into()));
                    }
                }
                if c != i32::from(b'0') {
                    break;
                }
                c = self.nextc();
            }
            let zeros_end = self.pos;
            if is_digit(c) {
                nonzero = true;
                c = self.decimal_tail()?;
            }
            if c == i32::from(b'.') {
                c = self.nextc();
                return self.fraction(c);
            }
            if c == i32::from(b'e') || c == i32::from(b'E') {
                return self.exponent(c);
            }
            if c == i32::from(b'j') || c == i32::from(b'J') {
                return self.imaginary();
            }
            if nonzero {
                self.backup(c);
                let offset = (self.start + 1 - self.line_start) as u32;
                let end_offset = (zeros_end - self.line_start) as u32;
                return Err(Stop(TokErrorKind::Raised {
                    msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                        .into(),
                    offset,
                    end_offset,
                }));
            }
            self.verify_end_of_number(c, "decimal")?;
            return self.finish_number(c);
        }
        let mut c = self.decimal_tail()?;
        if c == i32::from(b'.') {
            c = self.nextc();
            return self.fraction(c);
        }
        self.after_fraction(c)
    }

    /// After the `.`: `c` is the byte following it.
    fn fraction(&mut self, mut c: i32) -> Result<Tok, Stop> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        self.after_fraction(c)
    }

    fn after_fraction(&mut self, c: i32) -> Result<Tok, Stop> {
        if c == i32::from(b'e') || c == i32::from(b'E') {
            return self.exponent(c);
        }
        if c == i32::from(b'j') || c == i32::from(b'J') {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(c)
    }

    fn exponent(&mut self, e: i32) -> Result<Tok, Stop> {
        let mut c = self.nextc();
        if c == i32::from(b'+') || c == i32::from(b'-') {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.error("invalid decimal literal".into()));
            }
        } else if !is_digit(c) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            let (s, p) = (self.start, self.pos);
            self.push(Tok::Number, s, p);
            return Ok(Tok::Number);
        }
        c = self.decimal_tail()?;
        if c == i32::from(b'j') || c == i32::from(b'J') {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.finish_number(c)
    }

    fn imaginary(&mut self) -> Result<Tok, Stop> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.finish_number(c)
    }
}
