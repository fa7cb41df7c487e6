# time's calendar functions on fixed timestamps: gmtime, mktime, asctime, strftime,
# struct_time construction and attributes, and their range errors.
import time

for t in [0, 1000, 86399, 951782400, 1000000000, 2147483647, -1, -86401, 253402300799]:
    g = time.gmtime(t)
    print(t, tuple(g), g.tm_zone, g.tm_gmtoff)
    print(" ", time.asctime(g), "|", time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %e %I %p %%", g))
    print(" ", time.strftime("%G-W%V-%u %C %D %F %T %R %h", g))

g = time.gmtime(1000.9)
print(repr(g))
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(time.gmtime(-1.5).tm_sec, len(g), g[0], g[-1], g[:3], isinstance(g, tuple))

fields = (2024, 1, 2, 3, 4, 5, 1, 2, 0)
st = time.struct_time(fields)
print(st, st.tm_zone, time.struct_time(fields, {"tm_zone": "UTC", "tm_gmtoff": 60}).tm_gmtoff)
print(time.struct_time(fields + ("ABC", 3600)).tm_zone, st == fields, st.n_fields,
      st.n_sequence_fields, st.n_unnamed_fields)
for args in [(fields[:8],), (fields * 2,), (fields, ["tm_zone"]), (5,)]:
    try:
        time.struct_time(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    st.tm_year = 5
except AttributeError as e:
    print("AttributeError:", e)

print(time.asctime((2024, 1, 1, 0, 0, 0, 7, 1, 0)), time.strftime("%a %j", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0),
            (2024, 1, 1, 0, 60, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 62, 0, 1, 0),
            (2024, 1, 1, 0, 0, 0, -2, 1, 0), (2024, 1, 1, 0, 0, 0, 0, 367, 0),
            (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2 ** 31, 1, 1, 0, 0, 0, 0, 0, 0)]:
    for f in (time.asctime, lambda t: time.strftime("%Y", t)):
        try:
            print(f(bad))
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
for bad in [float("nan"), 1e20, "x"]:
    try:
        time.gmtime(bad)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
for bad in [(1, 2), [2024, 1, 1, 0, 0, 0, 0, 1, 0]]:
    try:
        time.asctime(bad)
    except TypeError as e:
        print("TypeError:", e)
