def l1():
    v = 'v'
    w = 'w'
    def l2():
        def l3():
            def l4():
                def l5():
                    return v + w
                return l5
            return l4
        return l3
    return l2
