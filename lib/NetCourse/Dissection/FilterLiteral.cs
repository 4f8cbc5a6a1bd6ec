using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace NetCourse.Dissection;

/// <summary>
/// A value written in a display filter (right-hand side), read once in every form it may take: integer, number,
/// address (with an optional CIDR prefix), bytes, text. The field's kind picks the form when the filter runs.
/// </summary>
internal sealed partial class FilterLiteral
{
    public FilterLiteral(FilterToken token)
    {
        Text = token.Text;
        Quoted = token.Kind == FilterTokenKind.String;
        Position = token.Position;
        Length = token.Length;
        if (!Quoted)
        {
            Integer = ParseInteger(Text);
            if (Text is "True" or "TRUE" or "true") Boolean = true;
            else if (Text is "False" or "FALSE" or "false") Boolean = false;
            if (double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && !Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) Number = n;
            else if (Integer is { } i) Number = i;
            ParseAddress(Text);
            Bytes = ParseBytes(Text);
        }
        else
        {
            Bytes = System.Text.Encoding.UTF8.GetBytes(Text);
        }
    }

    /// <summary>The text as written (without quotes for a string).</summary>
    public string Text { get; }

    /// <summary>True for a "quoted string".</summary>
    public bool Quoted { get; }

    /// <summary>0-based position in the filter.</summary>
    public int Position { get; }

    /// <summary>Length in the filter.</summary>
    public int Length { get; }

    /// <summary>The integer (decimal, 0x hex, 0 octal) or null.</summary>
    public long? Integer { get; }

    /// <summary>True / False, or null.</summary>
    public bool? Boolean { get; }

    /// <summary>The floating-point value or null.</summary>
    public double? Number { get; }

    /// <summary>The address (network address when a prefix is given) or null.</summary>
    public byte[]? AddressBytes { get; private set; }

    /// <summary>The address family of <see cref="AddressBytes"/>.</summary>
    public AddressFamily AddressFamily { get; private set; }

    /// <summary>The CIDR prefix length, or the full length when none is written.</summary>
    public int Prefix { get; private set; }

    /// <summary>A CIDR prefix larger than the address allows (reported as an error), else null.</summary>
    public int? BadPrefix { get; private set; }

    /// <summary>The bytes (aa:bb:cc, aa-bb, a single hex byte; UTF-8 for a string) or null.</summary>
    public byte[]? Bytes { get; }

    private static long? ParseInteger(string text)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        if (body.Length == 0) return null;
        long value;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)) return null;
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            value = 0;
            foreach (var c in body)
            {
                if (c is < '0' or > '7') return null;
                value = value * 8 + (c - '0');
            }
        }
        else if (!long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return null;
        return negative ? -value : value;
    }

    private void ParseAddress(string text)
    {
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text[..slash];
        var isV4 = Ipv4Pattern().IsMatch(address);
        var isV6 = !isV4 && address.Contains(':') && IPAddress.TryParse(address, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        if (!isV4 && !isV6) return;
        if (!IPAddress.TryParse(address, out var ip)) return;
        var bytes = ip.GetAddressBytes();
        var bits = bytes.Length * 8;
        var prefix = bits;
        if (slash >= 0)
        {
            if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix)) return;
            if (prefix > bits) { BadPrefix = prefix; return; }
        }
        AddressBytes = bytes;
        AddressFamily = ip.AddressFamily;
        Prefix = prefix;
    }

    private static byte[]? ParseBytes(string text)
    {
        var parts = text.Split(':', '-', '.');
        if (parts.Length == 1) return text.Length <= 2 && IsHex(text) ? [Convert.ToByte(text, 16)] : null;
        var bytes = new byte[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length is 0 or > 2 || !IsHex(parts[i])) return null;
            bytes[i] = Convert.ToByte(parts[i], 16);
        }
        return bytes;
    }

    private static bool IsHex(string s) => s.Length > 0 && s.All(char.IsAsciiHexDigit);

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex Ipv4Pattern();
}
