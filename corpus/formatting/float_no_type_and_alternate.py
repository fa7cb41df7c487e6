# Float formatting with no presentation type and a precision, the alternate form '#',
# and the 'c' type's default right alignment.
values = [0.0, -0.0, 1.0, 5.0, 12.5, 100.0, 543.77, 123456.0, 0.0001, 1e-7, 5e10, 0.5]
for spec in [".1", ".2", ".3", ".17", "10.2", "#", "#.1", "#.2", "#.3", "#.0", "#g", "#.1g",
             "#.3g", "#.0e", "#.0f", "#10.3g"]:
    print(spec, [format(v, spec) for v in values])
for v in values:
    print(v, "%#.3g" % v, "%#.1g" % v, "%#.0g" % v, "%#.2e" % v, "%#.0f" % v, "%g" % v)
print("{:4c}|{:<4c}|{:^5c}|{:>3c}".format(48, 49, 50, 51))
print("%3c|%-3c|" % (65, "B"))
print(f"{0x263A:3c}|")
