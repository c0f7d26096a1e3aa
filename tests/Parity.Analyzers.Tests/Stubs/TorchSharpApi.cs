// Source stub of the parts of TorchSharp the analyzers recognise. Type names, nesting and member names
// mirror TorchSharp's real metadata (TorchSharp.torch+nn+Module, TorchSharp.Modules.Parameter, ...),
// because the analyzers find TorchSharp by those names. Bodies are placeholders that are never run.
using System;
using System.Collections.Generic;
using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        public class Tensor : IDisposable
        {
            public Tensor relu() => this;
            public Tensor matmul(Tensor other) => this;
            public static Tensor operator +(Tensor a, Tensor b) => a;
            public static Tensor operator *(Tensor a, Tensor b) => a;
            public void Dispose() { }
        }

        public static Tensor randn(params long[] size) => new Tensor();
        public static Tensor zeros(params long[] size) => new Tensor();
        public static Tensor ones(params long[] size) => new Tensor();

        public static partial class nn
        {
            public abstract class Module : IDisposable
            {
                protected Module(string name) { }
                protected virtual void RegisterComponents() { }
                public void register_module(string name, Module submodule) { }
                public void register_parameter(string name, Parameter parameter) { }
                public void register_buffer(string name, Tensor tensor) { }
                public void Dispose() { }
            }

            public abstract class Module<T, TResult> : Module
            {
                protected Module(string name) : base(name) { }
                public abstract TResult forward(T input);
                public TResult call(T input) => forward(input);
            }

            public abstract class Module<T1, T2, TResult> : Module
            {
                protected Module(string name) : base(name) { }
                public abstract TResult forward(T1 input1, T2 input2);
                public TResult call(T1 input1, T2 input2) => forward(input1, input2);
            }

            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true) => new Linear();
            public static Conv2d Conv2d(long inputChannel, long outputChannel, long kernelSize) => new Conv2d();
            public static ReLU ReLU() => new ReLU();
            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new Sequential();
            public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new ModuleList<T>();
            public static ParameterList ParameterList(params Parameter[] parameters) => new ParameterList();
            public static Parameter Parameter(Tensor data, bool requires_grad = true) => new Parameter(data, requires_grad);

            public static partial class functional
            {
                public static Tensor relu(Tensor input) => input;
                public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null) => input;
            }
        }
    }

    namespace Modules
    {
        public class Parameter : torch.Tensor
        {
            public Parameter(torch.Tensor data, bool requires_grad = true) { }
        }

        public sealed class Linear : torch.nn.Module<torch.Tensor, torch.Tensor>
        {
            internal Linear() : base("Linear") { }
            public override torch.Tensor forward(torch.Tensor tensor) => tensor;
        }

        public sealed class Conv2d : torch.nn.Module<torch.Tensor, torch.Tensor>
        {
            internal Conv2d() : base("Conv2d") { }
            public override torch.Tensor forward(torch.Tensor tensor) => tensor;
        }

        public sealed class ReLU : torch.nn.Module<torch.Tensor, torch.Tensor>
        {
            internal ReLU() : base("ReLU") { }
            public override torch.Tensor forward(torch.Tensor tensor) => tensor;
        }

        public sealed class Sequential : torch.nn.Module<torch.Tensor, torch.Tensor>
        {
            internal Sequential() : base("Sequential") { }
            public override torch.Tensor forward(torch.Tensor tensor) => tensor;
        }

        public sealed class ModuleList<T> : torch.nn.Module, IEnumerable<T> where T : torch.nn.Module
        {
            public ModuleList() : base("ModuleList") { }
            public T this[int index] => throw new NotSupportedException();
            public int Count => 0;
            public IEnumerator<T> GetEnumerator() { yield break; }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        public sealed class ParameterList : torch.nn.Module, IEnumerable<Parameter>
        {
            public ParameterList() : base("ParameterList") { }
            public Parameter this[int index] => throw new NotSupportedException();
            public IEnumerator<Parameter> GetEnumerator() { yield break; }
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
