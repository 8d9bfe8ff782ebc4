# Uncaught SystemExit with a string: the string goes to stderr and the exit status is 1.
try:
    raise SystemExit(0)
except SystemExit as e:
    print("caught", repr(e), e.code)
try:
    raise SystemExit("message", 2)
except SystemExit as e:
    print("caught", e.code, e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
raise SystemExit("fatal: configuration missing")
