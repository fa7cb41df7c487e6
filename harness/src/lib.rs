//! pyconform: runs programs on refvm and on the real CPython 3.11, diffs them layer by
//! layer, and writes reports people read and CI gates on. (Skeleton: see issue 2.)
