// Random number generators and the random ops that draw from them.
// A null generator handle means libtorch's default CPU generator (the one ManualSeed seeds).
#include "bridge.h"

#include <ATen/CPUGeneratorImpl.h>

#include <mutex>

using parity::dims;
using parity::make_tensor;
using parity::run;
using parity::to_scalar_type;

using GeneratorHandle = at::Generator*;

namespace {
c10::optional<at::Generator> pick(GeneratorHandle g) {
    return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}

at::Generator& resolve(GeneratorHandle g) {
    static thread_local at::Generator fallback;
    if (g) return *g;
    fallback = at::detail::getDefaultCPUGenerator();
    return fallback;
}
}  // namespace

PT_EXPORT GeneratorHandle pt_generator_new(uint64_t seed) {
    return parity::guarded<GeneratorHandle>(nullptr, [&] {
        return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
    });
}

PT_EXPORT void pt_generator_free(GeneratorHandle g) { delete g; }

// Reseeds `g` (or the default generator), restarting its stream exactly as a fresh one would.
PT_EXPORT int32_t pt_generator_set_seed(GeneratorHandle g, uint64_t seed) {
    return run([&] {
        auto& gen = resolve(g);
        std::lock_guard<std::mutex> lock(gen.mutex());
        gen.set_current_seed(seed);
    });
}

PT_EXPORT int32_t pt_generator_seed(GeneratorHandle g, uint64_t* out) {
    return run([&] { *out = resolve(g).current_seed(); });
}

PT_EXPORT TensorHandle pt_rand_uniform(const int64_t* shape, int64_t rank, double low, double high, int32_t dtype,
                                       GeneratorHandle g) {
    return make_tensor([&] {
        return at::empty(dims(shape, rank), at::TensorOptions().dtype(to_scalar_type(dtype))).uniform_(low, high, pick(g));
    });
}

PT_EXPORT TensorHandle pt_rand_normal(const int64_t* shape, int64_t rank, double mean, double std, int32_t dtype,
                                      GeneratorHandle g) {
    return make_tensor([&] {
        return at::empty(dims(shape, rank), at::TensorOptions().dtype(to_scalar_type(dtype))).normal_(mean, std, pick(g));
    });
}

PT_EXPORT TensorHandle pt_bernoulli(TensorHandle probs, GeneratorHandle g) {
    return make_tensor([&] { return at::bernoulli(*probs, pick(g)); });
}

PT_EXPORT TensorHandle pt_bernoulli_p(const int64_t* shape, int64_t rank, double p, int32_t dtype, GeneratorHandle g) {
    return make_tensor([&] {
        return at::empty(dims(shape, rank), at::TensorOptions().dtype(to_scalar_type(dtype))).bernoulli_(p, pick(g));
    });
}

// Inverted dropout: kept elements are scaled by 1/(1-p) so the expectation is unchanged.
PT_EXPORT TensorHandle pt_dropout(TensorHandle x, double p, int32_t training, GeneratorHandle g) {
    return make_tensor([&] {
        TORCH_CHECK(p >= 0.0 && p <= 1.0, "dropout probability has to be between 0 and 1, but got ", p);
        if (!training || p == 0.0) return *x * 1;
        if (p == 1.0) return *x * 0;
        auto keep = at::empty_like(*x, at::MemoryFormat::Preserve).bernoulli_(1.0 - p, pick(g));
        return *x * keep / (1.0 - p);
    });
}
