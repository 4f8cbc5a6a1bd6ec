using System.Globalization;
using System.Net;

namespace NetCourse.Dissection;

/// <summary>
/// One value of one field of a packet: typed (for display filters) and rendered exactly as
/// <c>tshark -T fields</c> prints it (<see cref="Display"/>).
/// </summary>
/// <param name="Kind">The value's type.</param>
/// <param name="Integer">The value for Integer and Boolean (1 / 0) kinds.</param>
/// <param name="Number">The value for the Number kind.</param>
/// <param name="Text">The value for the Text kind.</param>
/// <param name="Address">The value for the Address kind.</param>
/// <param name="Bytes">The value for Ethernet and Bytes kinds.</param>
/// <param name="Display">The text tshark prints for this value.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after FieldKind.Integer, the kind it holds.")]
public sealed record FieldValue(FieldKind Kind, long Integer, double Number, string? Text, IPAddress? Address, byte[]? Bytes, string Display)
{
    // Lengths, stream numbers, TTLs, types and flags are small: one shared value per number below 4096 (built on first
    // use) instead of one per field of every packet. A 65536 bound saved more allocation (ports, IP identifiers) but its
    // filled tables kept about 12 MB more at peak, against the flat memory the course wants.
    private const int Cached = 1 << 12;
    private const int MaxCachedHexDigits = 8;
    private static readonly FieldValue[] SmallIntegers = new FieldValue[Cached];
    private static readonly FieldValue[]?[] SmallHex = new FieldValue[]?[MaxCachedHexDigits + 1];
    private static readonly FieldValue True = new(FieldKind.Boolean, 1, 1, null, null, null, "1");
    private static readonly FieldValue False = new(FieldKind.Boolean, 0, 0, null, null, null, "0");
    private string? _display = Display;
    private int _hexDigits;
    private long _nanoseconds;
    private bool _seconds;

    /// <summary>The text tshark prints for this value (rendered on first use when the dissector left it for later).</summary>
    public string Display
    {
        get => _display ??= Render();
        init => _display = value;
    }

    /// <summary>An integer, displayed in decimal unless <paramref name="display"/> says otherwise (for example "0x0800").</summary>
    public static FieldValue FromInteger(long value, string? display = null)
    {
        if (display is null && value is >= 0 and < Cached)
            return SmallIntegers[value] ??= new(FieldKind.Integer, value, value, null, null, null, null!);
        return new(FieldKind.Integer, value, value, null, null, null, display!);
    }

    /// <summary>A subtree node (FT_NONE): true for filters, « 1 » as tshark -T fields prints it, its details line as <see cref="Text"/>.</summary>
    public static FieldValue FromNode(string line) => new(FieldKind.Boolean, 1, 1, line, null, null, "1");

    /// <summary>An integer displayed as tshark shows hexadecimal fields: "0x" and <paramref name="digits"/> lowercase digits (rendered on first use).</summary>
    public static FieldValue FromHex(long value, int digits)
    {
        if (value is >= 0 and < Cached && digits is > 0 and <= MaxCachedHexDigits)
        {
            var table = SmallHex[digits] ??= new FieldValue[Cached];
            return table[value] ??= new(FieldKind.Integer, value, value, null, null, null, null!) { _hexDigits = digits };
        }
        return new(FieldKind.Integer, value, value, null, null, null, null!) { _hexDigits = digits };
    }

    /// <summary>A time in seconds with nanosecond precision, displayed as tshark does ("0.000123000"), rendered on first use.</summary>
    internal static FieldValue FromSeconds(decimal seconds) =>
        new(FieldKind.Number, (long)seconds, (double)seconds, null, null, null, null!) { _nanoseconds = (long)(seconds * 1_000_000_000m), _seconds = true };

    /// <summary>Writes the display text into <paramref name="destination"/> without allocating; false when it does not fit.</summary>
    internal bool TryWrite(Span<char> destination, out int written)
    {
        if (_display is { } display)
        {
            written = display.Length;
            return display.TryCopyTo(destination);
        }
        switch (Kind)
        {
            case FieldKind.Integer when _hexDigits > 0:
                return TryHex(Integer, _hexDigits, destination, out written);
            case FieldKind.Integer or FieldKind.Boolean:
                return Integer.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
            case FieldKind.Number when _seconds:
                return TrySeconds(_nanoseconds, destination, out written);
            case FieldKind.Address when Address is not null:
                return Address.TryFormat(destination, out written);
            case FieldKind.Ethernet when Bytes is { Length: > 0 } mac && destination.Length >= mac.Length * 3 - 1:
                for (var i = 0; i < mac.Length; i++)
                {
                    destination[i * 3] = "0123456789abcdef"[mac[i] >> 4];
                    destination[i * 3 + 1] = "0123456789abcdef"[mac[i] & 0xf];
                    if (i < mac.Length - 1)
                        destination[i * 3 + 2] = ':';
                }
                written = mac.Length * 3 - 1;
                return true;
        }
        var text = Display;
        written = text.Length;
        return text.TryCopyTo(destination);
    }

    private static bool TryHex(long value, int digits, Span<char> destination, out int written)
    {
        var width = Math.Max(digits, 64 - (int)ulong.LeadingZeroCount((ulong)value) + 3 >> 2) + 2;
        written = width;
        if (destination.Length < width)
            return false;
        destination[0] = '0';
        destination[1] = 'x';
        for (var i = width - 1; i >= 2; i--, value >>>= 4)
            destination[i] = "0123456789abcdef"[(int)(value & 0xf)];
        return true;
    }

    private static bool TrySeconds(long nanoseconds, Span<char> destination, out int written)
    {
        written = 0;
        var negative = nanoseconds < 0;
        var magnitude = (ulong)Math.Abs(nanoseconds);
        var position = 0;
        if (negative)
        {
            if (destination.Length < 1)
                return false;
            destination[position++] = '-';
        }
        if (!(magnitude / 1_000_000_000).TryFormat(destination[position..], out var whole, default, CultureInfo.InvariantCulture))
            return false;
        position += whole;
        if (destination.Length < position + 10)
            return false;
        destination[position++] = '.';
        if (!(magnitude % 1_000_000_000).TryFormat(destination[position..], out _, "D9", CultureInfo.InvariantCulture))
            return false;
        written = position + 9;
        return true;
    }

    /// <summary>A boolean; <paramref name="display"/> is what tshark prints for it.</summary>
    public static FieldValue FromBoolean(bool value, string display) =>
        display == "1" && value ? True : display == "0" && !value ? False : new(FieldKind.Boolean, value ? 1 : 0, value ? 1 : 0, null, null, null, display);

    /// <summary>A floating-point number with its tshark rendering.</summary>
    public static FieldValue FromNumber(double value, string display) =>
        new(FieldKind.Number, (long)value, value, null, null, null, display);

    /// <summary>Text, displayed as is.</summary>
    public static FieldValue FromText(string value) => new(FieldKind.Text, 0, 0, value, null, null, value);

    /// <summary>An IP address, displayed in its usual form (rendered on first use).</summary>
    public static FieldValue FromAddress(IPAddress value) => new(FieldKind.Address, 0, 0, null, value, null, null!);

    /// <summary>A MAC address, displayed as aa:bb:cc:dd:ee:ff (rendered on first use).</summary>
    public static FieldValue FromEthernet(byte[] value) => new(FieldKind.Ethernet, 0, 0, null, null, value, null!);

    /// <summary>Raw bytes, displayed as colon-free lowercase hex (rendered on first use).</summary>
    public static FieldValue FromBytes(byte[] value) => new(FieldKind.Bytes, 0, 0, null, null, value, null!);

    private string Render() => Kind switch
    {
        FieldKind.Integer when _hexDigits > 0 => Hex(Integer, _hexDigits),
        FieldKind.Integer or FieldKind.Boolean => Integer.ToString(CultureInfo.InvariantCulture),
        FieldKind.Number when _seconds => Seconds(_nanoseconds),
        FieldKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        FieldKind.Text => Text ?? "",
        FieldKind.Address => Address?.ToString() ?? "",
        FieldKind.Ethernet => Mac(Bytes ?? []),
        _ => Convert.ToHexStringLower(Bytes ?? []),
    };

    private static string Seconds(long nanoseconds)
    {
        Span<char> buffer = stackalloc char[32];
        TrySeconds(nanoseconds, buffer, out var written);
        return new string(buffer[..written]);
    }

    private static string Hex(long value, int digits)
    {
        var width = Math.Max(digits, 64 - (int)ulong.LeadingZeroCount((ulong)value) + 3 >> 2);
        return string.Create(width + 2, value, (span, v) =>
        {
            span[0] = '0';
            span[1] = 'x';
            for (var i = span.Length - 1; i >= 2; i--, v >>>= 4)
                span[i] = "0123456789abcdef"[(int)(v & 0xf)];
        });
    }

    private static string Mac(byte[] bytes)
    {
        if (bytes.Length == 0)
            return "";
        return string.Create(bytes.Length * 3 - 1, bytes, (span, b) =>
        {
            for (var i = 0; i < b.Length; i++)
            {
                span[i * 3] = "0123456789abcdef"[b[i] >> 4];
                span[i * 3 + 1] = "0123456789abcdef"[b[i] & 0xf];
                if (i < b.Length - 1)
                    span[i * 3 + 2] = ':';
            }
        });
    }

    /// <summary>Values are equal when their kind, typed value and display text are equal.</summary>
    public bool Equals(FieldValue? other) =>
        other is not null && Kind == other.Kind && Integer == other.Integer && Number.Equals(other.Number) && Text == other.Text
        && Equals(Address, other.Address) && (Bytes ?? []).AsSpan().SequenceEqual(other.Bytes ?? []) && Display == other.Display;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Integer, Text, Address, Display);

    /// <inheritdoc />
    public override string ToString() => Display;
}
