namespace Parity.Randomness;

/// <summary>How a <see cref="DeterministicRandomTestTool"/> chooses the operation seed of each random op.</summary>
public enum DeterministicRandomMode
{
    /// <summary>
    /// Every random op uses the tool's current <see cref="DeterministicRandomTestTool.OperationSeed"/>
    /// and nothing increments: same-shape draws are identical, and a smaller draw is a prefix of a
    /// larger one.
    /// </summary>
    Constant,

    /// <summary>
    /// The operation seed is the number of random ops observed so far (0, 1, 2, ...), so draws depend
    /// on program order; reusing a seed is an error.
    /// </summary>
    NumRandomOps,
}
