# Captured parameters that are never reassigned, through one, two and three levels of
# functions, including free variables that a middle function only passes on.


def adder(n):
    return lambda x: x + n


def pair(a, b):
    def first():
        return a

    def both():
        return a, b

    return first, both


def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z

        return inner

    return middle


def passes_through(tag):
    def middle():
        def inner():
            return "tag=" + tag

        return inner

    return middle


def three(a):
    def b(bb):
        def c(cc):
            def d(dd):
                return [a, bb, cc, dd]

            return d

        return c

    return b


print(adder(3)(4), adder("x")("y"))
f, g = pair(1, [2])
print(f(), g())
print(outer(100)(20)(3))
m = outer(1)
print(m(2)(3), m(10)(20), outer(5)(5)(5))
print(passes_through("t1")()())
print(three(1)(2)(3)(4))

# Church numerals, as bench/programs/church.py uses them.
zero = lambda f: lambda x: x
succ = lambda n: lambda f: lambda x: f(n(f)(x))
add = lambda m: lambda n: lambda f: lambda x: m(f)(n(f)(x))
mul = lambda m: lambda n: lambda f: m(n(f))
power = lambda m: lambda n: n(m)
to_int = lambda n: n(lambda k: k + 1)(0)
nums = [zero]
for i in range(12):
    nums.append(succ(nums[-1]))
print([to_int(n) for n in nums])
print(to_int(add(nums[3])(nums[4])), to_int(mul(nums[3])(nums[4])), to_int(power(nums[2])(nums[3])))


# The same captured object is shared, not copied: mutation through it shows everywhere.
def shares(items):
    push = lambda v: items.append(v)
    look = lambda: list(items)
    return push, look


push, look = shares([])
push(1)
push(2)
print(look())


# Recursion through a closure over a parameter.
def make_counter_down(step):
    def down(n):
        if n <= 0:
            return [n]
        return [n] + down(n - step)

    return down


print(make_counter_down(3)(10))


def fact_with(mult):
    def fact(n):
        return 1 if n == 0 else mult(n, fact(n - 1))

    return fact


print(fact_with(lambda a, b: a * b)(20))
print(adder.__code__.co_cellvars, adder(1).__code__.co_freevars)
print(outer.__code__.co_cellvars, outer(1).__code__.co_cellvars, outer(1).__code__.co_freevars)
print(outer(1)(2).__code__.co_freevars, passes_through("a")().__code__.co_freevars)
print(succ(zero).__code__.co_freevars, succ(zero)(zero).__code__.co_freevars)
