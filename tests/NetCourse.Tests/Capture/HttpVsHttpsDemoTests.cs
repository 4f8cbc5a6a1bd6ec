using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Capture;
using NetCourse.Dissection;
using NetCourse.Dissection.Follow;
using NetCourse.Tests.Dissection;

namespace NetCourse.Tests.Capture;

/// <summary>The same form over HTTP and HTTPS on the loopback: readable in one, only the server's name in the other.</summary>
public class HttpVsHttpsDemoTests
{
    [SkippableFact]
    public async Task Live_the_form_is_readable_over_http_and_only_the_name_over_https()
    {
        Requires.Capture("capturer les deux connexions sur lo");
        await using var demo = await HttpVsHttpsDemo.StartAsync();
        var result = await demo.RunAsync("utilisateur=bob&mot_de_passe=chouette7", TimeSpan.FromSeconds(15));
        Assert.Contains("Capture en direct", result.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(demo.Http.Port, result.HttpStream!.Server.Port);
        Assert.Equal(demo.Https.Port, result.HttpsStream!.Server.Port);
        Assert.True(result.FormReadableOverHttp);
        Assert.False(result.FormReadableOverHttps);
        Assert.True(result.ServerNameReadableOverHttps);
        // Both sides closed cleanly: no reset in either conversation.
        Assert.DoesNotContain(result.Packets, p => p.FieldText("tcp.flags.reset") == "1");
        Assert.Contains("Formulaire de 38 octets : merci !", Encoding.UTF8.GetString(result.HttpStream.ServerBytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_capture_shows_the_same_thing()
    {
        var packets = CourseData.Load(HttpVsHttpsDemo.RecordedCapture).Dissect();
        var result = HttpVsHttpsDemo.Analyse(packets, 80, 443, HttpVsHttpsDemo.RecordedForm, "");
        Assert.True(result.FormReadableOverHttp);
        Assert.False(result.FormReadableOverHttps);
        Assert.True(result.ServerNameReadableOverHttps);
        Assert.Equal(1, result.HttpsStream!.Stream);
        var html = result.ToHtml();
        Assert.Contains("HTTPS — port 443", html, StringComparison.Ordinal);
        Assert.Contains("mot_de_passe=hibou42", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stranger_using_the_server_port_as_its_own_client_port_is_not_followed()
    {
        // Other loopback traffic can take the HTTP server's port number as its client port (seen in a full test run).
        // Its server answers to that port first; the demo must still follow the connection opened to the server.
        var frames = new List<byte[]>();
        void Add(ushort from, ushort to, uint seq, uint ack, bool syn, bool ackFlag, string data = "") =>
            frames.Add(Frames.EthernetTcp(Frames.Tcp(from, to, seq, ack, syn: syn, ackFlag: ackFlag, psh: data.Length > 0,
                payload: Encoding.ASCII.GetBytes(data))));
        Add(80, 5555, 10, 0, syn: true, ackFlag: false);       // the stranger: client port 80, server 5555
        Add(5555, 80, 70, 11, syn: true, ackFlag: true);       // its answer is the first packet *to* port 80
        Add(40000, 80, 100, 0, syn: true, ackFlag: false);     // the real client opens to the HTTP server
        Add(80, 40000, 900, 101, syn: true, ackFlag: true);
        Add(40000, 80, 101, 901, syn: false, ackFlag: true, HttpVsHttpsDemo.RecordedForm);
        var captured = frames.Select((bytes, i) => new CapturedFrame(1_795_000_000_000_000_000L + i * 1_000L, bytes.Length, bytes)).ToList();
        var packets = new PacketTrace(1, captured, "stranger").Dissect();

        var result = HttpVsHttpsDemo.Analyse(packets, 80, 443, HttpVsHttpsDemo.RecordedForm, "");

        Assert.Equal(80, result.HttpStream!.Server.Port);
        Assert.True(result.FormReadableOverHttp);
    }

    [Fact]
    public async Task Servers_refuse_nonsense_and_stop_when_disposed()
    {
        var demo = await HttpVsHttpsDemo.StartAsync();
        var port = demo.Https.Port;
        using (var plain = new TcpClient())
        {
            // Plain text to the TLS server: the handshake fails, the server closes that connection only.
            await plain.ConnectAsync(IPAddress.Loopback, port);
            var stream = plain.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n\r\n"));
            var buffer = new byte[64];
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var n = await stream.ReadAsync(buffer, wait.Token);
            Assert.True(n == 0 || buffer[0] == 0x15, "le serveur TLS doit fermer ou répondre par une alerte TLS");
        }
        await demo.DisposeAsync();
        using var late = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(IPAddress.Loopback, port));
    }
}
