# str.format with positional, indexed, named fields and specs.
print("{} and {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="bo", age=3))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:.3f} {:06.2f} {:+.1e}".format(2 / 3, 3.14159, 12345.678))
print("{:,} {:x} {:#o} {:b}".format(10 ** 7, 255, 8, 5))
print("{0!r} {0!s}".format("text"))
print("{{}} {}".format("braces"))
print("{:{w}.{p}f}".format(1.23456, w=9, p=2))
args = ["p", "q"]
kw = {"z": 26}
print("{} {} {z}".format(*args, **kw))
print("{:%}".format(0.5), "{:.0%}".format(1 / 3))
print("{:=+8d}|{:08.3f}".format(-5, -1.5))
print(format(42, "08b"), format(3.5, ".2f"), format("s", ">4"), format(123))
