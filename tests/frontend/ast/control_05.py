raise E from None
assert x
assert x, "message"
if x: y = 1; z = 2
while 0: pass
