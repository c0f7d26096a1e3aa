// Correct-code corpus: native Parity modules that create their layers once (in the constructor or
// lazily behind a guard) and call submodules through Call.
using Parity;
using Parity.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace Corpus.ParityNative;

public sealed class NativeClassifier : Module<Tensor, Tensor>
{
    private readonly Conv2D _conv;
    private readonly BatchNormalization _norm = new BatchNormalization();
    private Dense? _logits;
    private Variable? _temperature;
    private readonly int _classes;

    public NativeClassifier(int classes)
    {
        _classes = classes;
        _conv = new Conv2D(16, 3);
    }

    protected override Tensor Forward(Tensor input)
    {
        var x = _norm.Call(_conv.Call(input));
        _logits ??= new Dense(_classes, name: "logits");
        if (_temperature is null)
        {
            _temperature = new Variable("temperature", ones(1));
        }

        return _logits.Call(x) * _temperature;
    }
}

public class ResidualBase : Module<Tensor, Tensor>
{
    private Dense? _inner;
    private bool _built;
    private Variable? _gate;

    protected override Tensor Forward(Tensor input)
    {
        if (!_built)
        {
            _inner = new Dense(8);
            _gate = new Variable("gate", zeros(1));
            _built = true;
        }

        return _inner!.Call(input) * _gate! + input;
    }
}

public sealed class Residual : ResidualBase
{
    private Dense? _head;

    protected override Tensor Forward(Tensor input)
    {
        if (_head is not null)
        {
            return _head.Call(base.Forward(input));
        }

        _head = new Dense(2);
        return _head.Call(base.Forward(input));
    }
}
