"""Low-level threading primitives.

refvm's _thread: CPython implements this module in C (Modules/_threadmodule.c).
refvm runs one thread, so these locks never wait for another thread: acquiring a held
lock without blocking fails, and a blocking acquire of a held lock is a deadlock
that refvm reports instead of hanging.
"""

error = RuntimeError
TIMEOUT_MAX = 9223372036.0

_IDENT = 1


def get_ident():
    return _IDENT


def get_native_id():
    return _IDENT


def _count():
    return 0


def stack_size(size=0):
    if size != 0:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


def daemon_threads_allowed():
    return True


def start_new_thread(function, args, kwargs=None):
    raise RuntimeError("can't start new thread")


start_new = start_new_thread


class LockType:
    __slots__ = ('_locked',)

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if self._locked:
            if not blocking or timeout >= 0:
                return False
            raise RuntimeError("deadlock: refvm has one thread and the lock is held")
        self._locked = True
        return True

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return "<%s _thread.lock object>" % state


LockType.__name__ = 'lock'
LockType.__qualname__ = 'lock'


def allocate_lock():
    return LockType()


allocate = allocate_lock


class RLock:
    __slots__ = ('_owner', '_count')

    def __init__(self):
        self._owner = 0
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        if self._count and self._owner != _IDENT:
            return False
        self._owner = _IDENT
        self._count += 1
        return True

    def release(self):
        if self._count == 0 or self._owner != _IDENT:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = 0

    def _is_owned(self):
        return self._count > 0 and self._owner == _IDENT

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = 0
        return state

    def _acquire_restore(self, state):
        self._count, self._owner = state

    def _at_fork_reinit(self):
        self._owner = 0
        self._count = 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def __repr__(self):
        return "<%s _thread.RLock object owner=%d count=%d>" % (
            "locked" if self._count else "unlocked", self._owner, self._count)


class _local:
    pass


def _set_sentinel():
    """Return a lock released when the thread state is deleted (threading's
    _tstate_lock); the only thread here never ends before the program does."""
    return LockType()


def interrupt_main(signum=2):
    raise KeyboardInterrupt
