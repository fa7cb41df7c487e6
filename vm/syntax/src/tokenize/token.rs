//! Token types as `Lib/token.py` numbers and names them, and `EXACT_TOKEN_TYPES`.

use std::fmt;

/// A token type: the number `token.py` gives it (`tok_name` gives [`TokenType::name`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenType(pub u8);

/// `token.tok_name` for 0..=63, in order.
static TOK_NAME: [&str; 64] = [
    "ENDMARKER",
    "NAME",
    "NUMBER",
    "STRING",
    "NEWLINE",
    "INDENT",
    "DEDENT",
    "LPAR",
    "RPAR",
    "LSQB",
    "RSQB",
    "COLON",
    "COMMA",
    "SEMI",
    "PLUS",
    "MINUS",
    "STAR",
    "SLASH",
    "VBAR",
    "AMPER",
    "LESS",
    "GREATER",
    "EQUAL",
    "DOT",
    "PERCENT",
    "LBRACE",
    "RBRACE",
    "EQEQUAL",
    "NOTEQUAL",
    "LESSEQUAL",
    "GREATEREQUAL",
    "TILDE",
    "CIRCUMFLEX",
    "LEFTSHIFT",
    "RIGHTSHIFT",
    "DOUBLESTAR",
    "PLUSEQUAL",
    "MINEQUAL",
    "STAREQUAL",
    "SLASHEQUAL",
    "PERCENTEQUAL",
    "AMPEREQUAL",
    "VBAREQUAL",
    "CIRCUMFLEXEQUAL",
    "LEFTSHIFTEQUAL",
    "RIGHTSHIFTEQUAL",
    "DOUBLESTAREQUAL",
    "DOUBLESLASH",
    "DOUBLESLASHEQUAL",
    "AT",
    "ATEQUAL",
    "RARROW",
    "ELLIPSIS",
    "COLONEQUAL",
    "OP",
    "AWAIT",
    "ASYNC",
    "TYPE_IGNORE",
    "TYPE_COMMENT",
    "SOFT_KEYWORD",
    "ERRORTOKEN",
    "COMMENT",
    "NL",
    "ENCODING",
];

impl TokenType {
    pub const ENDMARKER: TokenType = TokenType(0);
    pub const NAME: TokenType = TokenType(1);
    pub const NUMBER: TokenType = TokenType(2);
    pub const STRING: TokenType = TokenType(3);
    pub const NEWLINE: TokenType = TokenType(4);
    pub const INDENT: TokenType = TokenType(5);
    pub const DEDENT: TokenType = TokenType(6);
    pub const OP: TokenType = TokenType(54);
    pub const ERRORTOKEN: TokenType = TokenType(60);
    pub const COMMENT: TokenType = TokenType(61);
    pub const NL: TokenType = TokenType(62);
    pub const ENCODING: TokenType = TokenType(63);

    /// `tok_name[type]`.
    pub fn name(self) -> &'static str {
        TOK_NAME
            .get(usize::from(self.0))
            .copied()
            .unwrap_or("N_TOKENS")
    }
}

impl fmt::Debug for TokenType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `EXACT_TOKEN_TYPES[op]`: the exact type of an operator, or None.
pub fn exact_type(op: &str) -> Option<TokenType> {
    let n = match op {
        "(" => 7,
        ")" => 8,
        "[" => 9,
        "]" => 10,
        ":" => 11,
        "," => 12,
        ";" => 13,
        "+" => 14,
        "-" => 15,
        "*" => 16,
        "/" => 17,
        "|" => 18,
        "&" => 19,
        "<" => 20,
        ">" => 21,
        "=" => 22,
        "." => 23,
        "%" => 24,
        "{" => 25,
        "}" => 26,
        "==" => 27,
        "!=" => 28,
        "<=" => 29,
        ">=" => 30,
        "~" => 31,
        "^" => 32,
        "<<" => 33,
        ">>" => 34,
        "**" => 35,
        "+=" => 36,
        "-=" => 37,
        "*=" => 38,
        "/=" => 39,
        "%=" => 40,
        "&=" => 41,
        "|=" => 42,
        "^=" => 43,
        "<<=" => 44,
        ">>=" => 45,
        "**=" => 46,
        "//" => 47,
        "//=" => 48,
        "@" => 49,
        "@=" => 50,
        "->" => 51,
        "..." => 52,
        ":=" => 53,
        _ => return None,
    };
    Some(TokenType(n))
}

/// The length of the longest operator of `EXACT_TOKEN_TYPES` that starts `s` (what the
/// reverse-sorted `Special` alternation of tokenize.py picks), or 0.
pub fn operator_len(s: &[u8]) -> usize {
    let c0 = match s.first() {
        Some(&c) => c,
        None => return 0,
    };
    let c1 = s.get(1).copied().unwrap_or(0);
    let c2 = s.get(2).copied().unwrap_or(0);
    match c0 {
        b'(' | b')' | b'[' | b']' | b',' | b';' | b'{' | b'}' | b'~' => 1,
        b'*' | b'/' | b'<' | b'>' if c1 == c0 => 2 + usize::from(c2 == b'='),
        b'.' if c1 == b'.' && c2 == b'.' => 3,
        b'.' => 1,
        b'-' if c1 == b'>' => 2,
        b'!' if c1 == b'=' => 2,
        b'!' => 0,
        b'%' | b'&' | b'*' | b'+' | b'-' | b'/' | b':' | b'<' | b'=' | b'>' | b'@' | b'^'
        | b'|' => 1 + usize::from(c1 == b'='),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_match_longest_first() {
        for op in [
            "!=", "%", "%=", "&", "&=", "(", ")", "*", "**", "**=", "*=", "+", "+=", ",", "-",
            "-=", "->", ".", "...", "/", "//", "//=", "/=", ":", ":=", ";", "<", "<<", "<<=", "<=",
            "=", "==", ">", ">=", ">>", ">>=", "@", "@=", "[", "]", "^", "^=", "{", "|", "|=", "}",
            "~",
        ] {
            assert_eq!(operator_len(op.as_bytes()), op.len(), "{op}");
            assert!(exact_type(op).is_some(), "{op}");
        }
        assert_eq!(operator_len(b".."), 1);
        assert_eq!(operator_len(b"!"), 0);
        assert_eq!(operator_len(b"<>"), 1);
        assert_eq!(operator_len(b"=>"), 1);
        assert_eq!(TokenType(52).name(), "ELLIPSIS");
        assert_eq!(TokenType::ENCODING.name(), "ENCODING");
    }
}
