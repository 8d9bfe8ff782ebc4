# Float formatting: f, e, g, %, rounding of halves, signs, widths, fill, grouping, inf/nan.
x = 1234.5678
print(f"{x:.3f}|{x:e}|{x:g}|{x:%}|{x:.2%}|{x:10.1f}|{x:<10.1f}|{x:^12.2f}|{x:+.1e}")
print(f"{x:,.2f}|{x:_.3f}|{x:012.2f}|{-x:012.2f}|{x:=+12.1f}|{x:*>12.0f}|{x:.0e}|{x:E}")
for v in [2.5, 3.5, 0.125, 0.375, 1.005, 2.675, 1e-7, 123456789.0, 1e16, 0.0, -0.0]:
    print(f"{v:.0f} {v:.2f} {v:g} {v:.3g} {v:e} {v:.10g} {v:#g} {v:r}" if False else
          f"{v:.0f} {v:.2f} {v:g} {v:.3g} {v:e} {v:.10g} {v:#g}")
for v in [float("inf"), float("-inf"), float("nan")]:
    print(f"{v:f} {v:.2e} {v:g} {v:%} {v:>6} {v:+} {v:F}")
print(format(1e-5, "g"), format(1e-4, "g"), format(123456, "g"), format(1234567, "g"))
print(format(0.5, ".0%"), format(1 / 3, ".1%"), format(1, "%"), format(1.0, ""), format(1e20, ""))
print(format(5, ".2f"), format(5, "e"), format(10 ** 20, ".3e"), format(2 ** 0.5, ".15f"))
print("%.3f %e %g %.2g %10.4f %-10.2f| %+.1f %%" % (x, x, x, x, x, x, x))
print("%f %.0f %.1f %G %E" % (0.1, 0.5, 0.25, 1e-10, 12345.678))
print(str(1.0), str(1e16), str(1.5e-7), repr(1e-7), f"{1e16}", f"{12.0}", f"{1.10}")
