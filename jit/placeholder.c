/* placeholder */ typedef int cellar_placeholder_jit;
