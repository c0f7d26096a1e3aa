namespace Parity.NUnit;

/// <summary>Constraints about what code creates: <c>Assert.That(() =&gt; model.Call(x), Creates.NoVariables)</c>.</summary>
public static class Creates
{
    /// <summary>A constraint that running the actual delegate creates no variable.</summary>
    public static NoVariableCreationConstraint NoVariables => new();
}
