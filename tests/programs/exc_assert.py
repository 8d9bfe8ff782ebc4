# assert statements: passing, failing with and without a message.
def check(v):
    assert v > 0, f"expected positive, got {v}"
    return v


print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print(repr(e), e.args)
assert True, "never shown"
assert [1], "non-empty list is true"
print("done")
