namespace NetCourse.Dissection.Follow;

/// <summary>
/// One piece of a followed TCP conversation: new bytes one side sent, in stream order (what Wireshark's Follow TCP
/// Stream prints as one block).
/// </summary>
/// <param name="FromServer">True when node 1 (the side that did not send the stream's first packet) sent it.</param>
/// <param name="FrameNumber">The frame that carried these bytes (or that revealed a gap, for a missing-bytes marker).</param>
/// <param name="Data">The bytes, without the part an earlier segment already delivered.</param>
public sealed record FollowChunk(bool FromServer, long FrameNumber, byte[] Data);
