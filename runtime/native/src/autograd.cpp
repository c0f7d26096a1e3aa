// Autograd: gradient recording switches, backward passes and access to accumulated gradients.
#include "bridge.h"

#include <c10/core/GradMode.h>

using parity::run;

PT_EXPORT int32_t pt_requires_grad(TensorHandle t) { return t->requires_grad(); }

PT_EXPORT int32_t pt_set_requires_grad(TensorHandle t, int32_t value) {
    return run([&] { t->set_requires_grad(value != 0); });
}

PT_EXPORT int32_t pt_is_leaf(TensorHandle t) { return t->is_leaf(); }

// grad may be null for a scalar output (implicit gradient of one).
PT_EXPORT int32_t pt_backward(TensorHandle t, TensorHandle grad, int32_t retain_graph) {
    return run([&] {
        t->backward(grad ? *grad : at::Tensor(), retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt);
    });
}

// Writes a new handle to the accumulated gradient, or null when none has been accumulated yet.
PT_EXPORT int32_t pt_grad(TensorHandle t, TensorHandle* out) {
    return run([&] {
        const auto& grad = t->grad();
        *out = grad.defined() ? new at::Tensor(grad) : nullptr;
    });
}

PT_EXPORT int32_t pt_zero_grad(TensorHandle t) {
    return run([&] {
        auto& grad = t->mutable_grad();
        if (grad.defined()) {
            grad = grad.detach();
            grad.zero_();
        }
    });
}

PT_EXPORT int32_t pt_grad_enabled() { return c10::GradMode::is_enabled(); }

PT_EXPORT void pt_set_grad_enabled(int32_t enabled) { c10::GradMode::set_enabled(enabled != 0); }
