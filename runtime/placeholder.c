/* placeholder */ typedef int cellar_placeholder_runtime;
