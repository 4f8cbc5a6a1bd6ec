using System.Net;
using NetCourse.Addressing;

namespace NetCourse.Tests.Addressing;

public class DnsMessageTests
{
    [Fact]
    public void A_query_is_written_byte_for_byte_as_rfc_1035_says()
    {
        var bytes = DnsMessage.Query(0x1234, "serveur.netcourse.test").ToBytes();
        byte[] expected =
        [
            0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            7, (byte)'s', (byte)'e', (byte)'r', (byte)'v', (byte)'e', (byte)'u', (byte)'r',
            9, (byte)'n', (byte)'e', (byte)'t', (byte)'c', (byte)'o', (byte)'u', (byte)'r', (byte)'s', (byte)'e',
            4, (byte)'t', (byte)'e', (byte)'s', (byte)'t', 0,
            0x00, 0x01, 0x00, 0x01,
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void A_response_round_trips_through_parse()
    {
        var query = DnsMessage.Query(7, "web.netcourse.test.", DnsRecordType.AAAA);
        var response = DnsMessage.ResponseTo(query, DnsResponseCode.NoError,
            [DnsAnswer.ForAddress("web.netcourse.test", IPAddress.IPv6Loopback, 30)], authoritative: true);
        var parsed = DnsMessage.Parse(response.ToBytes());
        Assert.Equal(7, parsed.Id);
        Assert.True(parsed.IsResponse);
        Assert.True(parsed.Authoritative);
        Assert.True(parsed.RecursionDesired);
        Assert.Equal("web.netcourse.test", Assert.Single(parsed.Questions).Name);
        var answer = Assert.Single(parsed.Answers);
        Assert.Equal(DnsRecordType.AAAA, answer.Type);
        Assert.Equal(IPAddress.IPv6Loopback, answer.Address);
        Assert.Equal(30u, answer.TimeToLive);
    }

    [Fact]
    public void Compressed_names_are_followed()
    {
        // Header (1 question, 1 answer), question "a.test" A IN, answer name = pointer to offset 12.
        byte[] data =
        [
            0, 1, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0,
            1, (byte)'a', 4, (byte)'t', (byte)'e', (byte)'s', (byte)'t', 0, 0, 1, 0, 1,
            0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 9,
        ];
        var parsed = DnsMessage.Parse(data);
        var answer = Assert.Single(parsed.Answers);
        Assert.Equal("a.test", answer.Name);
        Assert.Equal(IPAddress.Parse("127.0.0.9"), answer.Address);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 5, (byte)'a' })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x80 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1 })]
    public void Malformed_messages_raise_a_format_error_not_a_crash(byte[] data)
    {
        var e = Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(data));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("nom avec espace.test")]
    [InlineData("ééé.test")]
    public void Invalid_names_are_refused_when_writing(string name)
    {
        Assert.Throws<DnsFormatException>(() => DnsMessage.Query(1, name).ToBytes());
    }

    [Fact]
    public void A_64_character_label_is_refused()
    {
        Assert.Throws<DnsFormatException>(() => DnsMessage.Query(1, new string('a', 64) + ".test").ToBytes());
    }

    [Fact]
    public void Error_header_keeps_the_id_and_sets_qr_and_rcode()
    {
        var header = DnsMessage.ErrorHeaderFor([0xAB, 0xCD, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xFF], DnsResponseCode.FormatError);
        Assert.NotNull(header);
        var parsed = DnsMessage.Parse(header);
        Assert.Equal(0xABCD, parsed.Id);
        Assert.True(parsed.IsResponse);
        Assert.Equal(DnsResponseCode.FormatError, parsed.ResponseCode);
        Assert.Null(DnsMessage.ErrorHeaderFor([1, 2, 3], DnsResponseCode.FormatError));
    }
}
