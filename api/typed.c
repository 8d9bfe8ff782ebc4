/* stub */
#include "api.h"
void api_typed_free(cellar_vm *vm) { (void)vm; }
const ir_function *api_find_ir(const cellar_vm *vm, const rt_code *code) { (void)vm; (void)code; return NULL; }
cellar_status cellar_typed_entry(cellar_vm *vm, cellar_value fn, const char *signature, cellar_native_fn *out)
{ (void)fn; (void)signature; (void)out; return api_misuse(vm, "not yet"); }
bool cellar_typed_specialised(const cellar_vm *vm, const char **reason) { (void)vm; if (reason) *reason = ""; return false; }
