# Calls with many parameters and arguments: 30 positional, 30 keyword-only, *args of 500 items.
def wide(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14,
         p15, p16, p17, p18, p19, p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, *rest,
         k0=0, k1=1, k2=2, k3=3, k4=4, k5=5, k6=6, k7=7, k8=8, k9=9, k10=10, k11=11, k12=12, k13=13, k14=14,
         k15=15, k16=16, k17=17, k18=18, k19=19, k20=20, k21=21, k22=22, k23=23, k24=24, k25=25, k26=26, k27=27, k28=28, k29=29, **extra):
    return sum([p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14,
                p15, p16, p17, p18, p19, p20, p21, p22, p23, p24, p25, p26, p27, p28, p29]), len(rest), k0 + k29, sorted(extra)

print(wide(*range(30)), wide(*range(40), k29=100, z=1))
print(wide.__code__.co_argcount, wide.__code__.co_kwonlyargcount, len(wide.__kwdefaults__))
try:
    wide(*range(29))
except TypeError as e:
    print(type(e).__name__, e)

def star(*args, **kwargs):
    return len(args), len(kwargs), args[-1], sorted(kwargs)[:3]

print(star(*range(500), **{"k%03d" % i: i for i in range(300)}))

def chain(n, *acc):
    return acc if n == 0 else chain(n - 1, *acc, n)

print(chain(50)[:5], len(chain(200)))
