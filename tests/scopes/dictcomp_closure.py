def index(words, shift):
    return {w: (lambda: len(w) + shift) for w in words}
