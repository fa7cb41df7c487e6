//! Length-prefixed frames on the worker pipes: a little-endian `u32` byte count, then
//! that many bytes (a JSON document). The parent reads with a deadline, through a
//! buffer, so a frame that is already whole in the pipe costs one poll(2) and one
//! read(2), and a frame that arrived with the previous one costs none.

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

/// The parent's end of a response pipe: frames read with a deadline, through a buffer
/// that keeps whatever arrived beyond the frame returned (the worker's "ready" frame
/// often follows its answer closely).
pub struct FrameReader {
    pipe: File,
    /// Storage (zeroed once, reused): bytes read and not yet returned are
    /// `buf[start..end]`.
    buf: Vec<u8>,
    start: usize,
    end: usize,
}

/// The buffer's initial size (a pipe holds 64 KiB by default).
const READ_CHUNK: usize = 1 << 16;

impl FrameReader {
    pub fn new(pipe: File) -> FrameReader {
        FrameReader {
            pipe,
            buf: vec![0; READ_CHUNK],
            start: 0,
            end: 0,
        }
    }

    /// Reads one frame, giving up at `deadline`.
    pub fn read_frame_deadline(&mut self, deadline: Instant) -> Result<Vec<u8>, FrameError> {
        self.fill(4, deadline)?;
        let head = &self.buf[self.start..self.start + 4];
        let len = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
        if len > MAX_FRAME {
            return Err(FrameError::TooLarge(len));
        }
        self.fill(4 + len, deadline)?;
        let body = self.start + 4;
        let frame = self.buf[body..body + len].to_vec();
        self.start = body + len;
        if self.start == self.end {
            (self.start, self.end) = (0, 0);
            if self.buf.len() > 16 * READ_CHUNK {
                // Do not hold on to the room a huge frame needed.
                self.buf = vec![0; READ_CHUNK];
            }
        }
        Ok(frame)
    }

    /// Reads until `need` unreturned bytes are buffered.
    fn fill(&mut self, need: usize, deadline: Instant) -> Result<(), FrameError> {
        while self.end - self.start < need {
            if self.start + need > self.buf.len() {
                // Make room: the unreturned bytes to the front, the buffer at least
                // as large as the frame.
                self.buf.copy_within(self.start..self.end, 0);
                (self.start, self.end) = (0, self.end - self.start);
                if need > self.buf.len() {
                    self.buf.resize(need, 0);
                }
            }
            wait_readable(&self.pipe, deadline)?;
            match self.pipe.read(&mut self.buf[self.end..]) {
                Ok(0) => return Err(FrameError::Eof),
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(FrameError::Io(e)),
            }
        }
        Ok(())
    }
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
        write_frame(&mut w, b"third").unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut fr = FrameReader::new(r.try_clone().unwrap());
        // One read(2) takes all three frames; they come back one at a time.
        assert_eq!(fr.read_frame_deadline(deadline).unwrap(), b"hello");
        assert_eq!(fr.read_frame_deadline(deadline).unwrap(), b"");
        assert_eq!(fr.read_frame_deadline(deadline).unwrap(), b"third");
        write_frame(&mut w, b"blocking").unwrap();
        assert_eq!(read_frame(&mut r).unwrap(), b"blocking");
        // A frame larger than one read, written from another thread in pieces.
        let big: Vec<u8> = (0..200_000u32).map(|i| i as u8).collect();
        let sent = big.clone();
        let writer = std::thread::spawn(move || write_frame(&mut w, &sent).unwrap());
        assert_eq!(fr.read_frame_deadline(deadline).unwrap(), big);
        writer.join().unwrap();
    }

    #[test]
    fn deadline_and_eof() {
        let (r, mut w) = pipe();
        let mut r = FrameReader::new(r);
        let t = Instant::now();
        let res = r.read_frame_deadline(Instant::now() + Duration::from_millis(50));
        assert!(matches!(res, Err(FrameError::Timeout)));
        assert!(t.elapsed() < Duration::from_secs(5));
        w.write_all(&[0xff, 0xff, 0xff, 0x7f]).unwrap();
        let res = r.read_frame_deadline(Instant::now() + Duration::from_secs(5));
        assert!(matches!(res, Err(FrameError::TooLarge(_))));
        let (r, mut w) = pipe();
        let mut r = FrameReader::new(r);
        w.write_all(&[3, 0, 0, 0, b'a']).unwrap();
        // Part of a frame, then nothing: the deadline still holds.
        let res = r.read_frame_deadline(Instant::now() + Duration::from_millis(50));
        assert!(matches!(res, Err(FrameError::Timeout)));
        drop(w);
        let res = r.read_frame_deadline(Instant::now() + Duration::from_secs(5));
        assert!(matches!(res, Err(FrameError::Eof)));
    }
}
