using System;
using System.Linq;
using System.Reflection;
using Parity.Compat;

namespace Parity.Tests.Contract;

/// <summary>The analyzers recognise the runtime only by these markers (docs/architecture.md's table).</summary>
public class MarkerAttributeTests
{
    private static MethodInfo[] Methods(Type type, string name) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == name).ToArray();

    [TestCase(nameof(Layers.Dense))]
    [TestCase(nameof(Layers.Conv2d))]
    [TestCase(nameof(Layers.BatchNormalization))]
    public void CompatLayersWithVariables_AreScopedLayersThatNeedAStore(string layer)
    {
        var method = Methods(typeof(Layers), layer).Single();

        Assert.That(method.GetCustomAttribute<ScopedLayerAttribute>()?.NameParameter, Is.EqualTo("name"));
        Assert.That(method.GetParameters().Select(p => p.Name), Does.Contain("name"));
        Assert.That(method.IsDefined(typeof(RequiresVariableStoreAttribute)), Is.True);
    }

    [TestCase(nameof(Layers.Dropout))]
    [TestCase(nameof(Layers.Flatten))]
    [TestCase(nameof(Layers.MaxPooling2d))]
    [TestCase(nameof(Layers.AveragePooling2d))]
    public void CompatLayersWithoutVariables_WorkAnywhere(string layer)
    {
        var method = Methods(typeof(Layers), layer).Single();

        Assert.That(method.IsDefined(typeof(ScopedLayerAttribute)), Is.False);
        Assert.That(method.IsDefined(typeof(RequiresVariableStoreAttribute)), Is.False);
    }

    [Test]
    public void TheStoreApis_CarryTheirMarkers()
    {
        var scope = Methods(typeof(VariableScopes), nameof(VariableScopes.VariableScope)).Single();
        var template = Methods(typeof(VariableScopes), nameof(VariableScopes.MakeTemplate)).Single();
        var layer = Methods(typeof(VariableScopes), nameof(VariableScopes.GetOrCreateLayer)).Single();

        Assert.That(scope.GetCustomAttribute<OpensVariableScopeAttribute>()?.NameParameter, Is.EqualTo("name"));
        Assert.That(template.IsDefined(typeof(CreatesTemplateAttribute)), Is.True);
        Assert.That(layer.GetParameters()[1].IsDefined(typeof(CreateOnceAttribute)), Is.True);
        foreach (var name in new[] { "VariableScope", "GetVariable", "GetOrCreateLayer", "MakeTemplate", "RecordScope" })
        {
            Assert.That(Methods(typeof(VariableScopes), name).Single().IsDefined(typeof(RequiresVariableStoreAttribute)), Is.True, name);
        }
    }

    [Test]
    public void VariableConstructors_CreateVariables()
    {
        Assert.That(typeof(Variable).GetConstructors(), Has.Length.EqualTo(2));
        Assert.That(typeof(Variable).GetConstructors().All(c => c.IsDefined(typeof(CreatesVariableAttribute))), Is.True);
    }

    [Test]
    public void EveryModule_CreatesALayer_AndForwardIsAForwardPass()
    {
        var forward = typeof(Module<,>).GetMethod("Forward", BindingFlags.Instance | BindingFlags.NonPublic)!;

        Assert.That(typeof(Nn.Conv2D).IsDefined(typeof(CreatesLayerAttribute), inherit: true), Is.True);
        Assert.That(typeof(CompatLayer).IsDefined(typeof(CreatesLayerAttribute), inherit: true), Is.True);
        Assert.That(forward.IsDefined(typeof(ForwardPassAttribute)), Is.True);
    }

    [Test]
    public void EveryModule_RegistersItsOwnComponents_SoTheTorchSharpRegistrationRulesSkipIt()
    {
        Assert.That(typeof(Nn.Conv2D).IsDefined(typeof(RegistersComponentsAttribute), inherit: true), Is.True);
        Assert.That(typeof(CompatLayer).IsDefined(typeof(RegistersComponentsAttribute), inherit: true), Is.True);
    }
}
