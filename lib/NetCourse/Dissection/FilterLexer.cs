namespace NetCourse.Dissection;

/// <summary>Cuts a display filter into tokens (Wireshark's lexical rules, simplified).</summary>
internal static class FilterLexer
{
    /// <summary>The tokens of <paramref name="text"/>, ending with an End token; throws <see cref="DisplayFilterException"/>.</summary>
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            switch (c)
            {
                case '(': tokens.Add(new(FilterTokenKind.LeftParen, "(", i++, 1)); continue;
                case ')': tokens.Add(new(FilterTokenKind.RightParen, ")", i++, 1)); continue;
                case '{': tokens.Add(new(FilterTokenKind.LeftBrace, "{", i++, 1)); continue;
                case '}': tokens.Add(new(FilterTokenKind.RightBrace, "}", i++, 1)); continue;
                case '[': tokens.Add(new(FilterTokenKind.LeftBracket, "[", i++, 1)); continue;
                case ']': tokens.Add(new(FilterTokenKind.RightBracket, "]", i++, 1)); continue;
                case ',': tokens.Add(new(FilterTokenKind.Comma, ",", i++, 1)); continue;
                case '"': tokens.Add(ReadString(text, ref i)); continue;
                case '&':
                    if (Next(text, i) == '&') { tokens.Add(new(FilterTokenKind.And, "&&", i, 2)); i += 2; }
                    else { tokens.Add(new(FilterTokenKind.BitAnd, "&", i, 1)); i++; }
                    continue;
                case '|':
                    if (Next(text, i) == '|') { tokens.Add(new(FilterTokenKind.Or, "||", i, 2)); i += 2; continue; }
                    throw new DisplayFilterException(text, i, 1, "« | » seul n'existe pas : écrivez « || » (ou « or ») pour « ou ».");
                case '=':
                    if (Next(text, i) == '=')
                    {
                        var len = Next(text, i + 1) == '=' ? 3 : 2;
                        tokens.Add(new(FilterTokenKind.Relation, text.Substring(i, len), i, len));
                        i += len;
                        continue;
                    }
                    throw new DisplayFilterException(text, i, 1, "« = » seul n'est pas une comparaison : écrivez « == » (ou « eq »).");
                case '!':
                    if (Next(text, i) == '=')
                    {
                        var len = Next(text, i + 1) == '=' ? 3 : 2;
                        tokens.Add(new(FilterTokenKind.Relation, text.Substring(i, len), i, len));
                        i += len;
                    }
                    else { tokens.Add(new(FilterTokenKind.Not, "!", i, 1)); i++; }
                    continue;
                case '~':
                    if (Next(text, i) == '=') { tokens.Add(new(FilterTokenKind.Relation, "~=", i, 2)); i += 2; continue; }
                    throw new DisplayFilterException(text, i, 1, "« ~ » seul n'existe pas : « ~= » signifie « au moins une valeur différente ».");
                case '<':
                case '>':
                    if (Next(text, i) == '=') { tokens.Add(new(FilterTokenKind.Relation, text.Substring(i, 2), i, 2)); i += 2; }
                    else { tokens.Add(new(FilterTokenKind.Relation, c.ToString(), i, 1)); i++; }
                    continue;
                case '.' when Next(text, i) == '.':
                    tokens.Add(new(FilterTokenKind.Range, "..", i, 2));
                    i += 2;
                    continue;
            }
            if (IsWordChar(c))
            {
                while (i < text.Length && IsWordChar(text[i]) && !(text[i] == '.' && Next(text, i) == '.')) i++;
                var word = text[start..i];
                tokens.Add(new(KeywordKind(word), word, start, i - start));
                continue;
            }
            throw new DisplayFilterException(text, i, 1, $"le caractère « {c} » est inattendu ici.");
        }
        tokens.Add(new(FilterTokenKind.End, "", text.Length, 1));
        return tokens;
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-';

    private static FilterTokenKind KeywordKind(string word) => word.ToLowerInvariant() switch
    {
        "and" => FilterTokenKind.And,
        "or" => FilterTokenKind.Or,
        "not" => FilterTokenKind.Not,
        "in" => FilterTokenKind.In,
        "contains" => FilterTokenKind.Contains,
        "matches" => FilterTokenKind.Matches,
        "eq" or "ne" or "lt" or "le" or "gt" or "ge" or "any_eq" or "all_ne" or "all_eq" or "any_ne" => FilterTokenKind.Relation,
        _ => FilterTokenKind.Word,
    };

    private static FilterToken ReadString(string text, ref int i)
    {
        var start = i++;
        var value = new System.Text.StringBuilder();
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => text[i] });
                i++;
                continue;
            }
            value.Append(text[i++]);
        }
        if (i >= text.Length)
            throw new DisplayFilterException(text, start, text.Length - start, "la chaîne commencée ici n'est jamais fermée (il manque un « \" »).");
        i++;
        return new(FilterTokenKind.String, value.ToString(), start, i - start);
    }
}
