//! String literal tokens (any prefix, single or triple quoted), as `tok_get` reads them.

use super::{EOF, Lexer, Stop, Tok, TokErrorKind};

impl Lexer<'_> {
    /// Reads a string whose opening quote `quote` was just consumed.
    pub(super) fn string(&mut self, quote: u8) -> Result<Tok, Stop> {
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        self.in_token = true;
        let r = self.string_body(quote);
        self.in_token = false;
        r
    }

    fn string_body(&mut self, quote: u8) -> Result<Tok, Stop> {
        let q = i32::from(quote);
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut c = self.nextc();
        if c == q {
            c = self.nextc();
            if c == q {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != q {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            c = self.nextc();
            if c == EOF || (quote_size == 1 && c == i32::from(b'\n')) {
                let detected = self.lineno;
                self.line_start = self.multi_line_start;
                self.lineno = self.first_lineno;
                self.pos = self.start + 1;
                let col = self.char_col(self.pos);
                let msg = if quote_size == 3 {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                return Err(Stop(TokErrorKind::Raised {
                    msg,
                    offset: col,
                    end_offset: col,
                }));
            }
            if c == q {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == i32::from(b'\\') {
                    self.nextc();
                }
            }
        }
        let (s, p) = (self.start, self.pos);
        self.push(Tok::String, s, p);
        Ok(Tok::String)
    }
}
