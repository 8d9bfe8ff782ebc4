# assert with and without messages; the message is only evaluated when the assertion fails.
def check(value):
    assert value > 0, "value must be positive, got %r" % (value,)
    return value

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args, str(e) == "")
evaluated = []

def msg():
    evaluated.append(1)
    return "lazy message"

assert True, msg()
print(evaluated)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, evaluated)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args, type(e.args[0]).__name__)
try:
    assert None, None
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert "", ValueError("exception as message")
except AssertionError as e:
    print(repr(e))
print(isinstance(AssertionError(), Exception), AssertionError.__bases__)
