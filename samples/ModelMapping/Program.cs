using System;
using System.Linq;
using Parity;
using Parity.Samples.ModelMapping.Checkpoints;
using Parity.Samples.ModelMapping.Migration;
using Parity.Samples.ModelMapping.Shim;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

// The model-mapping guide's examples, run one after another: what each creates, and the incremental
// migration checked stage by stage. Exit code 1 if a migration stage diverges.
Show("DenseLayer (GetVariable in a tracked forward pass)", new DenseLayer(10), ones([8, 20]));
Show("CompatV1LayerModel (compat layers in a named scope)", new CompatV1LayerModel(10), ones([8, 5, 5, 5]));
Show("NestedModel (GetOrCreateLayer)", new NestedModel(10), ones([5, 5]));
Show("WrappedDenseLayer (a tracked module in a field)", new WrappedDenseLayer(10), ones([5, 5]));
Show("CompatV1TemplateScaleByY (a template made once)", new CompatV1TemplateScaleByY(), ones([2, 3]));
Show("FunctionalStyleCompatModel", new FunctionalStyleCompatModel(), ones([10, 10, 10, 10]));
Show("OOStyleCompatModel", new OOStyleCompatModel(), ones([10, 10, 10, 10]));
Show("PartiallyNativeKerasLayersModel (RecordScope keeps model/conv2d_2)", new PartiallyNativeKerasLayersModel(), ones([10, 10, 10, 10]));
Show("FullyNativeKerasLayersModel", new FullyNativeKerasLayersModel(), ones([10, 10, 10, 10]));

var batchNorm = new CompatV1BatchNorm();
var images = arange(8 * 5 * 5 * 5, ScalarType.Float32).reshape(8, 5, 5, 5) / 100.0;
batchNorm.Call(images, training: false);
Console.WriteLine($"CompatV1BatchNorm moving mean after inference: {batchNorm.NonTrainableVariables[0].Value.mean().item<float>():F6}");
batchNorm.Call(images, training: true);
Console.WriteLine($"CompatV1BatchNorm moving mean after training:  {batchNorm.NonTrainableVariables[0].Value.mean().item<float>():F6}");
Console.WriteLine();

var (original, originalLoss) = MigrationCheck.Run(new CompatModel(10));
var failed = false;
foreach (var stage in new Module<Tensor, Tensor>[] { new PartiallyMigratedModel(10), new NearlyFullyNativeModel(10) })
{
    Report(stage.GetType().Name, "under NumRandomOps", MigrationCheck.Run(stage));
}

Report(nameof(FullyNativeModel), "with NearlyFullyNativeModel's weights", MigrationCheck.RunNative(new FullyNativeModel(5, 5, 5, 10), new NearlyFullyNativeModel(10)));

return failed ? 1 : 0;

void Report(string stage, string how, (Tensor Output, Tensor Loss) result)
{
    var same = TensorAssert.Compare(result.Output, original).IsClose && TensorAssert.Compare(result.Loss, originalLoss).IsClose;
    failed |= !same;
    Console.WriteLine($"{stage,-24} vs CompatModel {how}: {(same ? "same output and regularization loss" : "DIFFERENT")}");
}

static void Show(string title, Module<Tensor, Tensor> model, Tensor input)
{
    model.Call(input);
    Console.WriteLine(title);
    foreach (var variable in model.Variables)
    {
        Console.WriteLine($"  {variable}");
    }

    var losses = model.Losses;
    Console.WriteLine($"  regularization loss: {(losses.Count == 0 ? 0.0 : losses.Sum(loss => loss.item<float>())):G6}");
    Console.WriteLine();
}
