obj.method(1)(2)[3]
f(a,)
f(
    1,
    2,
)
f(a)(b)(c)
