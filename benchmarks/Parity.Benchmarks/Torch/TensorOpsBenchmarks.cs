using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Parity.Benchmarks.Peers;
using Parity.Torch;

namespace Parity.Benchmarks.Torch;

/// <summary>
/// The tensor layer against PyTorch 1.13 running the same ops on the same libtorch
/// (benchmarks/peer/torch_ops.py): a conv-bn-relu stack the size of an Inception-ResNet block, a
/// matmul chain, a chain of tiny element-wise ops, and view round trips (detach: no kernel, no
/// data) where the cost of crossing the binding dominates.
/// </summary>
/// <remarks>
/// The namespace ends in Torch, so the engine's static class is spelled Parity.Torch.Torch here.
/// </remarks>
[Peer("torch_ops.py", "--threads", BenchmarkThreads.Argument)]
public class TensorOpsBenchmarks
{
    private const int ConvLayers = 4;
    private const int MatMuls = 8;
    private const int SmallOps = 50;
    private const int Views = 100;

    private readonly List<Tensor> _owned = [];
    private Tensor _image = null!;
    private Tensor[] _convWeights = null!;
    private Tensor[] _convBiases = null!;
    private Tensor _gamma = null!;
    private Tensor _beta = null!;
    private Tensor _mean = null!;
    private Tensor _var = null!;
    private Tensor _rows = null!;
    private Tensor[] _matrices = null!;
    private Tensor _small = null!;

    [GlobalSetup]
    public void Setup()
    {
        Parity.Torch.Torch.SetNumThreads(BenchmarkThreads.Count);
        using var generator = new Generator(0);
        _image = Keep(Tensor.RandNormal([1, 32, 35, 35], generator: generator));
        _convWeights = new Tensor[ConvLayers];
        _convBiases = new Tensor[ConvLayers];
        for (var i = 0; i < ConvLayers; i++)
        {
            _convWeights[i] = Keep(Tensor.RandNormal([32, 32, 3, 3], std: 0.05, generator: generator));
            _convBiases[i] = Keep(Tensor.Zeros([32]));
        }

        _gamma = Keep(Tensor.Ones([32]));
        _beta = Keep(Tensor.Zeros([32]));
        _mean = Keep(Tensor.Zeros([32]));
        _var = Keep(Tensor.Ones([32]));
        _rows = Keep(Tensor.RandNormal([64, 256], generator: generator));
        _matrices = new Tensor[MatMuls];
        for (var i = 0; i < MatMuls; i++)
        {
            _matrices[i] = Keep(Tensor.RandNormal([256, 256], std: 1.0 / 16, generator: generator));
        }

        _small = Keep(Tensor.RandNormal([8], generator: generator));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var tensor in _owned)
        {
            tensor.Dispose();
        }
    }

    [Benchmark]
    public void ConvBnRelu()
    {
        using var scope = Parity.Torch.Torch.NewDisposeScope();
        var x = _image;
        for (var i = 0; i < ConvLayers; i++)
        {
            x = x.Conv2d(_convWeights[i], _convBiases[i], padding: (1, 1, 1, 1))
                .BatchNorm(_gamma, _beta, _mean, _var, training: false, eps: 1e-3)
                .Relu();
        }
    }

    [Benchmark]
    public void MatMulChain()
    {
        using var scope = Parity.Torch.Torch.NewDisposeScope();
        var x = _rows;
        for (var i = 0; i < MatMuls; i++)
        {
            x = x.MatMul(_matrices[i]);
        }
    }

    [Benchmark]
    public void SmallOpChain()
    {
        using var scope = Parity.Torch.Torch.NewDisposeScope();
        var x = _small;
        for (var i = 0; i < SmallOps; i++)
        {
            x = (x * 1.0001) + 0.5;
        }
    }

    [Benchmark]
    public void ViewRoundTrips()
    {
        using var scope = Parity.Torch.Torch.NewDisposeScope();
        for (var i = 0; i < Views; i++)
        {
            _small.Detach();
        }
    }

    private Tensor Keep(Tensor tensor)
    {
        _owned.Add(tensor);
        return tensor;
    }
}
