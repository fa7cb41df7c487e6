//! The `_sre` matching engine: CPython 3.11's backtracking matcher (`sre_lib.h`'s
//! `SRE(match)` and `SRE(search)`) over a compiled code list, with an explicit stack of
//! match contexts and a data stack for saved marks, so pattern depth never grows the Rust
//! stack. Results (spans, `lastindex`, the order alternatives are tried in) are CPython's.

use super::chars;

mod predicates;
mod search;

mod codes;
use codes::at;
pub use codes::op;

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
}

#[cfg(test)]
mod tests;
