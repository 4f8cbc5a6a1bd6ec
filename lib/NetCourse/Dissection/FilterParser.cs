using System.Globalization;
using System.Text.RegularExpressions;

namespace NetCourse.Dissection;

/// <summary>
/// Recursive-descent reader of display filters. Precedence as in Wireshark: <c>!</c> binds tightest, then
/// <c>&amp;&amp;</c>, then <c>||</c>.
/// </summary>
internal sealed partial class FilterParser
{
    private readonly string _text;
    private readonly bool _strict;
    private readonly List<FilterToken> _tokens;
    private readonly List<string> _fields = [];
    private int _index;

    private FilterParser(string text, bool strict)
    {
        _text = text;
        _strict = strict;
        _tokens = FilterLexer.Tokenize(text);
    }

    /// <summary>Parses <paramref name="text"/>; returns the tree and the field and protocol names it uses.</summary>
    public static (FilterNode Root, IReadOnlyList<string> Fields) Parse(string text, bool strict = false)
    {
        var parser = new FilterParser(text, strict);
        if (parser.Peek.Kind == FilterTokenKind.End) return (new FilterAll(), []);
        var root = parser.ParseOr();
        if (parser.Peek.Kind != FilterTokenKind.End) throw parser.Unexpected(parser.Peek);
        return (root, parser._fields.Distinct().ToArray());
    }

    private FilterToken Peek => _tokens[_index];

    private FilterToken PeekAt(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private FilterToken Take() => _tokens[_index++];

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Kind == FilterTokenKind.Or)
        {
            Take();
            left = new FilterOr(left, ParseAnd());
        }
        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseNot();
        while (Peek.Kind == FilterTokenKind.And)
        {
            Take();
            left = new FilterAnd(left, ParseNot());
        }
        return left;
    }

    private FilterNode ParseNot()
    {
        if (Peek.Kind == FilterTokenKind.Not)
        {
            Take();
            return new FilterNot(ParseNot());
        }
        return ParsePrimary();
    }

    private FilterNode ParsePrimary()
    {
        var token = Peek;
        if (token.Kind == FilterTokenKind.LeftParen)
        {
            Take();
            var inner = ParseOr();
            if (Peek.Kind != FilterTokenKind.RightParen)
            {
                if (Peek.Kind == FilterTokenKind.End)
                    throw new DisplayFilterException(_text, token.Position, 1, "cette parenthèse ouvrante n'est jamais fermée (il manque un « ) »).");
                throw Unexpected(Peek, "« ) » attendu");
            }
            Take();
            return inner;
        }
        return ParseTest();
    }

    private FilterNode ParseTest()
    {
        var operand = ParseOperand();
        var next = Peek;
        switch (next.Kind)
        {
            case FilterTokenKind.Relation:
                Take();
                var relation = RelationOf(next.Text);
                var literal = ParseLiteral("une valeur à comparer");
                if (IsFieldReference(literal))
                {
                    _fields.Add(literal.Text);
                    return new FilterCompareFields(operand, relation, new FilterOperand(literal.Text, literal.Position, literal.Length));
                }
                Validate(operand, literal, relation);
                return new FilterCompare(operand, relation, literal);
            case FilterTokenKind.Contains:
                Take();
                var needle = ParseLiteral("une valeur à chercher");
                Validate(operand, needle, FilterRelation.Contains);
                return new FilterCompare(operand, FilterRelation.Contains, needle);
            case FilterTokenKind.Matches:
                Take();
                return new FilterMatches(operand, ParseRegex(operand));
            case FilterTokenKind.In:
                Take();
                return new FilterIn(operand, ParseSet(operand));
            case FilterTokenKind.Not when PeekAt(1).Kind == FilterTokenKind.In:
                Take();
                Take();
                return new FilterNot(new FilterIn(operand, ParseSet(operand)));
            default:
                return new FilterExists(operand);
        }
    }

    private FilterOperand ParseOperand()
    {
        var token = Peek;
        if (token.Kind == FilterTokenKind.End)
            throw new DisplayFilterException(_text, token.Position, 1, "le filtre s'arrête trop tôt : il manque un champ ou un protocole.");
        if (token.Kind == FilterTokenKind.String)
            throw new DisplayFilterException(_text, token.Position, token.Length, $"à gauche d'une comparaison il faut un champ ou un protocole, pas la chaîne « {token.Text} ».");
        if (token.Kind != FilterTokenKind.Word) throw Unexpected(token, "un champ ou un protocole attendu");
        if (!FieldNamePattern().IsMatch(token.Text))
        {
            var reason = token.Text.Any(char.IsAsciiLetterUpper) && FieldNamePattern().IsMatch(token.Text.ToLowerInvariant())
                ? $"« {token.Text} » n'est ni un champ ni un protocole : les noms s'écrivent en minuscules (« {token.Text.ToLowerInvariant()} »)."
                : $"« {token.Text} » n'est ni un champ ni un protocole (un nom comme tcp, ip.src ou tcp.port est attendu ici).";
            throw new DisplayFilterException(_text, token.Position, token.Length, reason);
        }
        if (_strict && !FilterKnownNames.Names.Contains(token.Text))
        {
            var suggestion = FilterKnownNames.Suggest(token.Text);
            throw new DisplayFilterException(_text, token.Position, token.Length,
                $"« {token.Text} » n'est ni un champ ni un protocole connu" + (suggestion is null ? "." : $" (vouliez-vous dire « {suggestion} » ?)."));
        }
        Take();
        _fields.Add(token.Text);
        var operand = new FilterOperand(token.Text, token.Position, token.Length);
        if (Peek.Kind == FilterTokenKind.LeftBracket) ParseSlice(operand);
        if (Peek.Kind == FilterTokenKind.BitAnd)
        {
            Take();
            var mask = ParseLiteral("un masque (par exemple 0x02)");
            if (mask.Quoted || (mask.Integer is null && mask.Bytes is null))
                throw new DisplayFilterException(_text, mask.Position, mask.Length, $"« {mask.Text} » n'est pas un masque entier (écrivez par exemple 0x02 ou 1).");
            operand.Mask = mask;
        }
        return operand;
    }

    private void ParseSlice(FilterOperand operand)
    {
        var open = Take();
        var body = Peek;
        if (body.Kind != FilterTokenKind.Word) throw Unexpected(body, "une tranche comme [0], [0:2] ou [1-3] attendue");
        Take();
        var m = SlicePattern().Match(body.Text);
        if (!m.Success)
            throw new DisplayFilterException(_text, body.Position, body.Length, $"« [{body.Text}] » n'est pas une tranche : écrivez [i], [i:longueur], [i-j] ou [i:].");
        int Number(string group, int fallback)
        {
            var g = m.Groups[group];
            if (!g.Success || g.Value.Length == 0 || g.Value == "-") return fallback;
            if (int.TryParse(g.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && Math.Abs((long)v) <= 65535) return v;
            throw new DisplayFilterException(_text, body.Position, body.Length, $"dans [{body.Text}], un nombre est trop grand.");
        }
        if (m.Groups["start"].Value == "-")
            throw new DisplayFilterException(_text, body.Position, body.Length, $"« [{body.Text}] » n'est pas une tranche : écrivez [i], [i:longueur], [i-j] ou [i:].");
        var start = Number("start", 0);
        int? length = 1;
        if (m.Groups["len"].Success) length = m.Groups["len"].Value.Length > 0 ? Number("len", 0) : null;
        else if (m.Groups["end"].Success)
        {
            var end = Number("end", 0);
            if (end < start) throw new DisplayFilterException(_text, body.Position, body.Length, $"dans [{body.Text}], la fin est avant le début.");
            length = end - start + 1;
        }
        if (Peek.Kind != FilterTokenKind.RightBracket)
            throw new DisplayFilterException(_text, open.Position, 1, "ce crochet n'est jamais fermé (il manque un « ] »).");
        Take();
        operand.SetSlice(start, length);
    }

    private List<(FilterLiteral Low, FilterLiteral? High)> ParseSet(FilterOperand operand)
    {
        var open = Peek;
        if (open.Kind != FilterTokenKind.LeftBrace) throw Unexpected(open, "« { » attendu après « in »");
        Take();
        var items = new List<(FilterLiteral, FilterLiteral?)>();
        while (true)
        {
            var low = ParseLiteral("un élément de l'ensemble");
            Validate(operand, low, FilterRelation.Equal);
            FilterLiteral? high = null;
            if (Peek.Kind == FilterTokenKind.Range)
            {
                Take();
                high = ParseLiteral("la fin de l'intervalle");
                Validate(operand, high, FilterRelation.Equal);
            }
            items.Add((low, high));
            var next = Peek;
            if (next.Kind == FilterTokenKind.Comma) { Take(); continue; }
            if (next.Kind == FilterTokenKind.RightBrace) { Take(); return items; }
            if (next.Kind == FilterTokenKind.End)
                throw new DisplayFilterException(_text, open.Position, 1, "cet ensemble n'est jamais fermé (il manque un « } »).");
            if (next.Kind is FilterTokenKind.Word or FilterTokenKind.String)
                throw new DisplayFilterException(_text, next.Position, next.Length, $"« {next.Text} » inattendu : séparez les éléments de l'ensemble par des virgules.");
            throw Unexpected(next, "« , » ou « } » attendu");
        }
    }

    private Regex ParseRegex(FilterOperand operand)
    {
        var pattern = ParseLiteral("une expression régulière entre guillemets");
        if (FilterFieldKinds.TryGet(operand.Name, out var kind) && kind is not (FieldKind.Text or FieldKind.Bytes or FieldKind.Ethernet)
            && !operand.HasSlice && operand.Mask is null)
            throw new DisplayFilterException(_text, operand.Position, operand.Length,
                $"« matches » cherche dans du texte ou des octets, or {operand.Name} n'en contient pas : utilisez ==, <, > ou in.");
        try
        {
            return new Regex(pattern.Text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            throw new DisplayFilterException(_text, pattern.Position, pattern.Length, $"expression régulière invalide : {e.Message}");
        }
    }

    private FilterLiteral ParseLiteral(string expected)
    {
        var token = Peek;
        if (token.Kind is FilterTokenKind.Word or FilterTokenKind.String)
        {
            Take();
            return new FilterLiteral(token);
        }
        if (token.Kind == FilterTokenKind.End)
            throw new DisplayFilterException(_text, token.Position, 1, $"le filtre s'arrête trop tôt : il manque {expected}.");
        throw Unexpected(token, $"{expected} attendu");
    }

    /// <summary>An unquoted right-hand side that names a known field (ip.dst, tcp.dstport …) compares two fields, as in Wireshark.</summary>
    private static bool IsFieldReference(FilterLiteral literal) =>
        !literal.Quoted && literal.Integer is null && literal.AddressBytes is null && literal.Bytes is null
        && literal.Text.Contains('.', StringComparison.Ordinal) && FilterKnownNames.Names.Contains(literal.Text);

    private void Validate(FilterOperand operand, FilterLiteral literal, FilterRelation relation)
    {
        if (literal.BadPrefix is { } bad)
            throw new DisplayFilterException(_text, literal.Position, literal.Length, $"le préfixe /{bad} est trop long pour cette adresse (au plus 32 bits en IPv4, 128 en IPv6).");
        if (operand.HasSlice || operand.Mask is not null)
        {
            if (relation != FilterRelation.Contains && literal.Integer is null && literal.Bytes is null)
                throw new DisplayFilterException(_text, literal.Position, literal.Length, $"« {literal.Text} » n'est ni un entier ni une suite d'octets (comme 01:00:5e).");
            return;
        }
        if (!FilterFieldKinds.TryGet(operand.Name, out var kind)) return;
        string? reason = null;
        if (relation == FilterRelation.Contains)
        {
            if (kind is not (FieldKind.Text or FieldKind.Bytes or FieldKind.Ethernet))
                reason = $"« contains » cherche du texte ou des octets, or {operand.Name} n'en contient pas : utilisez ==, <, > ou in.";
        }
        else
        {
            reason = kind switch
            {
                FieldKind.Integer when literal.Quoted => $"{operand.Name} est un entier : écrivez {literal.Text} sans guillemets.",
                FieldKind.Integer when literal.Integer is null => $"« {literal.Text} » n'est pas un entier valide pour {operand.Name}.",
                FieldKind.Boolean when literal.Integer is null && literal.Boolean is null => $"{operand.Name} vaut 0 ou 1 (ou True / False), pas « {literal.Text} ».",
                FieldKind.Number when literal.Number is null => $"« {literal.Text} » n'est pas un nombre valide pour {operand.Name}.",
                FieldKind.Address when literal.AddressBytes is null =>
                    $"« {literal.Text} » n'est pas une adresse IP valide (écrivez-la en entier, comme 127.0.0.1 ou ::1 ; les noms d'hôte ne sont pas résolus).",
                FieldKind.Ethernet when literal.Bytes is not { Length: 6 } || literal.Quoted => $"« {literal.Text} » n'est pas une adresse Ethernet (six octets comme 00:00:00:00:00:00).",
                _ => null,
            };
        }
        if (reason is not null) throw new DisplayFilterException(_text, literal.Position, literal.Length, reason);
    }

    private DisplayFilterException Unexpected(FilterToken token, string? expected = null)
    {
        if (token.Kind == FilterTokenKind.End)
            return new DisplayFilterException(_text, token.Position, 1, "le filtre s'arrête trop tôt" + (expected is null ? "." : $" : {expected}."));
        return new DisplayFilterException(_text, token.Position, token.Length, $"« {token.Text} » est inattendu ici" + (expected is null ? "." : $" ({expected})."));
    }

    private static FilterRelation RelationOf(string op) => op.ToLowerInvariant() switch
    {
        "==" or "eq" or "any_eq" => FilterRelation.Equal,
        "!=" or "ne" or "all_ne" => FilterRelation.NotEqual,
        "===" or "all_eq" => FilterRelation.AllEqual,
        "~=" or "!==" or "any_ne" => FilterRelation.AnyNotEqual,
        "<" or "lt" => FilterRelation.Less,
        "<=" or "le" => FilterRelation.LessOrEqual,
        ">" or "gt" => FilterRelation.Greater,
        _ => FilterRelation.GreaterOrEqual,
    };

    [GeneratedRegex(@"^[a-z_][a-z0-9_\-]*(\.[a-z0-9_\-]+)*$")]
    private static partial Regex FieldNamePattern();

    [GeneratedRegex(@"^(?<start>-?\d*)(?::(?<len>\d*)|-(?<end>\d+))?$")]
    private static partial Regex SlicePattern();
}
