"""This module provides access to operating system functionality that is
standardized by the C Standard and the POSIX standard (a thinly disguised
Unix interface).  Refer to the library manual and corresponding Unix manual
entries for more information on calls.

refvm's posix: CPython implements this module in C (Modules/posixmodule.c). refvm runs
programs in a sandbox without file, process or environment access, so this module has
the names `os` needs to import, and every call that would reach the operating system
raises PermissionError as `open()` does. The environment is empty.
"""

error = OSError

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_APPEND = 1024
O_CREAT = 64
O_EXCL = 128
O_TRUNC = 512
O_NONBLOCK = 2048
O_CLOEXEC = 524288
O_DIRECTORY = 65536
O_NOFOLLOW = 131072
O_ACCMODE = 3
EX_OK = 0
WNOHANG = 1
SEEK_DATA = 3
SEEK_HOLE = 4

environ = {}

_have_functions = []


def _sandbox():
    return PermissionError(1, "refvm sandbox: file access is disabled")


def _denied(name):
    def f(*args, **kwargs):
        raise _sandbox()

    f.__name__ = name
    f.__qualname__ = name
    return f


for _n in (
    "stat", "lstat", "fstat", "open", "close", "read", "write", "listdir", "scandir",
    "getcwd", "getcwdb", "mkdir", "rmdir", "remove", "unlink", "rename", "replace",
    "chdir", "access", "chmod", "chown", "link", "symlink", "readlink", "utime",
    "truncate", "ftruncate", "lseek", "fsync", "dup", "dup2", "pipe", "isatty",
    "putenv", "unsetenv", "system", "kill", "execv", "execve", "waitpid",
    "urandom", "getpid", "getppid", "getuid", "geteuid", "getgid", "getegid",
    "getlogin", "uname", "times", "umask", "device_encoding", "get_terminal_size",
    "get_blocking", "set_blocking", "get_inheritable", "set_inheritable",
):
    globals()[_n] = _denied(_n)
del _n


def strerror(code):
    import errno

    names = {
        errno.EPERM: "Operation not permitted",
        errno.ENOENT: "No such file or directory",
        errno.EACCES: "Permission denied",
        errno.EEXIST: "File exists",
        errno.ENOTDIR: "Not a directory",
        errno.EISDIR: "Is a directory",
        errno.EINVAL: "Invalid argument",
    }
    return names.get(code, "Unknown error %d" % code)


def cpu_count():
    return None


def _exit(status):
    raise SystemExit(status)
