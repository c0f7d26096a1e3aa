using System.Linq;

namespace Parity.Analyzers.Package.Tests.Robustness;

/// <summary>The mutator's promises the robustness test relies on.</summary>
public sealed class SourceMutatorTests
{
    private const string Source = """
        namespace N;

        public sealed class M
        {
            public int Forward(int x)
            {
                var y = x + 1;
                return y * 2;
            }
        }
        """;

    [Test]
    public void The_same_seed_gives_the_same_mutation()
    {
        var first = SourceMutator.Mutate(Source, 7);
        var second = SourceMutator.Mutate(Source, 7);

        Assert.Multiple(() =>
        {
            Assert.That(second.Text, Is.EqualTo(first.Text));
            Assert.That(second.Operations, Is.EqualTo(first.Operations));
        });
    }

    [Test]
    public void Most_seeds_change_the_source_and_every_operation_is_used()
    {
        var mutations = Enumerable.Range(0, 200).Select(seed => SourceMutator.Mutate(Source, seed)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(mutations.Count(m => m.Text != Source), Is.GreaterThan(180));
            Assert.That(
                mutations.SelectMany(m => m.Operations).Distinct(),
                Is.EquivalentTo(new[] { "delete token", "cut line", "delete line", "unbalance braces", "swap identifiers" }));
        });
    }
}
