// Shared plumbing of the C ABI: handle type, dtype codes, and the error boundary.
// Every export catches everything: a C++ exception must never cross into .NET, so failures are
// stored in a thread-local string and reported as a null handle or a non-zero status.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <exception>
#include <string>

#define PT_EXPORT extern "C" __attribute__((visibility("default")))

// The opaque handle handed to .NET: one heap-allocated reference to a tensor.
using TensorHandle = at::Tensor*;

namespace parity {

// Records the message of a failed call for pt_last_error.
void set_last_error(const char* message);

// Applies the thread count requested through pt_set_num_threads to the calling OS thread, if it
// has not applied that count yet. Cheap enough to run at the start of every export.
void sync_thread_count();

// Dtype codes shared with Parity.Torch.DType (the enum values must stay in this order).
at::ScalarType to_scalar_type(int32_t code);
int32_t from_scalar_type(at::ScalarType type);

inline TensorHandle hand_out(at::Tensor&& tensor) { return new at::Tensor(std::move(tensor)); }

inline at::IntArrayRef dims(const int64_t* values, int64_t count) {
    return at::IntArrayRef(values, static_cast<size_t>(count));
}

// Runs body, turning exceptions into the last-error string and `failure` as the return value.
template <typename Result, typename Body>
Result guarded(Result failure, Body&& body) noexcept {
    try {
        sync_thread_count();
        return body();
    } catch (const c10::Error& e) {
        // libtorch appends a C++ backtrace to what(); the message alone is what users need.
        set_last_error(e.what_without_backtrace());
    } catch (const std::exception& e) {
        set_last_error(e.what());
    } catch (...) {
        set_last_error("unknown native error");
    }
    return failure;
}

// Shorthands: a call that produces a tensor, and a call that only reports success.
template <typename Body>
TensorHandle make_tensor(Body&& body) noexcept {
    return guarded<TensorHandle>(nullptr, [&] { return hand_out(body()); });
}

template <typename Body>
int32_t run(Body&& body) noexcept {
    return guarded<int32_t>(-1, [&] {
        body();
        return 0;
    });
}

}  // namespace parity
