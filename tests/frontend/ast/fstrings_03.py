g = f"{x=}" f"{x = }" f"{x=:>4}" f"{x=!s}"
h = f"{{literal}} {{{x}}}"
i = "pre" f"{x}" "post"
