using System;
using System.Linq;
using Parity.Analyzers.Core;

namespace Parity.Analyzers.Tests.Core;

/// <summary>
/// <see cref="IdentifierSpelling.MayHideNames"/> reads text a vector at a time and looks closely only where a
/// vector holds a character outside ASCII; wherever the character falls (inside a vector, at its edges, in the
/// tail after the last whole vector), the answer must be the one reading every character gives.
/// </summary>
[TestFixture]
public sealed class IdentifierSpellingTests
{
    [TestCase('\u00AD', true, TestName = "soft hyphen (Cf) hides a name")]
    [TestCase('\u200D', true, TestName = "zero-width joiner (Cf) hides a name")]
    [TestCase('\uFEFF', true, TestName = "zero-width no-break space (Cf) hides a name")]
    [TestCase('\u00E9', false, TestName = "letter outside ASCII hides nothing")]
    [TestCase('\u2014', false, TestName = "dash outside ASCII hides nothing")]
    [TestCase('\u0080', false, TestName = "first character outside ASCII hides nothing")]
    public void OneCharacterAtEveryPosition_IsFound(char character, bool hides)
    {
        for (var length = 1; length <= 80; length++)
        {
            for (var at = 0; at < length; at++)
            {
                var text = new string('a', at) + character + new string('b', length - at - 1);
                Assert.That(IdentifierSpelling.MayHideNames(text.AsSpan()), Is.EqualTo(hides), $"length {length}, at {at}");
            }
        }
    }

    [Test]
    public void PlainAsciiAndEscapes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(IdentifierSpelling.MayHideNames(string.Empty.AsSpan()), Is.False);
            Assert.That(IdentifierSpelling.MayHideNames(string.Concat(Enumerable.Repeat("var dense = x; ", 20)).AsSpan()), Is.False);
            Assert.That(IdentifierSpelling.MayHideNames(@"var d\u0065nse = 1;".AsSpan()), Is.True);
            Assert.That(IdentifierSpelling.MayHideNames(@"var d\U00000065nse = 1;".AsSpan()), Is.True);
        });
    }
}
