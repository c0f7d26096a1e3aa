// Tensor lifetime, queries, creation from values and .NET buffers, read-back, and conversions.
#include "bridge.h"

#include <cstring>

using parity::dims;
using parity::make_tensor;
using parity::run;
using parity::to_scalar_type;

namespace {
at::TensorOptions options(int32_t dtype) { return at::TensorOptions().dtype(to_scalar_type(dtype)); }
}  // namespace

PT_EXPORT void pt_free(TensorHandle t) { delete t; }

PT_EXPORT int64_t pt_dim(TensorHandle t) { return t->dim(); }

PT_EXPORT void pt_shape(TensorHandle t, int64_t* out) {
    auto sizes = t->sizes();
    std::copy(sizes.begin(), sizes.end(), out);
}

PT_EXPORT int32_t pt_dtype(TensorHandle t) { return parity::from_scalar_type(t->scalar_type()); }

PT_EXPORT int64_t pt_numel(TensorHandle t) { return t->numel(); }

PT_EXPORT int32_t pt_is_contiguous(TensorHandle t, int32_t channels_last) {
    return t->is_contiguous(channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous);
}

PT_EXPORT TensorHandle pt_zeros(const int64_t* shape, int64_t rank, int32_t dtype) {
    return make_tensor([&] { return at::zeros(dims(shape, rank), options(dtype)); });
}

PT_EXPORT TensorHandle pt_ones(const int64_t* shape, int64_t rank, int32_t dtype) {
    return make_tensor([&] { return at::ones(dims(shape, rank), options(dtype)); });
}

PT_EXPORT TensorHandle pt_full(const int64_t* shape, int64_t rank, double value, int32_t dtype) {
    return make_tensor([&] { return at::full(dims(shape, rank), value, options(dtype)); });
}

PT_EXPORT TensorHandle pt_arange(double start, double end, double step, int32_t dtype) {
    return make_tensor([&] { return at::arange(start, end, step, options(dtype)); });
}

PT_EXPORT TensorHandle pt_scalar(double value, int32_t dtype) {
    return make_tensor([&] { return at::scalar_tensor(value, options(dtype)); });
}

// Copies `data` (a dense row-major buffer of the given dtype) into a new tensor that owns its memory.
PT_EXPORT TensorHandle pt_from_data(const void* data, const int64_t* shape, int64_t rank, int32_t dtype) {
    return make_tensor([&] {
        auto result = at::empty(dims(shape, rank), options(dtype));
        // An empty .NET buffer pins to a null pointer, which memcpy must not see even for 0 bytes.
        if (result.nbytes() > 0) std::memcpy(result.data_ptr(), data, result.nbytes());
        return result;
    });
}

// Copies the elements in row-major order into `out`, which holds exactly `nbytes` bytes.
PT_EXPORT int32_t pt_copy_to(TensorHandle t, void* out, int64_t nbytes) {
    return run([&] {
        auto dense = t->detach().contiguous();
        TORCH_CHECK(static_cast<int64_t>(dense.nbytes()) == nbytes, "read-back buffer holds ", nbytes,
                    " bytes but the tensor needs ", dense.nbytes());
        if (dense.nbytes() > 0) std::memcpy(out, dense.data_ptr(), dense.nbytes());
    });
}

PT_EXPORT int32_t pt_item_double(TensorHandle t, double* out) {
    return run([&] { *out = t->item<double>(); });
}

PT_EXPORT int32_t pt_item_long(TensorHandle t, int64_t* out) {
    return run([&] { *out = t->item<int64_t>(); });
}

PT_EXPORT TensorHandle pt_to_dtype(TensorHandle t, int32_t dtype) {
    return make_tensor([&] { return t->to(to_scalar_type(dtype)); });
}

PT_EXPORT TensorHandle pt_clone(TensorHandle t) {
    return make_tensor([&] { return t->clone(); });
}

PT_EXPORT TensorHandle pt_detach(TensorHandle t) {
    return make_tensor([&] { return t->detach(); });
}

PT_EXPORT TensorHandle pt_contiguous(TensorHandle t, int32_t channels_last) {
    return make_tensor([&] {
        return t->contiguous(channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous);
    });
}

PT_EXPORT int32_t pt_copy_(TensorHandle dst, TensorHandle src) {
    return run([&] { dst->copy_(*src); });
}

PT_EXPORT int32_t pt_fill_(TensorHandle t, double value) {
    return run([&] { t->fill_(value); });
}
