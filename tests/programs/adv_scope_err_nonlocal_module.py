# Compile-time error: nonlocal at module level (no earlier use of the name).
print("never printed")
nonlocal x
x = 1
