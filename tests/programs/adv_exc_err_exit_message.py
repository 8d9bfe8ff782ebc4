# Uncaught SystemExit with a string: the string goes to stderr and the exit status is 1.
try:
    raise SystemExit(0)
except SystemExit as e:
    print("caught", repr(e), e.code)
raise SystemExit("fatal: configuration missing")
