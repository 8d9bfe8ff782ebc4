# %-formatting: conversions, flags, widths, '*' widths, mapping keys, tuple pitfalls.
print("%s %r %d %i %u" % ("s", "r", 42, -7.9, 3))
print("[%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%X] [%#X] [%#o] [%o]" % (42, 42, 42, 42, 42, 255, 255, 255, 8, 8))
print("[%.2f] [%10.3f] [%-10.1f] [%e] [%.1E] [%g] [%G] [%%] [%c] [%c]" % (3.14159, 2.5, 2.5, 1234.5, 0.00012, 1e-5, 1e20, 65, "z"))
print("[%*d] [%-*d] [%.*f] [%*.*f]" % (6, 1, 4, 2, 2, 3.14159, 8, 3, 2.71828))
print("%(name)s is %(age)d, %(name)r again" % {"name": "Ann", "age": 30})
print("%s" % (1, ), "%s" % [1, 2], "%s" % ((1, 2),), "%r" % "quote'd", "%a" % "é")
print("%d%%" % 50, "%.3s" % "abcdef", "%5.1s|" % "xyz", "%-6s|" % "ab", "%s" % None)
print("%d" % True, "%f" % 1, "%x" % 3.0 if False else "%d" % 3.99, "%s %s" % ("a", "b"))
errors = [lambda: "%s %s" % ("one",), lambda: "%s" % ("a", "b"), lambda: "%d" % "x",
          lambda: "%(k)s" % {"j": 1}, lambda: "%z" % 1, lambda: "%x" % 3.0, lambda: "%c" % "ab",
          lambda: "%(k)s %s" % {"k": 1}]
for err in errors:
    try:
        print(err())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
