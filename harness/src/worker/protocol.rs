//! The requests the parent sends a worker and the responses it gets back, as JSON
//! documents (see `helper.py` for the worker's half). Byte strings travel as latin-1
//! text: one char per byte, cheap for both `json` and serde.

use crate::observe::{ErrorObs, ExceptionObs, FrameObs, ProbesObs};
use serde::{Deserialize, Serialize};

/// Serde adapter: `Vec<u8>` ⇄ a string of chars U+0000..U+00FF.
pub mod latin1 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn encode(bytes: &[u8]) -> String {
        if bytes.is_ascii() {
            // ASCII is its own latin-1 text (the common case: one copy, no per-char work).
            return String::from_utf8(bytes.to_vec()).unwrap_or_default();
        }
        bytes.iter().map(|&b| char::from(b)).collect()
    }

    pub fn decode(s: &str) -> Result<Vec<u8>, String> {
        if s.is_ascii() {
            return Ok(s.as_bytes().to_vec());
        }
        s.chars()
            .map(|c| u8::try_from(u32::from(c)).map_err(|_| format!("non-latin-1 char {c:?}")))
            .collect()
    }

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        if s.is_ascii() {
            return Ok(s.into_bytes());
        }
        decode(&s).map_err(serde::de::Error::custom)
    }

    /// The same for `Option<Vec<u8>>`.
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(bytes: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
            match bytes {
                Some(b) => s.serialize_some(&super::encode(b)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(s) if s.is_ascii() => Ok(Some(s.into_bytes())),
                Some(s) => super::decode(&s)
                    .map(Some)
                    .map_err(serde::de::Error::custom),
                None => Ok(None),
            }
        }
    }
}

/// A request to a worker.
#[derive(Serialize, Debug, Clone)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Request<'a> {
    /// Start-up handshake: the worker's version, and how stdout must be encoded.
    Hello {
        stdout_encoding: &'a str,
        stdout_errors: &'a str,
        stderr_errors: &'a str,
        resp_fd: i32,
    },
    /// The static layers: tokens, AST, code object, dis, .pyc — or only the `parts`
    /// named (of [`STATIC_PARTS`]); the answer then lacks the others.
    Static {
        path: &'a str,
        abs: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        parts: Option<Vec<&'static str>>,
    },
    /// Run a program as `python3 FILE` would: from source, or (`marshal` set) a code
    /// object another compiler produced.
    Exec {
        abs: &'a str,
        argv0: &'a str,
        module_dir: &'a str,
        #[serde(with = "latin1::option")]
        marshal: Option<Vec<u8>>,
        cap: usize,
        probes: bool,
        /// Also answer with the marshalled code object the source compiled to, dumped
        /// before it ran (as a static request's `run-code` would give it): a fuzz
        /// campaign comparing outputs gets CPython's code without a second compile.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        code: bool,
    },
    /// `marshal.dumps(compile(src, abs, "exec"))` of a module file, as import compiles it.
    Compile { abs: &'a str },
    /// Time a bare in-process `exec(compile(src))`, `n` times (overhead measurement).
    Bare { abs: &'a str, n: u32 },
    /// An empty request answered with `{}` (the transport's floor, for `overhead`).
    Ping,
    /// Several requests in one round trip (fuzz campaigns); the answer is the JSON
    /// array of their answers, in order.
    Batch { items: Vec<Request<'a>> },
}

/// The products a [`Request::Static`] can ask for (`run-code`: only the marshalled
/// code a run executes, which `code` includes).
pub const STATIC_PARTS: [&str; 6] = ["tokens", "ast", "code", "run-code", "dis", "pyc"];

#[derive(Deserialize, Debug)]
pub struct HelloResponse {
    pub version: String,
    pub hash_abc: i64,
    pub hash_randomization: i64,
    pub libpython: String,
    pub pid: i64,
    /// `sorted(sys.modules)` once the worker is ready: the modules a program finds
    /// imported already.
    #[serde(default)]
    pub modules: Vec<String>,
}

#[derive(Deserialize, Debug)]
pub struct TokensWire {
    #[serde(with = "latin1")]
    pub stdout: Vec<u8>,
    #[serde(with = "latin1")]
    pub stderr: Vec<u8>,
    pub exit_code: i32,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum AstWire {
    Tree(String),
    Error(ErrorObs),
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum CodeWire {
    Marshal(#[serde(with = "latin1")] Vec<u8>),
    Error(ErrorObs),
}

#[derive(Deserialize, Debug)]
pub struct StaticResponse {
    /// `None`: tokenize.main's "unexpected error" path, which only the real command
    /// prints faithfully.
    #[serde(default)]
    pub tokens: Option<TokensWire>,
    /// `None` only when not asked for (see [`Request::Static`]'s `parts`).
    #[serde(default)]
    pub ast: Option<AstWire>,
    #[serde(default)]
    pub code: Option<CodeWire>,
    #[serde(default)]
    pub dis: Option<String>,
    #[serde(default, with = "latin1::option")]
    pub pyc: Option<Vec<u8>>,
    /// marshal of `compile(src, ABSPATH, "exec")`: the code a run executes.
    #[serde(default, with = "latin1::option")]
    pub run_code: Option<Vec<u8>>,
    /// The parts the request asked for, when it named them.
    #[serde(default)]
    pub parts: Option<Vec<String>>,
    pub compile_ns: Option<u64>,
}

#[derive(Deserialize, Debug)]
pub struct ExceptionWire {
    #[serde(rename = "type")]
    pub type_name: String,
    pub message: String,
    pub frames: Vec<(String, i64, String)>,
}

impl From<ExceptionWire> for ExceptionObs {
    fn from(e: ExceptionWire) -> Self {
        ExceptionObs {
            type_name: e.type_name,
            message: e.message,
            frames: e
                .frames
                .into_iter()
                .map(|(filename, lineno, name)| FrameObs {
                    filename,
                    lineno,
                    name,
                })
                .collect(),
        }
    }
}

#[derive(Deserialize, Debug)]
pub struct ProbesWire {
    pub refcounts: Vec<(String, Option<i64>)>,
    pub gc_collected: Option<i64>,
}

impl From<ProbesWire> for ProbesObs {
    fn from(p: ProbesWire) -> Self {
        ProbesObs {
            refcounts: p.refcounts,
            gc_collected: p.gc_collected,
        }
    }
}

/// The answer to [`Request::Exec`]. Decoded through the flat [`ExecWire`] (its
/// `status` says which variant): serde's internally tagged enums first buffer the whole
/// document into a generic tree, which took half of the parent's decoding time.
#[derive(Deserialize, Debug)]
#[serde(try_from = "ExecWire")]
// `Ok` is nearly every answer and is consumed where it is decoded; boxing it would add an
// allocation per run to shrink the two rare variants.
#[allow(clippy::large_enum_variant)]
pub enum ExecResponse {
    Ok {
        compiled: bool,
        stdout: Vec<u8>,
        stderr: Vec<u8>,
        exit_code: i32,
        exception: Option<ExceptionWire>,
        probes: Option<ProbesWire>,
        compile_ns: Option<u64>,
        exec_ns: u64,
        /// Time the worker spent on the request, from reading it to answering.
        worker_ns: Option<u64>,
        /// CPU time the worker's thread spent over the same span.
        worker_cpu_ns: Option<u64>,
        /// How long the worker's cleanup after its previous run took (restoring the
        /// interpreter state and collecting that run's garbage): done after that run's
        /// answer was written, so outside every round trip.
        cleanup_ns: Option<u64>,
        /// The marshalled code the source compiled to, when the request asked for it
        /// and the compile succeeded.
        run_code: Option<Vec<u8>>,
    },
    /// The program exceeded the output cap; the worker has exited.
    OutputLimit { detail: String, stdout: Vec<u8> },
    /// `marshal.loads` rejected the code object it was given.
    BadCode { detail: String },
}

/// [`ExecResponse`] as the worker writes it: every variant's fields, `status` naming
/// the variant.
#[derive(Deserialize)]
struct ExecWire {
    status: String,
    #[serde(default)]
    compiled: Option<bool>,
    #[serde(default, with = "latin1::option")]
    stdout: Option<Vec<u8>>,
    #[serde(default, with = "latin1::option")]
    stderr: Option<Vec<u8>>,
    #[serde(default)]
    exit_code: Option<i32>,
    #[serde(default)]
    exception: Option<ExceptionWire>,
    #[serde(default)]
    probes: Option<ProbesWire>,
    #[serde(default)]
    compile_ns: Option<u64>,
    #[serde(default)]
    exec_ns: Option<u64>,
    #[serde(default)]
    worker_ns: Option<u64>,
    #[serde(default)]
    worker_cpu_ns: Option<u64>,
    #[serde(default)]
    cleanup_ns: Option<u64>,
    #[serde(default, with = "latin1::option")]
    run_code: Option<Vec<u8>>,
    #[serde(default)]
    detail: Option<String>,
}

impl TryFrom<ExecWire> for ExecResponse {
    type Error = String;

    fn try_from(w: ExecWire) -> Result<Self, String> {
        let missing = |field: &str| format!("{} answer without `{field}`", w.status);
        Ok(match w.status.as_str() {
            "ok" => ExecResponse::Ok {
                compiled: w.compiled.ok_or_else(|| missing("compiled"))?,
                stdout: w.stdout.ok_or_else(|| missing("stdout"))?,
                stderr: w.stderr.ok_or_else(|| missing("stderr"))?,
                exit_code: w.exit_code.ok_or_else(|| missing("exit_code"))?,
                exception: w.exception,
                probes: w.probes,
                compile_ns: w.compile_ns,
                exec_ns: w.exec_ns.ok_or_else(|| missing("exec_ns"))?,
                worker_ns: w.worker_ns,
                worker_cpu_ns: w.worker_cpu_ns,
                cleanup_ns: w.cleanup_ns,
                run_code: w.run_code,
            },
            "output-limit" => ExecResponse::OutputLimit {
                detail: w.detail.ok_or_else(|| missing("detail"))?,
                stdout: w.stdout.ok_or_else(|| missing("stdout"))?,
            },
            "bad-code" => ExecResponse::BadCode {
                detail: w.detail.ok_or_else(|| missing("detail"))?,
            },
            other => return Err(format!("unknown exec status {other:?}")),
        })
    }
}

#[derive(Deserialize, Debug)]
pub struct BareResponse {
    pub best_ns: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_round_trips_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(latin1::decode(&latin1::encode(&all)).unwrap(), all);
        assert!(latin1::decode("\u{100}").is_err());
    }

    #[test]
    fn exec_response_parses() {
        let r: ExecResponse = serde_json::from_str(
            r#"{"status":"ok","compiled":true,"stdout":"hi\n\u00ff","stderr":"","exit_code":0,
               "exception":{"type":"E","message":"m","frames":[["f.py",3,"<module>"]]},
               "probes":{"refcounts":[["x",2],["y",null]],"gc_collected":0},
               "compile_ns":5,"exec_ns":7}"#,
        )
        .unwrap();
        let ExecResponse::Ok {
            stdout,
            exception,
            probes,
            ..
        } = r
        else {
            panic!("{r:?}")
        };
        assert_eq!(stdout, b"hi\n\xff");
        assert_eq!(exception.unwrap().frames[0].1, 3);
        assert_eq!(probes.unwrap().refcounts[1], ("y".to_owned(), None));
        let r: ExecResponse =
            serde_json::from_str(r#"{"status":"output-limit","detail":"too much","stdout":"ab"}"#)
                .unwrap();
        assert!(matches!(r, ExecResponse::OutputLimit { ref stdout, .. } if stdout == b"ab"));
        let r: ExecResponse =
            serde_json::from_str(r#"{"status":"bad-code","detail":"ValueError: x"}"#).unwrap();
        assert!(matches!(r, ExecResponse::BadCode { .. }));
        assert!(serde_json::from_str::<ExecResponse>(r#"{"status":"ok","stdout":""}"#).is_err());
        assert!(serde_json::from_str::<ExecResponse>(r#"{"status":"what"}"#).is_err());
    }
}
