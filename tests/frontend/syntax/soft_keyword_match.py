x = 1
match(a b)
