//! The compiler's instruction IR: instructions with pseudo-ops and block targets, basic
//! blocks, and the control-flow graph the code generator fills and the assembler
//! optimises (CPython 3.11 `compile.c`: `struct instr`, `basicblock`).
//!
//! Blocks live in one `Vec` indexed by [`BlockId`]. CPython keeps two orders: `b_list`,
//! every block in *reverse* allocation order (here: indices from last to first), and
//! `b_next`, the layout order the code will be emitted in (here: [`BasicBlock::next`]).
//! Block 0 is the entry block.

pub mod cfg;
pub mod except;
pub mod optimize;
pub mod stackdepth;

use crate::opcode::{self, Op};

/// Index of a block in [`Cfg::blocks`].
pub type BlockId = u32;

/// "No block" (a NULL `basicblock *`).
pub const NO_BLOCK: BlockId = u32::MAX;

/// Source position of an instruction: 1-based lines, 0-based UTF-8 byte columns;
/// `lineno < 0` means "no location" (an artificial instruction).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col_offset: i32,
    pub end_col_offset: i32,
}

impl Loc {
    /// `UNSET_LOC`: all four fields -1.
    pub const NONE: Loc = Loc {
        lineno: -1,
        end_lineno: -1,
        col_offset: -1,
        end_col_offset: -1,
    };

    /// The location `compiler_addop_noline` gives: line -1, the rest 0.
    pub const NOLINE: Loc = Loc {
        lineno: -1,
        end_lineno: 0,
        col_offset: 0,
        end_col_offset: 0,
    };

    pub fn new(lineno: i32, col_offset: i32, end_lineno: i32, end_col_offset: i32) -> Loc {
        Loc {
            lineno,
            end_lineno,
            col_offset,
            end_col_offset,
        }
    }
}

/// `struct instr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub opcode: Op,
    pub oparg: i32,
    /// Jump or handler target (`i_target`).
    pub target: BlockId,
    /// Innermost exception handler covering this instruction (`i_except`), set by
    /// [`except::label_exception_targets`].
    pub except: BlockId,
    pub loc: Loc,
}

impl Instr {
    pub fn new(opcode: Op, oparg: i32, loc: Loc) -> Instr {
        Instr {
            opcode,
            oparg,
            target: NO_BLOCK,
            except: NO_BLOCK,
            loc,
        }
    }

    pub fn jump(opcode: Op, target: BlockId, loc: Loc) -> Instr {
        Instr {
            opcode,
            oparg: 0,
            target,
            except: NO_BLOCK,
            loc,
        }
    }

    pub fn is_jump(&self) -> bool {
        opcode::is_jump(self.opcode)
    }

    pub fn is_block_push(&self) -> bool {
        opcode::is_block_push(self.opcode)
    }

    /// `instr_size`: code units including EXTENDED_ARGs and inline caches.
    pub fn size(&self) -> i32 {
        let oparg = if opcode::has_arg(self.opcode) {
            self.oparg
        } else {
            0
        };
        let extended =
            i32::from(0xFF_FFFF < oparg) + i32::from(0xFFFF < oparg) + i32::from(0xFF < oparg);
        extended + 1 + opcode::caches(self.opcode)
    }
}

/// The exception-handler stack of `label_exception_targets` (`ExceptStack`): index 0
/// is "no handler".
pub type ExceptStack = Vec<BlockId>;

/// `basicblock`.
#[derive(Clone, Debug)]
pub struct BasicBlock {
    pub instrs: Vec<Instr>,
    /// Next block in layout order (`b_next`).
    pub next: BlockId,
    pub predecessors: i32,
    /// Stack depth on entry (`b_startdepth`), computed by [`stackdepth::stackdepth`].
    pub startdepth: i32,
    /// Offset in code units (`b_offset`), computed by the assembler.
    pub offset: i32,
    /// Ends with a return, raise or unconditional jump (`b_nofallthrough`).
    pub nofallthrough: bool,
    /// An exception handler that preserves `lasti` (`b_preserve_lasti`).
    pub preserve_lasti: bool,
    pub visited: bool,
    /// Ends with a return or raise (`b_exit`).
    pub exit: bool,
    /// Holds a RETURN_VALUE added by the code generator (`b_return`).
    pub return_: bool,
    pub exceptstack: Option<ExceptStack>,
}

impl BasicBlock {
    fn new() -> BasicBlock {
        BasicBlock {
            instrs: Vec::new(),
            next: NO_BLOCK,
            predecessors: 0,
            startdepth: 0,
            offset: 0,
            nofallthrough: false,
            preserve_lasti: false,
            visited: false,
            exit: false,
            return_: false,
            exceptstack: None,
        }
    }

    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    pub fn is_empty(&self) -> bool {
        self.instrs.is_empty()
    }
}

/// The control-flow graph of one code object under construction, with the cursor the
/// code generator writes at (`u_curblock`, `u_need_new_implicit_block`).
#[derive(Clone, Debug)]
pub struct Cfg {
    pub blocks: Vec<BasicBlock>,
    pub curblock: BlockId,
    need_new_implicit_block: bool,
}

impl Default for Cfg {
    fn default() -> Self {
        Cfg::new()
    }
}

impl Cfg {
    /// A graph holding only its (empty, current) entry block.
    pub fn new() -> Cfg {
        Cfg {
            blocks: vec![BasicBlock::new()],
            curblock: 0,
            need_new_implicit_block: false,
        }
    }

    /// The entry block.
    pub const ENTRY: BlockId = 0;

    pub fn block(&self, b: BlockId) -> &BasicBlock {
        &self.blocks[b as usize]
    }

    pub fn block_mut(&mut self, b: BlockId) -> &mut BasicBlock {
        &mut self.blocks[b as usize]
    }

    /// `compiler_new_block`.
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(BasicBlock::new());
        (self.blocks.len() - 1) as BlockId
    }

    /// `compiler_use_next_block`: `block` follows the current block in layout order and
    /// becomes current.
    pub fn use_next_block(&mut self, block: BlockId) {
        let cur = self.curblock;
        self.block_mut(cur).next = block;
        self.curblock = block;
        self.need_new_implicit_block = false;
    }

    /// `compiler_use_new_implicit_block_if_needed`.
    fn use_new_implicit_block_if_needed(&mut self) {
        if self.need_new_implicit_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
    }

    /// Appends `instr` to the current block (`compiler_addop_*`), starting a new block
    /// first when the previous instruction ended one.
    pub fn push(&mut self, instr: Instr) {
        self.use_new_implicit_block_if_needed();
        let cur = self.curblock;
        let b = self.block_mut(cur);
        if instr.opcode == opcode::RETURN_VALUE {
            b.return_ = true;
        }
        if b.instrs.capacity() == 0 {
            // Skip the 4 → 8 → 16 regrowth of most blocks.
            b.instrs.reserve(16);
        }
        b.instrs.push(instr);
        if opcode::is_end_of_basic_block(instr.opcode) {
            self.need_new_implicit_block = true;
        }
    }

    /// `compiler_addop`/`compiler_addop_i`.
    pub fn addop(&mut self, op: Op, oparg: i32, loc: Loc) {
        self.push(Instr::new(op, oparg, loc));
    }

    /// `compiler_addop_j`.
    pub fn addop_j(&mut self, op: Op, target: BlockId, loc: Loc) {
        self.push(Instr::jump(op, target, loc));
    }

    /// Whether the current block ends with a RETURN_VALUE (`u_curblock->b_return`).
    pub fn curblock_returns(&self) -> bool {
        self.block(self.curblock).return_
    }

    /// `compiler_copy_block`: a new block with `block`'s instructions (which must not
    /// fall through).
    pub fn copy_block(&mut self, block: BlockId) -> BlockId {
        let result = self.new_block();
        let src = self.block(block);
        let instrs = src.instrs.clone();
        let exit = src.exit;
        let r = self.block_mut(result);
        r.instrs = instrs;
        r.exit = exit;
        r.nofallthrough = true;
        result
    }

    /// Blocks in `b_list` order: most recently allocated first.
    pub fn b_list(&self) -> impl Iterator<Item = BlockId> + use<> {
        (0..self.blocks.len() as BlockId).rev()
    }

    /// Blocks in layout order (following `b_next` from the entry).
    pub fn layout(&self) -> Vec<BlockId> {
        let mut out = Vec::with_capacity(self.blocks.len());
        let mut b = Cfg::ENTRY;
        while b != NO_BLOCK {
            out.push(b);
            b = self.block(b).next;
        }
        out
    }

    /// A readable dump of the graph in layout order, for tests and debugging.
    pub fn dump(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        for b in self.layout() {
            let bb = self.block(b);
            let _ = writeln!(s, "block {b}:");
            for i in &bb.instrs {
                let _ = write!(s, "  {}", opcode::name(i.opcode));
                if i.is_jump() || i.is_block_push() {
                    let _ = write!(s, " ->{}", i.target);
                } else if opcode::has_arg(i.opcode) || opcode::is_virtual(i.opcode) {
                    let _ = write!(s, " {}", i.oparg);
                }
                if i.loc.lineno >= 0 {
                    let _ = write!(s, "  @{}", i.loc.lineno);
                }
                s.push('\n');
            }
        }
        s
    }
}
