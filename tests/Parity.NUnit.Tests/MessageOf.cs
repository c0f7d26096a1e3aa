using NUnit.Framework.Internal;
using NUnit.Framework.Constraints;

namespace Parity.NUnit.Tests;

/// <summary>Renders a constraint result's failure message the way NUnit shows it.</summary>
internal static class MessageOf
{
    public static string Result(ConstraintResult result)
    {
        var writer = new TextMessageWriter();
        result.WriteMessageTo(writer);
        return writer.ToString();
    }
}
