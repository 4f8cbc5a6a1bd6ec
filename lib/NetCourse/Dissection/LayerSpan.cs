namespace NetCourse.Dissection;

/// <summary>One layer of a frame: which bytes are its header, and how far its content (header + what it wraps) goes.</summary>
/// <param name="Kind">The layer (link, network, transport, application).</param>
/// <param name="Name">The protocol's name as shown (Ethernet II, IPv4, TCP, Données).</param>
/// <param name="Offset">Index of the layer's first byte in the frame.</param>
/// <param name="HeaderLength">Length of the layer's own header (for the application data: all its bytes).</param>
/// <param name="TotalLength">Length of the header plus everything it wraps.</param>
public sealed record LayerSpan(LayerKind Kind, string Name, int Offset, int HeaderLength, int TotalLength);
