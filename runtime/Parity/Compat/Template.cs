using System;

namespace Parity.Compat;

/// <summary>A function whose variables live in a scope captured on its first call and reused afterwards.</summary>
internal sealed class Template<TIn, TOut>(string baseName, Func<TIn, TOut> fn)
{
    private string? capturedScope;

    public TOut Invoke(TIn input)
    {
        var (_, scopes) = CallFrame.RequireStore($"The template '{baseName}'");
        var frame = capturedScope is { } captured
            ? scopes.OpenAbsolute(captured, Reuse.True)
            : scopes.Open(scopes.UniqueName(baseName), Reuse.Inherit, null, null);
        capturedScope ??= frame.Name;
        try
        {
            return fn(input);
        }
        finally
        {
            scopes.Close(frame);
        }
    }
}
