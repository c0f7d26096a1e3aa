// Source stub of the Parity runtime's public surface (docs/architecture.md), enough for the analyzers to
// see the same symbols and marker attributes the real assembly carries. Bodies are placeholders: the
// verifier only compiles this code, it never runs it.
using System;
using System.Collections.Generic;
using Parity.Torch;

namespace Parity.Torch
{
    public sealed class Tensor : IDisposable
    {
        public long[] Shape => Array.Empty<long>();
        public static Tensor Zeros(params long[] shape) => new Tensor();
        public static Tensor Ones(params long[] shape) => new Tensor();
        public Tensor MatMul(Tensor other) => this;
        public Tensor Relu() => this;
        public static Tensor operator +(Tensor a, Tensor b) => a;
        public static Tensor operator *(Tensor a, Tensor b) => a;
        public void Dispose() { }
    }
}

namespace Parity
{
    public sealed class Variable
    {
        [CreatesVariable]
        public Variable(string name, Tensor initialValue, bool trainable = true) { Name = name; Value = initialValue; }
        public string Name { get; }
        public Tensor Value { get; }
        public static implicit operator Tensor(Variable variable) => variable.Value;
    }

    [CreatesLayer]
    public abstract class Module : IDisposable
    {
        protected Module(string? name = null) { Name = name ?? GetType().Name; }
        public string Name { get; }
        public IReadOnlyList<Variable> Variables => Array.Empty<Variable>();
        public void Dispose() { }
    }

    public abstract class Module<TIn, TOut> : Module
    {
        protected Module(string? name = null) : base(name) { }
        public TOut Call(TIn input) => Forward(input);
        [ForwardPass]
        protected abstract TOut Forward(TIn input);
    }

    public static class Initializers
    {
        public static Func<long[], Tensor> GlorotUniform() => shape => Tensor.Zeros(shape);
        public static Func<long[], Tensor> Zeros() => shape => Tensor.Zeros(shape);
    }
}

namespace Parity.Compat
{
    public static class VariableScopes
    {
        [OpensVariableScope("name"), RequiresVariableStore]
        public static IDisposable VariableScope(string name) => new Scope();

        [RequiresVariableStore]
        public static Variable GetVariable(string name, long[] shape, Func<long[], Tensor>? initializer = null) => new Variable(name, Tensor.Zeros(shape));

        [RequiresVariableStore]
        public static T GetOrCreateLayer<T>(string name, [CreateOnce] Func<T> factory) where T : Module => factory();

        [RequiresVariableStore, CreatesTemplate]
        public static Func<TIn, TOut> MakeTemplate<TIn, TOut>(string name, Func<TIn, TOut> fn) => fn;

        [RequiresVariableStore]
        public static void RecordScope(string name) { }

        private sealed class Scope : IDisposable
        {
            public void Dispose() { }
        }
    }

    public static class Layers
    {
        [ScopedLayer("name"), RequiresVariableStore]
        public static Tensor Dense(Tensor inputs, long units, Func<Tensor, Tensor>? activation = null, bool useBias = true, string? name = null) => inputs;

        [ScopedLayer("name"), RequiresVariableStore]
        public static Tensor Conv2d(Tensor inputs, int filters, int kernelSize, int strides = 1, string padding = "SAME", string? name = null) => inputs;

        [ScopedLayer("name"), RequiresVariableStore]
        public static Tensor BatchNormalization(Tensor inputs, bool training = false, string? name = null) => inputs;

        public static Tensor Dropout(Tensor inputs, double rate, bool training = false) => inputs;

        public static Tensor Flatten(Tensor inputs) => inputs;

        public static Tensor MaxPooling2d(Tensor inputs, int poolSize, int strides, string padding = "VALID") => inputs;
    }
}

namespace Parity.Nn
{
    public sealed class Dense : Module<Tensor, Tensor>
    {
        public Dense(int units, bool useBias = true, string? name = null) : base(name) { }
        protected override Tensor Forward(Tensor input) => input;
    }

    public sealed class Conv2d : Module<Tensor, Tensor>
    {
        public Conv2d(int filters, int kernelSize, int strides = 1, string padding = "SAME", string? name = null) : base(name) { }
        protected override Tensor Forward(Tensor input) => input;
    }

    public sealed class BatchNormalization : Module<Tensor, Tensor>
    {
        public BatchNormalization(string? name = null) : base(name) { }
        protected override Tensor Forward(Tensor input) => input;
    }
}
