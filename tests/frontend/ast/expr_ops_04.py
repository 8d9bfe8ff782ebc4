e = a is b, a is not b, a in b, a not in b
f = a and b or c and not d
