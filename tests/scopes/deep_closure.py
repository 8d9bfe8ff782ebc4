def l1(a):
    def l2(b):
        def l3(c):
            def l4(d):
                def l5(e):
                    def l6(f):
                        return a + b + c + d + e + f
                    return l6
                return l5
            return l4
        return l3
    return l2
