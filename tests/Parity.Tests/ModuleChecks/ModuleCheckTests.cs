using System.Collections.Generic;
using System.Linq;
using Parity.Compat;
using Parity.Testing;
using TorchSharp.Modules;
using static Parity.Compat.VariableScopes;
using static TorchSharp.torch;

namespace Parity.Tests.ModuleChecks;

/// <summary>Step 1 for plain TorchSharp modules: each kind of registration mistake, and modules that make none.</summary>
public class ModuleCheckTests
{
    private sealed class Sound : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc = nn.Linear(3, 2);
        private readonly ModuleList<Linear> heads = new(nn.Linear(2, 2), nn.Linear(2, 2));

        public Sound()
            : base(nameof(Sound)) => RegisterComponents();

        public override Tensor forward(Tensor input) => heads.Aggregate(fc.call(input), (x, head) => head.call(x));
    }

    private sealed class HeadsInAList : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc = nn.Linear(3, 2);
        private readonly List<Linear> heads = [nn.Linear(2, 2)];

        public HeadsInAList()
            : base(nameof(HeadsInAList)) => RegisterComponents();

        public override Tensor forward(Tensor input) => heads[0].call(fc.call(input));
    }

    private sealed class GradTensorField : nn.Module<Tensor, Tensor>
    {
        private readonly Tensor scale = ones(3).requires_grad_();

        public GradTensorField()
            : base(nameof(GradTensorField)) => RegisterComponents();

        public override Tensor forward(Tensor input) => input * scale;
    }

    private sealed class DropoutPerCall : nn.Module<Tensor, Tensor>
    {
        public DropoutPerCall()
            : base(nameof(DropoutPerCall)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            using var dropout = nn.Dropout(0.5);
            return dropout.call(input);
        }
    }

    private sealed class LayerRebuiltEachCall : nn.Module<Tensor, Tensor>
    {
        private Linear? fc;

        public LayerRebuiltEachCall()
            : base(nameof(LayerRebuiltEachCall)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            fc = nn.Linear(3, 2);
            return fc.call(input);
        }
    }

    private sealed class ScalesInAList : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc = nn.Linear(3, 3);
        private readonly List<Tensor> scales = [full(3, 2.0f)];

        public ScalesInAList()
            : base(nameof(ScalesInAList)) => RegisterComponents();

        public override Tensor forward(Tensor input) => fc.call(input) * scales[0].to(input.dtype);
    }

    private sealed class ParameterPerCall : nn.Module<Tensor, Tensor>
    {
        public ParameterPerCall()
            : base(nameof(ParameterPerCall)) => RegisterComponents();

        public override Tensor forward(Tensor input) => input * new Parameter(ones(3));
    }

    private sealed class TrackedCompat : Module<Tensor, Tensor>
    {
        [TrackVariables]
        protected override Tensor Forward(Tensor input)
        {
            using (VariableScope("net"))
            {
                return Layers.Dense(input, 2, name: "dense");
            }
        }
    }

    private static Tensor Input() => ones(4, 3);

    [Test]
    public void AModuleThatRegistersEverything_IsSound()
    {
        var report = ModuleCheck.Run(new Sound(), Input());
        Assert.That(report.IsSound, Is.True, report.ToString());
    }

    [Test]
    public void AParityTrackedModule_IsSound()
    {
        var report = ModuleCheck.Run(new TrackedCompat(), Input());
        Assert.That(report.IsSound, Is.True, report.ToString());
    }

    [Test]
    public void ALayerInAPlainList_IsNotRegistered_NamedByFieldAndIndex()
    {
        var report = ModuleCheck.Run(new HeadsInAList(), Input());
        Assert.That(report.Findings, Has.Exactly(1).Matches<ModuleCheckFinding>(f => f.Kind == ModuleCheckFindingKind.NotRegistered && f.Name == "heads[0]"));
    }

    [Test]
    public void ARequiresGradTensorField_BecomesABufferNotAParameter()
    {
        var report = ModuleCheck.Run(new GradTensorField(), Input());
        Assert.That(report.Findings, Has.Exactly(1).Matches<ModuleCheckFinding>(
            f => f.Kind == ModuleCheckFindingKind.NotRegistered && f.Name == "scale" && f.Detail.Contains("registered as a buffer")));
        Assert.That(report.Findings.Select(f => f.Kind), Does.Contain(ModuleCheckFindingKind.UnregisteredGradTensorUsed), "the output depends on it with every parameter frozen");
    }

    [Test]
    public void ADropoutMadePerCall_ChangesTheOutputInEval()
    {
        var report = ModuleCheck.Run(new DropoutPerCall(), Input());
        Assert.That(report.Findings.Select(f => f.Kind), Is.EqualTo(new[] { ModuleCheckFindingKind.OutputChangesInEval }));
    }

    [Test]
    public void ALayerRebuiltInForward_IsReplacedBetweenCalls_AndNotRegistered()
    {
        var report = ModuleCheck.Run(new LayerRebuiltEachCall(), Input());
        Assert.That(report.Findings.Select(f => (f.Kind, f.Name)), Is.SupersetOf(new[]
        {
            (ModuleCheckFindingKind.ReplacedBetweenCalls, "fc"),
            (ModuleCheckFindingKind.NotRegistered, "fc"),
        }));
    }

    [Test]
    public void AParameterMadePerCall_IsATrainableTensorTheModuleNeverRegistered()
    {
        var report = ModuleCheck.Run(new ParameterPerCall(), Input());
        Assert.That(report.Findings.Select(f => f.Kind), Is.EqualTo(new[] { ModuleCheckFindingKind.UnregisteredGradTensorUsed }));
    }

    [Test]
    public void AModuleWhoseToThrows_IsReported_NotCrashed()
    {
        var report = ModuleCheck.Run(new HeadsInADict(), Input());
        Assert.That(report.Findings, Has.Exactly(1).Matches<ModuleCheckFinding>(f => f.Kind == ModuleCheckFindingKind.ToFails && f.Detail.StartsWith("to(Float64) threw ArgumentException")));
    }

    [Test]
    public void ATensorInAPlainList_IsLeftBehindByTo()
    {
        var report = ModuleCheck.Run(new ScalesInAList(), Input());
        Assert.That(report.Findings, Has.Exactly(1).Matches<ModuleCheckFinding>(f => f.Kind == ModuleCheckFindingKind.LeftBehindByTo && f.Name == "scales[0]"));
    }

    [Test]
    public void AssertSound_ThrowsWithTheReport()
    {
        var error = Assert.Throws<ModuleCheckException>(() => ModuleCheck.AssertSound(new DropoutPerCall(), Input()));
        Assert.That(error!.Report.Findings, Has.Count.EqualTo(1));
    }

    /// <summary>Registered correctly, but TorchSharp 0.107's <c>to(dtype)</c> throws on a module holding a <c>ModuleDict</c>.</summary>
    private sealed class HeadsInADict : nn.Module<Tensor, Tensor>
    {
        private readonly ModuleDict<nn.Module<Tensor, Tensor>> heads = new();

        public HeadsInADict()
            : base(nameof(HeadsInADict))
        {
            heads.Add("fc", nn.Linear(3, 4));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => heads["fc"].call(input);
    }
}
