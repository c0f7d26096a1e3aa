using System.Collections.Generic;
using System.Linq;

namespace Parity.Tests.Support;

internal static class Names
{
    public static string[] Of(IEnumerable<Variable> variables) => variables.Select(v => v.Name).ToArray();
}
