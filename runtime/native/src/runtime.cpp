// Library-wide state: the last-error string, dtype codes, the intra-op thread pool size, and the
// allocator tuning applied when the library loads.
#include "bridge.h"

#include <ATen/Parallel.h>

#include <malloc.h>

#include <cstdlib>

namespace {
thread_local std::string last_error;

// A dispose scope keeps a forward pass's intermediates alive until the scope ends, so each op
// allocates fresh memory instead of reusing the buffer its predecessor just freed (as Python's
// reference counting does). With glibc's defaults, activation-sized blocks (over 128 KiB) are
// mmap'd and returned to the OS on free, so every op then pays page faults on brand-new pages:
// measured 30-50 % on a conv-bn-relu stack of 1x32x35x35. Serving blocks up to 64 MiB from the
// heap and trimming only above 256 MiB of free memory lets later ops reuse freed pages.
// (Environment settings MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ still override this.)
__attribute__((constructor)) void tune_allocator() {
    if (!getenv("MALLOC_MMAP_THRESHOLD_")) mallopt(M_MMAP_THRESHOLD, 64 << 20);
    if (!getenv("MALLOC_TRIM_THRESHOLD_")) mallopt(M_TRIM_THRESHOLD, 256 << 20);
}
}  // namespace

namespace parity {

void set_last_error(const char* message) { last_error = message; }

at::ScalarType to_scalar_type(int32_t code) {
    switch (code) {
        case 0: return at::kFloat;
        case 1: return at::kDouble;
        case 2: return at::kInt;
        case 3: return at::kLong;
        case 4: return at::kBool;
        default: throw std::invalid_argument("unknown dtype code " + std::to_string(code));
    }
}

int32_t from_scalar_type(at::ScalarType type) {
    switch (type) {
        case at::kFloat: return 0;
        case at::kDouble: return 1;
        case at::kInt: return 2;
        case at::kLong: return 3;
        case at::kBool: return 4;
        default: return -1;
    }
}

}  // namespace parity

PT_EXPORT const char* pt_last_error() { return last_error.c_str(); }

PT_EXPORT int32_t pt_set_num_threads(int32_t count) {
    return parity::run([&] { at::set_num_threads(count); });
}

PT_EXPORT int32_t pt_get_num_threads() { return at::get_num_threads(); }
