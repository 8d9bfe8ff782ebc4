# str(), repr() and .args of exceptions with 0, 1, 2 arguments; KeyError's str uses repr.
for exc in [ValueError(), ValueError("one"), ValueError("a", "b"), ValueError(42), ValueError(None),
            ValueError(("tuple",)), ValueError(""), ValueError([1, 2], {"k": 1})]:
    print(repr(str(exc)), repr(exc), exc.args)
for exc in [KeyError(), KeyError("k"), KeyError("k", "v"), KeyError(1), KeyError(""), KeyError(None)]:
    print(repr(str(exc)), repr(exc), exc.args)
try:
    {"a": 1}["b"]
except KeyError as e:
    print(str(e), repr(e), e.args)
try:
    {}[("t", 1)]
except KeyError as e:
    print(str(e), e.args)
e = TypeError("x")
e.args = ("new", 2)
print(str(e), repr(e))
e.args = "abc"
print(e.args)
print(str(Exception("a", 1)), repr(Exception()), repr(BaseException("z")))
print(repr(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print(repr(SystemExit(2)), SystemExit(2).code, SystemExit().code)
print(repr(OSError("m")), repr(AssertionError()), repr(ZeroDivisionError("division by zero")))
print(ValueError("same") == ValueError("same"), ValueError("same").args == ValueError("same").args)
print(f"{ValueError('in f-string')}", "%s" % KeyError("pct"), "{!r}".format(IndexError(3)))
