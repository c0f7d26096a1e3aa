// Element-wise arithmetic and logic, linear algebra, shape manipulation and reductions.
// Families of similar ops share one export selected by an op code, which keeps the ABI small;
// the codes mirror the enums in Parity.Torch/Interop/OpCodes.cs.
#include "bridge.h"

#include <cmath>
#include <vector>

using parity::dims;
using parity::make_tensor;
using parity::run;

namespace {

enum Binary : int32_t {
    Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Gt, Ge, Lt, Le, LogicalAnd, LogicalOr, RSub, RDiv
};

enum Unary : int32_t {
    Neg, Abs, Sqrt, Rsqrt, Exp, Log, Square, Sign, Erfinv, Relu, Relu6, Sigmoid, Tanh, IsNan, IsFinite,
    LogicalNot, Reciprocal, Floor, Ceil, Round
};

enum Reduction : int32_t { Sum, Mean, Max, Min, Any, All, ArgMax, ArgMin };

// .NET passes every scalar as a double. A whole number meeting an integer or bool tensor becomes an
// integer scalar, so `ints + 1` stays integral as it does in PyTorch instead of promoting to float.
at::Scalar scalar_for(const at::Tensor& a, double s) {
    const bool whole = std::isfinite(s) && std::floor(s) == s && std::fabs(s) < 9.2e18;
    if (whole && !a.is_floating_point()) return at::Scalar(static_cast<int64_t>(s));
    return at::Scalar(s);
}

at::Tensor binary(const at::Tensor& a, const at::Tensor& b, int32_t op) {
    switch (op) {
        case Add: return at::add(a, b);
        case Sub: return at::sub(a, b);
        case Mul: return at::mul(a, b);
        case Div: return at::div(a, b);
        case Pow: return at::pow(a, b);
        case Maximum: return at::maximum(a, b);
        case Minimum: return at::minimum(a, b);
        case Eq: return at::eq(a, b);
        case Ne: return at::ne(a, b);
        case Gt: return at::gt(a, b);
        case Ge: return at::ge(a, b);
        case Lt: return at::lt(a, b);
        case Le: return at::le(a, b);
        case LogicalAnd: return at::logical_and(a, b);
        case LogicalOr: return at::logical_or(a, b);
        case RSub: return at::sub(b, a);
        case RDiv: return at::div(b, a);
        default: TORCH_CHECK(false, "unknown binary op code ", op);
    }
}

at::Tensor binary_scalar(const at::Tensor& a, double s, int32_t op) {
    const at::Scalar scalar = scalar_for(a, s);
    switch (op) {
        case Add: return at::add(a, scalar);
        case Sub: return at::sub(a, scalar);
        case Mul: return at::mul(a, scalar);
        case Div: return at::div(a, scalar);
        case Pow: return at::pow(a, scalar);
        case Eq: return at::eq(a, scalar);
        case Ne: return at::ne(a, scalar);
        case Gt: return at::gt(a, scalar);
        case Ge: return at::ge(a, scalar);
        case Lt: return at::lt(a, scalar);
        case Le: return at::le(a, scalar);
        case RSub: return at::rsub(a, scalar);
        // scalar / tensor follows type promotion of the tensor, as the C# operator promises.
        case RDiv: return at::mul(at::reciprocal(a), scalar);
        default: {
            // Maximum, minimum and logic have no scalar overloads in ATen: broadcast a 0-d tensor.
            auto other = at::scalar_tensor(scalar, a.options());
            return binary(a, other, op);
        }
    }
}

at::Tensor unary(const at::Tensor& a, int32_t op) {
    switch (op) {
        case Neg: return at::neg(a);
        case Abs: return at::abs(a);
        case Sqrt: return at::sqrt(a);
        case Rsqrt: return at::rsqrt(a);
        case Exp: return at::exp(a);
        case Log: return at::log(a);
        case Square: return at::square(a);
        case Sign: return at::sign(a);
        case Erfinv: return at::erfinv(a);
        case Relu: return at::relu(a);
        case Relu6: return at::hardtanh(a, 0.0, 6.0);
        case Sigmoid: return at::sigmoid(a);
        case Tanh: return at::tanh(a);
        case IsNan: return at::isnan(a);
        case IsFinite: return at::isfinite(a);
        case LogicalNot: return at::logical_not(a);
        case Reciprocal: return at::reciprocal(a);
        case Floor: return at::floor(a);
        case Ceil: return at::ceil(a);
        case Round: return at::round(a);
        default: TORCH_CHECK(false, "unknown unary op code ", op);
    }
}

}  // namespace

PT_EXPORT TensorHandle pt_binary(TensorHandle a, TensorHandle b, int32_t op) {
    return make_tensor([&] { return binary(*a, *b, op); });
}

PT_EXPORT TensorHandle pt_binary_scalar(TensorHandle a, double s, int32_t op) {
    return make_tensor([&] { return binary_scalar(*a, s, op); });
}

PT_EXPORT TensorHandle pt_unary(TensorHandle a, int32_t op) {
    return make_tensor([&] { return unary(*a, op); });
}

PT_EXPORT TensorHandle pt_clamp(TensorHandle a, double min, int32_t has_min, double max, int32_t has_max) {
    return make_tensor([&] {
        return at::clamp(*a, has_min ? c10::optional<at::Scalar>(scalar_for(*a, min)) : c10::nullopt,
                         has_max ? c10::optional<at::Scalar>(scalar_for(*a, max)) : c10::nullopt);
    });
}

PT_EXPORT TensorHandle pt_where(TensorHandle condition, TensorHandle a, TensorHandle b) {
    return make_tensor([&] { return at::where(*condition, *a, *b); });
}

// In-place updates used by optimizer steps and variable assignment: a op= alpha * b.
PT_EXPORT int32_t pt_inplace(TensorHandle a, TensorHandle b, double alpha, int32_t op) {
    return run([&] {
        switch (op) {
            case Add: a->add_(*b, alpha); break;
            case Sub: a->sub_(*b, alpha); break;
            case Mul: a->mul_(alpha == 1.0 ? *b : *b * alpha); break;
            default: TORCH_CHECK(false, "unsupported in-place op code ", op);
        }
    });
}

PT_EXPORT int32_t pt_inplace_scalar(TensorHandle a, double s, int32_t op) {
    return run([&] {
        const at::Scalar scalar = scalar_for(*a, s);
        switch (op) {
            case Add: a->add_(scalar); break;
            case Sub: a->sub_(scalar); break;
            case Mul: a->mul_(scalar); break;
            case Div: a->div_(scalar); break;
            default: TORCH_CHECK(false, "unsupported in-place scalar op code ", op);
        }
    });
}

PT_EXPORT TensorHandle pt_matmul(TensorHandle a, TensorHandle b) {
    return make_tensor([&] { return at::matmul(*a, *b); });
}

PT_EXPORT TensorHandle pt_reshape(TensorHandle t, const int64_t* shape, int64_t rank) {
    return make_tensor([&] { return t->reshape(dims(shape, rank)); });
}

PT_EXPORT TensorHandle pt_view(TensorHandle t, const int64_t* shape, int64_t rank) {
    return make_tensor([&] { return t->view(dims(shape, rank)); });
}

PT_EXPORT TensorHandle pt_expand(TensorHandle t, const int64_t* shape, int64_t rank) {
    return make_tensor([&] { return t->expand(dims(shape, rank)); });
}

PT_EXPORT TensorHandle pt_permute(TensorHandle t, const int64_t* order, int64_t rank) {
    return make_tensor([&] { return t->permute(dims(order, rank)); });
}

PT_EXPORT TensorHandle pt_transpose(TensorHandle t, int64_t dim0, int64_t dim1) {
    return make_tensor([&] { return t->transpose(dim0, dim1); });
}

PT_EXPORT TensorHandle pt_flatten(TensorHandle t, int64_t start, int64_t end) {
    return make_tensor([&] { return t->flatten(start, end); });
}

PT_EXPORT TensorHandle pt_slice(TensorHandle t, int64_t dim, int64_t start, int64_t end, int64_t step) {
    return make_tensor([&] { return t->slice(dim, start, end, step); });
}

PT_EXPORT TensorHandle pt_select(TensorHandle t, int64_t dim, int64_t index) {
    return make_tensor([&] { return t->select(dim, index); });
}

PT_EXPORT TensorHandle pt_squeeze(TensorHandle t, int64_t dim, int32_t all) {
    return make_tensor([&] { return all ? t->squeeze() : t->squeeze(dim); });
}

PT_EXPORT TensorHandle pt_unsqueeze(TensorHandle t, int64_t dim) {
    return make_tensor([&] { return t->unsqueeze(dim); });
}

PT_EXPORT TensorHandle pt_cat(const TensorHandle* tensors, int64_t count, int64_t dim, int32_t stack) {
    return make_tensor([&] {
        std::vector<at::Tensor> parts;
        parts.reserve(static_cast<size_t>(count));
        for (int64_t i = 0; i < count; ++i) parts.push_back(*tensors[i]);
        return stack ? at::stack(parts, dim) : at::cat(parts, dim);
    });
}

PT_EXPORT TensorHandle pt_pad(TensorHandle t, const int64_t* pads, int64_t count, double value) {
    return make_tensor([&] { return at::constant_pad_nd(*t, dims(pads, count), value); });
}

PT_EXPORT TensorHandle pt_reduce_all(TensorHandle t, int32_t op) {
    return make_tensor([&] {
        switch (op) {
            case Sum: return t->sum();
            case Mean: return t->mean();
            case Max: return t->max();
            case Min: return t->min();
            case Any: return t->any();
            case All: return t->all();
            case ArgMax: return t->argmax();
            case ArgMin: return t->argmin();
            default: TORCH_CHECK(false, "unknown reduction code ", op);
        }
    });
}

// Reduces over `dims`; for max/min/argmax/argmin exactly one dim is allowed (checked managed-side).
PT_EXPORT TensorHandle pt_reduce_dims(TensorHandle t, int32_t op, const int64_t* reduce, int64_t count,
                                      int32_t keep_dim) {
    return make_tensor([&] {
        const bool keep = keep_dim != 0;
        switch (op) {
            case Sum: return t->sum(dims(reduce, count), keep);
            case Mean: return t->mean(dims(reduce, count), keep);
            case Max: return std::get<0>(t->max(reduce[0], keep));
            case Min: return std::get<0>(t->min(reduce[0], keep));
            case Any: return t->any(reduce[0], keep);
            case All: return t->all(reduce[0], keep);
            case ArgMax: return t->argmax(reduce[0], keep);
            case ArgMin: return t->argmin(reduce[0], keep);
            default: TORCH_CHECK(false, "unknown reduction code ", op);
        }
    });
}
