# The calendar half of refvm's time module, run in the native module's namespace
# (Modules/timemodule.c in CPython): struct_time, gmtime/localtime/mktime,
# asctime/ctime, strftime/strptime, and the time-zone constants. refvm's local time
# zone is UTC (the sandbox does not read the system's zone database).

_STRUCT_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
                  'tm_wday', 'tm_yday', 'tm_isdst')
_builtin_dict = dict
_builtin_tuple = tuple


class struct_time(_builtin_tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers.

 Note that several fields' values are not the same as those defined by
 the C language standard for struct tm.  For example, the value of the
 field tm_year is the actual year, not year - 1900.  See individual
 fields' descriptions for details."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    __match_args__ = _STRUCT_FIELDS

    def __new__(cls, sequence, dict=None):
        try:
            seq = _builtin_tuple(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        n = len(seq)
        if n < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence "
                            "(%d-sequence given)" % n)
        if n > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence "
                            "(%d-sequence given)" % n)
        if dict is not None and not isinstance(dict, _builtin_dict):
            raise TypeError("time.struct_time() takes a dict as second arg, if any")
        self = _builtin_tuple.__new__(cls, seq[:9])
        extra = list(seq[9:])
        for i, name in enumerate(('tm_zone', 'tm_gmtoff')):
            if 9 + i >= n:
                extra.append(dict.get(name) if dict else None)
        self.__dict__['_extra'] = _builtin_tuple(extra)
        return self

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join(
            '%s=%r' % (name, v) for name, v in zip(_STRUCT_FIELDS, self))

    def __reduce__(self):
        return (struct_time, (_builtin_tuple(self),
                              {'tm_zone': self.tm_zone, 'tm_gmtoff': self.tm_gmtoff}))

    def __setattr__(self, name, value):
        if name in _STRUCT_FIELDS or name in ('tm_zone', 'tm_gmtoff'):
            raise AttributeError("readonly attribute")
        raise AttributeError("'time.struct_time' object has no attribute '%s'" % name)

    tm_zone = property(lambda self: self.__dict__['_extra'][0])
    tm_gmtoff = property(lambda self: self.__dict__['_extra'][1])


for _i, _name in enumerate(_STRUCT_FIELDS):
    setattr(struct_time, _name, property(lambda self, _i=_i: self[_i]))
struct_time.__module__ = 'time'
del _i, _name

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_DAYS_FULL = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
              'Sunday')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
           'Dec')
_MONTHS_FULL = ('January', 'February', 'March', 'April', 'May', 'June', 'July',
                'August', 'September', 'October', 'November', 'December')
_TIME_T_MAX = 2 ** 63 - 1
_INT_MAX = 2 ** 31 - 1


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def _to_time_t(secs):
    if secs is None:
        return int(time())
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if not -9.3e18 < secs < 9.3e18:
            raise OverflowError("timestamp out of range for platform time_t")
        import math
        secs = math.floor(secs)
    elif not isinstance(secs, int):
        if hasattr(type(secs), '__float__') and not hasattr(type(secs), '__index__'):
            return _to_time_t(float(secs))
        try:
            secs = secs.__index__()
        except AttributeError:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(secs).__name__) from None
    if not -_TIME_T_MAX - 1 <= secs <= _TIME_T_MAX:
        raise OverflowError("timestamp out of range for platform time_t")
    return secs


def _broken_down(t, zone):
    days, rem = divmod(t, 86400)
    y, m, d = _civil_from_days(days)
    if not -_INT_MAX - 1 <= y - 1900 <= _INT_MAX:
        raise OverflowError("timestamp out of range for platform time_t")
    yday = days - _days_from_civil(y, 1, 1) + 1
    return struct_time((y, m, d, rem // 3600, rem // 60 % 60, rem % 60, (days + 3) % 7,
                        yday, 0), {'tm_zone': zone, 'tm_gmtoff': 0})


def gmtime(seconds=None, /):
    """gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,
                       tm_sec, tm_wday, tm_yday, tm_isdst)

Convert seconds since the Epoch to a time tuple expressing UTC (a.k.a.
GMT).  When 'seconds' is not passed in, convert the current time instead.

If the platform supports the tm_gmtoff and tm_zone, they are available as
attributes only."""
    return _broken_down(_to_time_t(seconds), 'GMT')


def localtime(seconds=None, /):
    """localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,
                          tm_sec,tm_wday,tm_yday,tm_isdst)

Convert seconds since the Epoch to a time tuple expressing local time.
When 'seconds' is not passed in, convert the current time instead."""
    return _broken_down(_to_time_t(seconds), 'UTC')


def _c_int(v):
    if not isinstance(v, int):
        try:
            v = v.__index__()
        except AttributeError:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(v).__name__) from None
    if v > _INT_MAX:
        raise OverflowError("signed integer is greater than maximum")
    if v < -_INT_MAX - 1:
        raise OverflowError("signed integer is less than minimum")
    return v


def _gettmarg(t, fname):
    # gettmarg: a 9-tuple of C ints (or a struct_time, whose zone fields come along).
    if not isinstance(t, _builtin_tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % fname)
    vals = [_c_int(v) for v in t]
    zone = t.tm_zone if isinstance(t, struct_time) else None
    gmtoff = t.tm_gmtoff if isinstance(t, struct_time) else None
    return vals, zone, gmtoff


def _checktm(v, fname):
    y, mon, mday, hour, minute, sec, wday, yday, isdst = v
    if mon == 0:
        mon = 1
    elif not 1 <= mon <= 12:
        raise ValueError("month out of range")
    if mday == 0:
        mday = 1
    elif not 1 <= mday <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= hour <= 23:
        raise ValueError("hour out of range")
    if not 0 <= minute <= 59:
        raise ValueError("minute out of range")
    if not 0 <= sec <= 61:
        raise ValueError("seconds out of range")
    # gettmarg stores (wday + 1) % 7 with C's remainder; checktm rejects a negative one.
    cw = wday + 1
    if cw < 0 and cw % 7:
        raise ValueError("day of week out of range")
    wday = (abs(cw) % 7 - 1) % 7
    if yday == 0:
        yday = 1
    elif not 1 <= yday <= 366:
        raise ValueError("day of year out of range")
    return [y, mon, mday, hour, minute, sec, wday, yday, isdst]


def asctime(t=None, /):
    """asctime([tuple]) -> string

Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.
When the time tuple is not present, current time as returned by localtime()
is used."""
    if t is None:
        t = localtime()
    v, _, _ = _gettmarg(t, 'asctime')
    y, mon, mday, hour, minute, sec, wday = _checktm(v, 'asctime')[:7]
    return '%s %s%3d %.2d:%.2d:%.2d %d' % (_DAYS[wday], _MONTHS[mon - 1], mday, hour,
                                           minute, sec, y)


def ctime(seconds=None, /):
    """ctime(seconds) -> string

Convert a time in seconds since the Epoch to a string in local time.
This is equivalent to asctime(localtime(seconds)). When the time tuple is
not present, current time as returned by localtime() is used."""
    return asctime(localtime(seconds))


def mktime(t, /):
    """mktime(tuple) -> floating point number

Convert a time tuple in local time to seconds since the Epoch.
Note that mktime(gmtime(0)) will not generally return zero for most
time zones; instead the returned value will either be equal to that
of the timezone or altzone attributes on the time module."""
    v, _, _ = _gettmarg(t, 'mktime')
    y, mon, mday, hour, minute, sec = v[:6]
    # mktime normalizes out-of-range fields.
    y += (mon - 1) // 12
    mon = (mon - 1) % 12 + 1
    days = _days_from_civil(y, mon, 1) + mday - 1
    r = days * 86400 + hour * 3600 + minute * 60 + sec
    if not -_TIME_T_MAX - 1 <= r <= _TIME_T_MAX:
        raise OverflowError("mktime argument out of range")
    return float(r)


def _strftime_one(c, v, zone, gmtoff):
    y, mon, mday, hour, minute, sec, wday, yday, isdst = v
    if c == 'a':
        return _DAYS[wday]
    if c == 'A':
        return _DAYS_FULL[wday]
    if c in 'bh':
        return _MONTHS[mon - 1]
    if c == 'B':
        return _MONTHS_FULL[mon - 1]
    if c == 'c':
        return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[wday], _MONTHS[mon - 1], mday, hour,
                                               minute, sec, y)
    if c == 'C':
        return '%d' % (y // 100)
    if c == 'd':
        return '%02d' % mday
    if c == 'D':
        return '%02d/%02d/%02d' % (mon, mday, y % 100)
    if c == 'e':
        return '%2d' % mday
    if c == 'F':
        return '%d-%02d-%02d' % (y, mon, mday)
    if c in 'GgVu':
        iy, iw, iwd = _iso(y, yday, wday)
        if c == 'G':
            return '%d' % iy
        if c == 'g':
            return '%02d' % (iy % 100)
        if c == 'V':
            return '%02d' % iw
        return '%d' % iwd
    if c == 'H':
        return '%02d' % hour
    if c == 'I':
        return '%02d' % ((hour + 11) % 12 + 1)
    if c == 'j':
        return '%03d' % yday
    if c == 'k':
        return '%2d' % hour
    if c == 'l':
        return '%2d' % ((hour + 11) % 12 + 1)
    if c == 'm':
        return '%02d' % mon
    if c == 'M':
        return '%02d' % minute
    if c == 'n':
        return '\n'
    if c == 'p':
        return 'AM' if hour < 12 else 'PM'
    if c == 'P':
        return 'am' if hour < 12 else 'pm'
    if c == 'r':
        return '%02d:%02d:%02d %s' % ((hour + 11) % 12 + 1, minute, sec,
                                      'AM' if hour < 12 else 'PM')
    if c == 'R':
        return '%02d:%02d' % (hour, minute)
    if c == 's':
        return '%d' % int(mktime(_builtin_tuple(v)))
    if c == 'S':
        return '%02d' % sec
    if c == 't':
        return '\t'
    if c == 'T':
        return '%02d:%02d:%02d' % (hour, minute, sec)
    if c == 'U':
        return '%02d' % ((yday - 1 + 7 - (wday + 1) % 7) // 7)
    if c == 'w':
        return '%d' % ((wday + 1) % 7)
    if c == 'W':
        return '%02d' % ((yday - 1 + 7 - wday) // 7)
    if c == 'x':
        return '%02d/%02d/%02d' % (mon, mday, y % 100)
    if c == 'X':
        return '%02d:%02d:%02d' % (hour, minute, sec)
    if c == 'y':
        return '%02d' % (y % 100)
    if c == 'Y':
        return '%d' % y
    if c == 'Z':
        if zone is not None:
            return zone
        return tzname[1 if isdst > 0 else 0]
    if c == 'z':
        off = gmtoff or 0
        sign = '-' if off < 0 else '+'
        off = abs(off) // 60
        return '%s%02d%02d' % (sign, off // 60, off % 60)
    if c == '%':
        return '%'
    return None


def _iso(y, yday, wday):
    # ISO 8601 year, week number and weekday (Monday=1).
    iwd = wday + 1
    week = (yday - iwd + 10) // 7
    if week < 1:
        y -= 1
        dec31 = 366 if _is_leap(y) else 365
        week = (dec31 + yday - iwd + 10) // 7
    elif week == 53:
        ylen = 366 if _is_leap(y) else 365
        if yday - iwd + 4 > ylen:
            y += 1
            week = 1
    return y, week, iwd


def strftime(format, t=None, /):
    """strftime(format[, tuple]) -> string

Convert a time tuple to a string according to a format specification.
See the library reference manual for formatting codes. When the time tuple
is not present, current time as returned by localtime() is used.

Commonly used format codes:

%Y  Year with century as a decimal number.
%m  Month as a decimal number [01,12].
%d  Day of the month as a decimal number [01,31].
%H  Hour (24-hour clock) as a decimal number [00,23].
%M  Minute as a decimal number [00,59].
%S  Second as a decimal number [00,61].
%z  Time zone offset from UTC.
%a  Locale's abbreviated weekday name.
%A  Locale's full weekday name.
%b  Locale's abbreviated month name.
%B  Locale's full month name.
%c  Locale's appropriate date and time representation.
%I  Hour (12-hour clock) as a decimal number [01,12].
%p  Locale's equivalent of either AM or PM.

Other codes may be available on your platform.  See documentation for
the C library strftime function.
"""
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    if t is None:
        t = localtime()
    v, zone, gmtoff = _gettmarg(t, 'strftime')
    v = _checktm(v, 'strftime')
    if v[8] < -1:
        v[8] = -1
    elif v[8] > 1:
        v[8] = 1
    out = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch != '%' or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        r = _strftime_one(format[i + 1], v, zone, gmtoff)
        if r is None:
            out.append(format[i:i + 2])
        else:
            out.append(r)
        i += 2
    return ''.join(out)


def strptime(string, format='%a %b %d %H:%M:%S %Y', /):
    """strptime(string, format) -> struct_time

Parse a string to a time tuple according to a format specification.
See the library reference manual for formatting codes (same as
strftime()).

Commonly used format codes:

%Y  Year with century as a decimal number.
%m  Month as a decimal number [01,12].
%d  Day of the month as a decimal number [01,31].
%H  Hour (24-hour clock) as a decimal number [00,23].
%M  Minute as a decimal number [00,59].
%S  Second as a decimal number [00,61].
%z  Time zone offset from UTC.
%a  Locale's abbreviated weekday name.
%A  Locale's full weekday name.
%b  Locale's abbreviated month name.
%B  Locale's full month name.
%c  Locale's appropriate date and time representation.
%I  Hour (12-hour clock) as a decimal number [01,12].
%p  Locale's equivalent of either AM or PM.

Other codes may be available on your platform.  See documentation for
the C library strftime function.
"""
    import _strptime
    return _strptime._strptime_time(string, format)


def tzset():
    """tzset()

Initialize, or reinitialize, the local timezone to the value of the environment
variable TZ or to the system default. This function also resets the module's
timezone, altzone, daylight and tzname variables."""

