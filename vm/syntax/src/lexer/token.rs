//! The tokens the parser consumes: the C tokenizer's token types (Parser/token.c), with
//! keywords given their own kinds (pegen matches them as distinct token types too).

/// A token type. Operators and keywords are separate kinds; soft keywords (`match`,
/// `case`, `_`) stay `Name`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tok {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    Lbrace,
    Rbrace,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    ColonEqual,
    /// An operator character the grammar never accepts (`$`, `?`, `!`, a lone backquote).
    Op,
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

/// The keyword kind of an identifier, if it is a (hard) keyword.
pub fn keyword(name: &[u8]) -> Option<Tok> {
    Some(match name {
        b"False" => Tok::False,
        b"None" => Tok::None,
        b"True" => Tok::True,
        b"and" => Tok::And,
        b"as" => Tok::As,
        b"assert" => Tok::Assert,
        b"async" => Tok::Async,
        b"await" => Tok::Await,
        b"break" => Tok::Break,
        b"class" => Tok::Class,
        b"continue" => Tok::Continue,
        b"def" => Tok::Def,
        b"del" => Tok::Del,
        b"elif" => Tok::Elif,
        b"else" => Tok::Else,
        b"except" => Tok::Except,
        b"finally" => Tok::Finally,
        b"for" => Tok::For,
        b"from" => Tok::From,
        b"global" => Tok::Global,
        b"if" => Tok::If,
        b"import" => Tok::Import,
        b"in" => Tok::In,
        b"is" => Tok::Is,
        b"lambda" => Tok::Lambda,
        b"nonlocal" => Tok::Nonlocal,
        b"not" => Tok::Not,
        b"or" => Tok::Or,
        b"pass" => Tok::Pass,
        b"raise" => Tok::Raise,
        b"return" => Tok::Return,
        b"try" => Tok::Try,
        b"while" => Tok::While,
        b"with" => Tok::With,
        b"yield" => Tok::Yield,
        _ => return None,
    })
}

impl Tok {
    /// Is this a keyword (a NAME token in CPython's tokenizer)?
    pub fn is_keyword(self) -> bool {
        self as u8 >= Tok::False as u8
    }
}

/// `PyToken_OneChar`.
pub fn one_char(c: u8) -> Tok {
    match c {
        b'(' => Tok::Lpar,
        b')' => Tok::Rpar,
        b'[' => Tok::Lsqb,
        b']' => Tok::Rsqb,
        b':' => Tok::Colon,
        b',' => Tok::Comma,
        b';' => Tok::Semi,
        b'+' => Tok::Plus,
        b'-' => Tok::Minus,
        b'*' => Tok::Star,
        b'/' => Tok::Slash,
        b'|' => Tok::Vbar,
        b'&' => Tok::Amper,
        b'<' => Tok::Less,
        b'>' => Tok::Greater,
        b'=' => Tok::Equal,
        b'.' => Tok::Dot,
        b'%' => Tok::Percent,
        b'{' => Tok::Lbrace,
        b'}' => Tok::Rbrace,
        b'~' => Tok::Tilde,
        b'^' => Tok::Circumflex,
        b'@' => Tok::At,
        _ => Tok::Op,
    }
}

/// `PyToken_TwoChars`: `Op` when the pair is no operator.
pub fn two_chars(c1: u8, c2: u8) -> Tok {
    match (c1, c2) {
        (b'!', b'=') => Tok::NotEqual,
        (b'%', b'=') => Tok::PercentEqual,
        (b'&', b'=') => Tok::AmperEqual,
        (b'*', b'*') => Tok::DoubleStar,
        (b'*', b'=') => Tok::StarEqual,
        (b'+', b'=') => Tok::PlusEqual,
        (b'-', b'=') => Tok::MinEqual,
        (b'-', b'>') => Tok::Rarrow,
        (b'/', b'/') => Tok::DoubleSlash,
        (b'/', b'=') => Tok::SlashEqual,
        (b':', b'=') => Tok::ColonEqual,
        (b'<', b'<') => Tok::LeftShift,
        (b'<', b'=') => Tok::LessEqual,
        (b'<', b'>') => Tok::NotEqual,
        (b'=', b'=') => Tok::EqEqual,
        (b'>', b'=') => Tok::GreaterEqual,
        (b'>', b'>') => Tok::RightShift,
        (b'@', b'=') => Tok::AtEqual,
        (b'^', b'=') => Tok::CircumflexEqual,
        (b'|', b'=') => Tok::VbarEqual,
        _ => Tok::Op,
    }
}

/// `PyToken_ThreeChars`: `Op` when the triple is no operator.
pub fn three_chars(c1: u8, c2: u8, c3: u8) -> Tok {
    match (c1, c2, c3) {
        (b'*', b'*', b'=') => Tok::DoubleStarEqual,
        (b'.', b'.', b'.') => Tok::Ellipsis,
        (b'/', b'/', b'=') => Tok::DoubleSlashEqual,
        (b'<', b'<', b'=') => Tok::LeftShiftEqual,
        (b'>', b'>', b'=') => Tok::RightShiftEqual,
        _ => Tok::Op,
    }
}

/// One token: its kind and where it is. `lineno`/`col` are where it starts (a string's
/// first line), `end_lineno`/`end_col` where it ends; columns are UTF-8 byte offsets into
/// their line. `col == -1` for INDENT/DEDENT (no text), as in pegen; `err_col` then holds
/// the tokenizer's cursor column when it produced the token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col: i32,
    pub end_lineno: u32,
    pub end_col: i32,
    /// The bracket nesting level after this token (`token->level`).
    pub level: u16,
}
