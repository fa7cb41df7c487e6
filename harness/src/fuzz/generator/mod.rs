//! The program generator: from a seed (or `arbitrary` bytes) to a valid Python AST and
//! its source. Two modes:
//!
//! - [`GenMode::Run`]: deterministic, terminating programs that print what they compute
//!   (bounded loops and recursion, sizes of ints and sequences tracked so nothing
//!   explodes, no I/O, time, randomness or `id()`); risky operations sit in
//!   `try`/`except` blocks that print `type(e).__name__, e`.
//! - [`GenMode::Syntax`]: any grammatical program (names unbound, semantics ignored),
//!   with varied spelling, for the tokens/ast/bytecode layers.
//!
//! Program `i` of a campaign is `generate(seed, i, config)`: a pure function. The
//! generator records which [`Feature`]s each program uses.

pub mod build;
mod classes;
mod control;
mod entropy;
mod exprs;
mod format;
mod funcs;
mod literals;
mod scope;
mod segments;
mod syntax;

pub use entropy::{Entropy, SplitMix64, Unstructured};

use refvm_syntax::ast::Module;
use refvm_syntax::unparse::{Styler, unparse_styled};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

/// What a generated program exercises (recorded per program; weights select them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Feature {
    Ints,
    BigInts,
    Floats,
    FloatEdges,
    Complex,
    Bools,
    Strings,
    Bytes,
    Lists,
    Tuples,
    Dicts,
    Sets,
    Ranges,
    NoneValue,
    Builtins,
    PercentFormat,
    FormatSpec,
    FStrings,
    ControlFlow,
    Loops,
    Functions,
    Closures,
    Lambdas,
    Recursion,
    Classes,
    Dunders,
    Inheritance,
    Exceptions,
    Generators,
    Comprehensions,
    Match,
    Unpacking,
    RefcountProbes,
    GcProbes,
}

impl Feature {
    pub const ALL: [Feature; 34] = [
        Feature::Ints,
        Feature::BigInts,
        Feature::Floats,
        Feature::FloatEdges,
        Feature::Complex,
        Feature::Bools,
        Feature::Strings,
        Feature::Bytes,
        Feature::Lists,
        Feature::Tuples,
        Feature::Dicts,
        Feature::Sets,
        Feature::Ranges,
        Feature::NoneValue,
        Feature::Builtins,
        Feature::PercentFormat,
        Feature::FormatSpec,
        Feature::FStrings,
        Feature::ControlFlow,
        Feature::Loops,
        Feature::Functions,
        Feature::Closures,
        Feature::Lambdas,
        Feature::Recursion,
        Feature::Classes,
        Feature::Dunders,
        Feature::Inheritance,
        Feature::Exceptions,
        Feature::Generators,
        Feature::Comprehensions,
        Feature::Match,
        Feature::Unpacking,
        Feature::RefcountProbes,
        Feature::GcProbes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Ints => "ints",
            Feature::BigInts => "big-ints",
            Feature::Floats => "floats",
            Feature::FloatEdges => "float-edges",
            Feature::Complex => "complex",
            Feature::Bools => "bools",
            Feature::Strings => "strings",
            Feature::Bytes => "bytes",
            Feature::Lists => "lists",
            Feature::Tuples => "tuples",
            Feature::Dicts => "dicts",
            Feature::Sets => "sets",
            Feature::Ranges => "ranges",
            Feature::NoneValue => "none-value",
            Feature::Builtins => "builtins",
            Feature::PercentFormat => "percent-format",
            Feature::FormatSpec => "format-spec",
            Feature::FStrings => "f-strings",
            Feature::ControlFlow => "control-flow",
            Feature::Loops => "loops",
            Feature::Functions => "functions",
            Feature::Closures => "closures",
            Feature::Lambdas => "lambdas",
            Feature::Recursion => "recursion",
            Feature::Classes => "classes",
            Feature::Dunders => "dunders",
            Feature::Inheritance => "inheritance",
            Feature::Exceptions => "exceptions",
            Feature::Generators => "generators",
            Feature::Comprehensions => "comprehensions",
            Feature::Match => "match",
            Feature::Unpacking => "unpacking",
            Feature::RefcountProbes => "refcount-probes",
            Feature::GcProbes => "gc-probes",
        }
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Feature {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Feature::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown feature {s:?}"))
    }
}

/// Executable programs or merely grammatical ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GenMode {
    #[default]
    Run,
    Syntax,
}

/// What to generate. Loadable from TOML (`pyconform fuzz --config FILE`); every field
/// has a default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GenConfig {
    pub mode: GenMode,
    /// Top-level segments per program: at least `min_segments`, at most `max_segments`.
    pub min_segments: u32,
    pub max_segments: u32,
    /// How deep expressions nest.
    pub max_expr_depth: u32,
    /// Bit-length bound of every int a program computes (bounds big-int work).
    pub max_int_bits: u32,
    /// Length bound of every str/bytes/list a program builds.
    pub max_len: u32,
    /// Relative weight of each feature (0 disables it; missing ones weigh 10).
    pub weights: BTreeMap<Feature, u32>,
    /// Vary the spelling (number bases, quotes, spacing, parentheses, comments).
    pub style: bool,
}

impl Default for GenConfig {
    fn default() -> Self {
        GenConfig {
            mode: GenMode::Run,
            min_segments: 3,
            max_segments: 10,
            max_expr_depth: 3,
            max_int_bits: 2048,
            max_len: 2000,
            weights: BTreeMap::new(),
            style: true,
        }
    }
}

impl GenConfig {
    /// Small programs (one to three segments): the throughput preset.
    pub fn small() -> Self {
        GenConfig {
            min_segments: 1,
            max_segments: 3,
            max_expr_depth: 2,
            ..GenConfig::default()
        }
    }

    /// One segment with shallow expressions: the smallest useful programs (the
    /// throughput benchmark's).
    pub fn tiny() -> Self {
        GenConfig {
            min_segments: 1,
            max_segments: 1,
            max_expr_depth: 1,
            ..GenConfig::default()
        }
    }

    /// Grammatical programs for the static layers.
    pub fn syntax() -> Self {
        GenConfig {
            mode: GenMode::Syntax,
            min_segments: 2,
            max_segments: 12,
            ..GenConfig::default()
        }
    }

    /// A preset by name: `default`, `small`, `tiny`, `syntax`.
    pub fn preset(name: &str) -> Result<Self, String> {
        match name {
            "default" => Ok(GenConfig::default()),
            "small" => Ok(GenConfig::small()),
            "tiny" => Ok(GenConfig::tiny()),
            "syntax" => Ok(GenConfig::syntax()),
            _ => Err(format!(
                "unknown generator preset {name:?} (default, small, tiny, syntax)"
            )),
        }
    }

    /// A preset name or a TOML file.
    pub fn load(spec: &str) -> Result<Self, String> {
        if let Ok(c) = GenConfig::preset(spec) {
            return Ok(c);
        }
        let text = std::fs::read_to_string(spec).map_err(|e| format!("{spec}: {e}"))?;
        toml::from_str(&text).map_err(|e| format!("{spec}: {e}"))
    }

    pub fn weight(&self, f: Feature) -> u32 {
        self.weights.get(&f).copied().unwrap_or(10)
    }
}

/// One generated program.
#[derive(Clone, Debug)]
pub struct Generated {
    pub module: Module,
    pub source: String,
    pub features: BTreeSet<Feature>,
}

/// Program `index` of the campaign seeded `seed`.
pub fn generate(seed: u64, index: u64, config: &GenConfig) -> Generated {
    let mut rng = SplitMix64::for_program(seed, index);
    generate_with(&mut rng, config)
}

/// A program from fuzzer bytes (a short input gives a short program, never an error).
pub fn generate_from_bytes(data: &[u8], config: &GenConfig) -> Generated {
    let mut u = Unstructured::new(data);
    generate_with(&mut u, config)
}

/// The generator proper, over any entropy source.
pub fn generate_with(e: &mut dyn Entropy, config: &GenConfig) -> Generated {
    let (module, features) = match config.mode {
        GenMode::Run => segments::program(e, config),
        GenMode::Syntax => syntax::program(e, config),
    };
    let source = if config.style {
        let mut styler = EntropyStyler(e);
        unparse_styled(&module, &mut styler)
    } else {
        refvm_syntax::unparse::unparse(&module)
    };
    // The generator only builds spellable trees; should one slip through, fall back to
    // the canonical spelling, then to an empty program (and the tests catch it).
    let source = source
        .or_else(|_| refvm_syntax::unparse::unparse(&module))
        .unwrap_or_default();
    Generated {
        module,
        source,
        features,
    }
}

/// Spelling choices drawn from the program's own entropy (rarely non-canonical).
struct EntropyStyler<'a>(&'a mut dyn Entropy);

impl Styler for EntropyStyler<'_> {
    fn choose(&mut self, n: usize) -> usize {
        // Styled spellings one time in four; then uniformly among the variants.
        if self.0.below(4) != 0 {
            0
        } else {
            self.0.below(n as u32) as usize
        }
    }
}

#[cfg(test)]
mod tests;
