# Closures tutorial: function factories with make_multiplier.
def make_multiplier(n):
    def multiplier(x):
        return x * n
    return multiplier


times3 = make_multiplier(3)
times5 = make_multiplier(5)

print(times3(9))
print(times5(3))
print(times5(times3(2)))

# The closure remembers n even though make_multiplier has finished running
del make_multiplier
print(times3(10))
print(times3.__name__)
print(times3.__closure__[0].cell_contents)

# A common pitfall: creating closures in a loop
multipliers = []
for i in range(1, 4):
    multipliers.append(lambda x: x * i)
print([m(10) for m in multipliers])  # all use the final value of i

# The fix: bind the current value as a default argument
multipliers = []
for i in range(1, 4):
    multipliers.append(lambda x, i=i: x * i)
print([m(10) for m in multipliers])
