//! The reducer: shrinks a diverging program while its divergence signature (layer +
//! kind of first difference) stays the same. First at the AST level — delete runs of
//! statements, replace statements by their bodies or bodies by `pass`, drop clauses,
//! functions and classes, replace expressions by their parts or by constants, shrink
//! literals — then at the text level (lines, then tokens). Candidates are checked in
//! parallel batches on both engines; the first (in a fixed order) that keeps the
//! signature wins, so a reduction is reproducible.

mod text;
mod walk;

use super::check::{Case, LayerSet, check_batch};
use super::signature::{Classified, Signature, classify};
use crate::check::Engines;
use crate::outcome::Layer;
use refvm_syntax::ast::{Module, Stmt};
use refvm_syntax::unparse::unparse;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use walk::{Flow, bodies_mut, expr_variants, exprs_mut, stmt_variants};

/// Reducer settings.
#[derive(Clone, Debug)]
pub struct ReduceConfig {
    /// Candidates are checked on this many threads.
    pub jobs: usize,
    /// Stop reducing after this long (the best program so far is the result).
    pub seconds: f64,
}

/// A reduction's result.
#[derive(Clone, Debug)]
pub struct Reduced {
    pub source: String,
    /// Did the original program show the signature when checked again?
    pub reproduced: bool,
    pub checks: u64,
    pub seconds: f64,
}

/// The layers to check for a signature: every layer up to and including its own
/// (an earlier layer failing would change the signature).
pub fn layers_for(sig: &Signature) -> LayerSet {
    LayerSet(
        Layer::ALL
            .into_iter()
            .take_while(|l| *l <= sig.layer)
            .collect(),
    )
}

struct Oracle<'a> {
    engines: &'a Engines,
    target: Signature,
    layers: LayerSet,
    scratch: PathBuf,
    jobs: usize,
    checks: Mutex<u64>,
    tried: Mutex<HashSet<String>>,
    deadline: Instant,
}

impl Oracle<'_> {
    fn out_of_time(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// Which candidates keep the signature (each checked once; repeats are `false`).
    fn keeps(&self, candidates: &[String]) -> Vec<bool> {
        let fresh: Vec<bool> = {
            let mut tried = self.tried.lock().unwrap_or_else(|p| p.into_inner());
            candidates.iter().map(|c| tried.insert(c.clone())).collect()
        };
        let todo: Vec<(usize, &String)> = candidates
            .iter()
            .enumerate()
            .filter(|(i, _)| fresh[*i])
            .collect();
        let mut out = vec![false; candidates.len()];
        if todo.is_empty() {
            return out;
        }
        *self.checks.lock().unwrap_or_else(|p| p.into_inner()) += todo.len() as u64;
        let per = todo.len().div_ceil(self.jobs.max(1));
        let results: Vec<Vec<(usize, bool)>> = std::thread::scope(|s| {
            let handles: Vec<_> = todo
                .chunks(per.max(1))
                .enumerate()
                .map(|(t, chunk)| {
                    s.spawn(move || -> Vec<(usize, bool)> {
                        let dir = self.scratch.join(format!("r{t}"));
                        if std::fs::create_dir_all(&dir).is_err() {
                            return chunk.iter().map(|(i, _)| (*i, false)).collect();
                        }
                        let cases: Vec<Option<Case>> = chunk
                            .iter()
                            .enumerate()
                            .map(|(k, (_, src))| {
                                Case::write(&dir.join(format!("c{k}.py")), src.as_bytes()).ok()
                            })
                            .collect();
                        let ok: Vec<Case> = cases.iter().flatten().cloned().collect();
                        let checked = check_batch(self.engines, &ok, &self.layers);
                        let mut it = checked.iter();
                        chunk
                            .iter()
                            .zip(&cases)
                            .map(|((i, _), c)| {
                                let keep = c.is_some()
                                    && it.next().is_some_and(|r| {
                                        classify(&r.result, &r.poison)
                                            == Classified::Finding(self.target.clone())
                                    });
                                (*i, keep)
                            })
                            .collect()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for (i, k) in results.into_iter().flatten() {
            out[i] = k;
        }
        out
    }

    fn first_kept(&self, candidates: &[String]) -> Option<usize> {
        self.keeps(candidates).iter().position(|&k| k)
    }

    fn batch(&self) -> usize {
        (self.jobs * 4).max(4)
    }
}

/// Shrinks `source` keeping `target`. Never fails on a bad program: the result is
/// the smallest program found that still shows the signature (or the original).
pub fn reduce(
    engines: &Engines,
    source: &str,
    target: &Signature,
    cfg: &ReduceConfig,
    scratch: &Path,
) -> Reduced {
    let started = Instant::now();
    let oracle = Oracle {
        engines,
        target: target.clone(),
        layers: layers_for(target),
        scratch: scratch.to_path_buf(),
        jobs: cfg.jobs.max(1),
        checks: Mutex::new(0),
        tried: Mutex::new(HashSet::new()),
        deadline: started + Duration::from_secs_f64(cfg.seconds.max(0.0)),
    };
    let done = |source: String, reproduced: bool, o: &Oracle| Reduced {
        source,
        reproduced,
        checks: *o.checks.lock().unwrap_or_else(|p| p.into_inner()),
        seconds: started.elapsed().as_secs_f64(),
    };
    if !oracle.keeps(&[source.to_owned()])[0] {
        return done(source.to_owned(), false, &oracle);
    }
    let mut best = source.to_owned();
    // AST level, when refvm parses the program and its canonical spelling keeps the
    // divergence.
    if let Ok(module) = refvm_syntax::parse_module(source.as_bytes(), "<reduce>")
        && let Ok(canonical) = unparse(&module)
        && (canonical == best || oracle.keeps(&[canonical.clone()])[0])
    {
        let (m, text) = ast_phase(&oracle, module, canonical);
        let _ = m;
        best = text;
    }
    best = text_phase(&oracle, best);
    done(best, true, &oracle)
}

/// Repeats the AST passes until none makes progress (or time runs out).
fn ast_phase(o: &Oracle, mut module: Module, mut text: String) -> (Module, String) {
    loop {
        let before = text.len();
        chunk_pass(o, &mut module, &mut text);
        site_pass(o, &mut module, &mut text, apply_stmt_edit);
        site_pass(o, &mut module, &mut text, apply_expr_edit);
        if text.len() >= before || o.out_of_time() {
            return (module, text);
        }
    }
}

/// Deletes runs of top-level statements: halves, quarters, … single ones.
fn chunk_pass(o: &Oracle, module: &mut Module, text: &mut String) {
    let mut size = (module.body.len() / 2).max(1);
    loop {
        let mut start = 0;
        while start < module.body.len() && !o.out_of_time() {
            let mut cands = Vec::new();
            let mut starts = Vec::new();
            let mut s = start;
            while s < module.body.len() && cands.len() < o.batch() {
                let mut m = module.clone();
                let end = (s + size).min(m.body.len());
                m.body.drain(s..end);
                if let Ok(t) = unparse(&m) {
                    cands.push((m, t));
                    starts.push(s);
                }
                s += size;
            }
            if cands.is_empty() {
                break;
            }
            let texts: Vec<String> = cands.iter().map(|(_, t)| t.clone()).collect();
            match o.first_kept(&texts) {
                Some(i) => {
                    let (m, t) = cands.swap_remove(i);
                    *module = m;
                    *text = t;
                    start = starts[i];
                }
                None => start = s,
            }
        }
        if size == 1 || o.out_of_time() {
            return;
        }
        size /= 2;
    }
}

/// Tries edit `k` of a kind on a copy of the module: `None` when there is no such site.
type Edit = fn(&Module, usize) -> Option<Module>;

/// Walks the edit sites of one kind in order, a batch at a time; after a success the
/// same site index is tried again on the smaller program.
fn site_pass(o: &Oracle, module: &mut Module, text: &mut String, edit: Edit) {
    let mut k = 0;
    while !o.out_of_time() {
        let mut cands = Vec::new();
        let mut at = Vec::new();
        let mut j = k;
        let mut exhausted = false;
        while cands.len() < o.batch() {
            match edit(module, j) {
                Some(m) => {
                    if let Ok(t) = unparse(&m)
                        && t.len() < text.len()
                    {
                        cands.push((m, t));
                        at.push(j);
                    }
                    j += 1;
                }
                None => {
                    exhausted = true;
                    break;
                }
            }
        }
        if !cands.is_empty() {
            let texts: Vec<String> = cands.iter().map(|(_, t)| t.clone()).collect();
            if let Some(i) = o.first_kept(&texts) {
                let (m, t) = cands.swap_remove(i);
                *module = m;
                *text = t;
                k = at[i];
                continue;
            }
        }
        if exhausted {
            return;
        }
        k = j;
    }
}

/// Statement edit `k`: the `k`-th (statement, variant) pair in pre-order.
fn apply_stmt_edit(module: &Module, k: usize) -> Option<Module> {
    let mut m = module.clone();
    let mut seen = 0;
    let mut done = false;
    bodies_mut(&mut m.body, &mut |body: &mut Vec<Stmt>| {
        for i in 0..body.len() {
            let variants = stmt_variants(&body[i]);
            if k < seen + variants.len() {
                let replacement = variants.into_iter().nth(k - seen).unwrap_or_default();
                body.splice(i..=i, replacement);
                done = true;
                return Flow::Stop;
            }
            seen += variants.len();
        }
        Flow::Go
    });
    done.then_some(m)
}

/// Expression edit `k`: the `k`-th (expression, simpler variant) pair in pre-order.
fn apply_expr_edit(module: &Module, k: usize) -> Option<Module> {
    let mut m = module.clone();
    let mut seen = 0;
    let mut done = false;
    exprs_mut(&mut m.body, &mut |e| {
        let variants = expr_variants(e);
        if k < seen + variants.len() {
            if let Some(v) = variants.into_iter().nth(k - seen) {
                *e = v;
            }
            done = true;
            return Flow::Stop;
        }
        seen += variants.len();
        Flow::Go
    });
    done.then_some(m)
}

/// Line runs, then single tokens, until neither makes progress.
fn text_phase(o: &Oracle, mut best: String) -> String {
    loop {
        let before = best.len();
        let mut chunk = (best.lines().count() / 2).max(1);
        loop {
            best = first_of_each(o, best, |s| text::line_deletions(s, chunk));
            if chunk == 1 || o.out_of_time() {
                break;
            }
            chunk /= 2;
        }
        best = first_of_each(o, best, text::token_deletions);
        if best.len() >= before || o.out_of_time() {
            return best;
        }
    }
}

/// Applies the first kept candidate from `make`, regenerating after each success.
fn first_of_each(o: &Oracle, mut best: String, make: impl Fn(&str) -> Vec<String>) -> String {
    let mut skip = 0;
    while !o.out_of_time() {
        let all = make(&best);
        if skip >= all.len() {
            return best;
        }
        let window: Vec<String> = all[skip..(skip + o.batch()).min(all.len())].to_vec();
        match o.first_kept(&window) {
            Some(i) => {
                best = window[i].clone();
                skip += i;
            }
            None => skip += window.len(),
        }
    }
    best
}
