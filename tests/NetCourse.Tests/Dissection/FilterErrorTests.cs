using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

public class FilterErrorTests
{
    [Theory]
    // filter, expected 0-based position, expected length, a word of the French reason
    [InlineData("tcp.port = 80", 9, 1, "==")]
    [InlineData("tcp.port == 80 &&", 17, 1, "trop tôt")]
    [InlineData("ip.ttl < 5 ||", 13, 1, "trop tôt")]
    [InlineData("(tcp", 0, 1, "parenthèse")]
    [InlineData("tcp)", 3, 1, "inattendu")]
    [InlineData("tcp.port in {80 1000}", 16, 4, "virgules")]
    [InlineData("tcp.port in {80,}", 16, 1, "inattendu")]
    [InlineData("tcp.port in {80", 12, 1, "jamais fermé")]
    [InlineData("ip.src == 127.1", 10, 5, "adresse IP")]
    [InlineData("ip.src == localhost", 10, 9, "noms d'hôte")]
    [InlineData("ip.dst == 127.0.0.2/33", 10, 12, "/33")]
    [InlineData("tcp.port == \"80\"", 12, 4, "guillemets")]
    [InlineData("tcp.port < 1000.5", 11, 6, "entier")]
    [InlineData("tcp.port == abc", 12, 3, "entier")]
    [InlineData("TCP", 0, 3, "minuscules")]
    [InlineData("\"abc\" contains \"b\"", 0, 5, "champ")]
    [InlineData("80 == tcp.port", 0, 2, "ni un champ")]
    [InlineData("dns.qry.name == \"abc", 16, 4, "jamais fermée")]
    [InlineData("tcp.port | 80", 9, 1, "||")]
    [InlineData("tcp.port == 80 $", 15, 1, "$")]
    [InlineData("eth[x] == 1", 4, 1, "tranche")]
    [InlineData("eth[0 == 1", 3, 1, "crochet")]
    [InlineData("eth[3-1] == 1", 4, 3, "fin est avant")]
    [InlineData("tcp.flags & zz", 12, 2, "masque")]
    [InlineData("eth.src == 00:11", 11, 5, "Ethernet")]
    [InlineData("ip.ttl contains 5", 16, 1, "contains")]
    [InlineData("tcp.flags.syn == maybe", 17, 5, "0 ou 1")]
    [InlineData("tcp ==", 6, 1, "trop tôt")]
    [InlineData("tcp.port in 80", 12, 2, "{")]
    [InlineData("dns.qry.name matches \"[\"", 21, 3, "expression régulière")]
    [InlineData("tcp.port matches \"80\"", 0, 8, "matches")]
    [InlineData("dns.qry.name matches", 20, 1, "trop tôt")]
    public void A_bad_filter_points_at_the_offending_character(string filter, int position, int length, string reasonPart)
    {
        var e = Assert.Throws<DisplayFilterException>(() => DisplayFilter.Parse(filter));

        Assert.Equal(position, e.Position);
        Assert.Equal(length, e.Length);
        Assert.Contains(reasonPart, e.Reason);
        Assert.Equal(filter, e.Filter);
        // The message has the reason, the filter and a caret line under the faulty part.
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.Contains($"colonne {position + 1}", lines[0]);
        Assert.Equal("    " + filter, lines[1]);
        Assert.Equal("    " + new string(' ', position) + "^" + new string('~', length - 1), lines[2]);
        Assert.Equal(e.CaretLine, lines[2][4..]);
    }

    [Theory]
    [InlineData("ip.scr == 127.0.0.1", 0, 6, "ip.src")]
    [InlineData("tcp && udpp", 7, 4, "udp")]
    [InlineData("tcp.prot == 80", 0, 8, "tcp.port")]
    [InlineData("tcp.flags.synn == 1", 0, 14, "tcp.flags.syn")]
    public void A_strict_filter_reports_unknown_names_with_a_suggestion(string filter, int position, int length, string suggestion)
    {
        var e = Assert.Throws<DisplayFilterException>(() => DisplayFilter.Parse(filter, strict: true));
        Assert.Equal(position, e.Position);
        Assert.Equal(length, e.Length);
        Assert.Contains($"« {suggestion} »", e.Reason);
        Assert.Contains("ni un champ ni un protocole connu", e.Reason);
        Assert.NotNull(DisplayFilter.Parse(filter)); // lenient reading accepts the same text
        Assert.False(DisplayFilter.TryParse(filter, strict: true, out _, out var error));
        Assert.Equal(e.Message, error.Message);
    }

    [Fact]
    public void A_strict_filter_knows_every_name_the_course_uses()
    {
        var e = Assert.Throws<DisplayFilterException>(() => DisplayFilter.Parse("zzzzzzzz", strict: true));
        Assert.DoesNotContain("vouliez-vous", e.Reason);
        foreach (var rule in ColoringRules.Embedded.Rules)
            Assert.True(DisplayFilter.TryParse(rule.FilterText, strict: true, out _, out var error), error?.Message);
        foreach (var field in FilterTsharkCapture.Fields)
            Assert.Contains(field, DisplayFilter.KnownNames);
        // Every name the course dissector writes is known (read from a real packet of every data/ capture).
        foreach (var file in TestPaths.Captures("*.pcap"))
            foreach (var packet in CaptureFileDissector.Read(file))
            {
                foreach (var layer in packet.Layers) Assert.Contains(layer.Protocol, DisplayFilter.KnownNames);
                foreach (var field in packet.AllFields) Assert.Contains(field.Name, DisplayFilter.KnownNames);
            }
    }

    [Fact]
    public void Mutated_valid_filters_never_throw_anything_but_a_filter_exception()
    {
        var random = new Random(4242);
        var seeds = ColoringRules.Embedded.Rules.Select(r => r.FilterText).Concat(
        [
            "dns.qry.name matches \"^cours\\\\.\" && eth[0:3] == 01:00:5e", "ip.src == ip.dst || tcp.port in {80, 1000..2000}",
            "frame contains \"GET\" and not (udp.port != 53)", "tcp.flags & 0x12 == 0x12", "ipv6.addr == ::1/128",
        ]).ToArray();
        const string Noise = "()[]{}!=<>&|\"\\.:,0x19 aft";
        var packet = FilterTestPacket.Tcp("127.0.0.1", "127.0.0.2", 1, 2, 0x12);
        for (var i = 0; i < 20000; i++)
        {
            var chars = seeds[random.Next(seeds.Length)].ToList();
            for (var k = random.Next(1, 4); k > 0 && chars.Count > 0; k--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Noise[random.Next(Noise.Length)]); break;
                    default: chars[at] = Noise[random.Next(Noise.Length)]; break;
                }
            }
            var text = new string(chars.ToArray());
            foreach (var strict in new[] { false, true })
            {
                try
                {
                    DisplayFilter.Parse(text, strict).Matches(packet);
                }
                catch (DisplayFilterException e)
                {
                    Assert.InRange(e.Position, 0, text.Length);
                }
            }
        }
    }

    [Fact]
    public void TryParse_reports_without_throwing()
    {
        Assert.False(DisplayFilter.TryParse("tcp.port ==", out var filter, out var error));
        Assert.Null(filter);
        Assert.NotNull(error);
        Assert.StartsWith("Filtre d'affichage invalide", error.Message);
        Assert.False(DisplayFilter.TryParse(null, out _));
        Assert.True(DisplayFilter.TryParse("tcp.port == 80", out var ok));
        Assert.Equal("tcp.port == 80", ok.Text);
    }

    [Fact]
    public void Random_input_never_throws_anything_but_a_filter_exception()
    {
        var random = new Random(12345);
        const string Alphabet = "tcp.ipaddr =!<>&|(){}[],.:0123456789x\"~ andornotincontamtches-/\\^$*+?";
        for (var i = 0; i < 20000; i++)
        {
            var chars = new char[random.Next(0, 30)];
            for (var k = 0; k < chars.Length; k++) chars[k] = Alphabet[random.Next(Alphabet.Length)];
            var text = new string(chars);
            try
            {
                var f = DisplayFilter.Parse(text);
                f.Matches(FilterTestPacket.Tcp("127.0.0.1", "127.0.0.2", 1, 2, 0x12));
            }
            catch (DisplayFilterException e)
            {
                Assert.InRange(e.Position, 0, text.Length);
            }
        }
    }
}
