using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parity.Torch.Interop;

/// <summary>
/// The C ABI of libparity_native.so (runtime/native/src). Every argument is blittable so a call
/// is a plain transition with no marshalling work. Tensor-producing calls return null on failure,
/// status calls return non-zero; <see cref="NativeError"/> turns both into exceptions.
/// </summary>
/// <remarks>
/// <see cref="SuppressGCTransitionAttribute"/> is used only on calls that read a field of a live
/// tensor: they cannot block, allocate, throw or call back into .NET.
/// </remarks>
internal static unsafe partial class NativeMethods
{
    private const string Lib = NativeLibraryResolver.LibraryName;

    static NativeMethods() => NativeLibraryResolver.Register();

    // runtime.cpp
    [LibraryImport(Lib)] internal static partial IntPtr pt_last_error();
    [LibraryImport(Lib)] internal static partial int pt_set_num_threads(int count);
    [LibraryImport(Lib)] internal static partial int pt_get_num_threads();

    // tensor.cpp
    [LibraryImport(Lib)] internal static partial void pt_free(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial long pt_dim(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial void pt_shape(IntPtr t, long* shape);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial int pt_dtype(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial long pt_numel(IntPtr t);
    [LibraryImport(Lib)] internal static partial int pt_is_contiguous(IntPtr t, int channelsLast);
    [LibraryImport(Lib)] internal static partial IntPtr pt_zeros(long* shape, long rank, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pt_ones(long* shape, long rank, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pt_full(long* shape, long rank, double value, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pt_arange(double start, double end, double step, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pt_scalar(double value, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pt_from_data(void* data, long* shape, long rank, int dtype);
    [LibraryImport(Lib)] internal static partial int pt_copy_to(IntPtr t, void* output, long byteCount);
    [LibraryImport(Lib)] internal static partial int pt_item_double(IntPtr t, double* output);
    [LibraryImport(Lib)] internal static partial int pt_item_long(IntPtr t, long* output);
    [LibraryImport(Lib)] internal static partial IntPtr pt_to_dtype(IntPtr t, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pt_clone(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr pt_detach(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr pt_contiguous(IntPtr t, int channelsLast);
    [LibraryImport(Lib)] internal static partial int pt_copy_(IntPtr destination, IntPtr source);
    [LibraryImport(Lib)] internal static partial int pt_fill_(IntPtr t, double value);

    // ops.cpp
    [LibraryImport(Lib)] internal static partial IntPtr pt_binary(IntPtr a, IntPtr b, int op);
    [LibraryImport(Lib)] internal static partial IntPtr pt_binary_scalar(IntPtr a, double scalar, int op);
    [LibraryImport(Lib)] internal static partial IntPtr pt_unary(IntPtr a, int op);
    [LibraryImport(Lib)] internal static partial IntPtr pt_clamp(IntPtr a, double min, int hasMin, double max, int hasMax);
    [LibraryImport(Lib)] internal static partial IntPtr pt_where(IntPtr condition, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial int pt_inplace(IntPtr a, IntPtr b, double alpha, int op);
    [LibraryImport(Lib)] internal static partial int pt_inplace_scalar(IntPtr a, double scalar, int op);
    [LibraryImport(Lib)] internal static partial IntPtr pt_matmul(IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr pt_reshape(IntPtr t, long* shape, long rank);
    [LibraryImport(Lib)] internal static partial IntPtr pt_view(IntPtr t, long* shape, long rank);
    [LibraryImport(Lib)] internal static partial IntPtr pt_expand(IntPtr t, long* shape, long rank);
    [LibraryImport(Lib)] internal static partial IntPtr pt_permute(IntPtr t, long* order, long rank);
    [LibraryImport(Lib)] internal static partial IntPtr pt_transpose(IntPtr t, long dim0, long dim1);
    [LibraryImport(Lib)] internal static partial IntPtr pt_flatten(IntPtr t, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr pt_slice(IntPtr t, long dim, long start, long end, long step);
    [LibraryImport(Lib)] internal static partial IntPtr pt_select(IntPtr t, long dim, long index);
    [LibraryImport(Lib)] internal static partial IntPtr pt_squeeze(IntPtr t, long dim, int all);
    [LibraryImport(Lib)] internal static partial IntPtr pt_unsqueeze(IntPtr t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr pt_cat(IntPtr* tensors, long count, long dim, int stack);
    [LibraryImport(Lib)] internal static partial IntPtr pt_pad(IntPtr t, long* pads, long count, double value);
    [LibraryImport(Lib)] internal static partial IntPtr pt_reduce_all(IntPtr t, int op);
    [LibraryImport(Lib)] internal static partial IntPtr pt_reduce_dims(IntPtr t, int op, long* dims, long count, int keepDim);

    // nn.cpp
    [LibraryImport(Lib)] internal static partial IntPtr pt_conv2d(IntPtr x, IntPtr w, IntPtr b, long* stride, long* pads, long* dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr pt_max_pool2d(IntPtr x, long* kernel, long* stride, long* pads, int ceilMode);
    [LibraryImport(Lib)] internal static partial IntPtr pt_avg_pool2d(IntPtr x, long* kernel, long* stride, long* pads, int ceilMode, int countIncludePad);
    [LibraryImport(Lib)] internal static partial IntPtr pt_batch_norm(IntPtr x, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr pt_softmax(IntPtr x, long dim, int log);

    // random.cpp
    [LibraryImport(Lib)] internal static partial IntPtr pt_generator_new(ulong seed);
    [LibraryImport(Lib)] internal static partial void pt_generator_free(IntPtr g);
    [LibraryImport(Lib)] internal static partial int pt_generator_set_seed(IntPtr g, ulong seed);
    [LibraryImport(Lib)] internal static partial int pt_generator_seed(IntPtr g, ulong* seed);
    [LibraryImport(Lib)] internal static partial IntPtr pt_rand_uniform(long* shape, long rank, double low, double high, int dtype, IntPtr g);
    [LibraryImport(Lib)] internal static partial IntPtr pt_rand_normal(long* shape, long rank, double mean, double std, int dtype, IntPtr g);
    [LibraryImport(Lib)] internal static partial IntPtr pt_bernoulli(IntPtr probs, IntPtr g);
    [LibraryImport(Lib)] internal static partial IntPtr pt_bernoulli_p(long* shape, long rank, double p, int dtype, IntPtr g);
    [LibraryImport(Lib)] internal static partial IntPtr pt_dropout(IntPtr x, double p, int training, IntPtr g);

    // autograd.cpp
    [LibraryImport(Lib), SuppressGCTransition] internal static partial int pt_requires_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int pt_set_requires_grad(IntPtr t, int value);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial int pt_is_leaf(IntPtr t);
    [LibraryImport(Lib)] internal static partial int pt_backward(IntPtr t, IntPtr gradient, int retainGraph);
    [LibraryImport(Lib)] internal static partial int pt_grad(IntPtr t, IntPtr* gradient);
    [LibraryImport(Lib)] internal static partial int pt_zero_grad(IntPtr t);
    [LibraryImport(Lib)] internal static partial int pt_grad_enabled();
    [LibraryImport(Lib)] internal static partial void pt_set_grad_enabled(int enabled);
}
