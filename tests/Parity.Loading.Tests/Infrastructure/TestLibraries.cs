using System.IO;

namespace Parity.Loading.Tests.Infrastructure;

/// <summary>
/// Shared libraries built with g++ for the tests: a stand-in libstdc++ (soname libstdc++.so.6) whose
/// version script defines GLIBCXX_3.4.32, and three libraries linked against it, so each records a
/// GLIBCXX_3.4.32 need exactly as a GCC 13 build does, bound to the symbols it declares or calls.
/// </summary>
internal sealed class TestLibraries
{
    /// <summary>The symbol GCC 13's &lt;iostream&gt; declares; on the task's allow-list.</summary>
    public const string ListedSymbol = "_ZSt21ios_base_library_initv";

    /// <summary><c>parity_test::unlisted()</c>, on no allow-list.</summary>
    public const string UnlistedSymbol = "_ZN11parity_test8unlistedEv";

    private TestLibraries(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Defines GLIBCXX_3.4.32 (and both symbols under it), as GCC 13's libstdc++ does.</summary>
    public string LibStdCxx => Path.Combine(Directory, "libstdcxx", "libstdc++.so.6");

    /// <summary>TorchSharp's case: declares the listed symbol (<c>.globl</c>, no relocation), calls nothing.</summary>
    public string DeclaresListed => Path.Combine(Directory, "libdeclares-listed.so");

    /// <summary>Declares the listed symbol and an unlisted one, neither relocated.</summary>
    public string DeclaresUnlisted => Path.Combine(Directory, "libdeclares-unlisted.so");

    /// <summary>Calls the listed symbol, through a PLT relocation.</summary>
    public string CallsListed => Path.Combine(Directory, "libcalls-listed.so");

    /// <summary>Name of the function each library exports; it returns 42.</summary>
    public static string Probe => "parity_probe";

    public static TestLibraries Build(string directory)
    {
        var libraries = new TestLibraries(directory);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(libraries.LibStdCxx)!);
        var sources = Path.Combine(directory, "src");
        System.IO.Directory.CreateDirectory(sources);

        Write(sources, "libstdcxx.cpp", """
            namespace std { void ios_base_library_init() {} }
            namespace parity_test { void unlisted() {} }
            """);
        Write(sources, "libstdcxx.map", $"GLIBCXX_3.4.32 {{ global: {ListedSymbol}; {UnlistedSymbol}; local: *; }};");
        Link(sources, libraries.LibStdCxx, "libstdcxx.cpp", "-Wl,--version-script=libstdcxx.map", "-Wl,-soname,libstdc++.so.6");

        // `.globl` of a symbol the code never uses is what GCC 13's <iostream> emits: the linker binds
        // it to the version that defines it and records the need, with no relocation behind it.
        Write(sources, "declares-listed.s", $"""
                .globl {ListedSymbol}
                .text
                .globl {Probe}
            {Probe}:
                movl $42, %eax
                ret
            """);
        Link(sources, libraries.DeclaresListed, "declares-listed.s", libraries.LibStdCxx);

        Write(sources, "declares-unlisted.s", $"""
                .globl {ListedSymbol}
                .globl {UnlistedSymbol}
                .text
                .globl {Probe}
            {Probe}:
                movl $42, %eax
                ret
            """);
        Link(sources, libraries.DeclaresUnlisted, "declares-unlisted.s", libraries.LibStdCxx);

        Write(sources, "calls-listed.cpp", $$"""
            namespace std { void ios_base_library_init(); }
            extern "C" int {{Probe}}() { std::ios_base_library_init(); return 42; }
            """);
        Link(sources, libraries.CallsListed, "calls-listed.cpp", libraries.LibStdCxx);
        return libraries;
    }

    private static void Write(string directory, string name, string text) =>
        File.WriteAllText(Path.Combine(directory, name), text + "\n");

    // -nostdlib keeps the real libstdc++ (and its versions) out; --no-as-needed keeps the stand-in
    // recorded as needed however little the library uses it.
    private static void Link(string sources, string output, params string[] inputs) =>
        Command.Run("g++", sources, ["-shared", "-fPIC", "-nostdlib", "-o", output, "-Wl,--no-as-needed", .. inputs]).EnsureSuccess();
}
