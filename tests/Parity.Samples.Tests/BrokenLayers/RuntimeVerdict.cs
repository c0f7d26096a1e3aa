using System;
using Parity.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Parity.Samples.Tests.BrokenLayers;

/// <summary>
/// The runtime's verdict on a layer: does it misbehave? It does when its first call fails (the
/// variable store is not where the code needs it) or when its second call, inside the
/// no-variable-creation scope, creates a variable.
/// </summary>
internal static class RuntimeVerdict
{
    public static (bool Misbehaves, string How) Judge(Type layerType)
    {
        var layer = (Module<Tensor, Tensor>)Activator.CreateInstance(layerType)!;

        // A layer with a public Predict entry point is used through it, as its callers would.
        var predict = layerType.GetMethod("Predict", [typeof(Tensor)]);
        Tensor Run(Tensor x) => predict is null ? layer.Call(x) : (Tensor)predict.Invoke(layer, [x])!;

        using var scope = torch.NewDisposeScope();
        var input = ones([2, 4]);
        try
        {
            Run(input);
        }
        catch (Exception error) when (Unwrap(error) is InvalidOperationException failure)
        {
            return (true, $"first call failed: {failure.Message}");
        }

        try
        {
            using (VariableCreationScopes.AssertNoVariableCreations())
            {
                Run(input);
            }
        }
        catch (Exception error) when (Unwrap(error) is VariableCreationException creation)
        {
            return (true, $"second call created a variable: {creation.Message}");
        }

        return (false, "both calls ran and the second created nothing");
    }

    private static Exception Unwrap(Exception error) =>
        error is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : error;
}
