# Uncaught: an exception raised from another; the last stderr line is the final one.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise KeyError("no number in " + s) from e


print(parse("5"))
parse("five")
