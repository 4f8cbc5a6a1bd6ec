namespace NetCourse.Dissection;

/// <summary>One token of a display filter: its kind, its text (unquoted for strings), and where it stands.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position, int Length);
