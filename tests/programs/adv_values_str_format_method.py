# str.format: auto/manual numbering, keywords, index/key/attribute fields, conversions, errors.
print("{} {} {}".format(1, "two", 3.0), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[0]} {1[k]} {2.real} {0[-1]}".format([5, 6], {"k": "v"}, 7) if False else
      "{0[1]} {0[0]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 7))
print("{!r:>8}|{!s:<6}|{:^7}|{:*>+6d}".format("q", "s", "mid", 42))
print("{:{}}|{:{w}.{p}f}|{0}".format("ab", 5, 3.14159, w=8, p=3) if False else
      "{:{}}|{:{w}.{p}f}".format("ab", 5, 3.14159, w=8, p=3))
print("{{}} {{{}}} {}".format("inner", "outer"), "{:,}".format(10 ** 9), "{:%}".format(0.25))
print("{0:b} {0:o} {0:x} {0:#X} {0:c}".format(97), "{:e}".format(12345), "{:.3}".format("abcdef"))
d = {"name": "Ann", "n": 3}
print("{name} has {n} items".format(**d), "{name}".format_map(d), "{0}{0}".format("echo"))
errors = [lambda: "{} {0}".format(1, 2), lambda: "{0} {}".format(1, 2), lambda: "{}".format(),
          lambda: "{x}".format(y=1), lambda: "{0[5]}".format([1]), lambda: "{0.nope}".format(1),
          lambda: "{".format(1), lambda: "}".format(1), lambda: "{:q}".format(1),
          lambda: "{!z}".format(1), lambda: "{0[}".format(1)]
for err in errors:
    try:
        print(err())
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
