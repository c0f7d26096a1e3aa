using System;
using System.Collections.Generic;

namespace Parity.Benchmarks.Analyzers;

/// <summary>
/// Writes a deterministic code base of model modules in the three styles the analyzers see: scoped-
/// variable code in tracked Parity modules, native Parity modules, and TorchSharp modules. About one
/// file in twenty carries a mistake the analyzers report, as a half-migrated code base does.
/// </summary>
internal static class ModuleCorpus
{
    /// <summary>Size of the corpus every analyzer benchmark compiles: about 100k lines.</summary>
    public const int StandardFileCount = 1000;

    private const int StandardSeed = 20240611;
    private const int MixHelpers = 4;

    /// <summary>The corpus every analyzer benchmark compiles.</summary>
    public static IReadOnlyList<GeneratedFile> Standard() => Generate(StandardFileCount, StandardSeed);

    private static IReadOnlyList<GeneratedFile> Generate(int fileCount, int seed)
    {
        var random = new Random(seed);
        var files = new List<GeneratedFile>(fileCount);
        for (var i = 0; i < fileCount; i++)
        {
            var blocks = random.Next(4, 8);
            var width = 16L << random.Next(0, 4);
            var flawed = random.Next(20) == 0;
            files.Add((i % 3) switch
            {
                0 => new GeneratedFile($"Compat/CompatModule{i}.cs", Compat(i, blocks, width, flawed)),
                1 => new GeneratedFile($"Native/NativeModule{i}.cs", Native(i, blocks, width, flawed)),
                _ => new GeneratedFile($"TorchStyle/TorchModule{i}.cs", TorchStyle(i, blocks, width, flawed)),
            });
        }

        return files;
    }

    private static string Compat(int index, int blocks, long width, bool flawed)
    {
        var code = new CodeWriter();
        code.Line("using System;");
        code.Line("using Parity;");
        code.Line("using Parity.Compat;");
        code.Line("using static Parity.Compat.VariableScopes;");
        code.Line("using static TorchSharp.torch;");
        code.Line();
        code.Line("namespace Generated.Compat;");
        code.Line();
        code.Open($"public sealed class CompatModule{index} : Module<Tensor, Tensor>");
        code.Line("private readonly long width;");
        code.Line("private readonly double scale;");
        code.Line();
        code.Open($"public CompatModule{index}(long width = {width}, double scale = 0.{index % 10 + 1})");
        code.Line("this.width = width;");
        code.Line("this.scale = scale;");
        code.Close();
        code.Line();
        code.Line("[TrackVariables]");
        code.Open("protected override Tensor Forward(Tensor input)");
        code.Line("var x = input;");
        if (flawed)
        {
            code.Line("x = Layers.Dense(x, width);");
        }

        code.Open($"using (VariableScope(\"module_{index}\"))");
        for (var b = 0; b < blocks; b++)
        {
            code.Open($"using (VariableScope(\"block_{b}\"))");
            code.Line("var a = Layers.Dense(x, width, activation: t => t.relu(), name: \"dense_a\");");
            code.Line("var g = Layers.Dense(x, width, name: \"gate\");");
            code.Line($"x = Mix{b % MixHelpers}(a, g, scale);");
            code.Close();
        }

        code.Line("var kernel = GetVariable(\"projection\", new long[] { width, width }, initializer: Initializers.GlorotUniform());");
        code.Line("return Layers.Dense(x.matmul(kernel.Value), width, name: \"out\");");
        code.Close();
        code.Close();
        Helpers(code, "double", "relu", "sigmoid");
        code.Close();
        return code.ToString();
    }

    private static string Native(int index, int blocks, long width, bool flawed)
    {
        var code = new CodeWriter();
        code.Line("using System;");
        code.Line("using Parity;");
        code.Line("using Parity.Nn;");
        code.Line("using static TorchSharp.torch;");
        code.Line();
        code.Line("namespace Generated.Native;");
        code.Line();
        code.Open($"public sealed class NativeModule{index} : Module<Tensor, Tensor>");
        for (var b = 0; b < blocks; b++)
        {
            code.Line($"private readonly Dense dense{b};");
        }

        code.Line("private readonly double scale;");
        code.Line("private Dense? head;");
        code.Line();
        code.Open($"public NativeModule{index}(long width = {width}, double scale = 0.{index % 10 + 1})");
        for (var b = 0; b < blocks; b++)
        {
            code.Line($"dense{b} = new Dense(width, activation: t => t.relu(), name: \"dense_{b}\");");
        }

        code.Line("this.scale = scale;");
        code.Close();
        code.Line();
        code.Open("protected override Tensor Forward(Tensor input)");
        code.Line("var x = input;");
        for (var b = 0; b < blocks; b++)
        {
            code.Line($"x = Mix{b % MixHelpers}(dense{b}.Call(x), x, scale);");
        }

        code.Line(flawed ? "var extra = new Dense(4, name: \"extra\");" : "head ??= new Dense(4, name: \"head\");");
        code.Line(flawed ? "return extra.Call(x);" : "return head.Call(x);");
        code.Close();
        Helpers(code, "double", "relu", "sigmoid");
        code.Close();
        return code.ToString();
    }

    private static string TorchStyle(int index, int blocks, long width, bool flawed)
    {
        var code = new CodeWriter();
        code.Line("using System;");
        code.Line("using TorchSharp;");
        code.Line("using TorchSharp.Modules;");
        code.Line("using static TorchSharp.torch;");
        code.Line();
        code.Line("namespace Generated.TorchStyle;");
        code.Line();
        code.Open($"public sealed class TorchModule{index} : nn.Module<Tensor, Tensor>");
        for (var b = 0; b < blocks; b++)
        {
            code.Line($"private readonly Linear fc{b};");
        }

        code.Line("private readonly Parameter scale;");
        code.Line();
        code.Open($"public TorchModule{index}(long width = {width}) : base(nameof(TorchModule{index}))");
        for (var b = 0; b < blocks; b++)
        {
            code.Line($"fc{b} = nn.Linear(width, width);");
        }

        code.Line("scale = nn.Parameter(ones(width));");
        code.Line("RegisterComponents();");
        code.Close();
        code.Line();
        code.Open("public override Tensor forward(Tensor input)");
        code.Line("var x = input;");
        for (var b = 0; b < blocks; b++)
        {
            code.Line($"x = Mix{b % MixHelpers}(fc{b}.forward(x), x, scale);");
        }

        if (flawed)
        {
            code.Line("var bias = nn.Parameter(zeros(4));");
            code.Line("x = x + bias;");
        }

        code.Line("return x;");
        code.Close();
        Helpers(code, "Tensor", "relu", "relu");
        code.Close();
        return code.ToString();
    }

    // Plain tensor arithmetic around the layers: most lines of a real model file are like these.
    private static void Helpers(CodeWriter code, string scaleType, string relu, string gate)
    {
        for (var h = 0; h < MixHelpers; h++)
        {
            code.Line();
            code.Open($"private static Tensor Mix{h}(Tensor a, Tensor b, {scaleType} scale)");
            code.Line("var sum = a + b;");
            code.Line($"var gated = sum.{gate}();");
            code.Open($"for (var step = 0; step < {h + 2}; step++)");
            code.Line($"gated = (gated * scale + a).{relu}();");
            code.Close();
            code.Line("return gated + b;");
            code.Close();
        }

        code.Line();
        code.Open("private static Tensor Clip(Tensor value, int depth)");
        code.Open("if (depth <= 0)");
        code.Line("return value;");
        code.Close();
        code.Line();
        code.Line($"return Clip(value.{relu}(), depth - 1);");
        code.Close();
    }
}
