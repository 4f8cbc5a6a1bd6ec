using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

[Collection(SerialCollection.Name)]
public class SteppedServerTests
{
    [Fact]
    public async Task One_exchange_records_the_four_server_steps_and_the_three_client_steps_in_order()
    {
        var recorder = new StepRecorder();
        await using (var server = await SteppedServer.StartAsync(recorder))
        {
            var run = await SteppedClient.RunAsync(server.EndPoint, "client 1", "bonjour", recorder, TimeSpan.FromSeconds(5));
            Assert.True(run.Succeeded, run.Error);
            Assert.Equal("reçu : bonjour", run.Reply);
            Assert.True(await recorder.WaitForServerClosesAsync(1, TimeSpan.FromSeconds(3)));
        }
        var serverSteps = recorder.StepsOf(SteppedServer.Actor).Select(s => s.Step).Distinct().ToArray();
        Assert.Equal(["1. attendre", "2. accepter", "3. échanger", "4. fermer"], serverSteps);
        var clientSteps = recorder.StepsOf("client 1").Select(s => s.Step).Distinct().ToArray();
        Assert.Equal(["1. se connecter", "2. échanger", "3. fermer"], clientSteps);
        var steps = recorder.Steps;
        Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First.AtMs <= p.Second.AtMs));
        var accept = steps.First(s => s.Step == "2. accepter").AtMs;
        var connectRequest = steps.First(s => s.Actor == "client 1").AtMs;
        Assert.True(connectRequest <= accept);
    }

    [Fact]
    public async Task A_silent_client_is_dropped_after_the_read_timeout_and_the_server_goes_on()
    {
        var recorder = new StepRecorder();
        await using var server = await SteppedServer.StartAsync(recorder, readTimeout: TimeSpan.FromMilliseconds(300));
        using var silent = new TcpClient();
        await silent.ConnectAsync(server.EndPoint);
        var watch = Stopwatch.StartNew();
        // The silent client sees the server close its side (read returns 0) within the bound.
        var buffer = new byte[16];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var n = await silent.GetStream().ReadAsync(buffer, cts.Token);
        Assert.Equal(0, n);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.2, 2.5);
        Assert.Contains(recorder.Steps, s => s.Detail.Contains("client muet", StringComparison.Ordinal));

        var next = await SteppedClient.RunAsync(server.EndPoint, "client 2", "toujours là ?", recorder, TimeSpan.FromSeconds(5));
        Assert.True(next.Succeeded, next.Error);
    }

    [Fact]
    public async Task A_client_that_vanishes_mid_exchange_is_noted_and_the_server_goes_on()
    {
        var recorder = new StepRecorder();
        await using var server = await SteppedServer.StartAsync(recorder, readTimeout: TimeSpan.FromSeconds(5));
        using (var vanishing = new TcpClient())
        {
            await vanishing.ConnectAsync(server.EndPoint);
            await vanishing.GetStream().WriteAsync(Encoding.UTF8.GetBytes("moitié de lig"));
            vanishing.Client.LingerState = new LingerOption(true, 0); // close with a RST, like a crashed client
        }
        var watch = Stopwatch.StartNew();
        while (!recorder.Steps.Any(s => s.Detail.Contains("parti", StringComparison.Ordinal) || s.Detail.Contains("disparu", StringComparison.Ordinal))
               && watch.Elapsed < TimeSpan.FromSeconds(3))
            await Task.Delay(10);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), "le serveur n'a pas vu partir le client");
        var next = await SteppedClient.RunAsync(server.EndPoint, "client 2", "encore", recorder, TimeSpan.FromSeconds(5));
        Assert.Equal("reçu : encore", next.Reply);
    }

    [Fact]
    public async Task A_silent_server_makes_the_client_give_up_at_its_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var recorder = new StepRecorder();
        var watch = Stopwatch.StartNew();
        var run = await SteppedClient.RunAsync((IPEndPoint)silent.LocalEndpoint, "client 1", "allô ?", recorder, TimeSpan.FromMilliseconds(400));
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.35, 3);
        Assert.False(run.Succeeded);
        Assert.Contains("pas de réponse", run.Error, StringComparison.Ordinal);
        Assert.Equal("3. fermer", recorder.Steps[^1].Step);
    }

    [Fact]
    public async Task A_server_that_vanishes_mid_exchange_gives_a_clear_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var rude = Task.Run(async () =>
        {
            using var peer = await listener.AcceptTcpClientAsync();
            var one = new byte[1];
            await peer.GetStream().ReadExactlyAsync(one);
            peer.Client.LingerState = new LingerOption(true, 0);
        });
        var run = await SteppedClient.RunAsync((IPEndPoint)listener.LocalEndpoint, "client 1", "allô ?", new StepRecorder(), TimeSpan.FromSeconds(3));
        await rude.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.False(run.Succeeded);
        Assert.True(run.TotalMs < 2500, $"{run.TotalMs} ms");
        Assert.Matches("disparu|fermé", run.Error!);
    }

    [Fact]
    public async Task Nobody_listening_gives_connection_refused_quickly()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var run = await SteppedClient.RunAsync(new IPEndPoint(IPAddress.Loopback, port), "client 1", "x", new StepRecorder(), TimeSpan.FromSeconds(3));
        Assert.Contains("connexion refusée", run.Error, StringComparison.Ordinal);
        Assert.True(run.TotalMs < 1000);
    }

    [Fact]
    public async Task Targets_outside_loopback_and_lab_are_refused()
    {
        var run = await SteppedClient.RunAsync(new IPEndPoint(IPAddress.Parse("203.0.113.80"), 80), "client 1", "x", new StepRecorder());
        Assert.Contains("refusé", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_frees_the_port_and_ends_a_pending_exchange()
    {
        var recorder = new StepRecorder();
        var server = await SteppedServer.StartAsync(recorder, readTimeout: TimeSpan.FromSeconds(30));
        var port = server.EndPoint.Port;
        using var silent = new TcpClient();
        await silent.ConnectAsync(server.EndPoint);
        await Task.Delay(100);
        var watch = Stopwatch.StartNew();
        await server.DisposeAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4));
        await using var again = await SteppedServer.StartAsync(recorder, port: port);
        Assert.Equal(port, again.EndPoint.Port);
    }
}
