using System;

namespace Parity;

/// <summary>
/// One link of the variable creator chain. It receives the creation request and the rest of the
/// chain; it may observe the request, reject it by throwing, rewrite it, or return a variable of its
/// own instead of calling <paramref name="next"/>.
/// </summary>
/// <param name="args">What is about to be created.</param>
/// <param name="next">The rest of the chain; calling it creates the variable (or passes on to the next creator).</param>
/// <returns>The variable that the creating code receives.</returns>
public delegate Variable VariableCreator(VariableCreationArgs args, Func<VariableCreationArgs, Variable> next);
