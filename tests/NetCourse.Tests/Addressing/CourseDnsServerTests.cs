using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCourse.Addressing;

namespace NetCourse.Tests.Addressing;

public class CourseDnsServerTests
{
    [Fact]
    public async Task Answers_the_course_names_over_real_udp()
    {
        await using var server = await CourseDnsServer.StartAsync();
        var a = await DnsClient.QueryAsync(server.EndPoint, "serveur.netcourse.test", timeout: TimeSpan.FromSeconds(2));
        Assert.Null(a.Error);
        Assert.Equal("NOERROR", a.Status);
        Assert.Equal(["127.0.0.10"], a.Addresses);
        Assert.True(a.Response!.Authoritative);

        var aaaa = await DnsClient.QueryAsync(server.EndPoint, "WEB.netcourse.test.", DnsRecordType.AAAA, TimeSpan.FromSeconds(2));
        Assert.Equal(["::1"], aaaa.Addresses);

        var nodata = await DnsClient.QueryAsync(server.EndPoint, "serveur.netcourse.test", DnsRecordType.AAAA, TimeSpan.FromSeconds(2));
        Assert.Equal("NOERROR", nodata.Status);
        Assert.Empty(nodata.Addresses);
        Assert.True(server.Answered >= 3);
    }

    [Fact]
    public async Task Unknown_names_get_nxdomain_and_foreign_names_refused()
    {
        await using var server = await CourseDnsServer.StartAsync();
        var unknown = await DnsClient.QueryAsync(server.EndPoint, "inconnu.netcourse.test", timeout: TimeSpan.FromSeconds(2));
        Assert.Equal("NXDOMAIN", unknown.Status);
        Assert.Contains("n'existe pas", unknown.Summary, StringComparison.Ordinal);
        var foreign = await DnsClient.QueryAsync(server.EndPoint, "ailleurs.invalid", timeout: TimeSpan.FromSeconds(2));
        Assert.Equal("REFUSED", foreign.Status);
    }

    [Fact]
    public async Task Malformed_datagrams_get_formerr_or_are_dropped_and_the_server_keeps_serving()
    {
        await using var server = await CourseDnsServer.StartAsync();
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        udp.Connect(server.EndPoint);
        // Truncated question: header says 1 question, then a label of 5 bytes with only 1 present.
        await udp.SendAsync(new byte[] { 0x42, 0x43, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 5, (byte)'a' });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var reply = await udp.ReceiveAsync(cts.Token);
        var parsed = DnsMessage.Parse(reply.Buffer);
        Assert.Equal(0x4243, parsed.Id);
        Assert.Equal(DnsResponseCode.FormatError, parsed.ResponseCode);

        // Too short to even have an id: dropped, and the server still answers afterwards.
        await udp.SendAsync(new byte[] { 1, 2, 3 });
        var deadline = Stopwatch.StartNew();
        while (server.Dropped == 0 && deadline.Elapsed < TimeSpan.FromSeconds(2))
            await Task.Delay(20);
        Assert.Equal(1, server.Dropped);
        var after = await DnsClient.QueryAsync(server.EndPoint, "chat.netcourse.test", timeout: TimeSpan.FromSeconds(2));
        Assert.Equal(["127.0.0.30"], after.Addresses);
    }

    [Fact]
    public async Task A_client_that_vanishes_before_the_answer_does_not_stop_the_server()
    {
        await using var server = await CourseDnsServer.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            // Send a query and close at once: the answer goes to a closed port (ICMP port unreachable comes back).
            using var gone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            gone.Connect(server.EndPoint);
            gone.Send(DnsMessage.Query((ushort)i, "serveur.netcourse.test").ToBytes());
        }
        var deadline = Stopwatch.StartNew();
        while (server.Answered < 20 && deadline.Elapsed < TimeSpan.FromSeconds(3))
            await Task.Delay(20);
        var after = await DnsClient.QueryAsync(server.EndPoint, "serveur.netcourse.test", timeout: TimeSpan.FromSeconds(2));
        Assert.Equal(["127.0.0.10"], after.Addresses);
    }

    [Fact]
    public async Task Answer_never_throws_on_random_bytes()
    {
        await using var server = await CourseDnsServer.StartAsync();
        var random = new Random(12345);
        for (var i = 0; i < 2000; i++)
        {
            var data = new byte[random.Next(0, 80)];
            random.NextBytes(data);
            var reply = server.Answer(data);
            if (reply is not null)
                Assert.True(DnsMessage.Parse(reply).IsResponse);
        }
    }

    [Fact]
    public async Task Client_gives_up_after_its_timeout_when_the_server_is_silent()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var watch = Stopwatch.StartNew();
        var result = await DnsClient.QueryAsync((IPEndPoint)silent.LocalEndPoint!, "serveur.netcourse.test", timeout: TimeSpan.FromMilliseconds(300));
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.25, 2);
        Assert.Null(result.Response);
        Assert.Contains("aucune réponse", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_refuses_servers_outside_loopback_and_lab()
    {
        var result = await DnsClient.QueryAsync(new IPEndPoint(IPAddress.Parse("203.0.113.53"), 53), "serveur.netcourse.test");
        Assert.Contains("refusé", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.QueryBytes);
    }

    [Fact]
    public async Task Stopping_frees_the_port()
    {
        var server = await CourseDnsServer.StartAsync();
        var port = server.EndPoint.Port;
        await server.DisposeAsync();
        await using var again = await CourseDnsServer.StartAsync(port);
        Assert.Equal(port, again.EndPoint.Port);
    }

    [Fact]
    public async Task Only_loopback_addresses_are_accepted_for_listening()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CourseDnsServer.StartAsync(0, null, IPAddress.Any));
    }
}
