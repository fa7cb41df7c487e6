//! Program discovery: `DIR/<feature>/<name>.py`, minus support modules (any path
//! component starting with `_`) and hidden entries; `--filter` and `--shard`.

use std::path::{Path, PathBuf};

/// One program of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// Path relative to the run's directory, `/`-separated: the `program` column.
    pub rel: String,
    /// Its first directory (the `feature` column); `.` for files directly in DIR.
    pub feature: String,
    /// The path as both engines are given it (`python3 -m tokenize -e FILE`): DIR/rel.
    pub display: String,
    /// Absolute path: `__file__`/`co_filename` of a run, as under `python3 FILE`.
    pub abs: PathBuf,
}

impl Program {
    /// A program named on the command line (`pyconform diff FILE`).
    pub fn from_path(path: &Path) -> std::io::Result<Program> {
        let abs = std::path::absolute(path)?;
        let display = path.to_string_lossy().into_owned();
        let feature = path
            .parent()
            .and_then(|p| p.file_name())
            .map_or_else(|| ".".to_owned(), |n| n.to_string_lossy().into_owned());
        Ok(Program {
            rel: display.clone(),
            feature,
            display,
            abs,
        })
    }

    /// The program's directory: `sys.path[0]` of a run.
    pub fn module_dir(&self) -> PathBuf {
        self.abs.parent().map(Path::to_path_buf).unwrap_or_default()
    }
}

/// Which programs of a directory to run.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// A glob matched against the relative path (`strings/*`, `*/fmt_*.py`).
    pub filter: Option<glob::Pattern>,
    /// Globs of relative paths to leave out (`bench/*`).
    pub exclude: Vec<glob::Pattern>,
    /// `(k, n)`: keep every n-th program starting at the k-th (1-based) in sorted order.
    pub shard: Option<(usize, usize)>,
}

/// Parses `K/N` with 1 ≤ K ≤ N.
pub fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s
        .split_once('/')
        .ok_or_else(|| format!("--shard wants K/N, got {s:?}"))?;
    let k: usize = k
        .trim()
        .parse()
        .map_err(|_| format!("bad shard index in {s:?}"))?;
    let n: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("bad shard count in {s:?}"))?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("--shard {s}: need 1 ≤ K ≤ N"));
    }
    Ok((k, n))
}

/// Every program under `dir`, sorted by relative path, then filtered and sharded.
pub fn discover(dir: &Path, sel: &Selection) -> std::io::Result<Vec<Program>> {
    let mut rels = Vec::new();
    walk(dir, &mut Vec::new(), &mut rels)?;
    rels.sort();
    let dir_display = dir.to_string_lossy();
    let dir_abs = std::path::absolute(dir)?;
    let mut programs: Vec<Program> = rels
        .into_iter()
        .filter(|rel| sel.filter.as_ref().is_none_or(|g| g.matches(rel)))
        .filter(|rel| !sel.exclude.iter().any(|g| g.matches(rel)))
        .map(|rel| {
            let feature = rel.split_once('/').map_or(".", |(f, _)| f).to_owned();
            let display = if dir_display == "." {
                rel.clone()
            } else {
                format!("{}/{rel}", dir_display.trim_end_matches('/'))
            };
            let abs = dir_abs.join(&rel);
            Program {
                rel,
                feature,
                display,
                abs,
            }
        })
        .collect();
    if let Some((k, n)) = sel.shard {
        programs = programs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, p)| p)
            .collect();
    }
    Ok(programs)
}

fn walk(dir: &Path, prefix: &mut Vec<String>, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        let ty = entry.file_type()?;
        if ty.is_dir() {
            prefix.push(name);
            walk(&entry.path(), prefix, out)?;
            prefix.pop();
        } else if name.ends_with(".py") {
            let mut rel = prefix.join("/");
            if !rel.is_empty() {
                rel.push('/');
            }
            rel.push_str(&name);
            out.push(rel);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        for f in [
            "a/x.py",
            "a/y.py",
            "a/_support.py",
            "_lib/z.py",
            "b/deep/w.py",
            "b/notes.txt",
            "top.py",
        ] {
            let p = d.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "print(1)\n").unwrap();
        }
        d
    }

    fn rels(ps: &[Program]) -> Vec<&str> {
        ps.iter().map(|p| p.rel.as_str()).collect()
    }

    #[test]
    fn discovery_skips_support_modules() {
        let d = tree();
        let ps = discover(d.path(), &Selection::default()).unwrap();
        assert_eq!(rels(&ps), ["a/x.py", "a/y.py", "b/deep/w.py", "top.py"]);
        assert_eq!(ps[2].feature, "b");
        assert_eq!(ps[3].feature, ".");
        assert!(ps[0].abs.is_absolute());
        assert!(ps[0].display.ends_with("/a/x.py"));
    }

    #[test]
    fn filter_and_shards_partition() {
        let d = tree();
        let sel = Selection {
            filter: Some(glob::Pattern::new("a/*").unwrap()),
            ..Selection::default()
        };
        assert_eq!(
            rels(&discover(d.path(), &sel).unwrap()),
            ["a/x.py", "a/y.py"]
        );
        let mut all = Vec::new();
        for k in 1..=3 {
            let sel = Selection {
                shard: Some((k, 3)),
                ..Selection::default()
            };
            all.extend(discover(d.path(), &sel).unwrap().into_iter().map(|p| p.rel));
        }
        all.sort();
        assert_eq!(all, ["a/x.py", "a/y.py", "b/deep/w.py", "top.py"]);
        let sel = Selection {
            exclude: vec![
                glob::Pattern::new("a/*").unwrap(),
                glob::Pattern::new("top.py").unwrap(),
            ],
            ..Selection::default()
        };
        assert_eq!(rels(&discover(d.path(), &sel).unwrap()), ["b/deep/w.py"]);
    }

    #[test]
    fn shard_syntax() {
        assert_eq!(parse_shard("2/4"), Ok((2, 4)));
        assert!(parse_shard("0/4").is_err());
        assert!(parse_shard("5/4").is_err());
        assert!(parse_shard("x").is_err());
    }
}
