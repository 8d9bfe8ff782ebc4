# Church numerals: successor, addition, multiplication and exponentiation as curried lambdas.
zero = lambda f: lambda x: x
succ = lambda n: lambda f: lambda x: f(n(f)(x))
add = lambda m: lambda n: lambda f: lambda x: m(f)(n(f)(x))
mul = lambda m: lambda n: lambda f: m(n(f))
power = lambda m: lambda n: n(m)
to_int = lambda n: n(lambda k: k + 1)(0)

nums = [zero]
for i in range(70):
    nums.append(succ(nums[-1]))

total = 0
for a in range(1, 70):
    for b in range(1, 70):
        total += to_int(mul(nums[a])(nums[b]))
        total += to_int(add(nums[a])(nums[b]))
for a in range(2, 5):
    for b in range(2, 9):
        total += to_int(power(nums[a])(nums[b]))
print(total)
