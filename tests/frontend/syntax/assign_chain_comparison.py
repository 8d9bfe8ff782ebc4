e = a is b = c
