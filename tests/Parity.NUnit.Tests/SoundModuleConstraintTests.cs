using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.NUnit.Tests;

/// <summary>Is.SoundModule: passes a module that registers what it holds, names the field of one that does not.</summary>
public class SoundModuleConstraintTests
{
    private sealed class Registered : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc = nn.Linear(3, 2);

        public Registered()
            : base(nameof(Registered)) => RegisterComponents();

        public override Tensor forward(Tensor input) => fc.call(input);
    }

    private sealed class HeadsInAList : nn.Module<Tensor, Tensor>
    {
        private readonly List<Linear> heads = [nn.Linear(3, 2)];

        public HeadsInAList()
            : base(nameof(HeadsInAList)) => RegisterComponents();

        public override Tensor forward(Tensor input) => heads[0].call(input);
    }

    [Test]
    public void ASoundModule_Passes()
    {
        using var input = ones(4, 3);
        Assert.That(new Registered(), Is.SoundModule(input));
    }

    [Test]
    public void AModuleWithAnUnregisteredLayer_FailsNamingTheField()
    {
        using var input = ones(4, 3);
        var failure = Assert.Throws<AssertionException>(() => Assert.That(new HeadsInAList(), Is.SoundModule(input)));
        Assert.That(failure!.Message, Does.Contain("heads[0]").And.Contain("NotRegistered"));
    }
}
