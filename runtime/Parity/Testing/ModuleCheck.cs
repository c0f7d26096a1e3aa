using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parity.Testing;

/// <summary>
/// Step 1 of the validation method for a plain TorchSharp module: runs it twice on one input in
/// <c>eval()</c> mode and reports, by field name, what TorchSharp's registration rules make silently
/// wrong: components held in fields or collections that were never registered, parameters and buffers
/// that appear, disappear or are replaced between calls, outputs that differ between the two calls,
/// trainable tensors the output depends on that are not registered parameters, and tensors that
/// <c>to(dtype)</c> left behind.
/// </summary>
/// <remarks>
/// The check changes the module's mode to <c>eval()</c> for the calls and converts it to another
/// floating type and back for the <c>to(dtype)</c> probe; it restores the training mode afterwards.
/// Run it on a module built for the test, not on one a test is about to train.
/// </remarks>
public static class ModuleCheck
{
    /// <summary>Checks <paramref name="module"/> on <paramref name="input"/>.</summary>
    /// <param name="module">The module to check.</param>
    /// <param name="input">A representative input.</param>
    /// <returns>The findings; <see cref="ModuleCheckReport.IsSound"/> when there are none.</returns>
    public static ModuleCheckReport Run(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<ModuleCheckFinding>();
        var wasTraining = module.training;
        module.eval();
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var first = module.call(input);
            var afterFirst = Registered(module);
            var fieldsAfterFirst = Components(module).ToList();
            var second = module.call(input);
            var afterSecond = Registered(module);

            CompareRegistrations(afterFirst, afterSecond, findings);
            CompareFields(fieldsAfterFirst, Components(module).ToList(), findings);
            FindUnregistered(module, afterSecond, findings);
            CompareOutputs(first, second, findings);
            ProbeGradients(module, input, findings);
        }
        finally
        {
            module.train(wasTraining);
        }

        ProbeTo(module, findings);
        return new ModuleCheckReport(module.GetType().Name, findings);
    }

    /// <summary>Checks the module and throws when anything was found.</summary>
    /// <param name="module">The module to check.</param>
    /// <param name="input">A representative input.</param>
    /// <exception cref="ModuleCheckException">The module is not sound; the message lists every finding.</exception>
    public static void AssertSound(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        var report = Run(module, input);
        if (!report.IsSound)
        {
            throw new ModuleCheckException(report);
        }
    }

    private static Dictionary<string, object> Registered(nn.Module module)
    {
        var registered = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, parameter) in module.named_parameters())
        {
            registered[name] = parameter;
        }

        foreach (var (name, buffer) in module.named_buffers())
        {
            registered[name] = buffer;
        }

        return registered;
    }

    private static void CompareRegistrations(Dictionary<string, object> before, Dictionary<string, object> after, List<ModuleCheckFinding> findings)
    {
        foreach (var (name, value) in after)
        {
            if (!before.TryGetValue(name, out var earlier))
            {
                findings.Add(new(ModuleCheckFindingKind.AppearedBetweenCalls, name, "registered by the second call but not the first; register it in the constructor so it exists before training starts."));
            }
            else if (!ReferenceEquals(earlier, value))
            {
                findings.Add(new(ModuleCheckFindingKind.ReplacedBetweenCalls, name, "the second call registered a new tensor under this name, so what an optimizer holds is no longer the module's; create it once, in the constructor."));
            }
        }

        foreach (var name in before.Keys.Where(name => !after.ContainsKey(name)))
        {
            findings.Add(new(ModuleCheckFindingKind.DisappearedBetweenCalls, name, "registered after the first call and gone after the second."));
        }
    }

    private static void CompareFields(List<(string Name, object Value)> before, List<(string Name, object Value)> after, List<ModuleCheckFinding> findings)
    {
        var earlier = before.GroupBy(entry => entry.Name).ToDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal);
        foreach (var (name, value) in after)
        {
            if (earlier.TryGetValue(name, out var old) && !ReferenceEquals(old, value))
            {
                findings.Add(new(ModuleCheckFindingKind.ReplacedBetweenCalls, name, $"the field holds a new {Describe(value)} after the second call: the forward pass builds it per call, with fresh weights. Build it once, in the constructor."));
            }
        }
    }

    private static void FindUnregistered(nn.Module module, Dictionary<string, object> registered, List<ModuleCheckFinding> findings)
    {
        var known = new HashSet<object>(registered.Values, ReferenceEqualityComparer.Instance);
        foreach (var (_, child) in module.named_modules())
        {
            known.Add(child);
        }

        var parameters = new HashSet<object>(module.parameters(), ReferenceEqualityComparer.Instance);
        foreach (var (name, value) in Components(module))
        {
            switch (value)
            {
                case nn.Module child when !known.Contains(child):
                    findings.Add(new(ModuleCheckFindingKind.NotRegistered, name, $"a {child.GetType().Name} that is not a registered submodule: parameters(), state_dict() and to() do not see its weights. Assign it before RegisterComponents() (or call register_module), and keep collections in a ModuleList or ModuleDict."));
                    break;
                case Parameter parameter when !parameters.Contains(parameter):
                    findings.Add(new(ModuleCheckFindingKind.NotRegistered, name, "a Parameter that is not registered: the optimizer and state_dict() do not see it. Assign it before RegisterComponents() (or call register_parameter), and keep collections in a ParameterList or ParameterDict."));
                    break;
                case Tensor tensor and not Parameter when tensor.requires_grad && !parameters.Contains(tensor):
                    findings.Add(new(ModuleCheckFindingKind.NotRegistered, name, $"a tensor with requires_grad that is not a parameter ({(known.Contains(tensor) ? "it was registered as a buffer" : "it is not registered at all")}): parameters() and the optimizer never update it. Wrap it in a Parameter."));
                    break;
            }
        }
    }

    private static void CompareOutputs(Tensor first, Tensor second, List<ModuleCheckFinding> findings)
    {
        var same = first.shape.SequenceEqual(second.shape) && first.dtype == second.dtype && first.eq(second).all().item<bool>();
        if (!same)
        {
            findings.Add(new(ModuleCheckFindingKind.OutputChangesInEval, "output", "two calls in eval() mode on the same input gave different outputs: something random or stateful is built per call (a dropout or batch norm made in forward ignores eval()). Create it once, in the constructor."));
        }
    }

    // With every registered parameter frozen, an output that still requires grad was computed from a
    // tensor the module trains without registering it: a parameter made per call, or one held elsewhere.
    private static void ProbeGradients(nn.Module<Tensor, Tensor> module, Tensor input, List<ModuleCheckFinding> findings)
    {
        if (input.requires_grad)
        {
            return;
        }

        var frozen = module.parameters().Where(parameter => parameter.requires_grad).ToList();
        foreach (var parameter in frozen)
        {
            parameter.requires_grad = false;
        }

        try
        {
            using var enableGrad = torch.enable_grad();
            if (module.call(input).requires_grad)
            {
                findings.Add(new(ModuleCheckFindingKind.UnregisteredGradTensorUsed, "output", "with every registered parameter frozen the output still requires grad: forward uses a trainable tensor the module never registered (a Parameter made per call, or one kept outside the module). Make it a registered field, created once."));
            }
        }
        finally
        {
            foreach (var parameter in frozen)
            {
                parameter.requires_grad = true;
            }
        }
    }

    private static void ProbeTo(nn.Module module, List<ModuleCheckFinding> findings)
    {
        var original = module.parameters().Select(parameter => parameter.dtype).FirstOrDefault(dtype => dtype is ScalarType.Float32 or ScalarType.Float64);
        if (original is not (ScalarType.Float32 or ScalarType.Float64))
        {
            return;
        }

        var target = original == ScalarType.Float32 ? ScalarType.Float64 : ScalarType.Float32;
        try
        {
            module.to(target);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.Runtime.InteropServices.ExternalException)
        {
            findings.Add(new(ModuleCheckFindingKind.ToFails, module.GetType().Name, $"to({target}) threw {error.GetType().Name}: {LibTorchErrors.Trim(error.Message)}"));
            return;
        }

        try
        {
            foreach (var (name, value) in Components(module))
            {
                if (value is Tensor { IsInvalid: false } tensor && tensor.is_floating_point() && tensor.dtype != target)
                {
                    findings.Add(new(ModuleCheckFindingKind.LeftBehindByTo, name, $"still {tensor.dtype} after to({target}): to() only converts registered parameters and buffers. Register it (a Parameter, or register_buffer)."));
                }
            }
        }
        finally
        {
            module.to(original);
        }
    }

    // The modules and tensors a module holds in its own instance fields and in collections there,
    // named by field (an item of a collection as field[index]).
    private static IEnumerable<(string Name, object Value)> Components(nn.Module module)
    {
        for (var type = module.GetType(); type is not null && type.Assembly != typeof(nn.Module).Assembly; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var name = field.Name.StartsWith('<') && field.Name.IndexOf('>') is > 1 and var end ? field.Name[1..end] : field.Name;
                foreach (var item in Items(name, field.GetValue(module)))
                {
                    yield return item;
                }
            }
        }
    }

    private static IEnumerable<(string Name, object Value)> Items(string name, object? value)
    {
        switch (value)
        {
            case nn.Module or Tensor:
                yield return (name, value);
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    foreach (var item in Items($"{name}[{entry.Key}]", entry.Value))
                    {
                        yield return item;
                    }
                }

                break;
            case ITuple tuple:
                for (var i = 0; i < tuple.Length; i++)
                {
                    foreach (var item in Items($"{name}.Item{i + 1}", tuple[i]))
                    {
                        yield return item;
                    }
                }

                break;
            case IEnumerable items and not string:
                var index = 0;
                foreach (var element in items)
                {
                    foreach (var item in Items($"{name}[{index}]", element))
                    {
                        yield return item;
                    }

                    index++;
                }

                break;
        }
    }

    private static string Describe(object value) => value is nn.Module ? value.GetType().Name : "tensor";
}
