# f-string conversions, '=', nested specs, int presentations, grouping, bools with specs.
x = 3.14159
n = 1234567
s = "hi"
w, p = 10, 2
print(f"[{x:>8.3f}] [{n:,}] [{n:_}] [{f'{n:#x}'.upper()}] [{n:#o}] [{n:#b}] [{n:X}] [{255:#X}]")
print(f"[{s!r}] [{s!s}] [{'é'!a}] [{s:>5}] [{s:^6}] [{s:*<5}] [{s!r:>6}]")
print(f"{x=}", f"{n=:>10}", f"{s = }", f"{x=:.2f}", f"{n + 1=}", f"{s=!r}", f"{s=!s:>4}")
print(f"[{x:{w}}] [{x:{w}.{p}f}] [{s:{'-'}^{w}}] [{n:{'>'}{w},}]")
print(f"[{n:08d}] [{-n:08d}] [{n:+d}] [{n: d}] [{-5:=6d}] [{5:x<4d}] [{n:_x}] [{2**40:,d}]")
print(f"[{True}] [{True:>5}] [{False:d}] [{True!r:>6}] [{None}] [{None!r:>6}]")
print(f"[{65:c}] [{0x263A:c}] [{10:b}] [{10:o}] [{-10:x}] [{10:#010b}] [{1e3:_.1f}]")
print(f"{{literal}} {{{n}}} {'quotes'} {'nested ' + f'{s!r}'} {3 * 'ab'}")
d = {"key": "value", 1: "one"}
print(f"{d['key']} {d[1]} {d!r:.10} {[1, 2][::-1]} {(lambda v: v * 2)(21)}")
print(f"{'left':<{w}}|{'right':>{w}}|{x:<{w}.{p}e}|{s:{w}}|{n:{w}}")
print(f"{3:{'0'}>{4}}", f"{'abc':.{p}}", f"{x:.{p}%}", f"{n!s:>{w}}", f"{'':*^{w}}")
try:
    f"{s:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{n:.2s}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{x:,d}"
except ValueError as e:
    print(type(e).__name__, e)
