# Every augmented assignment operator on a nonlocal variable.
def run():
    v = 100
    s = "ab"
    lst = [1]

    def ops():
        nonlocal v, s, lst
        v += 5; print(v)
        v -= 3; print(v)
        v *= 4; print(v)
        v //= 3; print(v)
        v %= 50; print(v)
        v **= 2; print(v)
        v <<= 3; print(v)
        v >>= 1; print(v)
        v &= 0xFF; print(v)
        v |= 0x100; print(v)
        v ^= 0x0F; print(v)
        v /= 8; print(v)
        s *= 3; print(s)
        s += "!"; print(s)
        lst += [2, 3]; print(lst)

    alias = lst
    ops()
    print(v, s, lst, alias is lst)


run()
