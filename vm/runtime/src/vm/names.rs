//! Interned identifier strings the VM uses on hot paths (CPython's `_Py_ID(...)`).

use crate::object::PyRef;
use crate::objects::str::PyStr;

macro_rules! names {
    ($($f:ident),* $(,)?) => {
        /// One interned `str` per identifier, created at start-up.
        #[allow(non_snake_case)]
        pub struct Names { $(pub $f: PyRef<PyStr>,)* }
        impl Names {
            pub fn new(mut intern: impl FnMut(&str) -> PyRef<PyStr>) -> Names {
                Names { $($f: intern(stringify!($f)),)* }
            }
        }
    };
}

names! {
    __init__, __new__, __call__, __repr__, __str__, __hash__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__,
    __bool__, __len__, __iter__, __next__, __getitem__, __setitem__, __delitem__, __contains__,
    __getattr__, __getattribute__, __setattr__, __delattr__, __get__, __set__, __delete__, __set_name__,
    __dict__, __class__, __name__, __qualname__, __module__, __doc__, __slots__, __weakref__,
    __del__, __enter__, __exit__, __index__, __int__, __float__, __complex__, __format__, __bytes__,
    __neg__, __pos__, __abs__, __invert__, __round__, __trunc__, __floor__, __ceil__, __reversed__,
    __init_subclass__, __class_getitem__, __mro_entries__, __prepare__, __instancecheck__, __subclasscheck__,
    __build_class__, __builtins__, __main__, __file__, __annotations__, __spec__, __loader__, __package__,
    __classcell__, __orig_bases__, __missing__, __length_hint__, __await__, __aiter__, __anext__,
    __aenter__, __aexit__, __match_args__, __mro__, __bases__, __base__, __closure__, __code__, __defaults__,
    __kwdefaults__, __globals__, __func__, __self__, __wrapped__, __abstractmethods__, __dir__, __sizeof__,
    __reduce__, __reduce_ex__, __copy__, __deepcopy__, __getstate__, __setstate__, __traceback__, __cause__, __context__,
    __suppress_context__, __notes__, __all__, __path__, __import__,
    __add__, __radd__, __iadd__, __sub__, __mul__, __pow__, __rpow__, __ipow__,
    args, send, throw, close, keys, items, values, get, append, extend, mro, join, write, flush, value, name,
    end, sep, file, key, reverse, default, fget, fset, fdel, doc, errno, strerror, filename, code, msg,
    obj, lineno, offset, text, start, stop, step, real, imag, top, other, metaclass, stdout, stderr,
}
