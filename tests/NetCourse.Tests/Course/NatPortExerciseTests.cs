using NetCourse.Course;
using NetCourse.Dissection;

namespace NetCourse.Tests.Course;

public class NatPortExerciseTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nc-progress-{Guid.NewGuid():N}.json");

    public void Dispose()
    {
        File.Delete(_file);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void The_answer_is_the_port_the_box_chose_read_from_the_internet_side_capture()
    {
        var nat = NatRewriteView.Recorded();
        var sent = Assert.Single(nat.Crossings, c => c.Outgoing);
        var boxPort = sent.Internet.FieldText("udp.srcport");
        var engine = new ExerciseEngine(new ProgressStore(_file));
        // The PC's own port is the typical mistake: refused, with the reason.
        var wrong = engine.Check("ch3.nat-port", sent.Home.FieldText("udp.srcport"), nat);
        Assert.False(wrong.Passed);
        Assert.Contains("côté maison", wrong.Feedback, StringComparison.Ordinal);
        Assert.True(engine.Check("ch3.nat-port", boxPort, nat).Passed, boxPort);
        Assert.True(engine.Check("ch3.nat-port", $"le port {boxPort}", nat).Passed);
    }

    [Fact]
    public void Without_the_captures_view_the_engine_asks_for_it()
    {
        var verdict = new ExerciseEngine(new ProgressStore(_file)).Check("ch3.nat-port", "62000");
        Assert.False(verdict.Passed);
        Assert.Contains("nat", verdict.Feedback, StringComparison.Ordinal);
    }
}
