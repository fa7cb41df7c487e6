//! Length-prefixed frames on the worker pipes: a little-endian `u32` byte count, then
//! that many bytes (a JSON document). The parent reads with a deadline.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::time::Instant;

/// The largest frame either side accepts; anything bigger is a protocol error.
pub const MAX_FRAME: usize = 1 << 30;

/// Why no frame was read.
#[derive(Debug)]
pub enum FrameError {
    /// The deadline passed first.
    Timeout,
    /// The other end closed the pipe (the worker died).
    Eof,
    /// A length over [`MAX_FRAME`]: the peer is not speaking the protocol.
    TooLarge(usize),
    Io(io::Error),
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::Timeout => f.write_str("timed out"),
            FrameError::Eof => f.write_str("pipe closed"),
            FrameError::TooLarge(n) => write!(f, "frame of {n} bytes exceeds the limit"),
            FrameError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Writes one frame.
pub fn write_frame(w: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    let len = u32::try_from(payload.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "frame too large"))?;
    let mut buf = Vec::with_capacity(4 + payload.len());
    buf.extend_from_slice(&len.to_le_bytes());
    buf.extend_from_slice(payload);
    w.write_all(&buf)?;
    w.flush()
}

/// Reads one frame, blocking (the worker side).
pub fn read_frame(r: &mut impl Read) -> Result<Vec<u8>, FrameError> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Err(FrameError::Eof),
        Err(e) => return Err(FrameError::Io(e)),
    }
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(FrameError::TooLarge(len));
    }
    let mut buf = vec![0u8; len];
    r.read_exact(&mut buf).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => FrameError::Eof,
        _ => FrameError::Io(e),
    })?;
    Ok(buf)
}

/// Reads one frame from a pipe, giving up at `deadline` (the parent side).
pub fn read_frame_deadline(pipe: &mut File, deadline: Instant) -> Result<Vec<u8>, FrameError> {
    let mut len = [0u8; 4];
    read_exact_deadline(pipe, &mut len, deadline)?;
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(FrameError::TooLarge(len));
    }
    let mut buf = vec![0u8; len];
    read_exact_deadline(pipe, &mut buf, deadline)?;
    Ok(buf)
}

fn read_exact_deadline(
    pipe: &mut File,
    mut buf: &mut [u8],
    deadline: Instant,
) -> Result<(), FrameError> {
    while !buf.is_empty() {
        wait_readable(pipe, deadline)?;
        match pipe.read(buf) {
            Ok(0) => return Err(FrameError::Eof),
            Ok(n) => buf = &mut buf[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(FrameError::Io(e)),
        }
    }
    Ok(())
}

/// Blocks until `pipe` has data (or EOF) or the deadline passes.
fn wait_readable(pipe: &File, deadline: Instant) -> Result<(), FrameError> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(FrameError::Timeout);
        }
        let ms = left.as_millis().clamp(1, i32::MAX as u128) as i32;
        let mut pfd = libc::pollfd {
            fd: pipe.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the duration of the call.
        let r = unsafe { libc::poll(&mut pfd, 1, ms) };
        if r > 0 {
            return Ok(());
        }
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(FrameError::Io(e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn pipe() -> (File, File) {
        let mut fds = [0; 2];
        // SAFETY: fds is a valid two-element array.
        assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
        use std::os::fd::FromRawFd;
        // SAFETY: pipe2 just returned these two fresh descriptors.
        unsafe { (File::from_raw_fd(fds[0]), File::from_raw_fd(fds[1])) }
    }

    #[test]
    fn frames_round_trip() {
        let (mut r, mut w) = pipe();
        write_frame(&mut w, b"hello").unwrap();
        write_frame(&mut w, b"").unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        assert_eq!(read_frame_deadline(&mut r, deadline).unwrap(), b"hello");
        assert_eq!(read_frame(&mut r).unwrap(), b"");
    }

    #[test]
    fn deadline_and_eof() {
        let (mut r, mut w) = pipe();
        let t = Instant::now();
        let res = read_frame_deadline(&mut r, Instant::now() + Duration::from_millis(50));
        assert!(matches!(res, Err(FrameError::Timeout)));
        assert!(t.elapsed() < Duration::from_secs(5));
        w.write_all(&[0xff, 0xff, 0xff, 0x7f]).unwrap();
        let res = read_frame_deadline(&mut r, Instant::now() + Duration::from_secs(5));
        assert!(matches!(res, Err(FrameError::TooLarge(_))));
        w.write_all(&[3, 0, 0, 0, b'a']).unwrap();
        drop(w);
        let res = read_frame_deadline(&mut r, Instant::now() + Duration::from_secs(5));
        assert!(matches!(res, Err(FrameError::Eof)));
    }
}
