// Library-wide state: the last-error string, dtype codes, the intra-op thread count, and the
// allocator tuning applied when the library loads.
#include "bridge.h"

#include <ATen/Parallel.h>

#include <malloc.h>

#include <atomic>
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

// OpenMP keeps its thread count per calling OS thread, and libtorch copies its process-wide count
// to a thread only on that thread's first parallel op, so a thread that computed before a
// pt_set_num_threads call would keep the old count. Every export therefore compares the requested
// count with what its thread last applied (a thread-local read) and applies it when they differ.
//
// The default is one thread, not libtorch's usual one per physical core: this runtime serves
// tests, which NUnit already runs in parallel, often on shared CI machines. OpenMP threads
// busy-wait at each op's barrier, so when another process holds a core every op stalls: on a
// loaded 2-core machine the Parity.Tests suite took 69 s with 2 threads against 6 s with 1.
// OMP_NUM_THREADS / MKL_NUM_THREADS in the environment still choose (requested 0: libtorch decides).
int32_t default_thread_count() { return getenv("OMP_NUM_THREADS") || getenv("MKL_NUM_THREADS") ? 0 : 1; }

std::atomic<int32_t> requested_threads{default_thread_count()};
thread_local int32_t applied_threads = 0;
}  // namespace

namespace parity {

void sync_thread_count() {
    const auto requested = requested_threads.load(std::memory_order_relaxed);
    if (requested != applied_threads && requested > 0) {
        at::set_num_threads(requested);
        applied_threads = requested;
    }
}

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
    if (count <= 0) {
        parity::set_last_error(("thread count must be positive, got " + std::to_string(count)).c_str());
        return -1;
    }
    requested_threads.store(count, std::memory_order_relaxed);
    return parity::run([] {});
}

PT_EXPORT int32_t pt_get_num_threads() {
    return parity::guarded<int32_t>(-1, [] { return at::get_num_threads(); });
}
