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
public sealed record FieldValue(FieldKind Kind, long Integer, double Number, string? Text, IPAddress? Address, byte[]? Bytes, string Display)
{
    /// <summary>An integer, displayed in decimal unless <paramref name="display"/> says otherwise (for example "0x0800").</summary>
    public static FieldValue FromInteger(long value, string? display = null) =>
        new(FieldKind.Integer, value, value, null, null, null, display ?? value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A boolean; <paramref name="display"/> is what tshark prints for it.</summary>
    public static FieldValue FromBoolean(bool value, string display) =>
        new(FieldKind.Boolean, value ? 1 : 0, value ? 1 : 0, null, null, null, display);

    /// <summary>A floating-point number with its tshark rendering.</summary>
    public static FieldValue FromNumber(double value, string display) =>
        new(FieldKind.Number, (long)value, value, null, null, null, display);

    /// <summary>Text, displayed as is.</summary>
    public static FieldValue FromText(string value) => new(FieldKind.Text, 0, 0, value, null, null, value);

    /// <summary>An IP address, displayed in its usual form.</summary>
    public static FieldValue FromAddress(IPAddress value) => new(FieldKind.Address, 0, 0, null, value, null, value.ToString());

    /// <summary>A MAC address, displayed as aa:bb:cc:dd:ee:ff.</summary>
    public static FieldValue FromEthernet(byte[] value) =>
        new(FieldKind.Ethernet, 0, 0, null, null, value, string.Join(':', value.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>Raw bytes, displayed as colon-free lowercase hex.</summary>
    public static FieldValue FromBytes(byte[] value) => new(FieldKind.Bytes, 0, 0, null, null, value, Convert.ToHexStringLower(value));

    /// <inheritdoc />
    public override string ToString() => Display;
}
