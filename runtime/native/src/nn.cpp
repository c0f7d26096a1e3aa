// Neural-network ops: convolution, pooling, batch normalization and softmax.
// Explicit four-sided padding is what TF's SAME needs; when the sides differ (or exceed what
// ATen accepts) the input is padded first and the op runs with zero padding.
#include "bridge.h"

#include <limits>

using parity::make_tensor;

namespace {

// pads = {top, bottom, left, right}
bool symmetric(const int64_t* pads) { return pads[0] == pads[1] && pads[2] == pads[3]; }

at::Tensor pre_pad(const at::Tensor& x, const int64_t* pads, double value) {
    // constant_pad_nd lists the last dimension first: {left, right, top, bottom}.
    return at::constant_pad_nd(x, {pads[2], pads[3], pads[0], pads[1]}, value);
}

bool fits_aten_pooling(const int64_t* kernel, const int64_t* pads) {
    return symmetric(pads) && pads[0] * 2 <= kernel[0] && pads[2] * 2 <= kernel[1];
}

const int64_t no_padding[2] = {0, 0};
const int64_t unit[2] = {1, 1};

// A (height, width) argument read from two consecutive values; the caller keeps them alive.
at::IntArrayRef pair(const int64_t* values) { return at::IntArrayRef(values, 2); }

c10::optional<at::Tensor> optional_tensor(TensorHandle t) {
    return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}

}  // namespace

PT_EXPORT TensorHandle pt_conv2d(TensorHandle x, TensorHandle w, TensorHandle b, const int64_t* stride,
                                 const int64_t* pads, const int64_t* dilation, int64_t groups) {
    return make_tensor([&] {
        const auto bias = optional_tensor(b);
        const int64_t same_sides[2] = {pads[0], pads[2]};
        if (symmetric(pads)) {
            return at::conv2d(*x, *w, bias, pair(stride), pair(same_sides), pair(dilation), groups);
        }
        return at::conv2d(pre_pad(*x, pads, 0.0), *w, bias, pair(stride), pair(no_padding), pair(dilation), groups);
    });
}

PT_EXPORT TensorHandle pt_max_pool2d(TensorHandle x, const int64_t* kernel, const int64_t* stride,
                                     const int64_t* pads, int32_t ceil_mode) {
    return make_tensor([&] {
        if (fits_aten_pooling(kernel, pads)) {
            const int64_t same_sides[2] = {pads[0], pads[2]};
            return at::max_pool2d(*x, pair(kernel), pair(stride), pair(same_sides), pair(unit), ceil_mode != 0);
        }
        const auto padded = pre_pad(*x, pads, -std::numeric_limits<double>::infinity());
        return at::max_pool2d(padded, pair(kernel), pair(stride), pair(no_padding), pair(unit), ceil_mode != 0);
    });
}

PT_EXPORT TensorHandle pt_avg_pool2d(TensorHandle x, const int64_t* kernel, const int64_t* stride,
                                     const int64_t* pads, int32_t ceil_mode, int32_t count_include_pad) {
    return make_tensor([&] {
        const auto k = pair(kernel);
        const auto s = pair(stride);
        if (fits_aten_pooling(kernel, pads)) {
            const int64_t same_sides[2] = {pads[0], pads[2]};
            return at::avg_pool2d(*x, k, s, pair(same_sides), ceil_mode != 0, count_include_pad != 0);
        }
        const auto padded = pre_pad(*x, pads, 0.0);
        const auto sums = at::avg_pool2d(padded, k, s, pair(no_padding), ceil_mode != 0, true);
        if (count_include_pad) return sums;
        // Average over real cells only: divide window sums by the window's count of real cells.
        auto cells = x->dim() == 4 ? at::ones({1, 1, x->size(-2), x->size(-1)}, x->options())
                                   : at::ones({1, x->size(-2), x->size(-1)}, x->options());
        auto real = pre_pad(cells, pads, 0.0);
        const auto share = at::avg_pool2d(real, k, s, pair(no_padding), ceil_mode != 0, true);
        return sums / share;
    });
}

PT_EXPORT TensorHandle pt_batch_norm(TensorHandle x, TensorHandle weight, TensorHandle bias,
                                     TensorHandle running_mean, TensorHandle running_var, int32_t training,
                                     double momentum, double eps) {
    return make_tensor([&] {
        return at::batch_norm(*x, optional_tensor(weight), optional_tensor(bias), optional_tensor(running_mean),
                              optional_tensor(running_var), training != 0, momentum, eps, false);
    });
}

PT_EXPORT TensorHandle pt_softmax(TensorHandle x, int64_t dim, int32_t log) {
    return make_tensor([&] { return log ? at::log_softmax(*x, dim) : at::softmax(*x, dim); });
}
