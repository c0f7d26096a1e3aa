using System.Collections.Generic;

namespace Parity.Tools.AnalyzerSurvey;

/// <summary>What the survey found in one folder of source code.</summary>
/// <param name="Folder">The folder, as given on the command line.</param>
/// <param name="SourceFiles">How many <c>.cs</c> files were compiled.</param>
/// <param name="ModuleClasses">How many classes derive from TorchSharp's <c>torch.nn.Module</c>.</param>
/// <param name="CompilerErrors">
/// How many compiler errors the compilation has: surveyed code targets other TorchSharp versions and may need
/// packages the survey does not reference, so errors are expected; a rule still sees every symbol that binds.
/// </param>
/// <param name="CommonErrors">The most frequent compiler error ids with their counts, most frequent first.</param>
/// <param name="Findings">Every Parity diagnostic, and every analyzer failure (AD0001), in file and line order.</param>
internal sealed record FolderReport(string Folder, int SourceFiles, int ModuleClasses, int CompilerErrors, IReadOnlyList<ErrorCount> CommonErrors, IReadOnlyList<Finding> Findings);

/// <summary>One diagnostic reported by a Parity analyzer.</summary>
/// <param name="Id">The rule id, e.g. <c>PAR3001</c>.</param>
/// <param name="File">The file, relative to the surveyed folder.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Message">The diagnostic's message.</param>
internal sealed record Finding(string Id, string File, int Line, string Message);

/// <summary>How often one compiler error occurs in a folder.</summary>
/// <param name="Id">The compiler's id, e.g. <c>CS0246</c>.</param>
/// <param name="Count">How many times it occurs.</param>
internal sealed record ErrorCount(string Id, int Count);
