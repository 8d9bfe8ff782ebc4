l5 = lambda x, /, y: x
l6 = lambda *, k: k
l7 = lambda **k: k
