def f(seq):
    *a = seq
