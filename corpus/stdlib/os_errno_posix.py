# os and errno import cleanly; the pure path helpers work; errno names match codes.
import errno
import os
import os.path
import posixpath

print(os.name, os.sep, os.curdir, os.pardir, os.extsep, repr(os.linesep))
print(os.path is posixpath)
print(os.path.join("a", "b", "c.txt"), os.path.join("/root", "/abs"))
print(os.path.split("/x/y/z.py"), os.path.splitext("archive.tar.gz"))
print(os.path.basename("/p/q/r"), os.path.dirname("/p/q/r"), os.path.normpath("a//b/../c/./d"))
print(os.path.isabs("/a"), os.path.isabs("a"), os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.fspath("str-path"), os.fspath(b"bytes-path"))


class P:
    def __fspath__(self):
        return "from-dunder"


print(os.fspath(P()))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError", e)
print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EINVAL)
print(errno.errorcode[errno.ENOENT], errno.errorcode[2] == "ENOENT")
print(sorted(errno.errorcode)[:5])
e = OSError(errno.ENOENT, "No such file or directory", "missing.txt")
print(e.errno, e.strerror, e.filename, type(e).__name__, e)
print(isinstance(OSError(errno.EEXIST, "x"), FileExistsError))
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
