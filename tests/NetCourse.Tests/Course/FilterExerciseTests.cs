using NetCourse.Capture;
using NetCourse.Course;
using NetCourse.Dissection;

namespace NetCourse.Tests.Course;

/// <summary>
/// Chapter 6's display-filter exercise is a code exercise: the filter is run on real packets (the student's own, or the
/// recorded capture when none is passed), judged by what it keeps, and the verdict says frame by frame what it kept,
/// missed and kept wrongly. Bad filters get a French message, never an exception.
/// </summary>
public class FilterExerciseTests
{
    private const string Id = "ch6.filtre-donnees";
    private static readonly IReadOnlyList<DissectedPacket> Handshake = CourseData.Load("06-tcp-handshake.pcap").Dissect();

    private static ExerciseEngine NewEngine(bool solutions = false) =>
        new(new ProgressStore(Path.Combine(Path.GetTempPath(), $"nc-progress-{Guid.NewGuid():N}.json")), solutions);

    [Fact]
    public void It_is_recorded_as_code_and_the_starting_filter_is_not_a_try()
    {
        var engine = NewEngine();
        Assert.Equal(ExerciseKind.Code, ExerciseRegistry.Find(Id)!.Kind);

        var start = engine.CheckFilter(Id, "???", Handshake);

        Assert.Equal(VerdictState.NotAnswered, start.State);
        Assert.Contains("???", start.Feedback, StringComparison.Ordinal);
        var entry = engine.Store.Get(Id)!;
        Assert.Equal("code", entry.Kind); // what the book's summary.json reports
        Assert.False(entry.Passed);
        Assert.Equal(0, entry.Tries);
    }

    [Fact]
    public void A_filter_too_broad_is_told_each_frame_it_kept_wrongly()
    {
        var verdict = NewEngine().CheckFilter(Id, "tcp.port == 12800", Handshake);

        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("garde 10 paquet(s) sur 10", verdict.Feedback, StringComparison.Ordinal);
        Assert.Contains("Gardés à tort : n° 1 (", verdict.Feedback, StringComparison.Ordinal);
        Assert.Equal(8, verdict.Wire.Count(l => l.Contains("gardé à tort", StringComparison.Ordinal)));
        Assert.Equal(2, verdict.Wire.Count(l => l.Contains("— gardé ✔", StringComparison.Ordinal)));
        Assert.NotNull(verdict.Hint);
    }

    [Fact]
    public void A_filter_too_narrow_is_told_the_frame_it_missed()
    {
        // Only the server's echo: the client's message is missed.
        var verdict = NewEngine().CheckFilter(Id, "tcp.len > 0 && tcp.srcport == 12800", Handshake);

        Assert.Equal(VerdictState.Wrong, verdict.State);
        var missed = Assert.Single(verdict.Wire, l => l.Contains("oublié", StringComparison.Ordinal));
        Assert.Contains("→ 12800", missed, StringComparison.Ordinal);
        Assert.Contains("Oubliés : n° ", verdict.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp.len >")]
    [InlineData("tcp.port = = 80")]
    [InlineData("tcp.len > 0 &&")]
    [InlineData("tcp.lenght > 0")]
    [InlineData("\"")]
    public void An_unreadable_filter_gets_a_french_message_and_no_exception(string filter)
    {
        var verdict = NewEngine().CheckFilter(Id, filter, Handshake);

        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("ne se lit pas", verdict.Feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", verdict.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_an_error_as_in_tshark()
    {
        var verdict = NewEngine().CheckFilter(Id, "tcp.lenght > 0", Handshake);

        Assert.Contains("« tcp.lenght » n'est ni un champ ni un protocole connu", verdict.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp.len > 0")]
    [InlineData("tcp.port == 12800 && tcp.len > 0")]
    [InlineData("(tcp.srcport == 12800 || tcp.dstport == 12800) && tcp.len > 0")]
    [InlineData("!(tcp.len == 0)")]
    [InlineData("  tcp.len >= 1  ")]
    public void The_solution_and_filters_that_keep_the_same_frames_pass(string filter)
    {
        var verdict = NewEngine().CheckFilter(Id, filter, Handshake);

        Assert.True(verdict.Passed, verdict.ToString());
        Assert.Equal(2, verdict.Wire.Count(l => l.Contains("— gardé ✔", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tcp_port_and_its_two_halves_keep_the_same_frames()
    {
        var port = DisplayFilterCheck.Check(Handshake, "tcp.port == 12800", FilterTarget.ApplicationData);
        var halves = DisplayFilterCheck.Check(Handshake, "tcp.srcport == 12800 || tcp.dstport == 12800", FilterTarget.ApplicationData);

        Assert.Equal(port.Kept.Select(p => p.Number), halves.Kept.Select(p => p.Number));
    }

    [Fact]
    public void The_filter_runs_on_the_students_own_packets_not_on_the_recorded_ones()
    {
        // Another capture (HTTP on port 80): a filter written for port 12800 is right on the recording, wrong here.
        var own = CourseData.Load("06-http.pcap").Dissect();
        var engine = NewEngine();

        var portBound = engine.CheckFilter(Id, "tcp.port == 12800 && tcp.len > 0", own);
        var general = engine.CheckFilter(Id, "tcp.len > 0", own);

        Assert.Equal(VerdictState.Wrong, portBound.State);
        Assert.Contains("garde 0 paquet(s) sur 20", portBound.Feedback, StringComparison.Ordinal);
        Assert.True(general.Passed, general.ToString());
        Assert.StartsWith("Filtre appliqué à vos paquets (20 paquets)", general.Wire[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_packets_worth_filtering_it_runs_on_the_recorded_capture_and_says_so()
    {
        var engine = NewEngine();

        var none = engine.CheckFilter(Id, "tcp.len > 0");
        var handshakeOnly = engine.CheckFilter(Id, "tcp.len > 0", Handshake.Take(3).ToList());

        Assert.True(none.Passed, none.ToString());
        Assert.Contains("data/06-tcp-handshake.pcap (aucun paquet passé", none.Wire[0], StringComparison.Ordinal);
        Assert.True(handshakeOnly.Passed, handshakeOnly.ToString());
        Assert.Contains("car vos paquets ne contiennent pas", handshakeOnly.Wire[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_calls_point_to_the_filter_call_and_the_book_applies_the_solution()
    {
        var engine = NewEngine();

        Assert.Contains("Exercices.VerifierFiltre", engine.Check(Id, "tcp.len > 0", Handshake).Feedback, StringComparison.Ordinal);
        Assert.Contains("Exercices.VerifierFiltre", (await engine.CheckCodeAsync(Id, (Func<int>)(() => 1))).Feedback, StringComparison.Ordinal);
        Assert.Contains("Exercices.Verifier(", engine.CheckFilter("ch1.lan-wan", "tcp", Handshake).Feedback, StringComparison.Ordinal);
        Assert.Equal("tcp.len > 0", engine.Solution(Id).Solution);
        Assert.True(NewEngine(solutions: true).CheckFilter(Id, "???", Handshake).Passed);
    }

    [SkippableFact]
    public async Task A_live_capture_of_the_chapters_exchange_is_filtered_as_captured()
    {
        Requires.Capture("capturer l'échange du chapitre 6 sur lo");
        var port = DemoExchange.ChoosePort(12800);
        await using var session = await CaptureSession.StartAsync("lo", $"tcp port {port}", "06-tcp-handshake.pcap",
            maxPackets: 100, timeout: TimeSpan.FromSeconds(20));
        Assert.True(session.IsLive);
        await DemoExchange.EchoAsync(port, "Bonjour serveur", TimeSpan.FromSeconds(10));
        var packets = (await session.StopAsync()).Dissect();

        var verdict = NewEngine().CheckFilter(Id, $"tcp.port == {port} && tcp.len > 0", packets);

        Assert.True(verdict.Passed, verdict.ToString());
        Assert.StartsWith($"Filtre appliqué à vos paquets ({packets.Count} paquets)", verdict.Wire[0], StringComparison.Ordinal);
    }
}
