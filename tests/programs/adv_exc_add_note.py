# 3.11 exception notes: add_note, __notes__, type errors, notes survive re-raise and chaining.
e = ValueError("base")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__, str(e), repr(e), e.args)
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)

def wrapper():
    try:
        raise KeyError("k")
    except KeyError as inner:
        inner.add_note("added in wrapper")
        raise

try:
    wrapper()
except KeyError as caught:
    print(caught.__notes__)
    caught.__notes__.append("appended directly")
    print(caught.__notes__)
e2 = TypeError("t")
e2.__notes__ = ["preset"]
e2.add_note("more")
print(e2.__notes__)
