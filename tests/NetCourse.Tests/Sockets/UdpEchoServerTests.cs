using System.Net;
using System.Net.Sockets;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

public class UdpEchoServerTests
{
    [Fact]
    public async Task Every_datagram_comes_back_to_its_sender()
    {
        await using var server = await UdpEchoServer.StartAsync(0);
        using var a = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var b = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var bound = new CancellationTokenSource(5000);
        for (var i = 0; i < 50; i++)
        {
            var message = BitConverter.GetBytes(i);
            await a.SendAsync(message, server.EndPoint, bound.Token);
            var longer = message.Append((byte)0xFF).ToArray();
            await b.SendAsync(longer, server.EndPoint, bound.Token);
            Assert.Equal(message, (await a.ReceiveAsync(bound.Token)).Buffer);
            Assert.Equal(longer, (await b.ReceiveAsync(bound.Token)).Buffer);
        }
        Assert.Equal(100, server.Datagrams);
    }

    [Fact]
    public async Task A_vanished_sender_does_not_stop_the_server()
    {
        await using var server = await UdpEchoServer.StartAsync(0);
        using (var gone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
            await gone.SendAsync(new byte[10], server.EndPoint);
        using var next = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var bound = new CancellationTokenSource(5000);
        await Task.Delay(100);
        await next.SendAsync(new byte[] { 42 }, server.EndPoint, bound.Token);
        Assert.Equal(new byte[] { 42 }, (await next.ReceiveAsync(bound.Token)).Buffer);
    }
}
