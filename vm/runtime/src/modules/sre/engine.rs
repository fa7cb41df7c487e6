//! The `_sre` matching engine: CPython 3.11's backtracking matcher (`sre_lib.h`'s
//! `SRE(match)` and `SRE(search)`) over a compiled code list, with an explicit stack of
//! match contexts and a data stack for saved marks, so pattern depth never grows the Rust
//! stack. Results (spans, `lastindex`, the order alternatives are tried in) are CPython's.

use super::chars;

/// `SRE_OP_*` opcodes of CPython 3.11.
pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const SUBPATTERN: u32 = 25;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

/// `SRE_AT_*` codes.
mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

pub const MAXREPEAT: u32 = u32::MAX;
const INFO_PREFIX: u32 = 1;
const INFO_LITERAL: u32 = 2;
const INFO_CHARSET: u32 = 4;
/// How many dispatched opcodes between two checks of the VM's limits.
const TICK_EVERY: u32 = 1024;
/// Bound on saved contexts + data words (each a few machine words): beyond, MemoryError.
const MAX_STACK: usize = 1 << 27;
/// Nesting of `count` → `match` for malformed single-width items.
const MAX_COUNT_DEPTH: u32 = 64;

/// Why a match could not complete (`SRE_ERROR_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// Malformed code (`SRE_ERROR_ILLEGAL`/`SRE_ERROR_STATE`): "invalid SRE code".
    Illegal,
    /// The backtracking stacks outgrew their bound.
    Memory,
    /// The VM's limits (fuel, time, memory) stopped the match; the caller has the error.
    Interrupted,
}

type R<T> = Result<T, SreError>;

/// A subject string: code units addressed by index.
pub trait Chars {
    /// The code point at `i`; 0 past the end (where C reads the terminating NUL).
    fn at(&self, i: usize) -> u32;
}
impl Chars for [u8] {
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self.get(i).map_or(0, |&c| u32::from(c))
    }
}
impl Chars for [u32] {
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self.get(i).copied().unwrap_or(0)
    }
}

const NONE: isize = -1;

/// `SRE_REPEAT`: the state of one REPEAT ... UNTIL loop.
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    /// Index of the REPEAT's operands (its `<skip>`).
    pattern: usize,
    /// Previous repeat (index + 1; 0: none).
    prev: usize,
    last_ptr: isize,
}

/// `SRE_STATE`.
pub struct State<'a, S: ?Sized + Chars> {
    pub s: &'a S,
    pub code: &'a [u32],
    pub start: isize,
    pub end: isize,
    pub ptr: isize,
    /// Mark positions (-1: unset), `2 * groups` of them.
    pub marks: Vec<isize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeats: Vec<Repeat>,
    /// Current repeat: index into `repeats` + 1 (0: none).
    repeat: usize,
    data: Vec<isize>,
    steps: u32,
    depth: u32,
    tick: &'a mut dyn FnMut() -> bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// `SRE(match_context)`.
#[derive(Clone, Copy)]
struct Ctx {
    pc: usize,
    ptr: isize,
    count: isize,
    chr: u32,
    rep: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    jump: Jump,
}

impl Ctx {
    fn new(pc: usize, toplevel: bool, jump: Jump) -> Ctx {
        Ctx {
            pc,
            ptr: 0,
            count: 0,
            chr: 0,
            rep: 0,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            jump,
        }
    }
}

/// Where the interpreter loop goes next.
#[derive(Clone, Copy)]
enum Mode {
    Enter,
    Dispatch,
    Exit(bool),
    Resume(Jump, bool),
    BranchLoop,
    RepeatOne1Loop,
    RepeatOne2Loop,
    MinRepeatOneLoop,
    PossRepeatMin,
    PossRepeatMore,
}

impl<'a, S: ?Sized + Chars> State<'a, S> {
    /// `state_init` over `s[start..end]` (already clamped), with `groups` capture groups.
    pub fn new(
        s: &'a S,
        code: &'a [u32],
        start: usize,
        end: usize,
        groups: usize,
        tick: &'a mut dyn FnMut() -> bool,
    ) -> Self {
        State {
            s,
            code,
            start: start as isize,
            end: end as isize,
            ptr: start as isize,
            // `_validate` admits MARK up to 2 * groups + 1: room for all of them.
            marks: vec![NONE; groups.saturating_mul(2).saturating_add(2)],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeats: Vec::new(),
            repeat: 0,
            data: Vec::new(),
            steps: 0,
            depth: 0,
            tick,
        }
    }

    /// `state_reset`.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = 0;
        self.repeats.clear();
        self.data.clear();
        for m in self.marks.iter_mut() {
            *m = NONE;
        }
    }

    fn rep(&self, i: usize) -> R<Repeat> {
        self.repeats.get(i).copied().ok_or(SreError::Illegal)
    }
    fn rep_mut(&mut self, i: usize) -> R<&mut Repeat> {
        self.repeats.get_mut(i).ok_or(SreError::Illegal)
    }

    #[inline(always)]
    fn c(&self, i: usize) -> R<u32> {
        self.code.get(i).copied().ok_or(SreError::Illegal)
    }
    #[inline(always)]
    fn ch(&self, i: isize) -> u32 {
        self.s.at(i as usize)
    }
    #[inline(always)]
    fn step(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps >= TICK_EVERY {
            self.steps = 0;
            if !(self.tick)() {
                return Err(SreError::Interrupted);
            }
        }
        Ok(())
    }

    fn mark_push(&mut self, lastmark: isize) -> R<()> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            if n > self.marks.len() {
                return Err(SreError::Illegal);
            }
            if self.data.len() + n > MAX_STACK {
                return Err(SreError::Memory);
            }
            self.data.extend_from_slice(&self.marks[..n]);
        }
        Ok(())
    }
    fn mark_pop(&mut self, lastmark: isize, discard: bool) -> R<()> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let l = self.data.len();
            if n > l || n > self.marks.len() {
                return Err(SreError::Illegal);
            }
            self.marks[..n].copy_from_slice(&self.data[l - n..]);
            if discard {
                self.data.truncate(l - n);
            }
        }
        Ok(())
    }
    fn mark_pop_discard(&mut self, lastmark: isize) -> R<()> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let l = self.data.len();
            if n > l {
                return Err(SreError::Illegal);
            }
            self.data.truncate(l - n);
        }
        Ok(())
    }

    /// `SRE(at)`.
    fn at(&self, ptr: isize, code: u32) -> bool {
        let (beg, end) = (0isize, self.end);
        let word = |f: fn(u32) -> bool| -> (bool, bool) {
            let that = ptr > beg && f(self.ch(ptr - 1));
            let this = ptr < end && f(self.ch(ptr));
            (this, that)
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == beg,
            at::BEGINNING_LINE => ptr == beg || chars::is_linebreak(self.ch(ptr - 1)),
            at::END => (end - ptr == 1 && chars::is_linebreak(self.ch(ptr))) || ptr == end,
            at::END_LINE => ptr == end || chars::is_linebreak(self.ch(ptr)),
            at::END_STRING => ptr == end,
            at::BOUNDARY | at::NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let (a, b) = word(chars::is_word);
                (a != b) == (code == at::BOUNDARY)
            }
            at::LOC_BOUNDARY | at::LOC_NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let (a, b) = word(chars::is_loc_word);
                (a != b) == (code == at::LOC_BOUNDARY)
            }
            at::UNI_BOUNDARY | at::UNI_NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let (a, b) = word(chars::is_uni_word);
                (a != b) == (code == at::UNI_BOUNDARY)
            }
            _ => false,
        }
    }

    /// `SRE(charset)`: is `ch` in the set starting at `set`?
    fn charset(&self, mut set: usize, ch: u32) -> R<bool> {
        let mut ok = true;
        loop {
            let o = self.c(set)?;
            set += 1;
            match o {
                op::FAILURE => return Ok(!ok),
                op::LITERAL => {
                    if ch == self.c(set)? {
                        return Ok(ok);
                    }
                    set += 1;
                }
                op::CATEGORY => {
                    if chars::category(self.c(set)?, ch) {
                        return Ok(ok);
                    }
                    set += 1;
                }
                op::CHARSET => {
                    if ch < 256 && self.c(set + (ch as usize) / 32)? & (1u32 << (ch & 31)) != 0 {
                        return Ok(ok);
                    }
                    set += 8;
                }
                op::RANGE => {
                    if self.c(set)? <= ch && ch <= self.c(set + 1)? {
                        return Ok(ok);
                    }
                    set += 2;
                }
                op::RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.c(set)?, self.c(set + 1)?);
                    if lo <= ch && ch <= hi {
                        return Ok(ok);
                    }
                    let u = chars::upper_unicode(ch);
                    if lo <= u && u <= hi {
                        return Ok(ok);
                    }
                    set += 2;
                }
                op::NEGATE => ok = !ok,
                op::BIGCHARSET => {
                    let count = self.c(set)? as usize;
                    set += 1;
                    let block = if ch < 0x10000 {
                        let k = (ch >> 8) as usize;
                        let w = self.c(set + k / 4)?;
                        // Block indices are bytes in the words' native order.
                        let bytes = w.to_ne_bytes();
                        Some(bytes[k % 4] as usize)
                    } else {
                        None
                    };
                    set += 64;
                    if let Some(b) = block {
                        let bit = b * 256 + (ch & 255) as usize;
                        if self.c(set + bit / 32)? & (1u32 << (bit & 31)) != 0 {
                            return Ok(ok);
                        }
                    }
                    set = set
                        .checked_add(count.checked_mul(8).ok_or(SreError::Illegal)?)
                        .ok_or(SreError::Illegal)?;
                }
                _ => return Ok(false),
            }
        }
    }

    /// `SRE(charset_loc_ignore)`.
    fn charset_loc_ignore(&self, set: usize, ch: u32) -> R<bool> {
        let lo = chars::lower_locale(ch);
        if self.charset(set, lo)? {
            return Ok(true);
        }
        let up = chars::upper_locale(ch);
        Ok(up != lo && self.charset(set, up)?)
    }

    /// `SRE(count)`: how many times the single-width item at `pc` matches from
    /// `self.ptr`, at most `maxcount`.
    fn count(&mut self, pc: usize, maxcount: u32) -> R<isize> {
        let start = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as isize) < end - start {
            end = start + maxcount as isize;
        }
        let mut ptr = start;
        let chr = self.c(pc + 1).unwrap_or(0);
        match self.c(pc)? {
            op::IN => {
                while ptr < end && self.charset(pc + 2, self.ch(ptr))? {
                    ptr += 1;
                }
            }
            op::ANY => {
                while ptr < end && !chars::is_linebreak(self.ch(ptr)) {
                    ptr += 1;
                }
            }
            op::ANY_ALL => ptr = end,
            op::LITERAL => {
                while ptr < end && self.ch(ptr) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_IGNORE => {
                while ptr < end && chars::lower_ascii(self.ch(ptr)) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_UNI_IGNORE => {
                while ptr < end && chars::lower_unicode(self.ch(ptr)) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_LOC_IGNORE => {
                while ptr < end && chars::char_loc_ignore(chr, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL => {
                while ptr < end && self.ch(ptr) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_IGNORE => {
                while ptr < end && chars::lower_ascii(self.ch(ptr)) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_UNI_IGNORE => {
                while ptr < end && chars::lower_unicode(self.ch(ptr)) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_LOC_IGNORE => {
                while ptr < end && !chars::char_loc_ignore(chr, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            _ => {
                // General single-width item: match it repeatedly.
                if self.depth >= MAX_COUNT_DEPTH {
                    return Err(SreError::Illegal);
                }
                self.depth += 1;
                let r = (|| {
                    while self.ptr < end {
                        if !self.run(pc, false)? {
                            break;
                        }
                    }
                    Ok(self.ptr - start)
                })();
                self.depth -= 1;
                return r;
            }
        }
        Ok(ptr - start)
    }

    /// `SRE(match)`: does the code at `pc` match at `self.ptr`? On success `self.ptr` is
    /// the end of the match.
    pub fn run(&mut self, pc0: usize, toplevel: bool) -> R<bool> {
        let end = self.end;
        let mut stack: Vec<Ctx> = Vec::new();
        let mut ctx = Ctx::new(pc0, toplevel, Jump::None);
        let mut pc = pc0;
        let mut ptr = self.ptr;
        let mut mode = Mode::Enter;

        macro_rules! do_jump {
            ($j:expr, $next:expr, $top:expr) => {{
                ctx.pc = pc;
                ctx.ptr = ptr;
                if stack.len() + self.data.len() >= MAX_STACK {
                    return Err(SreError::Memory);
                }
                let nt = $top;
                let next = $next;
                stack.push(ctx);
                ctx = Ctx::new(next, nt, $j);
                pc = next;
                mode = Mode::Enter;
                continue;
            }};
        }
        macro_rules! fail {
            () => {{
                mode = Mode::Exit(false);
                continue;
            }};
        }
        macro_rules! succeed {
            () => {{
                mode = Mode::Exit(true);
                continue;
            }};
        }
        macro_rules! lastmark_save {
            () => {{
                ctx.lastmark = self.lastmark;
                ctx.lastindex = self.lastindex;
            }};
        }
        macro_rules! lastmark_restore {
            () => {{
                self.lastmark = ctx.lastmark;
                self.lastindex = ctx.lastindex;
            }};
        }

        loop {
            match mode {
                Mode::Enter => {
                    ptr = self.ptr;
                    if self.c(pc)? == op::INFO {
                        let min = self.c(pc + 3)?;
                        if min != 0 && ((end - ptr) as usize) < min as usize {
                            fail!();
                        }
                        pc += self.c(pc + 1)? as usize + 1;
                    }
                    mode = Mode::Dispatch;
                }
                Mode::Exit(ret) => {
                    let Some(parent) = stack.pop() else {
                        return Ok(ret);
                    };
                    let j = ctx.jump;
                    ctx = parent;
                    pc = ctx.pc;
                    ptr = ctx.ptr;
                    mode = Mode::Resume(j, ret);
                }
                Mode::Dispatch => {
                    self.step()?;
                    let o = self.c(pc)?;
                    pc += 1;
                    match o {
                        op::MARK => {
                            let i = self.c(pc)? as isize;
                            if i as usize >= self.marks.len() {
                                return Err(SreError::Illegal);
                            }
                            if i & 1 != 0 {
                                self.lastindex = i / 2 + 1;
                            }
                            if i > self.lastmark {
                                let from = (self.lastmark + 1) as usize;
                                for m in &mut self.marks[from..i as usize] {
                                    *m = NONE;
                                }
                                self.lastmark = i;
                            }
                            self.marks[i as usize] = ptr;
                            pc += 1;
                        }
                        op::LITERAL => {
                            if ptr >= end || self.ch(ptr) != self.c(pc)? {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        op::NOT_LITERAL => {
                            if ptr >= end || self.ch(ptr) == self.c(pc)? {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        op::SUCCESS => {
                            if ctx.toplevel
                                && ((self.match_all && ptr != end)
                                    || (self.must_advance && ptr == self.start))
                            {
                                fail!();
                            }
                            self.ptr = ptr;
                            succeed!();
                        }
                        op::AT => {
                            if !self.at(ptr, self.c(pc)?) {
                                fail!();
                            }
                            pc += 1;
                        }
                        op::CATEGORY => {
                            if ptr >= end || !chars::category(self.c(pc)?, self.ch(ptr)) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        op::ANY => {
                            if ptr >= end || chars::is_linebreak(self.ch(ptr)) {
                                fail!();
                            }
                            ptr += 1;
                        }
                        op::ANY_ALL => {
                            if ptr >= end {
                                fail!();
                            }
                            ptr += 1;
                        }
                        op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                            if ptr >= end {
                                fail!();
                            }
                            let c = self.ch(ptr);
                            let hit = match o {
                                op::IN => self.charset(pc + 1, c)?,
                                op::IN_IGNORE => self.charset(pc + 1, chars::lower_ascii(c))?,
                                op::IN_UNI_IGNORE => {
                                    self.charset(pc + 1, chars::lower_unicode(c))?
                                }
                                _ => self.charset_loc_ignore(pc + 1, c)?,
                            };
                            if !hit {
                                fail!();
                            }
                            pc += self.c(pc)? as usize;
                            ptr += 1;
                        }
                        op::LITERAL_IGNORE
                        | op::LITERAL_UNI_IGNORE
                        | op::LITERAL_LOC_IGNORE
                        | op::NOT_LITERAL_IGNORE
                        | op::NOT_LITERAL_UNI_IGNORE
                        | op::NOT_LITERAL_LOC_IGNORE => {
                            if ptr >= end {
                                fail!();
                            }
                            let (p, c) = (self.c(pc)?, self.ch(ptr));
                            let eq = match o {
                                op::LITERAL_IGNORE | op::NOT_LITERAL_IGNORE => {
                                    chars::lower_ascii(c) == p
                                }
                                op::LITERAL_UNI_IGNORE | op::NOT_LITERAL_UNI_IGNORE => {
                                    chars::lower_unicode(c) == p
                                }
                                _ => chars::char_loc_ignore(p, c),
                            };
                            let want = matches!(
                                o,
                                op::LITERAL_IGNORE
                                    | op::LITERAL_UNI_IGNORE
                                    | op::LITERAL_LOC_IGNORE
                            );
                            if eq != want {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        op::JUMP | op::INFO => {
                            pc += self.c(pc)? as usize;
                        }
                        op::BRANCH => {
                            lastmark_save!();
                            if self.repeat != 0 {
                                self.mark_push(ctx.lastmark)?;
                            }
                            mode = Mode::BranchLoop;
                        }
                        op::REPEAT_ONE => {
                            let min = self.c(pc + 1)?;
                            let max = self.c(pc + 2)?;
                            if min as isize > end - ptr {
                                fail!();
                            }
                            self.ptr = ptr;
                            let n = self.count(pc + 3, max)?;
                            ctx.count = n;
                            ptr += n;
                            if n < min as isize {
                                fail!();
                            }
                            let tail = pc + self.c(pc)? as usize;
                            if self.c(tail)? == op::SUCCESS
                                && ptr == end
                                && !(ctx.toplevel && self.must_advance && ptr == self.start)
                            {
                                self.ptr = ptr;
                                succeed!();
                            }
                            lastmark_save!();
                            if self.repeat != 0 {
                                self.mark_push(ctx.lastmark)?;
                            }
                            if self.c(tail)? == op::LITERAL {
                                ctx.chr = self.c(tail + 1)?;
                                mode = Mode::RepeatOne1Loop;
                            } else {
                                mode = Mode::RepeatOne2Loop;
                            }
                        }
                        op::MIN_REPEAT_ONE => {
                            let min = self.c(pc + 1)?;
                            if min as isize > end - ptr {
                                fail!();
                            }
                            self.ptr = ptr;
                            if min == 0 {
                                ctx.count = 0;
                            } else {
                                let n = self.count(pc + 3, min)?;
                                if n < min as isize {
                                    fail!();
                                }
                                ctx.count = n;
                                ptr += n;
                            }
                            let tail = pc + self.c(pc)? as usize;
                            if self.c(tail)? == op::SUCCESS
                                && !(ctx.toplevel
                                    && ((self.match_all && ptr != end)
                                        || (self.must_advance && ptr == self.start)))
                            {
                                self.ptr = ptr;
                                succeed!();
                            }
                            lastmark_save!();
                            if self.repeat != 0 {
                                self.mark_push(ctx.lastmark)?;
                            }
                            mode = Mode::MinRepeatOneLoop;
                        }
                        op::POSSESSIVE_REPEAT_ONE => {
                            let min = self.c(pc + 1)?;
                            let max = self.c(pc + 2)?;
                            if ptr + min as isize > end {
                                fail!();
                            }
                            self.ptr = ptr;
                            let n = self.count(pc + 3, max)?;
                            ctx.count = n;
                            ptr += n;
                            if n < min as isize {
                                fail!();
                            }
                            pc += self.c(pc)? as usize;
                            if self.c(pc)? == op::SUCCESS
                                && ptr == end
                                && !(ctx.toplevel && self.must_advance && ptr == self.start)
                            {
                                self.ptr = ptr;
                                succeed!();
                            }
                        }
                        op::REPEAT => {
                            if self.repeats.len() >= MAX_STACK {
                                return Err(SreError::Memory);
                            }
                            self.repeats.push(Repeat {
                                count: -1,
                                pattern: pc,
                                prev: self.repeat,
                                last_ptr: NONE,
                            });
                            ctx.rep = self.repeats.len() - 1;
                            self.repeat = self.repeats.len();
                            self.ptr = ptr;
                            let next = pc + self.c(pc)? as usize;
                            do_jump!(Jump::Repeat, next, ctx.toplevel);
                        }
                        op::MAX_UNTIL | op::MIN_UNTIL => {
                            if self.repeat == 0 {
                                return Err(SreError::Illegal);
                            }
                            ctx.rep = self.repeat - 1;
                            self.ptr = ptr;
                            let rep = self.rep(ctx.rep)?;
                            ctx.count = rep.count + 1;
                            let rmin = self.c(rep.pattern + 1)?;
                            let rmax = self.c(rep.pattern + 2)?;
                            if ctx.count < rmin as isize {
                                // Not enough matches yet.
                                self.rep_mut(ctx.rep)?.count = ctx.count;
                                let j = if o == op::MAX_UNTIL {
                                    Jump::MaxUntil1
                                } else {
                                    Jump::MinUntil1
                                };
                                do_jump!(j, rep.pattern + 3, ctx.toplevel);
                            }
                            if o == op::MAX_UNTIL {
                                if (ctx.count < rmax as isize || rmax == MAXREPEAT)
                                    && self.ptr != rep.last_ptr
                                {
                                    // Enough matches, but try one more item.
                                    self.rep_mut(ctx.rep)?.count = ctx.count;
                                    lastmark_save!();
                                    self.mark_push(ctx.lastmark)?;
                                    self.data.push(rep.last_ptr);
                                    self.rep_mut(ctx.rep)?.last_ptr = self.ptr;
                                    do_jump!(Jump::MaxUntil2, rep.pattern + 3, ctx.toplevel);
                                }
                                self.repeat = rep.prev;
                                do_jump!(Jump::MaxUntil3, pc, ctx.toplevel);
                            } else {
                                // See if the tail matches.
                                self.repeat = rep.prev;
                                lastmark_save!();
                                if self.repeat != 0 {
                                    self.mark_push(ctx.lastmark)?;
                                }
                                do_jump!(Jump::MinUntil2, pc, ctx.toplevel);
                            }
                        }
                        op::POSSESSIVE_REPEAT => {
                            self.ptr = ptr;
                            ctx.count = 0;
                            mode = Mode::PossRepeatMin;
                        }
                        op::ATOMIC_GROUP => {
                            self.ptr = ptr;
                            do_jump!(Jump::AtomicGroup, pc + 1, false);
                        }
                        op::GROUPREF
                        | op::GROUPREF_IGNORE
                        | op::GROUPREF_UNI_IGNORE
                        | op::GROUPREF_LOC_IGNORE => {
                            let g = self.c(pc)? as isize * 2;
                            if g >= self.lastmark {
                                fail!();
                            }
                            let (mut p, e) = (self.marks[g as usize], self.marks[g as usize + 1]);
                            if p < 0 || e < 0 || e < p {
                                fail!();
                            }
                            let fold: fn(u32) -> u32 = match o {
                                op::GROUPREF => |c| c,
                                op::GROUPREF_IGNORE => chars::lower_ascii,
                                op::GROUPREF_UNI_IGNORE => chars::lower_unicode,
                                _ => chars::lower_locale,
                            };
                            let mut ok = true;
                            while p < e {
                                if ptr >= end || fold(self.ch(ptr)) != fold(self.ch(p)) {
                                    ok = false;
                                    break;
                                }
                                p += 1;
                                ptr += 1;
                            }
                            if !ok {
                                fail!();
                            }
                            pc += 1;
                        }
                        op::GROUPREF_EXISTS => {
                            let g = self.c(pc)? as isize * 2;
                            let exists = g < self.lastmark && {
                                let (p, e) = (self.marks[g as usize], self.marks[g as usize + 1]);
                                p >= 0 && e >= 0 && e >= p
                            };
                            if exists {
                                pc += 2;
                            } else {
                                pc += self.c(pc + 1)? as usize;
                            }
                        }
                        op::ASSERT => {
                            let back = self.c(pc + 1)? as isize;
                            if ptr < back {
                                fail!();
                            }
                            self.ptr = ptr - back;
                            do_jump!(Jump::Assert, pc + 2, false);
                        }
                        op::ASSERT_NOT => {
                            let back = self.c(pc + 1)? as isize;
                            if ptr >= back {
                                self.ptr = ptr - back;
                                lastmark_save!();
                                if self.repeat != 0 {
                                    self.mark_push(ctx.lastmark)?;
                                }
                                do_jump!(Jump::AssertNot, pc + 2, false);
                            }
                            pc += self.c(pc)? as usize;
                        }
                        op::FAILURE => fail!(),
                        _ => return Err(SreError::Illegal),
                    }
                }
                Mode::BranchLoop => {
                    let skip = self.c(pc)? as usize;
                    if skip == 0 {
                        if self.repeat != 0 {
                            self.mark_pop_discard(ctx.lastmark)?;
                        }
                        fail!();
                    }
                    let first = self.c(pc + 1)?;
                    if first == op::LITERAL && (ptr >= end || self.ch(ptr) != self.c(pc + 2)?) {
                        pc += skip;
                        continue;
                    }
                    if first == op::IN && (ptr >= end || !self.charset(pc + 3, self.ch(ptr))?) {
                        pc += skip;
                        continue;
                    }
                    self.ptr = ptr;
                    do_jump!(Jump::Branch, pc + 1, ctx.toplevel);
                }
                Mode::RepeatOne1Loop => {
                    let min = self.c(pc + 1)? as isize;
                    while ctx.count >= min && (ptr >= end || self.ch(ptr) != ctx.chr) {
                        ptr -= 1;
                        ctx.count -= 1;
                    }
                    if ctx.count < min {
                        if self.repeat != 0 {
                            self.mark_pop_discard(ctx.lastmark)?;
                        }
                        fail!();
                    }
                    self.ptr = ptr;
                    let tail = pc + self.c(pc)? as usize;
                    do_jump!(Jump::RepeatOne1, tail, ctx.toplevel);
                }
                Mode::RepeatOne2Loop => {
                    let min = self.c(pc + 1)? as isize;
                    if ctx.count < min {
                        if self.repeat != 0 {
                            self.mark_pop_discard(ctx.lastmark)?;
                        }
                        fail!();
                    }
                    self.ptr = ptr;
                    let tail = pc + self.c(pc)? as usize;
                    do_jump!(Jump::RepeatOne2, tail, ctx.toplevel);
                }
                Mode::MinRepeatOneLoop => {
                    let max = self.c(pc + 2)?;
                    if max == MAXREPEAT || ctx.count <= max as isize {
                        self.ptr = ptr;
                        let tail = pc + self.c(pc)? as usize;
                        do_jump!(Jump::MinRepeatOne, tail, ctx.toplevel);
                    }
                    if self.repeat != 0 {
                        self.mark_pop_discard(ctx.lastmark)?;
                    }
                    fail!();
                }
                Mode::PossRepeatMin => {
                    if ctx.count < self.c(pc + 1)? as isize {
                        do_jump!(Jump::PossRepeat1, pc + 3, false);
                    }
                    // Clear the context's pointer so the loop is entered.
                    ptr = NONE - 1;
                    mode = Mode::PossRepeatMore;
                }
                Mode::PossRepeatMore => {
                    let max = self.c(pc + 2)?;
                    if (ctx.count < max as isize || max == MAXREPEAT) && self.ptr != ptr {
                        lastmark_save!();
                        self.mark_push(ctx.lastmark)?;
                        ptr = self.ptr;
                        do_jump!(Jump::PossRepeat2, pc + 3, false);
                    }
                    // Evaluate the tail (after the body's SUCCESS).
                    pc += self.c(pc)? as usize + 1;
                    ptr = self.ptr;
                    mode = Mode::Dispatch;
                }
                Mode::Resume(j, ret) => match j {
                    Jump::None => return Err(SreError::Illegal),
                    Jump::Branch => {
                        if ret {
                            if self.repeat != 0 {
                                self.mark_pop_discard(ctx.lastmark)?;
                            }
                            succeed!();
                        }
                        if self.repeat != 0 {
                            self.mark_pop(ctx.lastmark, false)?;
                        }
                        lastmark_restore!();
                        pc += self.c(pc)? as usize;
                        mode = Mode::BranchLoop;
                    }
                    Jump::RepeatOne1 | Jump::RepeatOne2 => {
                        if ret {
                            if self.repeat != 0 {
                                self.mark_pop_discard(ctx.lastmark)?;
                            }
                            succeed!();
                        }
                        if self.repeat != 0 {
                            self.mark_pop(ctx.lastmark, false)?;
                        }
                        lastmark_restore!();
                        ptr -= 1;
                        ctx.count -= 1;
                        mode = if j == Jump::RepeatOne1 {
                            Mode::RepeatOne1Loop
                        } else {
                            Mode::RepeatOne2Loop
                        };
                    }
                    Jump::MinRepeatOne => {
                        if ret {
                            if self.repeat != 0 {
                                self.mark_pop_discard(ctx.lastmark)?;
                            }
                            succeed!();
                        }
                        if self.repeat != 0 {
                            self.mark_pop(ctx.lastmark, false)?;
                        }
                        lastmark_restore!();
                        self.ptr = ptr;
                        let n = self.count(pc + 3, 1)?;
                        if n == 0 {
                            if self.repeat != 0 {
                                self.mark_pop_discard(ctx.lastmark)?;
                            }
                            fail!();
                        }
                        ptr += 1;
                        ctx.count += 1;
                        mode = Mode::MinRepeatOneLoop;
                    }
                    Jump::Repeat => {
                        let prev = self.repeats.get(ctx.rep).map_or(0, |r| r.prev);
                        self.repeat = prev;
                        self.repeats.truncate(ctx.rep);
                        mode = Mode::Exit(ret);
                    }
                    Jump::MaxUntil1 | Jump::MinUntil1 => {
                        if ret {
                            succeed!();
                        }
                        self.rep_mut(ctx.rep)?.count = ctx.count - 1;
                        self.ptr = ptr;
                        fail!();
                    }
                    Jump::MaxUntil2 => {
                        let lp = self.data.pop().ok_or(SreError::Illegal)?;
                        self.rep_mut(ctx.rep)?.last_ptr = lp;
                        if ret {
                            self.mark_pop_discard(ctx.lastmark)?;
                            succeed!();
                        }
                        self.mark_pop(ctx.lastmark, true)?;
                        lastmark_restore!();
                        self.rep_mut(ctx.rep)?.count = ctx.count - 1;
                        self.ptr = ptr;
                        // Cannot match more repeated items here: the tail must match.
                        self.repeat = self.rep_mut(ctx.rep)?.prev;
                        do_jump!(Jump::MaxUntil3, pc, ctx.toplevel);
                    }
                    Jump::MaxUntil3 => {
                        self.repeat = ctx.rep + 1;
                        if ret {
                            succeed!();
                        }
                        self.ptr = ptr;
                        fail!();
                    }
                    Jump::MinUntil2 => {
                        let repeat_of_tail = self.repeat;
                        self.repeat = ctx.rep + 1;
                        if ret {
                            if repeat_of_tail != 0 {
                                self.mark_pop_discard(ctx.lastmark)?;
                            }
                            succeed!();
                        }
                        if repeat_of_tail != 0 {
                            self.mark_pop(ctx.lastmark, true)?;
                        }
                        lastmark_restore!();
                        self.ptr = ptr;
                        let rep = self.rep(ctx.rep)?;
                        let rmax = self.c(rep.pattern + 2)?;
                        if (ctx.count >= rmax as isize && rmax != MAXREPEAT)
                            || self.ptr == rep.last_ptr
                        {
                            fail!();
                        }
                        self.rep_mut(ctx.rep)?.count = ctx.count;
                        self.data.push(rep.last_ptr);
                        self.rep_mut(ctx.rep)?.last_ptr = self.ptr;
                        do_jump!(Jump::MinUntil3, rep.pattern + 3, ctx.toplevel);
                    }
                    Jump::MinUntil3 => {
                        let lp = self.data.pop().ok_or(SreError::Illegal)?;
                        self.rep_mut(ctx.rep)?.last_ptr = lp;
                        if ret {
                            succeed!();
                        }
                        self.rep_mut(ctx.rep)?.count = ctx.count - 1;
                        self.ptr = ptr;
                        fail!();
                    }
                    Jump::PossRepeat1 => {
                        if ret {
                            ctx.count += 1;
                            mode = Mode::PossRepeatMin;
                        } else {
                            self.ptr = ptr;
                            fail!();
                        }
                    }
                    Jump::PossRepeat2 => {
                        if ret {
                            self.mark_pop_discard(ctx.lastmark)?;
                            ctx.count += 1;
                            mode = Mode::PossRepeatMore;
                        } else {
                            self.mark_pop(ctx.lastmark, true)?;
                            lastmark_restore!();
                            pc += self.c(pc)? as usize + 1;
                            ptr = self.ptr;
                            mode = Mode::Dispatch;
                        }
                    }
                    Jump::AtomicGroup => {
                        if !ret {
                            self.ptr = ptr;
                            fail!();
                        }
                        pc += self.c(pc)? as usize;
                        ptr = self.ptr;
                        mode = Mode::Dispatch;
                    }
                    Jump::Assert => {
                        if !ret {
                            fail!();
                        }
                        pc += self.c(pc)? as usize;
                        mode = Mode::Dispatch;
                    }
                    Jump::AssertNot => {
                        if ret {
                            if self.repeat != 0 {
                                self.mark_pop_discard(ctx.lastmark)?;
                            }
                            fail!();
                        }
                        if self.repeat != 0 {
                            self.mark_pop(ctx.lastmark, true)?;
                        }
                        lastmark_restore!();
                        pc += self.c(pc)? as usize;
                        mode = Mode::Dispatch;
                    }
                },
            }
        }
    }

    /// `SRE(search)`: the first match at or after `self.start`.
    pub fn search(&mut self) -> R<bool> {
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0usize;
        let mut flags = 0;
        let mut prefix: Option<(usize, usize, usize)> = None; // (start, len, skip)
        let mut charset: Option<usize> = None;
        if self.c(0)? == op::INFO {
            flags = self.c(2)?;
            let min = self.c(3)? as isize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                prefix = Some((7, self.c(5)? as usize, self.c(6)? as usize));
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + self.c(1)? as usize;
        }
        if let Some((pstart, plen, pskip)) = prefix {
            if plen >= 1 && pstart + plen > self.code.len() {
                return Err(SreError::Illegal);
            }
            if plen == 1 {
                let c = self.c(pstart)?;
                let end = self.end;
                self.must_advance = false;
                while ptr < end {
                    while self.ch(ptr) != c {
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.step()?;
                    }
                    self.start = ptr;
                    self.ptr = ptr + pskip as isize;
                    if flags & INFO_LITERAL != 0 {
                        return Ok(true);
                    }
                    if self.run(pc + 2 * pskip, false)? {
                        return Ok(true);
                    }
                    ptr += 1;
                    self.lastmark = -1;
                    self.lastindex = -1;
                }
                return Ok(false);
            }
            if plen > 1 {
                let end = self.end;
                if plen as isize > end - ptr {
                    return Ok(false);
                }
                let overlap = pstart + plen - 1;
                while ptr < end {
                    let c = self.c(pstart)?;
                    loop {
                        let x = self.ch(ptr);
                        ptr += 1;
                        if x == c {
                            break;
                        }
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.step()?;
                    }
                    if ptr >= end {
                        return Ok(false);
                    }
                    let mut i = 1usize;
                    self.must_advance = false;
                    loop {
                        self.step()?;
                        if self.ch(ptr) == self.c(pstart + i)? {
                            i += 1;
                            if i != plen {
                                ptr += 1;
                                if ptr >= end {
                                    return Ok(false);
                                }
                                continue;
                            }
                            self.start = ptr - (plen as isize - 1);
                            self.ptr = ptr - (plen as isize - pskip as isize - 1);
                            if flags & INFO_LITERAL != 0 {
                                return Ok(true);
                            }
                            if self.run(pc + 2 * pskip, false)? {
                                return Ok(true);
                            }
                            ptr += 1;
                            if ptr >= end {
                                return Ok(false);
                            }
                            self.lastmark = -1;
                            self.lastindex = -1;
                        }
                        i = self.c(overlap + i)? as usize;
                        if i == 0 {
                            break;
                        }
                        if i >= plen {
                            return Err(SreError::Illegal);
                        }
                    }
                }
                return Ok(false);
            }
        }
        if let Some(cs) = charset {
            let end = self.end;
            self.must_advance = false;
            loop {
                while ptr < end && !self.charset(cs, self.ch(ptr))? {
                    ptr += 1;
                    self.step()?;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.lastmark = -1;
                self.lastindex = -1;
            }
        }
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(pc, true)?;
        self.must_advance = false;
        if !status
            && self.c(pc)? == op::AT
            && matches!(self.c(pc + 1)?, at::BEGINNING | at::BEGINNING_STRING)
        {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.lastmark = -1;
            self.lastindex = -1;
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(pc, false)?;
        }
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_search(code: &[u32], s: &str, groups: usize) -> Option<(isize, isize, Vec<isize>)> {
        let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
        let mut tick = || true;
        let mut st = State::new(&cps[..], code, 0, cps.len(), groups, &mut tick);
        if st.search().ok()? {
            Some((st.start, st.ptr, st.marks[..2 * groups].to_vec()))
        } else {
            None
        }
    }

    #[test]
    fn literal_and_groups() {
        // (a)|b  compiled by CPython 3.11
        let code = [
            14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 16, 98, 15, 2, 0, 1,
        ];
        assert_eq!(
            run_search(&code, "xxb", 1).map(|r| (r.0, r.1)),
            Some((2, 3))
        );
        let r = run_search(&code, "xa", 1);
        assert_eq!(r.map(|r| (r.0, r.1, r.2)), Some((1, 2, vec![1, 2])));
        // (?:ab)*c
        let code = [
            14, 4, 0, 1, MAXREPEAT, 23, 7, 0, MAXREPEAT, 16, 97, 16, 98, 18, 16, 99, 1,
        ];
        assert_eq!(
            run_search(&code, "zababc", 0).map(|r| (r.0, r.1)),
            Some((1, 6))
        );
        assert_eq!(run_search(&code, "abab", 0), None);
    }

    #[test]
    fn malformed_code_is_an_error() {
        let cps: Vec<u32> = vec![97];
        let mut tick = || true;
        for code in [&[99u32][..], &[16][..], &[7, 5][..], &[18, 1][..], &[][..]] {
            let mut st = State::new(&cps[..], code, 0, 1, 0, &mut tick);
            assert!(st.run(0, true).is_err() || st.run(0, true) == Ok(false));
        }
    }

    #[test]
    fn deep_backtracking_does_not_recurse() {
        // (?:a)*b-like REPEAT over 200 000 chars, no match: explicit stacks only.
        let code = [23, 5, 0, MAXREPEAT, 16, 97, 18, 16, 98, 1];
        let s: Vec<u8> = vec![b'a'; 200_000];
        let mut tick = || true;
        let mut st = State::new(&s[..], &code, 0, s.len(), 0, &mut tick);
        assert_eq!(st.run(0, true), Ok(false));
    }
}
